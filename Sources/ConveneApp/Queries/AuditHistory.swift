import ConveneCore
public import ConveneStore

/// The audit log as an admin reads it: each step at its time in the event's zone, who took it,
/// why, and what it did.
public struct AuditHistory: Sendable {
    /// Every entry, oldest first.
    public var entries: [AuditEntry]
    /// The event's zone; nil before the first import, when times are shown in UTC.
    public var timeZone: String?

    /// The log and the zone of the event it is about.
    public init(entries: [AuditEntry], timeZone: String?) {
        self.entries = entries
        self.timeZone = timeZone
    }

    /// Reads the whole log.
    public static func load(from store: Store) throws -> AuditHistory {
        AuditHistory(entries: try store.auditLog(), timeZone: try store.event()?.timeZone)
    }

    /// The log as text: a heading naming the zone, then per entry a line with its time, command,
    /// version, reason and actor, and its detail below, wrapped to `width` columns.
    public func lines(width: Int = 100) -> [String] {
        let zone = timeZone.flatMap(ZoneRules.init(identifier:))
        var out = ["times in \(zone?.identifier ?? "UTC")"]
        for e in entries {
            let version = e.version.map { " → version \($0)" } ?? ""
            let reason = e.reason.map { " — \($0)" } ?? ""
            let actor = e.actor.map { "  by \($0)" } ?? ""
            out.append("\(Self.time(e.at, zone))  \(e.command)\(version)\(reason)\(actor)")
            out += Self.wrap(e.detail, width: width, indent: "    ")
        }
        return out
    }

    /// `2027-02-22 10:15 +09:00`: the wall-clock time with its offset, which tells apart the two
    /// hours a clock change repeats.
    static func time(_ instant: Instant, _ zone: ZoneRules?) -> String {
        let offset = zone?.offset(at: instant) ?? 0
        let local = LocalDateTime(secondsSinceEpoch: instant.secondsSinceEpoch + Int64(offset))
        let minutes = abs(offset) / 60
        let sign = offset < 0 ? "-" : "+"
        return "\(local.date.iso8601) \(local.timeText) \(sign)\(pad(minutes / 60)):\(pad(minutes % 60))"
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// A detail too long for one line, one part (`; `) a line and long parts broken at spaces; the
    /// words themselves are never cut, so a search of the log still finds them.
    static func wrap(_ detail: String, width: Int, indent: String) -> [String] {
        guard indent.count + detail.count > width else { return [indent + detail] }
        var out: [String] = []
        let parts = detail.components(separatedBy: "; ")
        for (i, part) in parts.enumerated() {
            var line = indent
            let text = i < parts.count - 1 ? part + ";" : part
            for word in text.split(separator: " ", omittingEmptySubsequences: false) {
                if line.count > indent.count, line.count + 1 + word.count > width {
                    out.append(line)
                    line = indent + "  "
                }
                line += (line.hasSuffix(" ") || line.count == indent.count ? "" : " ") + word
            }
            out.append(line)
        }
        return out
    }
}
