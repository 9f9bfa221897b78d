/// A message that cannot be composed or delivered.
public struct MailError: Error, CustomStringConvertible, Equatable {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { "mail: \(message)" }
}
