import ConveneCore
import ConveneTestFixtures
import Foundation
import Testing
@testable import ConveneSolver

/// The lower bound never exceeds the optimum, and each of its parts raises it where it should.
struct LowerBoundTests {
    typealias Session = Instance.Session
    typealias Room = Instance.Room

    static func bound(_ instance: Instance) -> Score { Solver.lowerBound(instance) }

    /// One or more days of `minutes` from 09:00 Tokyo, `slot`-minute grid.
    static func instance(_ sessions: [Session], rooms: [Room], people: [Instance.Person] = [], days: Int = 1,
                         minutes: Int = 540, slot: Int = 15) -> Instance {
        var people = people
        for s in sessions {
            for p in s.required + s.optional where !people.contains(where: { $0.id == p }) { people.append(Instance.Person(id: p)) }
        }
        return Instance(name: "test", slotMinutes: slot, days: (0..<days).map { Fixtures.span(0, minutes, day: $0) },
                        rooms: rooms, people: people, sessions: sessions)
    }

    // MARK: - Never above the optimum

    /// The best score of any schedule, by trying every room and start (or none) for every session; a
    /// partial schedule that breaks a hard rule is not extended (hard rules without series only get
    /// more broken as sessions are added).
    static func optimum(_ instance: Instance) -> Score {
        let days = instance.days
        var options: [[(String, Int)?]] = []
        for s in instance.sessions {
            var mine: [(String, Int)?] = [nil]
            for room in instance.rooms {
                for day in days {
                    let first = day.start.minutes(since: Fixtures.at(0)), last = day.end.minutes(since: Fixtures.at(0))
                    var t = first
                    while t + s.duration <= last {
                        mine.append((room.id, t))
                        t += instance.slotMinutes
                    }
                }
            }
            options.append(mine)
        }
        var best = Score(unscheduled: .max, soft: .max)
        var chosen: [(String, String, Int)] = []
        func solution() -> Solution {
            let placed = Set(chosen.map(\.0))
            return Fixtures.solution(chosen, unscheduled: instance.sessions.map(\.id).filter { !placed.contains($0) })
        }
        func visit(_ k: Int) {
            let v = RuleBook.validate(instance, solution())
            guard v.feasible else { return }
            if k == instance.sessions.count {
                best = min(best, v.score)
                return
            }
            for option in options[k] {
                if let (room, start) = option { chosen.append((instance.sessions[k].id, room, start)) }
                visit(k + 1)
                if option != nil { chosen.removeLast() }
            }
        }
        visit(0)
        return best
    }

    /// A tiny random forum: two rooms (one small, some turnover), two short days on a 30-minute grid,
    /// three or four sessions with people, windows, preferences, an exclusive one now and then, and a
    /// person with preferred hours.
    static func tiny(_ seed: UInt64) -> Instance {
        var random = RandomSource(seed: seed)
        let rooms = [Room(id: "small", capacity: 10, turnover: [0, 30][random.below(2)]),
                     Room(id: "large", capacity: 40, features: ["interpretation"], turnover: [0, 30][random.below(2)])]
        let people = ["p0", "p1", "p2"]
        let count = 3 + random.below(2), days = 1 + random.below(2)
        var sessions: [Session] = []
        for i in 0..<count {
            var s = Session(id: "s\(i)", duration: [30, 60, 90][random.below(3)], audience: [5, 5, 20][random.below(3)],
                            required: people.filter { _ in random.below(3) == 0 }, priority: 1 + random.below(3))
            if random.below(4) == 0 { s.optional = [people[random.below(3)]].filter { !s.required.contains($0) } }
            if random.below(4) == 0 { s.features = ["interpretation"] }
            if random.below(5) == 0 { s.exclusive = true }
            if random.below(3) == 0 { s.windows = [Fixtures.span(0, 90 + 30 * random.below(2))] }
            if random.below(3) == 0 { s.preferred = [Fixtures.span(60, 120, day: days - 1)] }
            sessions.append(s)
        }
        let hours = Instance.Hours(zone: "Asia/Tokyo", preferred: Instance.ClockRange(start: 9 * 60, end: 10 * 60))
        return instance(sessions, rooms: rooms, people: [Instance.Person(id: "p0", hours: hours)], days: days,
                        minutes: 120, slot: 30)
    }

    @Test func neverAboveTheOptimumOfTinyForums() {
        var tight = 0
        for seed in UInt64(1)...40 {
            let instance = Self.tiny(seed)
            let best = Self.optimum(instance), floor = Self.bound(instance)
            #expect(floor <= best, "seed \(seed): bound \(floor) above the optimum \(best)")
            if floor.unscheduled == best.unscheduled && best.unscheduled > 0 { tight += 1 }
        }
        // The forums are tight enough that the bound meets the optimum's priority level on some of them.
        #expect(tight > 0)
    }

    /// Capacity-tight forums of the version 2 generator, the engine's own schedule, and the optimum
    /// CP-SAT proved for them (`Scripts/peers/cpsat_v2.py`, seed 1: 60 sessions 4, 100 sessions 5).
    @Test func neverAboveTheEngineOrCPSATOnCapacityTightForums() throws {
        let dir = try RuleBookAgreementTests.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scripts/gen-instances-v2.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, dir.path, "--sizes", "60,100", "--seed", "1", "--family", "capacity"]
        try process.run()
        process.waitUntilExit()
        for (size, proven) in [(60, 4), (100, 5)] {
            let instance = try RuleBookAgreementTests.read(dir.appendingPathComponent("capacity-\(size).json"))
            let floor = Self.bound(instance)
            let result = Solver.solve(instance, options: SolveOptions(iterations: 400, seed: 3), clock: ContinuousClock())
            #expect(result.validation.feasible)
            #expect(floor <= result.score)
            #expect(floor.unscheduled <= proven)
            // The room-minute knapsack reaches what CP-SAT proved here.
            #expect(floor.unscheduled == proven)
        }
    }

    @Test func neverAboveTheEngineOnVersion2Networks() throws {
        let dir = try RuleBookAgreementTests.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        for url in try RuleBookAgreementTests.generatedVersion2(dir) {
            let instance = try RuleBookAgreementTests.read(url)
            let result = Solver.solve(instance, options: SolveOptions(iterations: 2_000, seed: 1), clock: ContinuousClock())
            #expect(result.validation.feasible)
            #expect(Self.bound(instance) <= result.score, "\(url.lastPathComponent)")
        }
    }

    // MARK: - Each part raises the bound

    @Test func theKnapsackGivesUpTheCheapestPriorityPerMinuteFirst() {
        #expect(LowerBound.knapsackLoss([(60, 1), (60, 5)], supply: 60) == 1)
        #expect(LowerBound.knapsackLoss([(60, 1), (60, 5)], supply: 120) == 0)
        // Half of the 2-priority session gives way before any of the dearer one.
        #expect(LowerBound.knapsackLoss([(60, 2), (90, 9)], supply: 120) == 1)
    }

    /// Two rooms of 60 minutes hold two sessions, but not while an exclusive one runs: it takes both.
    @Test func anExclusiveSessionTakesEveryRoomsMinutes() {
        let sessions = [Session(id: "plenary", duration: 60, priority: 5, exclusive: true), Session(id: "talk", duration: 60)]
        let rooms = [Room(id: "a", capacity: 10), Room(id: "b", capacity: 10)]
        let instance = Self.instance(sessions, rooms: rooms, minutes: 60)
        #expect(Self.bound(instance).unscheduled == 1)
        #expect(Self.optimum(instance).unscheduled == 1)
        var ordinary = instance
        ordinary.sessions[0].exclusive = false
        #expect(Self.bound(ordinary).unscheduled == 0)
    }

    /// Six sessions of 90 minutes fill a day of 540 exactly, unless 15 minutes separate each from the next.
    @Test func turnoverTakesRoomMinutes() {
        let sessions = (0..<6).map { Session(id: "s\($0)", duration: 90) }
        let instance = Self.instance(sessions, rooms: [Room(id: "a", capacity: 10, turnover: 15)])
        #expect(Self.bound(instance).unscheduled == 1)
        var none = instance
        none.rooms[0].turnover = 0
        #expect(Self.bound(none).unscheduled == 0)
    }

    /// Plenty of rooms, but one speaker in seven sessions of 90 minutes on a day of 540.
    @Test func aPersonInManySessionsHasOnlySoManyMinutes() {
        let sessions = (0..<7).map { Session(id: "s\($0)", duration: 90, required: ["busy"]) }
        let rooms = (0..<7).map { Room(id: "r\($0)", capacity: 10) }
        let instance = Self.instance(sessions, rooms: rooms)
        #expect(Self.bound(instance).unscheduled == 1)
        // Someone's own busy morning takes more: 90 minutes of 540 gone, five sessions fit.
        var morning = instance
        morning.people = [Instance.Person(id: "busy", unavailable: [Fixtures.span(0, 90)])]
        #expect(Self.bound(morning).unscheduled == 2)
    }

    /// Two days of room time, but every session must be on the first: the second day's minutes do not help.
    @Test func roomMinutesCountWithinTheDaysSessionsCanReach() {
        let sessions = (0..<7).map { Session(id: "s\($0)", duration: 90, windows: [Fixtures.span(0, 540)]) }
        let instance = Self.instance(sessions, rooms: [Room(id: "a", capacity: 10)], days: 2)
        #expect(Self.bound(instance).unscheduled == 1)
    }

    /// Rooms of one size, only one with interpretation: sessions that need it share that room's minutes.
    @Test func roomMinutesCountPerSetOfRoomsSessionsNeed() {
        let sessions = (0..<7).map { Session(id: "s\($0)", duration: 90, features: ["interpretation"]) }
        let rooms = [Room(id: "a", capacity: 10, features: ["interpretation"]), Room(id: "b", capacity: 10)]
        #expect(Self.bound(Self.instance(sessions, rooms: rooms)).unscheduled == 1)
    }

    /// A session whose preferred window no start reaches pays for it wherever it goes; a speaker abroad
    /// whose preferred hours no start reaches likewise.
    @Test func whatEveryStartCostsIsUnavoidable() {
        let late = Session(id: "late", duration: 60, preferred: [Fixtures.span(600, 660)])
        #expect(Self.bound(Self.instance([late], rooms: [Room(id: "a", capacity: 10)])).soft == 1)
        // 09:00-18:00 in Tokyo is 01:00-10:00 in Paris (winter): preferred 12:00-18:00 there is out of reach.
        let paris = Instance.Person(id: "p-paris", hours: Instance.Hours(
            zone: "Europe/Paris", preferred: Instance.ClockRange(start: 12 * 60, end: 18 * 60)))
        let talk = Session(id: "talk", duration: 60, required: ["p-paris"])
        let instance = Self.instance([talk], rooms: [Room(id: "a", capacity: 10)], people: [paris])
        #expect(Self.bound(instance).soft == instance.weights.inForce["outsideHours"] ?? 1)
        #expect(Self.optimum(instance).soft == Self.bound(instance).soft)
    }

    /// When the first level forces a session out, the soft level cannot count what that session would pay.
    @Test func aSessionForcedOutMayBeTheOneThatWouldHavePaid() {
        let sessions = [Session(id: "late", duration: 60, preferred: [Fixtures.span(600, 660)]), Session(id: "other", duration: 60)]
        let instance = Self.instance(sessions, rooms: [Room(id: "a", capacity: 10)], minutes: 60)
        let floor = Self.bound(instance)
        #expect(floor == Score(unscheduled: 1, soft: 0))
        #expect(Self.optimum(instance) == Score(unscheduled: 1, soft: 0))
    }
}
