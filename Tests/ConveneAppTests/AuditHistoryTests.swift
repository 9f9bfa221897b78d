import ConveneApp
import ConveneCore
import ConveneStore
import ConveneTestFixtures
import Foundation
import Testing

@Suite struct AuditHistoryTests {
    /// Times read in the event's zone with their offset, and each step names who took it.
    @Test func entriesShowTheEventsTimeAndWhoActed() throws {
        let (store, _) = try Forum.store()
        try Forum.draft(store)
        // Someone answering on their own page, through a server that records them as the actor.
        try ChangePipeline(store: store.acting(as: "Claire Dubois, on their page"))
            .apply(MoveSession(session: "s-panel", room: nil, start: LocalDateTime.parse("2027-02-22 14:00")!),
                   force: false, reason: "later suits the panel", at: Forum.stamp.adding(minutes: 30))
        let history = try AuditHistory.load(from: store)
        #expect(history.entries.map(\.actor) == [store.actor, store.actor, "Claire Dubois, on their page"])
        #expect(!store.actor.isEmpty)
        let lines = history.lines()
        #expect(lines[0] == "times in Asia/Tokyo")
        // 2027-01-10 09:00 UTC is 18:00 in Tokyo.
        #expect(lines[1] == "2027-01-10 18:00 +09:00  import  by \(store.actor)", "\(lines)")
        #expect(lines.contains("2027-01-10 18:30 +09:00  move → version 2 — later suits the panel  by Claire Dubois, on their page"),
                "\(lines)")
    }

    /// A long detail (a publish naming many messages) is wrapped at its parts and words, nothing cut.
    @Test func longDetailsAreWrapped() {
        let parts = (1...12).map { "moved \"Session number \($0)\" (s-\($0)): Main Hall, 2027-02-22 09:30 → Room 1, 2027-02-22 11:00" }
        let detail = "release 3: schedule version 7; 40 messages queued; " + parts.joined(separator: "; ")
        let entry = AuditEntry(id: 1, at: Forum.stamp, command: "publish", action: "publish", reason: nil, detail: detail,
                               version: 7, actor: "admin")
        let lines = AuditHistory(entries: [entry], timeZone: "Europe/London").lines(width: 80)
        #expect(lines[1] == "2027-01-10 09:00 +00:00  publish → version 7  by admin")
        let wrapped = lines.dropFirst(2)
        #expect(wrapped.count > 12)
        #expect(wrapped.allSatisfy { $0.count <= 80 && $0.hasPrefix("    ") }, "\(wrapped)")
        #expect(wrapped.joined(separator: " ").split(separator: " ").joined(separator: " ")
            == ("release 3: schedule version 7; 40 messages queued; " + parts.joined(separator: "; ")))
    }
}
