/// A calendar that cannot be read or written, with where the trouble is.
public struct ICalError: Error, CustomStringConvertible, Hashable, Sendable {
    /// The calendar file (or other source) the trouble is in.
    public var file: String?
    /// The 1-based physical line, when known.
    public var line: Int?
    /// The iCalendar property or field concerned, e.g. `DTSTART` or `title`.
    public var field: String?
    /// What is wrong, in words a person can act on.
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
        var where_ = file.map { $0 + (line.map { ":\($0)" } ?? "") + ": " } ?? ""
        where_ += severity + ": "
        if let field { where_ += field + ": " }
        return where_ + message
    }
}
