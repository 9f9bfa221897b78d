public import ConveneCore

/// A small forum for tests: three people in three zones and languages, two sessions.
public enum Forum {
    public static let tokyo = ZoneRules(identifier: "Asia/Tokyo")!

    public static func at(_ local: String) -> Instant { tokyo.instant(LocalDateTime.parse(local)!) }

    public static let stamp = Instant(iso8601: "2027-01-10T09:00:00Z")!

    public static var event: Event {
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

    public static let schedule = [
        Assignment(session: "s-open", room: "hall", start: at("2027-02-22 09:30")),
        Assignment(session: "s-panel", room: "room-1", start: at("2027-02-22 13:00")),
    ]
}
