/// A programme or schedule export that cannot be made, or a schedule file that cannot be read.
public struct ProgrammeError: Error, Sendable, CustomStringConvertible, Equatable {
    /// What went wrong, naming the file where there is one.
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
