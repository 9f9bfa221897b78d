/// A calendar that cannot be read or written, with where the trouble is.
public struct ICalError: Error, CustomStringConvertible, Equatable {
    public var file: String?
    public var line: Int?
    public var message: String

    public init(file: String? = nil, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        var where_ = file ?? "calendar"
        if let line { where_ += ":\(line)" }
        return "\(where_): error: \(message)"
    }
}
