public import ConveneCore

/// Small instances written in code: days from 2027-02-22 09:00 in Tokyo, times as minutes after it.
public enum SmallInstances {
    /// 2027-02-22 09:00 +09:00 moved by `minutes`.
    public static func at(_ minutes: Int, day: Int = 0) -> Instant {
        Instant(iso8601: "2027-02-22T09:00:00+09:00")!.adding(minutes: minutes + day * 1440)
    }

    public static func span(_ a: Int, _ b: Int, day: Int = 0) -> Interval { Interval(start: at(a, day: day), end: at(b, day: day)) }

    /// One or two days of 09:00–18:00, 15-minute slots; people named in sessions are added unless `addPeople` is false.
    public static func instance(
        sessions: [Instance.Session], rooms: [Instance.Room] = [Instance.Room(id: "hall", capacity: 100)],
        people: [Instance.Person] = [], days: Int = 1, previous: [Assignment] = [], addPeople: Bool = true
    ) -> Instance {
        var people = people
        for s in sessions where addPeople {
            for p in s.required + s.optional where !people.contains(where: { $0.id == p }) {
                people.append(Instance.Person(id: p))
            }
        }
        return Instance(name: "test", slotMinutes: 15, days: (0..<days).map { span(0, 540, day: $0) },
                        rooms: rooms, people: people, sessions: sessions, previous: previous)
    }

    public static func solution(_ placed: [(String, String, Int)], unscheduled: [String] = []) -> Solution {
        Solution(instance: "test", assignments: placed.map { Assignment(session: $0.0, room: $0.1, start: at($0.2)) },
                 unscheduled: unscheduled.map { .init(session: $0, reason: "") })
    }
}
