public import ConveneCore
import Foundation
import Yams

/// A plan file read and checked: the event it describes and where it lives.
public struct Plan: Sendable {
    /// The event, with every time resolved to an instant.
    public var event: Event
    /// The path the plan was read from.
    public var file: String
    /// What `check` would like a person to look at, though the plan can be used.
    public var warnings: [PlanDiagnostic] = []

    /// The folder calendar paths in the plan are relative to.
    public var directory: String { (file as NSString).deletingLastPathComponent }

    /// Reads and checks a plan file; throws `PlanErrors` with every problem found.
    ///
    /// - Parameter busy: people's busy times from their calendars, by id, once they are read: the
    ///   proofs then hold them against the plan as they hold `unavailable:`.
    public static func load(path: String, busy: [String: [Interval]] = [:]) throws -> Plan {
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > PlanLimits.maximumBytes {
            throw PlanErrors([PlanDiagnostic(file: path, line: 1, column: 1,
                                             message: "the plan is \(size) bytes; at most \(PlanLimits.maximumBytes) are read")])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PlanErrors([PlanDiagnostic(file: path, line: 1, column: 1, message: "cannot read the plan file")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw PlanErrors([PlanDiagnostic(file: path, line: 1, column: 1, message: "the plan is not UTF-8 text")])
        }
        return try parse(yaml: text, file: path, busy: busy)
    }

    /// Checks a plan given as text; `file` is used in messages and for relative paths.
    public static func parse(yaml: String, file: String, busy: [String: [Interval]] = [:]) throws -> Plan {
        guard yaml.utf8.count <= PlanLimits.maximumBytes else {
            throw PlanErrors([PlanDiagnostic(file: file, line: 1, column: 1,
                                             message: "the plan is \(yaml.utf8.count) bytes; at most \(PlanLimits.maximumBytes) are read")])
        }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                throw PlanErrors([PlanDiagnostic(file: file, line: 1, column: 1, message: "the plan is empty")])
            }
            root = node
        } catch let e as YamlError {
            throw PlanErrors([diagnostic(e, file: file)])
        }
        let reader = PlanReader(file: file, busy: busy)
        let (event, positions) = reader.read(PlanNode(node: root, path: ""))
        if let event { reader.check(event, positions) }
        let diagnostics = reader.diagnostics.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        guard !diagnostics.contains(where: { $0.severity == .error }), let event else { throw PlanErrors(diagnostics) }
        return Plan(event: event, file: file, warnings: diagnostics)
    }

    static func diagnostic(_ e: YamlError, file: String) -> PlanDiagnostic {
        switch e {
        case .scanner(let ctx, let problem, let mark, _), .parser(let ctx, let problem, let mark, _),
             .composer(let ctx, let problem, let mark, _):
            let context = ctx.map { " \($0.text)" } ?? ""
            return PlanDiagnostic(file: file, line: mark.line, column: mark.column, message: "YAML: \(problem)\(context)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return PlanDiagnostic(file: file, line: context.mark.line, column: context.mark.column,
                                  message: "YAML: field '\(duplicates.joined(separator: "', '"))' is written twice in one mapping")
        default:
            return PlanDiagnostic(file: file, line: 1, column: 1, message: "YAML: \(e)")
        }
    }

    /// A one-line summary, e.g. for `convene check`.
    public var summary: String {
        let e = event
        return "\(e.id): \(e.days.count) days, \(e.rooms.count) rooms, \(e.stakeholders.count) people, \(e.sessions.count) sessions"
    }
}
