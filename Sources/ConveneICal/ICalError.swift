/// A calendar that cannot be read or written, with where the trouble is.
public struct ICalError: Error, CustomStringConvertible, Hashable, Sendable {
    /// The calendar file (or other source) the trouble is in.
    public var file: String?
    /// The 1-based physical line, when known.
    public var line: Int?
    /// The iCalendar property or field concerned, e.g. `DTSTART` or `title`.
    public var field: String?
    public var message: String

    public init(file: String? = nil, line: Int? = nil, field: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    /// `file:line: error: FIELD: message`, as compilers print it.
    public var description: String { description(as: "error") }

    /// The same line with another severity word, e.g. `note` for a reading that lost nothing.
    public func description(as severity: String) -> String {
        var where_ = file ?? "calendar"
        if let line { where_ += ":\(line)" }
        if let field { return "\(where_): \(severity): \(field): \(message)" }
        return "\(where_): \(severity): \(message)"
    }
}
