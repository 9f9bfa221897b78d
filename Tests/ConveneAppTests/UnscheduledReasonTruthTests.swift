import ConveneApp
import ConveneCore
import ConveneStore
import ConveneTestFixtures
import Foundation
import Testing

/// Every claim a reason for an unscheduled session makes is true of the schedule it was given for:
/// a session said to take a spot holds that room then, a person said to be in a session then is
/// required in both and the two overlap, a series neighbour named for the cadence is of the same
/// series on the date given, and a person said not to come is required in the session.
@Suite struct UnscheduledReasonTruthTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A weekly evening series of seven in one lounge; the host is away for one week and a speaker on the last evening.
    static let seminars = """
        event:
          id: lounge-seminars-2027
          name: {ja: ラウンジセミナー, en: Lounge Seminars}
          kind: seminar-series
          timeZone: Asia/Tokyo
          slotMinutes: 15
          organizer: {name: Office, email: office@example.jp}
        rooms:
          - {id: lounge-2f, name: {ja: 2階ラウンジ, en: Lounge 2F}, capacity: 40}
        people:
          - id: o-host
            name: Hana Host
            email: host@example.jp
            group: other
            unavailable:
              - {from: "2027-09-27 00:00", to: "2027-10-02 23:59"}
          - id: a-emily-carter
            name: Emily Carter
            email: emily@example.jp
            group: academia
            unavailable:
              - {from: "2027-10-13 18:00", to: "2027-10-13 22:00"}
          - {id: i-speaker, name: Sam Speaker, email: sam@example.jp, group: industry}
        series:
          - id: evening-seminars
            every: week
            SKIP
            from: "2027-09-01"
            to: "2027-10-13"
            on: [wed]
            opens: "18:30"
            closes: "21:00"
            each: {duration: 90, audience: 30}
            sessions:
              - {id: sem-1, title: {ja: 第1回, en: Seminar 1}, required: [o-host, i-speaker]}
              - {id: sem-2, title: {ja: 第2回, en: Seminar 2}, required: [o-host, i-speaker]}
              - {id: sem-3, title: {ja: 第3回, en: Seminar 3}, required: [o-host, i-speaker]}
              - {id: sem-4, title: {ja: 第4回, en: Seminar 4}, required: [o-host, i-speaker]}
              - {id: sem-5, title: {ja: 第5回, en: Seminar 5}, required: [o-host, i-speaker]}
              - {id: sem-6, title: {ja: 第6回, en: Seminar 6}, required: [o-host, a-emily-carter]}
              - {id: sem-7, title: {ja: 第7回, en: Seminar 7}, required: [o-host, a-emily-carter]}
        sessions: []

        """

    /// Imports a plan into a fresh store and schedules it; returns the store.
    static func scheduled(_ plan: String) throws -> Store {
        let dir = NSTemporaryDirectory() + "convene-reasons-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let store = try Store(path: dir + "/c.sqlite")
        let pipeline = ChangePipeline(store: store)
        try pipeline.apply(try ImportPlan(path: plan), force: false, reason: nil, at: Forum.stamp)
        try pipeline.apply(SolveSchedule(mode: .fromScratch, timeLimit: .seconds(1), seed: 3), force: true, reason: nil, at: Forum.stamp)
        return store
    }

    static func write(_ text: String) throws -> String {
        let dir = NSTemporaryDirectory() + "convene-reasons-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/plan.yaml"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Session ids of a list as `Wording.list` writes it (`a, b and 3 more`).
    static func ids(_ list: Substring) -> [String] {
        var text = String(list)
        if let more = text.range(of: " and ", options: .backwards), text[more.upperBound...].hasSuffix(" more") {
            text = String(text[..<more.lowerBound])
        }
        return text.components(separatedBy: ", ")
    }

    /// Every claim of every reason in the draft, checked against the draft; returns how many were checked.
    @discardableResult
    static func checkClaims(_ store: Store) throws -> Int {
        let current = try #require(try CurrentSchedule.load(from: store))
        let event = current.event
        let draft = try current.requireDraft()
        let placed = Dictionary(draft.assignments.map { ($0.session, $0) }, uniquingKeysWith: { a, _ in a })
        let zone = ZoneRules(identifier: event.timeZone)!
        let byName = Dictionary(event.stakeholders.map { ($0.name, $0.id) }, uniquingKeysWith: { a, _ in a })
        func end(_ id: String, _ start: Instant) -> Instant { start.adding(minutes: event.session(id)!.duration) }
        var checked = 0
        for u in draft.unscheduled {
            let session = try #require(event.session(u.session))
            for reason in [u.reason, current.reason(unscheduled: u.session, in: draft)] {
                for part in reason.components(separatedBy: "; ") {
                    if let r = part.range(of: " cannot come at ") {
                        let who = try #require(byName[String(part[..<r.lowerBound])], "\(part)")
                        #expect(session.required.contains(who), "\(u.session): \(part)")
                        checked += 1
                    }
                    guard part.hasPrefix("the nearest spot, ") else { continue }
                    let rest = part.dropFirst("the nearest spot, ".count)
                    let at = try #require(rest.range(of: " at "))
                    let room = String(rest[..<at.lowerBound])
                    let when = rest[at.upperBound...].prefix(16)
                    let start = zone.instant(try #require(LocalDateTime.parse(String(when))))
                    let spot = Interval(start: start, end: end(session.id, start))
                    let claims = rest.dropFirst(rest.distance(from: rest.startIndex, to: at.upperBound) + 18)
                    for claim in claims.components(separatedBy: ", and ") {
                        if claim.hasPrefix("is taken by ") {
                            for id in ids(claim.dropFirst("is taken by ".count)[...]) {
                                let a = try #require(placed[id], "\(u.session): \(claim)")
                                let turnover = event.room(room)?.turnover ?? 0
                                let held = Interval(start: a.start, end: end(id, a.start).adding(minutes: turnover))
                                let mine = Interval(start: spot.start, end: spot.end.adding(minutes: turnover))
                                #expect(a.room == room && (held.overlaps(mine)), "\(u.session): \(claim)")
                                checked += 1
                            }
                        } else if let r = claim.range(of: " is in "), claim.hasSuffix(" then") {
                            let who = try #require(byName[String(claim[..<r.lowerBound])], "\(claim)")
                            for id in ids(claim[r.upperBound...].dropLast(" then".count)) {
                                let a = try #require(placed[id], "\(u.session): \(claim)")
                                #expect(session.required.contains(who), "\(u.session): \(claim)")
                                #expect((event.session(id)!.required + a.picked).contains(who), "\(u.session): \(claim)")
                                #expect(Interval(start: a.start, end: end(id, a.start)).overlaps(spot), "\(u.session): \(claim)")
                                checked += 1
                            }
                        } else if claim.hasPrefix("its series' cadence with ") {
                            let list = claim.dropFirst("its series' cadence with ".count).components(separatedBy: " does not allow it")[0]
                            let series = try #require(event.series?.first { $0.sessions.contains(session.id) })
                            for item in ids(list[...]) {
                                let id = String(item.prefix { $0 != " " })
                                let a = try #require(placed[id], "\(u.session): \(claim)")
                                #expect(series.sessions.contains(id), "\(u.session): \(claim)")
                                #expect(item.contains("(\(zone.local(a.start).date))"), "\(u.session): \(claim)")
                                checked += 1
                            }
                        } else {
                            #expect(claim == "too few of its candidates are free" || claim.hasPrefix("its order with ")
                                || claim.hasSuffix("runs then") || claim.hasSuffix("run beside it"), "\(u.session): unknown claim \(claim)")
                        }
                    }
                }
            }
        }
        return checked
    }

    @Test func theSeminarSeriesReasonsNameTheRealBlockers() throws {
        let store = try Self.scheduled(try Self.write(Self.seminars.replacingOccurrences(of: "SKIP", with: "leeway: 2")))
        #expect(try Self.checkClaims(store) > 0)
        let current = try #require(try CurrentSchedule.load(from: store))
        let draft = try current.requireDraft()
        let reasons = draft.unscheduled.map(\.reason)
        #expect(reasons.count == 3)
        // The host's trip is named, by name, with what the plan says of it; no id stands for a person.
        #expect(reasons.allSatisfy { $0.contains("Hana Host cannot come at 5 of the 35 starts its days allow (unavailable 2027-09-27 00:00–2027-10-02 23:59 (in the plan))") })
        #expect(!reasons.contains { $0.contains("o-host") || $0.contains("a-emily-carter") })
        // All three are unavoidable, and the bound says so.
        #expect(draft.lowerBound?.unscheduled == 3)
        #expect(draft.scoreText?.contains("as good as it can be") == true)
    }

    @Test func aSkipAllowanceLetsTheSeriesMissTheWeekOfTheTrip() throws {
        let store = try Self.scheduled(try Self.write(Self.seminars.replacingOccurrences(of: "SKIP", with: "skip: 1")))
        try Self.checkClaims(store)
        let draft = try #require(try store.currentSchedule())
        #expect(draft.unscheduled.count == 2)
        #expect(draft.lowerBound?.unscheduled == 2)
    }

    @Test(arguments: ["rare-cancers-forum-2027", "tokyo-symposium-2027", "hamamatsucho-seminars-2027", "rare-disease-day-2027"])
    func everyClaimOfTheExamplesIsTrue(_ name: String) throws {
        try Self.checkClaims(try Self.scheduled(Self.repository.appendingPathComponent("calendars/\(name)/plan.yaml").path))
    }
}
