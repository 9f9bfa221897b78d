/// One problem found in a plan file, located like a compiler error.
public struct PlanDiagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `PATH:LINE:COLUMN: error: message`.
    public var description: String { "\(file):\(line):\(column): error: \(message)" }
}

/// Every problem found in a plan; thrown when there is at least one.
public struct PlanErrors: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [PlanDiagnostic]

    public init(_ diagnostics: [PlanDiagnostic]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
