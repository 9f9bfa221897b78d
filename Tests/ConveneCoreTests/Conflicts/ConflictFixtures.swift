import ConveneCore

/// A small forum in Tokyo: two rooms, four people from four groups, three sessions.
enum ConflictFixtures {
    static func tokyo(_ local: String) -> Instant { ZoneRules(identifier: "Asia/Tokyo")!.instant(LocalDateTime.parse(local)!) }

    static var event: Event {
        let opens = tokyo("2027-02-22 09:00")
        func person(_ id: String, _ name: String, _ group: StakeholderGroup) -> Stakeholder {
            Stakeholder(id: id, name: name, email: "\(id)@example.org", group: group, timeZone: "Asia/Tokyo", language: .en)
        }
        return Event(
            id: "demo", name: LocalizedText(en: "Demo Forum"), kind: .forum, timeZone: "Asia/Tokyo", slotMinutes: 15,
            days: [EventDay(date: LocalDate(year: 2027, month: 2, day: 22), opens: opens, closes: opens.adding(minutes: 540))],
            organizer: Organizer(name: "Office", email: "office@example.org"),
            rooms: [
                Room(id: "hall", name: LocalizedText(ja: "ホール", en: "Main Hall"), capacity: 200, features: ["streaming"]),
                Room(id: "small", name: LocalizedText(en: "Small Room"), capacity: 10,
                     closures: [Interval(start: tokyo("2027-02-22 12:00"), end: tokyo("2027-02-22 13:00"))]),
            ],
            stakeholders: [
                person("p-mori", "Mori Aya", .patient), person("i-sato", "Sato Ken", .industry),
                person("g-ono", "Ono Rei", .government), person("a-lee", "Lee Min", .academia),
            ],
            sessions: [
                Session(id: "s-open", title: LocalizedText(en: "Opening"), kind: .plenary, duration: 60,
                        required: ["p-mori"], audience: 150, features: ["streaming"]),
                Session(id: "s-meet", title: LocalizedText(en: "Access Meeting"), kind: .meeting, duration: 60,
                        required: ["p-mori", "i-sato", "g-ono", "a-lee"], audience: 8, after: ["s-open"],
                        composition: [CompositionRule(groups: [.patient, .industry, .government, .academia])]),
                Session(id: "s-talk", title: LocalizedText(en: "Registry Talk"), kind: .seminar, duration: 45,
                        required: ["a-lee"], optional: ["i-sato"], audience: 8,
                        windows: [Interval(start: tokyo("2027-02-22 13:00"), end: tokyo("2027-02-22 17:00"))]),
            ])
    }

    /// A schedule with no conflict.
    static var clean: [Assignment] {
        [
            Assignment(session: "s-open", room: "hall", start: tokyo("2027-02-22 09:30")),
            Assignment(session: "s-meet", room: "small", start: tokyo("2027-02-22 10:30")),
            Assignment(session: "s-talk", room: "small", start: tokyo("2027-02-22 14:00")),
        ]
    }
}
