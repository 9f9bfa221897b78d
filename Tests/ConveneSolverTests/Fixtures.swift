import ConveneCore
import Foundation
import Testing
@testable import ConveneSolver

/// Small instances written in code, and paths to the shared benchmark files.
enum Fixtures {
    /// 2027-02-22 09:00 +09:00 moved by `minutes`.
    static func at(_ minutes: Int, day: Int = 0) -> Instant {
        Instant(iso8601: "2027-02-22T09:00:00+09:00")!.adding(minutes: minutes + day * 1440)
    }

    static func span(_ a: Int, _ b: Int, day: Int = 0) -> Interval { Interval(start: at(a, day: day), end: at(b, day: day)) }

    /// One or two days of 09:00–18:00, 15-minute slots.
    static func instance(
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

    static func solution(_ placed: [(String, String, Int)], unscheduled: [String] = []) -> Solution {
        Solution(instance: "test", assignments: placed.map { Assignment(session: $0.0, room: $0.1, start: at($0.2)) },
                 unscheduled: unscheduled.map { .init(session: $0, reason: "") })
    }

    /// `/work/shared` style folder beside the repository.
    static var shared: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")
    }

    static var benchmark: URL { shared.appendingPathComponent("benchmark") }

    /// True when the shared benchmark folder is beside the repository (as in CI); checks that
    /// compare with it are skipped, and say so, when it is not.
    static var hasShared: Bool { FileManager.default.fileExists(atPath: benchmark.appendingPathComponent("validate.py").path) }

    /// Why a check did not run on this machine.
    static let sharedMissing: Comment = "skipped: ../shared/benchmark (validate.py, FOSDEM) is not beside the repository"

    static func load(_ name: String) throws -> Instance {
        let url = benchmark.appendingPathComponent("real").appendingPathComponent(name)
        return try JSONFormat.decode(Instance.self, from: Data(contentsOf: url), file: url.path)
    }
}
