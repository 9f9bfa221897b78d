import ConveneCore
import Foundation
import Testing
@testable import ConveneStore
import GRDB

struct StoreAdminTests {
    let start = at("2027-02-22T09:00:00+09:00")

    /// A new store of `kind` holding the sample plan and its first schedule version.
    func scheduled(_ kind: StoreKind) throws -> EmptyStore {
        let fresh = try kind.makeStore()
        let store = fresh.store
        try store.importPlan(sampleEvent(), planFile: "plan.yaml", at: at("2027-01-01T00:00:00Z"))
        try store.saveSchedule(
            assignments: [Assignment(session: "s-1", room: "hall", start: start),
                          Assignment(session: "s-2", room: "hall", start: start.adding(minutes: 60))],
            unscheduled: [], score: Score(unscheduled: 0, soft: 0), at: at("2027-01-01T00:01:00Z"))
        return fresh
    }

    @Test(arguments: StoreKind.available) func aPinSurvivesReimportingThePlan(_ kind: StoreKind) throws {
        let fresh = try scheduled(kind)
        defer { withExtendedLifetime(fresh) {} }
        let store = fresh.store
        try store.save(ChangeRecord(basedOn: 1, command: "pin", reason: "speaker asked", detail: "pinned s-2",
                                    pin: .pin(session: "s-2", room: "hall", start: start)), at: at("2027-01-02T00:00:00Z"))
        try store.importPlan(sampleEvent(title: "Renamed"), planFile: "plan.yaml", at: at("2027-01-03T00:00:00Z"))
        #expect(try store.pins() == ["s-2": Session.Pin(room: "hall", start: start)])
        let pinned = try #require(try store.event()).applying(pins: try store.pins())
        #expect(pinned.session("s-2")?.pin == Session.Pin(room: "hall", start: start))
        #expect(pinned.session("s-1")?.pin == nil)
        // A pin is no schedule change: no new version, but an audit entry with the reason.
        #expect(try store.history().count == 1)
        #expect(try store.auditLog().contains { $0.command == "pin" && $0.action == "pin" && $0.reason == "speaker asked" })
        try store.save(ChangeRecord(basedOn: 1, command: "unpin", detail: "unpinned s-2", pin: .unpin(session: "s-2")),
                       at: at("2027-01-04T00:00:00Z"))
        #expect(try store.pins().isEmpty)
        #expect(throws: StoreError("session 's-2' is not pinned by an admin")) {
            try store.save(ChangeRecord(basedOn: 1, command: "unpin", detail: "", pin: .unpin(session: "s-2")),
                           at: at("2027-01-04T00:00:00Z"))
        }
    }

    @Test(arguments: StoreKind.available) func aChangeBasedOnAnOldVersionSavesNothing(_ kind: StoreKind) throws {
        let fresh = try scheduled(kind)
        defer { withExtendedLifetime(fresh) {} }
        let store = fresh.store
        let moved = ChangeRecord.Version(assignments: [Assignment(session: "s-1", room: "hall", start: start.adding(minutes: 120))],
                                         unscheduled: [], score: nil)
        try store.save(ChangeRecord(basedOn: 1, command: "move", reason: "flight", detail: "moved s-1", version: moved),
                       at: at("2027-01-02T00:00:00Z"))
        #expect(throws: StoreError.self) {
            try store.save(ChangeRecord(basedOn: 1, command: "pin", detail: "", version: moved,
                                        pin: .pin(session: "s-1", room: "hall", start: start)), at: at("2027-01-02T00:00:00Z"))
        }
        #expect(try store.history().count == 2)
        #expect(try store.pins().isEmpty)
    }

    @Test(arguments: StoreKind.available) func anUndoRecordsTheVersionItBringsBack(_ kind: StoreKind) throws {
        let fresh = try scheduled(kind)
        defer { withExtendedLifetime(fresh) {} }
        let store = fresh.store
        let v1 = try store.currentSchedule()!
        try store.saveSchedule(assignments: [Assignment(session: "s-1", room: "hall", start: start)], at: at("2027-01-02T00:00:00Z"),
                               command: "unschedule")
        let undone = try store.save(ChangeRecord(
            basedOn: 2, command: "undo", reason: "oops", detail: "restores version 1 (undoes version 2)",
            version: ChangeRecord.Version(assignments: v1.assignments, unscheduled: [], score: v1.score, restores: 1)),
            at: at("2027-01-03T00:00:00Z"))
        #expect(undone.version?.number == 3)
        #expect(try store.restoredVersions() == [3: 1])
        #expect(try store.history().map(\.command) == ["schedule", "unschedule", "undo"])
        let last = try #require(try store.auditLog().last)
        #expect(last.action == "schedule" && last.version == 3 && last.reason == "oops")
        #expect(last.detail == "version 3: 2 scheduled, 0 unscheduled, unscheduled=0 soft=0; restores version 1 (undoes version 2)")
    }

    @Test(arguments: StoreKind.available) func answersAreStoredOnceWithTheirPlaceAndComment(_ kind: StoreKind) throws {
        let fresh = try scheduled(kind)
        defer { withExtendedLifetime(fresh) {} }
        let store = fresh.store
        let answer = RSVPAnswer(person: "p-a", session: "s-1", sequence: 0, answer: .declined, repliedAt: at("2027-01-05T00:00:00Z"),
                                source: "r.ics", comment: "I am abroad", room: "hall", start: start)
        #expect(try store.save(ChangeRecord(basedOn: 1, command: "rsvp import", detail: "", answers: [answer]),
                               at: at("2027-01-06T00:00:00Z")).answers == 1)
        #expect(try store.save(ChangeRecord(basedOn: 1, command: "rsvp import", detail: "", answers: [answer]),
                               at: at("2027-01-07T00:00:00Z")).answers == 0)
        #expect(try store.answers() == [answer])
        #expect(try store.auditLog().filter { $0.action == "rsvp" }.count == 2)
    }
}
