import ConveneCore
import Foundation

/// A small published forum: two rooms, three people (one a patient who is not public), three
/// sessions, one of them later cancelled.
enum Forum {
    static func at(_ text: String) -> Instant { Instant(iso8601: text)! }

    static let event = Event(
        id: "test-forum", name: LocalizedText(ja: "希少がんフォーラム", en: "Rare Cancers Forum"), kind: .forum,
        timeZone: "Asia/Tokyo", slotMinutes: 15,
        days: [EventDay(date: LocalDate(year: 2027, month: 3, day: 12),
                        opens: at("2027-03-12T09:00:00+09:00"), closes: at("2027-03-12T18:00:00+09:00"))],
        organizer: Organizer(name: "Office", email: "office@example.org"),
        rooms: [Room(id: "hall", name: LocalizedText(ja: "ホール", en: "Main Hall"), capacity: 200,
                     features: ["wheelchair", "interpretation", "projector"], online: OnlineLink(url: "https://stream.example.org/hall")),
                Room(id: "room-b", name: LocalizedText(en: "Room B"), capacity: 40, features: ["hearing-loop"])],
        stakeholders: [
            Stakeholder(id: "ito", name: "Ito Naoko", email: "ito@example.org", organization: "Patients' Network",
                        group: .patient, timeZone: "Asia/Tokyo", language: .ja),
            Stakeholder(id: "martin", name: "Sophie Martin", email: "sophie@example.org", organization: "Valmont",
                        group: .industry, role: "Head of Patient Advocacy", timeZone: "Europe/Paris", language: .en),
            Stakeholder(id: "kimura", name: "Kimura Daiki", email: "", group: .clinician, timeZone: "Asia/Tokyo", language: .ja),
        ],
        sessions: [
            Session(id: "opening", title: LocalizedText(ja: "開会", en: "Opening plenary"), kind: .plenary, duration: 60,
                    required: ["ito", "martin"], features: ["interpretation"], track: "main",
                    description: LocalizedText(ja: "ようこそ", en: "Welcome")),
            Session(id: "access", title: LocalizedText(en: "Access to trials & <drugs>"), kind: .panel, duration: 90,
                    required: ["ito", "kimura"], track: "access",
                    online: OnlineLink(url: "https://meet.example.org/secret", isPrivate: true)),
            Session(id: "industry", title: LocalizedText(en: "Industry round table"), kind: .meeting, duration: 45,
                    required: ["martin"], optional: ["kimura"]),
        ],
        venue: Venue(name: LocalizedText(ja: "東京国際会議場", en: "Tokyo Conference Centre"),
                     address: LocalizedText(en: "1-1 Marunouchi, Tokyo"), map: "https://maps.example.org/tcc"),
        tracks: [Track(id: "main", name: LocalizedText(ja: "全体", en: "Plenaries"), color: "#1f77b4")])

    static let first = ScheduleVersion(number: 1, createdAt: at("2027-02-01T08:00:00Z"), command: "test", assignments: [
        Assignment(session: "opening", room: "hall", start: at("2027-03-12T09:00:00+09:00")),
        Assignment(session: "access", room: "hall", start: at("2027-03-12T10:30:00+09:00")),
        Assignment(session: "industry", room: "room-b", start: at("2027-03-12T10:30:00+09:00")),
    ])

    /// The industry round table taken off the schedule in version 2.
    static let second = ScheduleVersion(number: 2, createdAt: at("2027-02-02T08:00:00Z"), command: "test",
                                        assignments: Array(first.assignments.prefix(2)))

    static func publication(cancelling: Bool = false) -> Publication {
        Publication(event: event, removed: [], history: cancelling ? [first, second] : [first])
    }
}
