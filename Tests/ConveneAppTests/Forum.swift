import ConveneApp
import ConveneCore
import ConveneMail
import ConveneStore
import Foundation
import Testing

/// A small forum for tests: three people in three zones and languages, two sessions.
enum Forum {
    static let tokyo = ZoneRules(identifier: "Asia/Tokyo")!

    static func at(_ local: String) -> Instant { tokyo.instant(LocalDateTime.parse(local)!) }

    static let stamp = Instant(iso8601: "2027-01-10T09:00:00Z")!

    static var event: Event {
        Event(
            id: "test-forum", name: LocalizedText(ja: "テストフォーラム", en: "Test Forum"), kind: .forum,
            timeZone: "Asia/Tokyo", slotMinutes: 15,
            days: [EventDay(date: LocalDate(year: 2027, month: 2, day: 22), opens: at("2027-02-22 09:00"), closes: at("2027-02-22 18:00"))],
            organizer: Organizer(name: "フォーラム事務局", email: "forum@example.org"),
            rooms: [
                Room(id: "hall", name: LocalizedText(ja: "メインホール", en: "Main Hall"), capacity: 100),
                Room(id: "room-1", name: LocalizedText(ja: "会議室1", en: "Meeting Room 1"), capacity: 20),
            ],
            stakeholders: [
                Stakeholder(id: "p-sato", name: "佐藤 花子", email: "hanako.sato@example.jp", organization: "希少がん患者会",
                            group: .patient, role: "代表", timeZone: "Asia/Tokyo", language: .ja),
                Stakeholder(id: "c-dubois", name: "Claire Dubois", email: "claire.dubois@example.fr", organization: "Institut Curie",
                            group: .clinician, role: "Oncologist", timeZone: "Europe/Paris", language: .en),
                Stakeholder(id: "i-kim", name: "Kim Minho", email: "minho.kim@example.kr", organization: "Bio Korea",
                            group: .industry, role: "Director", timeZone: "Asia/Seoul", language: .en),
                Stakeholder(id: "g-tanaka", name: "田中 一郎", email: "ichiro.tanaka@example.go.jp", group: .government,
                            timeZone: "Asia/Tokyo", language: .ja),
            ],
            sessions: [
                Session(id: "s-open", title: LocalizedText(ja: "開会全体会議", en: "Opening Plenary"), kind: .plenary, duration: 60,
                        required: ["p-sato", "c-dubois"], optional: ["i-kim"],
                        description: LocalizedText(ja: "主催者挨拶。", en: "Welcome from the organizers.")),
                Session(id: "s-panel", title: LocalizedText(ja: "パネル討論：薬へのアクセス & 費用", en: "Panel: Access & Cost"),
                        kind: .panel, duration: 90, required: ["g-tanaka", "i-kim", "p-sato"]),
            ])
    }

    static let schedule = [
        Assignment(session: "s-open", room: "hall", start: at("2027-02-22 09:30")),
        Assignment(session: "s-panel", room: "room-1", start: at("2027-02-22 13:00")),
    ]

    /// A store on a fresh temporary file holding the forum, and its folder.
    static func store() throws -> (Store, String) {
        let dir = NSTemporaryDirectory() + "convene-app-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let store = try Store(path: dir + "/convene.sqlite")
        try store.save(ChangeRecord(basedOn: nil, command: "import", detail: "",
                                    plan: ChangeRecord.Plan(event: event, file: "plan.yaml", busy: [:])), at: stamp)
        return (store, dir)
    }

    /// Saves `assignments` as the new draft, as a solve would.
    @discardableResult
    static func draft(_ store: Store, _ assignments: [Assignment] = schedule, at now: Instant = stamp) throws -> ScheduleVersion {
        try store.save(ChangeRecord(basedOn: try store.currentSchedule()?.number, command: "schedule", detail: "",
                                    version: ChangeRecord.Version(assignments: assignments, unscheduled: [], score: nil)),
                       at: now).version!
    }

    /// Publishes the draft (accepting its conflicts) and returns the messages queued.
    @discardableResult
    static func publish(_ store: Store, at now: Instant = stamp) throws -> [Notice] {
        let publisher = Publisher(store: store)
        let plan = try publisher.plan(at: now)
        try publisher.publish(plan, force: true, reason: nil)
        return plan.notices
    }

    /// Delivers everything due into a folder; returns the Message-IDs sent.
    @discardableResult
    static func deliver(_ store: Store, to folder: String) throws -> [String] {
        let due = try store.dueMessages(at: stamp.adding(minutes: 100_000)).map(\.messageID)
        let report = try Delivery(store: store, transport: try FileTransport(directory: folder), sender: "forum@example.org",
                                  now: { stamp.adding(minutes: 100_000) }, sleep: { _ in }).run()
        #expect(report.sent == due.count)
        return due
    }

    /// A room and start as an assignment of `session`.
    static func place(_ session: String, _ room: String, _ local: String) -> Assignment {
        Assignment(session: session, room: room, start: at(local))
    }

    /// An iTIP REPLY from Claire Dubois to the opening.
    static func reply(_ partstat: String, sequence: Int = 0, comment: String? = nil, session: String = "s-open",
                      attendee: String = "Claire.Dubois@example.fr") -> String {
        ([
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//Test//EN", "METHOD:REPLY", "BEGIN:VEVENT",
            "UID:\(session).test-forum@convene", "SEQUENCE:\(sequence)", "DTSTAMP:20270115T10\(String(format: "%02d", sequence))00Z",
            "DTSTART:20270222T003000Z", "ORGANIZER:mailto:forum@example.org",
            "ATTENDEE;PARTSTAT=\(partstat);CN=Claire Dubois:mailto:\(attendee)",
        ] + (comment.map { ["COMMENT:\($0)"] } ?? []) + ["END:VEVENT", "END:VCALENDAR", ""]).joined(separator: "\r\n")
    }

    /// Writes text to a file in `dir` and returns its path.
    static func write(_ text: String, _ dir: String, _ name: String) throws -> String {
        let path = dir + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}
