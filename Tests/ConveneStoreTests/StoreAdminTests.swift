import ConveneCore
import Foundation
import Testing
@testable import ConveneStore
import GRDB

struct StoreAdminTests {
    let start = at("2027-02-22T09:00:00+09:00")

    func scheduled(_ tmp: TemporaryDatabase) throws -> Store {
        let store = try Store(path: tmp.path)
        _ = try store.importPlan(sampleEvent(), planFile: "plan.yaml", at: at("2027-01-01T00:00:00Z"))
        try store.saveSchedule(
            assignments: [Assignment(session: "s-1", room: "hall", start: start),
                          Assignment(session: "s-2", room: "hall", start: start.adding(minutes: 60))],
            unscheduled: [], score: Score(unscheduled: 0, soft: 0), at: at("2027-01-01T00:01:00Z"), command: "schedule")
        return store
    }

    @Test func aPinSurvivesReimportingThePlan() throws {
        let tmp = try TemporaryDatabase()
        let store = try scheduled(tmp)
        try store.saveChange(basedOn: 1, assignments: nil, pin: .pin(session: "s-2", room: "hall", start: start),
                             at: at("2027-01-02T00:00:00Z"), command: "pin", reason: "speaker asked", detail: "pinned s-2")
        _ = try store.importPlan(sampleEvent(title: "Renamed"), planFile: "plan.yaml", at: at("2027-01-03T00:00:00Z"))
        #expect(try store.pins() == ["s-2": Session.Pin(room: "hall", start: start)])
        #expect(try store.pinnedEvent()?.session("s-2")?.pin == Session.Pin(room: "hall", start: start))
        #expect(try store.pinnedEvent()?.session("s-1")?.pin == nil)
        // A pin is no schedule change: no new version, but an audit entry with the reason.
        #expect(try store.history().count == 1)
        #expect(try store.auditLog().contains { $0.command == "pin" && $0.reason == "speaker asked" })
        try store.saveChange(basedOn: 1, assignments: nil, pin: .unpin(session: "s-2"), at: at("2027-01-04T00:00:00Z"),
                             command: "unpin", reason: nil, detail: "unpinned s-2")
        #expect(try store.pins().isEmpty)
        #expect(throws: StoreError("session 's-2' is not pinned by an admin")) {
            try store.saveChange(basedOn: 1, assignments: nil, pin: .unpin(session: "s-2"), at: at("2027-01-04T00:00:00Z"),
                                 command: "unpin", reason: nil, detail: "")
        }
    }

    @Test func aChangeBasedOnAnOldVersionSavesNothing() throws {
        let tmp = try TemporaryDatabase()
        let store = try scheduled(tmp)
        let moved = [Assignment(session: "s-1", room: "hall", start: start.adding(minutes: 120))]
        try store.saveChange(basedOn: 1, assignments: moved, at: at("2027-01-02T00:00:00Z"), command: "move",
                             reason: "flight", detail: "moved s-1")
        #expect(throws: StoreError.self) {
            try store.saveChange(basedOn: 1, assignments: moved, pin: .pin(session: "s-1", room: "hall", start: start),
                                 at: at("2027-01-02T00:00:00Z"), command: "move", reason: nil, detail: "")
        }
        #expect(try store.history().count == 2)
        #expect(try store.pins().isEmpty)
    }

    @Test func undoAddsAVersionAndStepsFurtherBackEachTime() throws {
        let tmp = try TemporaryDatabase()
        let store = try scheduled(tmp)
        let v1 = try store.currentSchedule()!.assignments
        var v2 = v1
        v2[0].start = start.adding(minutes: 180)
        try store.saveChange(basedOn: 1, assignments: v2, at: at("2027-01-02T00:00:00Z"), command: "move", reason: "a", detail: "")
        var v3 = v2
        v3[1].start = start.adding(minutes: 240)
        try store.saveChange(basedOn: 2, assignments: v3, at: at("2027-01-03T00:00:00Z"), command: "move", reason: "b", detail: "")

        let first = try store.undo(at: at("2027-01-04T00:00:00Z"), reason: "oops")
        #expect(first.restored.number == 2)
        #expect(first.version.number == 4)
        #expect(Set(try store.currentSchedule()!.assignments) == Set(v2))
        let second = try store.undo(at: at("2027-01-05T00:00:00Z"), reason: nil)
        #expect(second.restored.number == 1)
        #expect(Set(try store.currentSchedule()!.assignments) == Set(v1))
        #expect(throws: StoreError("nothing to undo: version 1 is the first schedule")) {
            try store.undo(at: at("2027-01-06T00:00:00Z"), reason: nil)
        }
        #expect(try store.history().map(\.command) == ["schedule", "move", "move", "undo", "undo"])
        #expect(try store.restoredVersions() == [4: 2, 5: 1])
        #expect(try store.auditLog().last?.detail.contains("restores version 1 (undoes version 2)") == true)
    }

    @Test func theCurrentStateJudgesTheScheduleWithPinsAndDeclines() throws {
        let tmp = try TemporaryDatabase()
        let store = try scheduled(tmp)
        try store.saveChange(basedOn: 1, assignments: nil, pin: .pin(session: "s-2", room: "hall", start: start),
                             at: at("2027-01-02T00:00:00Z"), command: "pin", reason: nil, detail: "pinned s-2")
        let state = try store.currentState(declines: [Decline(session: "s-1", person: "p-a")])
        #expect(state.version.number == 1)
        #expect(state.conflicts.map(\.kind) == [.declined, .pinMoved])
        let fixed = state.propose([Assignment(session: "s-1", room: "hall", start: start.adding(minutes: 60)),
                                   Assignment(session: "s-2", room: "hall", start: start)])
        #expect(fixed.added.isEmpty)
        #expect(fixed.resolved.map(\.kind) == [.pinMoved])
        #expect(fixed.diff.changes.count == 2)
    }

    @Test func undoWithoutAScheduleSaysSo() throws {
        let tmp = try TemporaryDatabase()
        let store = try Store(path: tmp.path)
        #expect(throws: StoreError("there is no schedule to undo (run `convene schedule` first)")) {
            try store.undo(at: at("2027-01-06T00:00:00Z"), reason: nil)
        }
    }
}
