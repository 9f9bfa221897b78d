import ConveneCore
import ConveneTestFixtures
import Foundation
import Testing
@testable import ConveneSolver

/// The rule book, the search's incremental forms of its rules and the format's reference checker
/// (`validate.py`) agree, finding for finding, on random and perturbed schedules.
struct RuleBookAgreementTests {
    /// What `validate.py --json` says about a solution.
    struct Reference: Decodable {
        var feasible: Bool
        var violations: [String]
        var scheduled: Int
        var sessions: Int
        var unscheduled: Int
        var soft: Int
        var breakdown: [String: Int]
    }

    static func reference(_ instance: URL, _ solution: Solution, in dir: URL) throws -> Reference {
        let file = dir.appendingPathComponent("solution-\(UUID().uuidString).json")
        try JSONFormat.encode(solution).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Fixtures.benchmark.appendingPathComponent("validate.py").path, instance.path, file.path, "--json"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONDecoder().decode(Reference.self, from: data)
    }

    /// A solution with every kind of mistake in random measure: off-grid and out-of-day starts,
    /// clashes, wrong rooms, pins moved, repeats, unknown ids, sessions left out.
    static func randomSolution(_ instance: Instance, random: inout RandomSource, mess: Int) -> Solution {
        var assignments: [Assignment] = [], unscheduled: [Solution.Unscheduled] = []
        let day = instance.days[0]
        for s in instance.sessions {
            let roll = random.below(100)
            if roll < 10 {
                unscheduled.append(.init(session: s.id, reason: ""))
            } else if roll < 12 && mess > 0 {
                continue
            } else {
                let d = instance.days[random.below(instance.days.count)]
                let slots = max(1, d.minutes / instance.slotMinutes)
                var start = d.start.adding(minutes: instance.slotMinutes * random.below(slots))
                if mess > 0 && random.below(100) < 3 { start = start.adding(minutes: 7) }
                if let pin = s.fixed, random.below(100) < 80 { start = pin.start }
                let room = s.fixed.flatMap { random.below(100) < 80 ? $0.room : nil }
                    ?? instance.rooms[random.below(instance.rooms.count)].id
                var picked: [String] = []
                for group in s.pick {
                    let n = max(0, group.count + (mess > 0 && random.below(10) == 0 ? random.below(3) - 1 : 0))
                    var pool = group.from
                    for _ in 0..<min(n, pool.count) { picked.append(pool.remove(at: random.below(pool.count))) }
                }
                if mess > 0, !s.pick.isEmpty, random.below(20) == 0 { picked.append(picked.first ?? "stranger") }
                assignments.append(Assignment(session: s.id, room: room, start: start, picked: picked))
            }
        }
        if mess > 0 {
            if let a = assignments.first { assignments.append(a) }
            assignments.append(Assignment(session: "nobody", room: instance.rooms[0].id, start: day.start))
            if assignments.count > 2 { assignments[1].room = "nowhere" }
            if let u = unscheduled.first { unscheduled.append(u) }
            unscheduled.append(.init(session: "ghost", reason: ""))
        }
        return Solution(instance: instance.name, assignments: assignments, unscheduled: unscheduled, version: instance.version)
    }

    static func expectAgreement(_ instance: Instance, _ url: URL, _ solution: Solution, in dir: URL) throws {
        let ours = RuleBook.validate(instance, solution)
        let theirs = try reference(url, solution, in: dir)
        #expect(ours.feasible == theirs.feasible)
        #expect(ours.scheduled == theirs.scheduled)
        #expect(ours.sessions == theirs.sessions)
        #expect(ours.score.unscheduled == theirs.unscheduled)
        #expect(ours.score.soft == theirs.soft)
        for (term, count) in ours.breakdown { #expect(count == theirs.breakdown[term], "\(term)") }
        // Python lists pinned sessions left out in set order; compare the findings as multisets.
        #expect(ours.messages.sorted() == theirs.violations.sorted())
    }

    static func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("convene-rulebook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Forums of 100 sessions made by the benchmark generator (loose, tight, and a repair of a schedule).
    static func generated(_ dir: URL) throws -> [URL] {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scripts/gen-instances.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, dir.path, "--sizes", "100", "--seed", "7"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return ["loose", "tight", "repair"].map { dir.appendingPathComponent("forum-100-\($0).json") }
    }

    static func read(_ url: URL) throws -> Instance {
        try JSONFormat.decode(Instance.self, from: Data(contentsOf: url), file: url.path)
    }

    /// Networks of 300 sessions in the version 2 format (loose, tight), by the version 2 generator.
    static func generatedVersion2(_ dir: URL) throws -> [URL] {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scripts/gen-instances-v2.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, dir.path, "--sizes", "300", "--seed", "7"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return ["loose", "tight"].map { dir.appendingPathComponent("network-300-\($0).json") }
    }

    /// Copies of instances where about a third of the people marked a few random spans of the days
    /// "if need be", and the weight is 2, written beside them.
    static func withIfNeedBe(_ urls: [URL], in dir: URL) throws -> [URL] {
        var random = RandomSource(seed: 23)
        return try urls.map { url in
            var instance = try read(url)
            for i in instance.people.indices where random.below(3) == 0 {
                instance.people[i].ifNeedBe = (0..<(1 + random.below(3))).map { _ in
                    let day = instance.days[random.below(instance.days.count)]
                    let start = day.start.adding(minutes: 15 * random.below(max(1, day.minutes / 15)))
                    return Interval(start: start, end: start.adding(minutes: 30 * (1 + random.below(6))))
                }
            }
            instance.weights["ifNeedBe"] = 2
            let out = dir.appendingPathComponent("if-need-be-" + url.lastPathComponent)
            try JSONFormat.encode(instance).write(to: out)
            return out
        }
    }

    /// The generated forums, and FOSDEM 2024's repair instance when the shared folder is there.
    static func instances(_ dir: URL) throws -> [URL] {
        try generated(dir) + (Fixtures.hasShared ? [Fixtures.benchmark.appendingPathComponent("real/fosdem-2024-repair.json")] : [])
    }

    @Test(.enabled(if: Fixtures.hasShared, Fixtures.sharedMissing))
    func agreesWithValidatePyOnRandomSolutions() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        var random = RandomSource(seed: 42)
        let version2 = try Self.generatedVersion2(dir)
        for url in try Self.instances(dir) + version2 + Self.withIfNeedBe(version2, in: dir) {
            let instance = try Self.read(url)
            for round in 0..<6 {
                try Self.expectAgreement(instance, url, Self.randomSolution(instance, random: &random, mess: round % 2), in: dir)
            }
        }
    }

    @Test(.enabled(if: Fixtures.hasShared, Fixtures.sharedMissing))
    func agreesWithValidatePyOnFeasibleSolutionsAndTheirNeighbours() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        var random = RandomSource(seed: 9)
        for url in try Self.instances(dir) {
            let instance = try Self.read(url)
            let solved = Solver.solve(instance, options: SolveOptions(iterations: 300, seed: 3), clock: ContinuousClock())
            try Self.expectAgreement(instance, url, solved.solution, in: dir)
            for _ in 0..<4 {
                // Nudge a few sessions by a slot or two: some stay feasible, some clash.
                var nudged = solved.solution
                for _ in 0..<3 where !nudged.assignments.isEmpty {
                    let i = random.below(nudged.assignments.count)
                    nudged.assignments[i].start = nudged.assignments[i].start.adding(minutes: 15 * (random.below(5) - 2))
                }
                try Self.expectAgreement(instance, url, nudged, in: dir)
            }
        }
    }

    /// The search's own forms of the rules (candidate rooms and starts, occupied cells, room
    /// closures, people's sessions, order) admit a session at a spot exactly when the rule book
    /// finds nothing wrong with it there; and its delta-scored cost is the rule book's score.
    @Test func incrementalFormsAgreeWithTheRuleBook() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        var random = RandomSource(seed: 17)
        let version2 = try Self.generatedVersion2(dir)
        for url in try Self.instances(dir) + version2 + Self.withIfNeedBe(version2, in: dir) {
            let problem = Problem(try Self.read(url))
            let facts = problem.facts
            var search = LocalSearch(state: Construction.initial(problem, random: &random), random: random)
            for _ in 0..<2 {
                search.run(200)
                let state = search.state
                let judged = RuleBook.judge(Review(facts, placements: state.placements), words: nil)
                #expect(judged.feasible, "\(url.lastPathComponent): \(judged.messages.prefix(3))")
                #expect(judged.score == state.cost, "\(url.lastPathComponent)")
                var agreed = 0
                for _ in 0..<200 {
                    let s = random.below(problem.sessionCount)
                    guard !facts.sessions[s].required.contains(where: { facts.people[$0] == nil }) else { continue }
                    let r = random.below(problem.roomCount)
                    // Mostly starts on a day's grid, some anywhere in or near a day.
                    let day = facts.days[random.below(facts.days.count)]
                    let slots = max(1, (day.end - day.start) / max(1, facts.slot))
                    let t = random.below(4) == 0 ? day.start - 60 + random.below(day.end - day.start + 120)
                        : day.start + facts.slot * random.below(slots)
                    var without = state
                    if without.isScheduled(s) { without.remove(s) }
                    let spot = without.admits(s, room: r, start: t)
                    let incremental = spot != nil
                    let picks = spot?.picks.map { problem.personIDs[Int($0)] } ?? []
                    let review = Review(facts, placements: without.placements + [(s, r, t, picks)])
                    let id = facts.sessions[s].id
                    let named = RuleBook.hard.flatMap { $0.breaches(in: review) }.filter { $0.sessions.contains(id) }
                    // The search only admits a spot where it can pick: with no picks to be had the rule book
                    // names the session for its unmet groups, so both say no.
                    #expect(incremental == named.isEmpty,
                            "\(url.lastPathComponent): \(id) in \(facts.rooms[r].id) at \(t): search says \(incremental), rule book \(named.map(\.text))")
                    if incremental == named.isEmpty { agreed += 1 }
                }
                #expect(agreed > 0)
            }
        }
    }

    @Test(.enabled(if: Fixtures.hasShared, Fixtures.sharedMissing))
    func publishedFosdemScheduleHasItsThreeClashes() throws {
        let instance = try Fixtures.load("fosdem-2024-repair.json")
        let url = Fixtures.benchmark.appendingPathComponent("real/fosdem-2024-published-solution.json")
        let solution = try JSONFormat.decode(Solution.self, from: Data(contentsOf: url), file: url.path)
        let v = RuleBook.validate(instance, solution)
        #expect(v.violations.map(\.kind).sorted { $0.rawValue < $1.rawValue } ==
            [Conflict.Kind.personDoubleBooked, .personDoubleBooked, .roomDoubleBooked])
        #expect(v.score == Score(unscheduled: 0, soft: 0))
    }
}
