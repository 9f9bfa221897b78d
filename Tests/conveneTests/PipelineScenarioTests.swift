import ConveneTestFixtures
import Foundation
import Testing

/// Changes make drafts, `publish` makes them official and queues the net change, `invite` sends it:
/// the bundled example run as an organizer would.
@Suite(.serialized)
struct PipelineScenarioTests {
    typealias Forum = AdminScenarioTests.Forum

    /// One iTIP message as written by `invite --transport file:DIR`.
    struct Mail {
        var person: String
        var method: String
        var uid: String
        var sequence: Int
        var start: String
        var location: String

        var session: String { String(uid.prefix { $0 != "." }) }
    }

    /// One VEVENT of a feed.
    struct Entry {
        var sequence: Int
        var start: Date
        var location: String
        var status: String
    }

    static let tokyo = TimeZone(identifier: "Asia/Tokyo")!

    /// `YYYY-MM-DD HH:MM` in the event's zone, `minutes` after an ISO 8601 instant.
    static func wallClock(_ iso: String, plus minutes: Int = 0) -> String {
        let date = ISO8601DateFormatter().date(from: iso)!.addingTimeInterval(Double(minutes * 60))
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = tokyo
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return f.string(from: date)
    }

    /// iCalendar lines unfolded, with their values.
    static func lines(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
    }

    static func value(_ name: String, in lines: [String]) -> String? {
        lines.first { $0.hasPrefix(name + ":") || $0.hasPrefix(name + ";") }.map { String($0[$0.index(after: $0.firstIndex(of: ":")!)...]) }
    }

    /// Every message in a folder (those not in `except`).
    static func mails(_ folder: URL, except: Set<String> = []) throws -> [Mail] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return try names.filter { $0.hasSuffix(".eml") && !except.contains($0) }.sorted().map { name in
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let part = text.components(separatedBy: "Content-Type: text/calendar")[1]
            let body = part.components(separatedBy: "\r\n\r\n")[1].components(separatedBy: "\r\n--")[0]
            let calendar = String(decoding: Data(base64Encoded: body, options: .ignoreUnknownCharacters)!, as: UTF8.self)
            let l = lines(calendar)
            // Message-IDs are SESSION.EVENT.PERSON.SEQUENCE.METHOD@DOMAIN.
            let person = name.split(separator: ".")[2]
            return Mail(person: String(person), method: value("METHOD", in: l)!, uid: value("UID", in: l)!,
                        sequence: Int(value("SEQUENCE", in: l)!)!, start: value("DTSTART", in: l)!, location: value("LOCATION", in: l)!)
        }
    }

    /// The entry of a session in a person's private feed, as `convene export` wrote it.
    static func privateEntry(_ folder: URL, person: String, uid: String) throws -> Entry? {
        let text = try String(contentsOf: folder.appendingPathComponent("people/\(person).ics"), encoding: .utf8)
        guard let block = text.components(separatedBy: "BEGIN:VEVENT").first(where: { $0.contains("UID:\(uid)\r\n") }) else { return nil }
        let l = lines(block)
        let start = value("DTSTART", in: l)!
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = tokyo
        f.dateFormat = "yyyyMMdd'T'HHmmss"
        return Entry(sequence: Int(value("SEQUENCE", in: l)!)!, start: f.date(from: start)!, location: value("LOCATION", in: l)!,
                     status: value("STATUS", in: l)!)
    }

    static func utc(_ text: String) -> Date {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return f.date(from: text)!
    }

    /// Everyone in each session, by session id, from the plan as `compile` writes it.
    static func participants(_ forum: Forum) throws -> [String: Set<String>] {
        let instance = try forum.json("compile", forum.plan)
        var out: [String: Set<String>] = [:]
        for s in instance["sessions"] as? [[String: Any]] ?? [] {
            out[s["id"] as! String] = Set((s["required"] as? [String] ?? []) + (s["optional"] as? [String] ?? []))
        }
        return out
    }

    /// Moves (or pins) a session by the first shift the command accepts without --force, in its room, else
    /// in another room at the same time; returns the new room and time.
    @discardableResult
    static func shift(_ forum: Forum, _ session: String, by shifts: [Int] = Array(stride(from: 15, through: 240, by: 15)).flatMap { [$0, -$0] },
                      command: String = "move") throws -> (room: String, at: String) {
        let e = try forum.json("explain", session, "--json")
        let room = e["room"] as! String, start = e["start"] as! String
        let rooms = (try forum.json("compile", forum.plan)["rooms"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        let tries = shifts.map { (room, wallClock(start, plus: $0)) } + rooms.filter { $0 != room }.map { ($0, wallClock(start)) }
        for (r, at) in tries where try forum.convene(command, session, "--room", r, "--at", at).status == 0 {
            return (r, at)
        }
        Issue.record("no other place for \(session) was accepted")
        return (room, wallClock(start))
    }

    @Test(arguments: StoreKind.available) func publishSendsEachPersonTheNetChangeThatMatchesTheirFeed(_ kind: StoreKind) throws {
        let forum = try Forum(on: kind).scheduled()
        let folder = forum.folder.url
        let people = try Self.participants(forum)
        let invited = try forum.convene("publish", "--reason", "first agenda")
        #expect(invited.status == 0, "\(invited.stderr)")
        #expect(invited.stdout.contains("published release 1 (schedule version 1)"))
        #expect(try forum.convene("invite", "--transport", "file:mail").status == 0)
        // Everyone is invited to each of their sessions, once.
        let first = try Self.mails(folder.appendingPathComponent("mail"))
        let firstNames = Set(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("mail").path))
        #expect(first.count == people.values.map(\.count).reduce(0, +))
        #expect(first.allSatisfy { $0.method == "REQUEST" && $0.sequence == 0 })
        #expect(Set(first.map { "\($0.person) \($0.session)" }).count == first.count)

        // Three edits: the seminar on GIST moves; the NET seminar moves and moves back.
        let gistAt = try Self.shift(forum, "s-sem-gist").at
        let netStart = try forum.json("explain", "s-sem-net", "--json")["start"] as! String
        try Self.shift(forum, "s-sem-net")
        let back = try forum.convene("move", "s-sem-net", "--room", try forum.json("explain", "s-sem-net", "--json")["room"] as! String,
                                     "--at", Self.wallClock(netStart))
        #expect(back.status == 0, "\(back.stderr)")
        #expect(forum.versions == 4)
        // Drafts: nothing queued, and feeds still show release 1.
        #expect(try forum.json("status", "--json")["unpublishedChanges"] as? Bool == true)
        #expect(try forum.convene("invite", "--transport", "file:mail").stdout.hasPrefix("sent 0,"))

        let dry = try forum.convene("publish", "--dry-run")
        #expect(dry.stdout.contains("dry run: nothing published or queued"))
        let published = try forum.convene("publish")
        #expect(published.status == 0, "\(published.stderr)")
        #expect(try forum.convene("export", "--out", "feeds").status == 0)
        #expect(try forum.convene("invite", "--transport", "file:mail").status == 0)
        let second = try Self.mails(folder.appendingPathComponent("mail"), except: firstNames)
        // Exactly the GIST seminar's people, one update each, and it is what their private feed shows.
        #expect(Set(second.map(\.person)) == people["s-sem-gist"])
        #expect(second.count == people["s-sem-gist"]!.count)
        for mail in second {
            #expect(mail.session == "s-sem-gist" && mail.method == "REQUEST")
            let entry = try #require(try Self.privateEntry(folder.appendingPathComponent("feeds"), person: mail.person, uid: mail.uid))
            #expect(entry.sequence == mail.sequence && entry.sequence == 1)
            #expect(entry.start == Self.utc(mail.start))
            #expect(entry.location.contains(mail.location))
            #expect(Self.wallClock(ISO8601DateFormatter().string(from: entry.start)) == gistAt)
        }
        // The NET seminar ended where it started: its people (unless also in the GIST seminar) got nothing.
        #expect(people["s-sem-net"]!.subtracting(people["s-sem-gist"]!).allSatisfy { p in !second.contains { $0.person == p } })
        #expect(try forum.convene("publish").stdout.contains("nothing to publish"))
    }

    @Test func queuedMailThatALaterPublishSupersedesIsNeverSent() throws {
        let forum = try Forum().scheduled()
        let n = try Self.participants(forum)["s-sem-eye"]!.count
        #expect(try forum.convene("publish").status == 0)
        #expect(try forum.convene("invite", "--transport", "file:mail").status == 0)
        let before = try FileManager.default.contentsOfDirectory(atPath: forum.folder.url.appendingPathComponent("mail").path).count
        let start = try forum.json("explain", "s-sem-eye", "--json")
        try Self.shift(forum, "s-sem-eye")
        #expect(try forum.convene("publish").stdout.contains("queued \(n) messages"))
        // Back before the updates went out.
        #expect(try forum.convene("move", "s-sem-eye", "--room", start["room"] as! String, "--at",
                                  Self.wallClock(start["start"] as! String)).status == 0)
        let again = try forum.convene("publish")
        #expect(again.stdout.contains("0 messages to 0 people; \(n) queued messages superseded, never to be sent"), "\(again.stdout)")
        let delivered = try forum.convene("invite", "--transport", "file:mail")
        #expect(delivered.stdout.hasPrefix("sent 0, deferred 0, failed 0"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: forum.folder.url.appendingPathComponent("mail").path).count == before)
        let mail = try forum.json("status", "--json")["mail"] as? [String: Any]
        #expect(mail?["superseded"] as? Int == n && mail?["queued"] as? Int == 0)
        #expect(try forum.convene("history").stdout.contains("\(n) messages dropped unsent, superseded by release 3"))
    }

    // Issue 10, item 2: mail is the net change, merged over every draft since the last publish.
    @Test func theFirstPublishAfterManyDraftsInvitesEachPersonOnce() throws {
        let forum = try Forum().scheduled()
        let people = try Self.participants(forum)
        let start = try forum.json("explain", "s-sem-gist", "--json")
        try Self.shift(forum, "s-sem-gist", by: [15])
        #expect(try forum.convene("unschedule", "s-sem-gist").status == 0)
        #expect(try forum.convene("move", "s-sem-gist", "--room", start["room"] as! String, "--at",
                                  Self.wallClock(start["start"] as! String)).status == 0)
        try Self.shift(forum, "s-sem-net")
        #expect(try forum.convene("publish").status == 0)
        #expect(try forum.convene("invite", "--transport", "file:mail").status == 0)
        let mails = try Self.mails(forum.folder.url.appendingPathComponent("mail"))
        #expect(mails.count == people.values.map(\.count).reduce(0, +))
        #expect(mails.allSatisfy { $0.method == "REQUEST" && $0.sequence == 0 })
        // Then back and forth three times after it went out: nobody is mailed.
        let net = try forum.json("explain", "s-sem-net", "--json")
        try Self.shift(forum, "s-sem-net", by: [15, -15, 30])
        try Self.shift(forum, "s-sem-net", by: [15, -15, 30])
        #expect(try forum.convene("move", "s-sem-net", "--room", net["room"] as! String, "--at",
                                  Self.wallClock(net["start"] as! String)).status == 0)
        #expect(try forum.convene("publish").stdout.contains("nothing to publish"))
        #expect(try forum.convene("invite", "--transport", "file:mail").stdout.hasPrefix("sent 0,"))
    }

    // Issue 10, item 3: undo is checked like any change.
    @Test func anUndoThatBringsBackAConflictIsRefusedWithItsReasons() throws {
        let forum = try Forum().scheduled()
        #expect(try forum.convene("publish").status == 0)
        let queued = try forum.json("status", "--json")["mail"].flatMap { ($0 as? [String: Any])?["queued"] as? Int }
        let keynote = try forum.json("explain", "s-keynote-europe", "--json")
        // A double-booking accepted by force, then undone by a move back: undoing that move brings it back.
        #expect(try forum.convene("move", "s-keynote-europe", "--room", "main-hall", "--at", "2027-02-22 09:30", "--force").status == 0)
        #expect(try forum.convene("move", "s-keynote-europe", "--room", keynote["room"] as! String, "--at",
                                  Self.wallClock(keynote["start"] as! String)).status == 0)
        let refused = try forum.convene("undo")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("refused") && refused.stderr.contains("room-double-booked: Main Hall holds both"))
        #expect(forum.versions == 3)
        // A pin: undoing the pinned move would leave the pin broken.
        try Self.shift(forum, "s-sem-gist", command: "pin")
        let again = try forum.convene("undo")
        #expect(again.status == 1 && again.stderr.contains("pin-moved"))
        #expect(forum.versions == 4)
        let forced = try forum.convene("undo", "--force", "--reason", "the speaker can come after all")
        #expect(forced.status == 0 && forced.stdout.contains("accepted conflict: pin-moved"))
        #expect(forced.stdout.contains("restores version 3"))
        // Nothing was queued for any of it.
        #expect(try forum.json("status", "--json")["mail"].flatMap { ($0 as? [String: Any])?["queued"] as? Int } == queued)
    }

    // Issue 10, item 4: a decline lasts for the time and room it answered.
    @Test func aDeclineAtAHighSequenceIsInForceAgainWhenTheSessionIsBack() throws {
        let forum = try Forum().scheduled()
        let folder = forum.folder.url
        let session = "s-sem-eye"
        #expect(try forum.convene("publish").status == 0)
        for _ in 0..<3 {
            try Self.shift(forum, session, by: [15, -15])
            #expect(try forum.convene("publish").status == 0)
        }
        #expect(try forum.convene("invite", "--transport", "file:mail").status == 0)
        let e = try forum.json("explain", session, "--json")
        let required = try #require((try forum.json("compile", forum.plan)["sessions"] as? [[String: Any]])?
            .first { $0["id"] as? String == session }?["required"] as? [String])
        let mail = try #require(try Self.mails(folder.appendingPathComponent("mail"))
            .first { $0.session == session && $0.person == required[0] && $0.sequence == 3 })
        let email = try #require(try String(contentsOf: URL(fileURLWithPath: forum.plan), encoding: .utf8)
            .components(separatedBy: "- id: \(required[0])")[1].components(separatedBy: "email: ")[1].split(separator: "\n").first)
        let reply = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//Test//EN", "METHOD:REPLY", "BEGIN:VEVENT",
                     "UID:\(mail.uid)", "SEQUENCE:3", "DTSTAMP:20270201T000000Z", "ORGANIZER:mailto:forum@example.org",
                     "ATTENDEE;PARTSTAT=DECLINED:mailto:\(email)", "COMMENT:I am abroad that week", "END:VEVENT", "END:VCALENDAR", ""]
        try reply.joined(separator: "\r\n").write(to: folder.appendingPathComponent("reply.ics"), atomically: true, encoding: .utf8)
        let recorded = try forum.convene("rsvp", "import", "reply.ics")
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(recorded.stdout.contains("conflict brought: declined"))

        func declined() throws -> Int {
            let attendance = try forum.json("status", "--json")["attendance"] as? [[String: Any]] ?? []
            return attendance.first { $0["session"] as? String == session }.flatMap { a in
                (a["participants"] as? [[String: Any]])?.filter { $0["answer"] as? String == "declined" }.count
            } ?? -1
        }
        #expect(try declined() == 1)
        #expect(try forum.convene("unschedule", session).status == 0)
        #expect(try declined() == 0)
        #expect(try forum.convene("status").stdout.contains("declined for "))
        #expect(try forum.convene("undo").status == 1)
        #expect(try forum.convene("undo", "--force").status == 0)
        #expect(try forum.json("explain", session, "--json")["start"] as? String == e["start"] as? String)
        #expect(try declined() == 1)
        let conflicts = try forum.convene("conflicts")
        #expect(conflicts.status == 1 && conflicts.stdout.contains("declined"))
        #expect(try forum.convene("status").stdout.contains("declined: \"I am abroad that week\""))
    }

    // Issue 10, item 5: a change that changes nothing saves nothing; status counts only the plan's sessions.
    @Test func aNoOpMoveSavesNothingAndARemovedSessionIsNotCounted() throws {
        let forum = try Forum().scheduled()
        let e = try forum.json("explain", "s-sem-net", "--json")
        let same = try forum.convene("move", "s-sem-net", "--room", e["room"] as! String, "--at", Self.wallClock(e["start"] as! String))
        #expect(same.status == 0 && same.stdout.contains("no change") && same.stdout.contains("nothing saved"))
        #expect(forum.versions == 1)
        let plan = try String(contentsOf: URL(fileURLWithPath: forum.plan), encoding: .utf8)
        let head = plan.components(separatedBy: "  - id: s-sem-net\n")[0]
        let tail = plan.components(separatedBy: "  - id: s-sem-eye\n")[1]
        try (head + "  - id: s-sem-eye\n" + tail).write(toFile: forum.plan, atomically: true, encoding: .utf8)
        #expect(try forum.convene("import", forum.plan).status == 0)
        let status = try forum.json("status", "--json")
        #expect(status["sessions"] as? Int == 33 && status["scheduled"] as? Int == 33 && status["unscheduled"] as? Int == 0)
        #expect(status["removedSessions"] as? Int == 1)
    }
}
