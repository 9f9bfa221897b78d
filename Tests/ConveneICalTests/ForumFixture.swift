import ConveneCore

/// A small bilingual forum with a history of three schedule versions, shared by the feed tests.
enum ForumFixture {
    static func at(_ text: String) -> Instant { Instant(iso8601: text)! }

    static let people = [
        Stakeholder(id: "p-sato", name: "佐藤 花子", email: "hanako@patients.example.org", organization: "希少がん患者会",
                    group: .patient, timeZone: "Asia/Tokyo", language: .ja),
        Stakeholder(id: "i-lee", name: "Dana Lee", email: "dana.lee@pharma.example.com", organization: "Pharma, Inc.",
                    group: .industry, timeZone: "America/New_York", language: .en),
        Stakeholder(id: "c-ito", name: "伊藤 健", email: "ito@hospital.example.jp", group: .clinician,
                    timeZone: "Asia/Tokyo", language: .ja),
    ]

    static let sessions = [
        Session(id: "opening", title: LocalizedText(ja: "開会挨拶", en: "Opening"), kind: .plenary, duration: 30,
                required: ["c-ito"], track: "main"),
        Session(id: "dialogue", title: LocalizedText(
                    ja: "患者・産業・行政・アカデミア・医療者による希少がん領域のドラッグラグとドラッグロス解消に向けた多者間対話セッション",
                    en: "Multi-stakeholder dialogue; drug lag, drug loss, and access \\ rare cancers"),
                kind: .panel, duration: 90, required: ["p-sato", "i-lee"], optional: ["c-ito"], track: "access",
                description: LocalizedText(ja: "議論の要点:\n1. 承認\n2. 価格", en: "Points: approval, pricing; access")),
        Session(id: "poster", title: LocalizedText(en: "Posters"), kind: .poster, duration: 60, optional: ["i-lee"]),
    ]

    static let removed = [
        RemovedSession(
            session: Session(id: "lunch-talk", title: LocalizedText(en: "Lunch talk"), kind: .seminar, duration: 45,
                             required: ["i-lee"], track: "main"),
            removedAt: at("2027-01-20T03:00:00Z")),
    ]

    static let event = Event(
        id: "rare-cancers-forum-2027", name: LocalizedText(ja: "希少がんフォーラム2027", en: "Rare Cancers Forum 2027"),
        kind: .forum, timeZone: "Asia/Tokyo", slotMinutes: 15,
        days: [EventDay(date: LocalDate(year: 2027, month: 3, day: 6), opens: at("2027-03-06T09:00:00+09:00"),
                        closes: at("2027-03-06T18:00:00+09:00"))],
        organizer: Organizer(name: "Forum office", email: "office@forum.example.org"),
        rooms: [Room(id: "hall", name: LocalizedText(ja: "大ホール", en: "Main hall"), capacity: 200),
                Room(id: "room-b", name: LocalizedText(en: "Room B, 2F"), capacity: 40)],
        stakeholders: people, sessions: sessions)

    static let history = [
        ScheduleVersion(number: 1, createdAt: at("2027-01-10T00:00:00Z"), command: "schedule", assignments: [
            Assignment(session: "opening", room: "hall", start: at("2027-03-06T09:00:00+09:00")),
            Assignment(session: "dialogue", room: "hall", start: at("2027-03-06T10:00:00+09:00")),
            Assignment(session: "lunch-talk", room: "room-b", start: at("2027-03-06T12:00:00+09:00")),
        ]),
        ScheduleVersion(number: 2, createdAt: at("2027-01-15T00:00:00Z"), command: "move", assignments: [
            Assignment(session: "opening", room: "hall", start: at("2027-03-06T09:00:00+09:00")),
            Assignment(session: "dialogue", room: "room-b", start: at("2027-03-06T13:30:00+09:00")),
            Assignment(session: "lunch-talk", room: "room-b", start: at("2027-03-06T12:00:00+09:00")),
            Assignment(session: "poster", room: "hall", start: at("2027-03-06T15:00:00+09:00")),
        ]),
    ]

    static let publication = Publication(event: event, removed: removed, history: history)
}
