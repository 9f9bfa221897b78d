import ArgumentParser
import ConveneApp
import ConveneCore
import ConveneSolver

/// `convene explain SESSION`: where a session is, or why it is not scheduled, in words.
struct Explain: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Say where a session is in the draft, or why it is unscheduled, in words.",
        discussion: "With --json prints {\"session\", \"version\", \"scheduled\", \"room\", \"start\", \"end\", \"lines\"}.")

    @Argument(help: "The session's id.")
    var session: String

    @Flag(help: "Print JSON instead of text.")
    var json = false

    @OptionGroup var database: DatabaseOptions

    /// The JSON form of an explanation.
    struct Report: Encodable {
        var session: String
        var version: Int
        var scheduled: Bool
        var room: String?
        var start: Instant?
        var end: Instant?
        var lines: [String]
    }

    func run() async throws {
        try await failing {
            let current = try ChangePipeline(store: try database.openForReading()).current()
            let draft = try current.requireDraft()
            guard let s = current.event.session(session) else {
                throw AppError("no session '\(session)' in the current plan")
            }
            let placed = draft.assignment(of: session)
            let report = Report(session: session, version: draft.number, scheduled: placed != nil,
                                room: placed?.room, start: placed?.start, end: placed?.start.adding(minutes: s.duration),
                                lines: explanation(s, placed, draft, current))
            if json {
                try writeOutput(try JSONFormat.encode(report), to: nil)
            } else {
                for line in report.lines { print(line) }
            }
        }
    }

    private func explanation(_ s: Session, _ placed: Assignment?, _ version: ScheduleVersion, _ current: CurrentSchedule) -> [String] {
        let text = current.text
        if let placed {
            var lines = ["\(text.session(s.id)) is scheduled in \(text.place(placed)) (version \(version.number))"]
            if !s.required.isEmpty { lines.append("required: " + s.required.map(text.person).joined(separator: ", ")) }
            if !placed.picked.isEmpty { lines.append("picked: " + placed.picked.map(text.person).joined(separator: ", ")) }
            if let pin = s.pin { lines.append("pinned to \(text.room(pin.room)) at \(text.time(pin.start))") }
            let reluctant = current.ifNeedBe(at: placed)
            if !reluctant.isEmpty { lines.append("if need be for: " + reluctant.map(text.person).joined(separator: ", ")) }
            lines += current.conflicts.filter { $0.sessions.contains(s.id) }.map { "conflict: \($0)" }
            return lines
        }
        var lines = ["\(text.session(s.id)) is not scheduled (version \(version.number))"]
        if let stored = version.unscheduled.first(where: { $0.session == s.id }) {
            lines.append("when it was left out: \(stored.reason)")
        }
        lines.append("now: \(current.reason(unscheduled: s.id, in: version))")
        return lines
    }
}
