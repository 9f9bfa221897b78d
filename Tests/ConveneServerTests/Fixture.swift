import ConveneApp
import ConveneCore
import ConveneStore
import Foundation

/// A small forum in a database on a temporary file: two rooms, three people, three sessions.
struct Fixture {
    let folder: URL
    let store: Store
    let event: Event

    static func at(_ text: String) -> Instant { Instant(iso8601: text)! }

    /// The address at which the server serves one of the forum's paths (`/`, `/feeds/event.ics`, …).
    static func address(_ path: String) -> String { "/events/test-forum" + path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("convene-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try Store(path: folder.appendingPathComponent("test.sqlite").path)
        let day = EventDay(date: LocalDate(year: 2027, month: 3, day: 12),
                           opens: Self.at("2027-03-12T09:00:00+09:00"), closes: Self.at("2027-03-12T18:00:00+09:00"))
        event = Event(
            id: "test-forum", name: LocalizedText(ja: "希少がんフォーラム", en: "Rare Cancers Forum"), kind: .forum,
            timeZone: "Asia/Tokyo", slotMinutes: 15, days: [day],
            organizer: Organizer(name: "Office", email: "office@example.org"),
            rooms: [Room(id: "hall", name: LocalizedText(en: "Main Hall"), capacity: 200),
                    Room(id: "room-b", name: LocalizedText(en: "Room B"), capacity: 40)],
            stakeholders: [
                Stakeholder(id: "ito", name: "Ito Naoko", email: "ito@example.org", group: .patient,
                            timeZone: "Asia/Tokyo", language: .ja),
                Stakeholder(id: "martin", name: "Sophie Martin", email: "sophie@example.org", group: .industry,
                            timeZone: "Europe/Paris", language: .en),
                Stakeholder(id: "kimura", name: "Kimura Daiki", email: "kimura@example.org", group: .clinician,
                            timeZone: "Asia/Tokyo", language: .ja),
            ],
            sessions: [
                Session(id: "opening", title: LocalizedText(en: "Opening plenary"), kind: .plenary, duration: 60,
                        required: ["ito", "martin"], track: "main"),
                Session(id: "access", title: LocalizedText(en: "Access to trials & <drugs>"), kind: .panel, duration: 90,
                        required: ["ito", "kimura"], track: "access"),
                Session(id: "industry", title: LocalizedText(en: "Industry round table"), kind: .meeting, duration: 45,
                        required: ["martin"], optional: ["kimura"]),
            ])
        try store.save(ChangeRecord(basedOn: nil, command: "import", detail: "",
                                    plan: ChangeRecord.Plan(event: event, file: "plan.yaml", busy: [:])),
                       at: Self.at("2027-01-10T10:00:00Z"))
    }

    /// The first schedule, published: everything placed on the forum's day.
    @discardableResult
    func schedule(openingIn room: String = "hall", at start: String = "2027-03-12T09:00:00+09:00") throws -> ScheduleVersion {
        try publish([
            Assignment(session: "opening", room: room, start: Self.at(start)),
            Assignment(session: "access", room: "hall", start: Self.at("2027-03-12T10:30:00+09:00")),
            Assignment(session: "industry", room: "room-b", start: Self.at("2027-03-12T10:30:00+09:00")),
        ], at: Self.at("2027-02-01T08:00:00Z"))
    }

    /// Saves `assignments` as the draft and, unless `draftOnly`, publishes it (conflicts accepted) at `now`,
    /// through `store` (another connection, as another `convene` process would).
    @discardableResult
    func publish(_ assignments: [Assignment], at now: Instant, through store: Store? = nil, draftOnly: Bool = false) throws -> ScheduleVersion {
        let store = store ?? self.store
        let version = try store.save(ChangeRecord(
            basedOn: try store.currentSchedule()?.number, command: "schedule", detail: "",
            version: ChangeRecord.Version(assignments: assignments, unscheduled: [], score: Score(unscheduled: 0, soft: 0))),
            at: now).version!
        if !draftOnly {
            let publisher = Publisher(store: store)
            try publisher.publish(try publisher.plan(at: now), force: true, reason: nil)
        }
        return version
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}
