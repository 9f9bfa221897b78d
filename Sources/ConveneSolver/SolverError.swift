/// Why the solver could not work on an instance.
public struct SolverError: Error, CustomStringConvertible, Equatable {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { "solver: \(message)" }
}
