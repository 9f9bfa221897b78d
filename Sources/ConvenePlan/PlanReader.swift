import ConveneCore
import Foundation
import Yams

/// Walks the YAML tree of a plan, turning fields into domain values and every
/// problem into a located diagnostic; it never stops at the first problem.
final class PlanReader {
    let file: String
    private(set) var diagnostics: [PlanDiagnostic] = []
    /// The event's zone; UTC until the event section is read (or when it is wrong).
    var zone = ZoneRules(identifier: "UTC")!
    /// The track ids sessions may name, once the plan lists tracks; nil allows any.
    var declaredTracks: Set<String>?
    /// The hours remote people get unless they say otherwise (`event.remoteHours`).
    var remoteHours = PersonHours.remoteDefaults
    /// People's busy times from their calendars, by id: the proofs count them as `unavailable:`.
    let busy: [String: [Interval]]

    init(file: String, busy: [String: [Interval]] = [:]) {
        self.file = file
        self.busy = busy
    }

    func error(_ at: PlanNode, _ message: String) {
        diagnostics.append(PlanDiagnostic(file: file, line: at.line, column: at.column, message: message))
    }

    func warning(_ at: PlanNode, _ message: String) {
        diagnostics.append(PlanDiagnostic(file: file, line: at.line, column: at.column, message: message, severity: .warning))
    }

    /// A date or time as written, with full-width digits, colons, hyphens and spaces read as the
    /// ASCII characters they show (a warning says so).
    func asciiDigits(_ s: String, _ node: PlanNode) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u.value {
            case 0xFF10...0xFF19, 0xFF1A, 0xFF0D: out.unicodeScalars.append(Unicode.Scalar(u.value - 0xFEE0)!)
            case 0x3000: out += " "
            default: out.unicodeScalars.append(u)
            }
        }
        if out != s { warning(node, "'\(node.path)' is written with full-width characters ('\(s)'); read as '\(out)'") }
        return out
    }

    /// The fields of a mapping by name; unknown and missing fields are reported.
    func fields(_ node: PlanNode, known: Set<String>, required: [String] = []) -> [String: PlanNode]? {
        guard let pairs = node.pairs else {
            error(node, "\(node.path.isEmpty ? "the plan" : "'\(node.path)'") must be a mapping, not \(node.kindName)")
            return nil
        }
        var out: [String: PlanNode] = [:]
        for (key, value) in pairs {
            guard let name = key.scalar else { error(key, "a field name must be text"); continue }
            if !known.contains(name) {
                let hint = known.min { editDistance($0, name) < editDistance($1, name) }
                    .flatMap { editDistance($0, name) <= 2 ? " (did you mean '\($0)'?)" : nil } ?? ""
                error(key, "unknown field '\(key.path)'\(hint)")
                continue
            }
            out[name] = value
        }
        for name in required where out[name] == nil {
            error(node, "'\(node.path.isEmpty ? name : node.path + "." + name)' is missing")
        }
        return out
    }

    func text(_ node: PlanNode?, allowEmpty: Bool = false, limit: Int = PlanLimits.textCharacters) -> String? {
        guard let node else { return nil }
        guard let s = node.scalar, !node.isNull || allowEmpty else {
            error(node, "'\(node.path)' must be text, not \(node.kindName)")
            return nil
        }
        if let bad = PrintableText.firstUnsafe(in: s) {
            let code = String(format: "U+%04X", bad.value)
            error(node, "'\(node.path)' contains a control character (\(code): a line break, NUL, terminal control, "
                + "bidi override or line separator); use one line of plain text")
            return nil
        }
        if s.unicodeScalars.count > limit {
            error(node, "'\(node.path)' is \(s.unicodeScalars.count) characters long; at most \(limit) are allowed")
            return nil
        }
        if !allowEmpty && s.trimmingCharacters(in: .whitespaces).isEmpty {
            error(node, "'\(node.path)' is empty")
            return nil
        }
        return s
    }

    func int(_ node: PlanNode?, min: Int = 0) -> Int? {
        guard let node else { return nil }
        guard let s = node.scalar, let v = Int(s) else {
            error(node, "'\(node.path)' must be a whole number, not '\(node.scalar ?? node.kindName)'")
            return nil
        }
        guard v >= min else {
            error(node, "'\(node.path)' must be at least \(min), not \(v)")
            return nil
        }
        return v
    }

    func identifier(_ node: PlanNode?) -> String? {
        guard let s = text(node), let node else { return nil }
        // What README promises: ids go into file names, URLs and mail headers as they are.
        let ok = s.utf8.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == 45 }
        guard ok, s.count <= 64 else {
            error(node, "'\(node.path)' is '\(s)': ids use lowercase ASCII letters, digits and '-' (64 at most)")
            return nil
        }
        return s
    }

    func list(_ node: PlanNode?) -> [PlanNode] {
        guard let node, !node.isNull else { return [] }
        guard let items = node.items else {
            error(node, "'\(node.path)' must be a list, not \(node.kindName)")
            return []
        }
        return items
    }

    func identifiers(_ node: PlanNode?) -> [(String, PlanNode)] {
        list(node).compactMap { item in identifier(item).map { ($0, item) } }
    }

    func enumValue<E: RawRepresentable & CaseIterable>(_ node: PlanNode?, _ type: E.Type) -> E? where E.RawValue == String {
        guard let node, let s = text(node) else { return nil }
        guard let v = E(rawValue: s) else {
            error(node, "'\(node.path)' is '\(s)'; expected one of \(E.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        return v
    }

    func localized(_ node: PlanNode?, limit: Int = PlanLimits.textCharacters) -> LocalizedText? {
        guard let node else { return nil }
        if node.scalar != nil { return text(node, limit: limit).map { LocalizedText(en: $0) } }
        guard let f = fields(node, known: ["ja", "en"]) else { return nil }
        let t = LocalizedText(ja: text(f["ja"], limit: limit), en: text(f["en"], limit: limit))
        if t.ja == nil && t.en == nil {
            if f.isEmpty { error(node, "'\(node.path)' needs 'ja' or 'en'") }
            return nil
        }
        return t
    }

    /// A wall-clock time in the event's zone, `"YYYY-MM-DD HH:MM"`.
    func instant(_ node: PlanNode?) -> Instant? {
        guard let node, let written = text(node) else { return nil }
        let s = asciiDigits(written, node)
        guard let local = LocalDateTime.parse(s) else {
            error(node, "'\(node.path)' is '\(s)'; write a time as \"YYYY-MM-DD HH:MM\" in the event's zone")
            return nil
        }
        return zone.instant(local)
    }

    /// `{from, to}` periods.
    func periods(_ node: PlanNode?) -> [Interval] {
        list(node).compactMap { item in
            guard let f = fields(item, known: ["from", "to", "reason"], required: ["from", "to"]) else { return nil }
            _ = f["reason"].map { text($0) }
            guard let a = instant(f["from"]), let b = instant(f["to"]) else { return nil }
            guard a < b else {
                error(f["to"]!, "'\(item.path)' ends before it starts")
                return nil
            }
            return Interval(start: a, end: b)
        }
    }
}

func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    var row = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
        var prev = row[0]
        row[0] = i
        for j in stride(from: 1, through: b.count, by: 1) {
            let cur = row[j]
            row[j] = min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1))
            prev = cur
        }
    }
    return row[b.count]
}
