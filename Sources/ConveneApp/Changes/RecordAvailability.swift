public import ConveneCore
import ConveneStore
import Foundation

/// Records a person's availability as they gave it on their page: the grid's cells they marked
/// "if need be" or unavailable (the rest are available), whether they can come at any time, and
/// their note.
///
/// Availability is a fact, like an import: recorded whatever conflicts it brings (a session now
/// at a time its required person marked unavailable), which are listed and kept in the audit log.
/// Unavailable cells then weigh as `unavailable:` in the plan, "if need be" ones as the soft term
/// `ifNeedBe`, in `schedule`, `reschedule`, `conflicts` and `explain`.
public struct RecordAvailability: Change {
    public var person: String
    /// "I can come at any time during the event": the marks then count for nothing (they are kept).
    public var anyTime: Bool
    /// Marks by cell id (`AvailabilityGrid.Cell.id`); a cell not named is available.
    public var marks: [String: AvailabilityAnswer.Mark]
    public var note: String?
    /// When the person saved it.
    public var answeredAt: Instant

    /// A submitted grid; `note` is trimmed, and an empty one is none.
    public init(person: String, anyTime: Bool, marks: [String: AvailabilityAnswer.Mark], note: String?, answeredAt: Instant) {
        self.person = person
        self.anyTime = anyTime
        self.marks = marks
        let trimmed = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        self.note = trimmed?.isEmpty == false ? trimmed : nil
        self.answeredAt = answeredAt
    }

    public var command: String { "availability" }

    /// The longest note kept, in characters: a note is a few lines to the organizer, not a document.
    public static let noteLimit = 2000

    public func propose(_ context: ChangeContext) throws -> ProposedChange {
        let current = try context.requireCurrent()
        guard let stakeholder = current.plan.stakeholder(person) else {
            throw AppError("no person '\(person)' in \(current.plan.id)")
        }
        if let note, note.count > Self.noteLimit {
            throw AppError("\(person)'s availability: the note is \(note.count) characters, more than \(Self.noteLimit)")
        }
        let cells = Dictionary(AvailabilityGrid.cells(current.plan).map { (AvailabilityGrid.id($0.start), $0) },
                               uniquingKeysWith: { a, _ in a })
        var marked: [AvailabilityAnswer.Cell] = []
        for (id, mark) in marks.sorted(by: { $0.key < $1.key }) where mark != .available {
            guard let interval = cells[id] else {
                throw AppError("\(person)'s availability: no cell '\(id)' in the event's days (the plan changed? reload the page)")
            }
            marked.append(AvailabilityAnswer.Cell(interval: interval, mark: mark))
        }
        let answer = AvailabilityAnswer(person: person, anyTime: anyTime, cells: marked, note: note, answeredAt: answeredAt)
        var change = ProposedChange(command: command, basedOn: current.draft?.number)
        change.recordsFacts = true
        change.unchanged = "no change: \(person)'s availability is as stored"
        if let before = current.availability[person], (before.anyTime, before.cells, before.note) == (answer.anyTime, answer.cells, answer.note) {
            return change
        }
        change.availability = [answer]
        change.notes = [Self.summary(answer, name: stakeholder.name)]
        var after = current
        after.availability[person] = answer
        change.judge(before: current.conflicts, after: after.conflicts)
        return change
    }

    /// The answer in the audit log's words.
    static func summary(_ answer: AvailabilityAnswer, name: String) -> String {
        let text: String
        if answer.anyTime {
            text = "can come at any time"
        } else {
            let u = answer.intervals(.unavailable).count, n = answer.intervals(.ifNeedBe).count
            text = "\(u) unavailable span\(u == 1 ? "" : "s"), \(n) if-need-be span\(n == 1 ? "" : "s")"
        }
        return "availability of \(name) (\(answer.person)), by the person, on their page: \(text)"
            + (answer.note == nil ? "" : ", with a note")
    }
}
