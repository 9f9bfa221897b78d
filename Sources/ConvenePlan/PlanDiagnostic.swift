/// One problem found in a plan file, located like a compiler error.
public struct PlanDiagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// How bad it is: an error stops the plan being used, a warning only asks for a look.
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    public var severity: Severity

    public init(file: String, line: Int, column: Int, message: String, severity: Severity = .error) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.severity = severity
    }

    /// `PATH:LINE:COLUMN: error: message` (or `warning:`).
    public var description: String { "\(file):\(line):\(column): \(severity.rawValue): \(message)" }
}

/// Every problem found in a plan, warnings included; thrown when there is at least one error.
public struct PlanErrors: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [PlanDiagnostic]

    /// The diagnostics that are errors.
    public var errors: [PlanDiagnostic] { diagnostics.filter { $0.severity == .error } }

    public init(_ diagnostics: [PlanDiagnostic]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
