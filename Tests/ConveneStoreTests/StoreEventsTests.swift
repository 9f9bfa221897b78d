import ConveneCore
import Foundation
import Testing
@testable import ConveneStore
import GRDB

/// Events side by side in one store: the index of events, a person across events, and a store
/// scoped to one event.
struct StoreEventsTests {
    @Test func theIndexListsEachEventWithItsDaysPlaceAndOrganizer() throws {
        let tmp = try TemporaryDatabase()
        let store = try Store(path: tmp.path)
        #expect(try store.events() == [])
        var event = sampleEvent()
        event.venue = Venue(name: LocalizedText(en: "Town hall"))
        let second = LocalDate(year: 2027, month: 2, day: 23)
        event.days.append(EventDay(date: second, opens: at("2027-02-23T09:00:00+09:00"), closes: at("2027-02-23T18:00:00+09:00")))
        try store.importPlan(event, planFile: "plan.yaml", at: at("2027-01-01T00:00:00Z"))
        #expect(try store.events() == [EventSummary(
            id: "demo", name: LocalizedText(en: "Demo"), timeZone: "Asia/Tokyo", firstDay: LocalDate(year: 2027, month: 2, day: 22),
            lastDay: second, venue: Venue(name: LocalizedText(en: "Town hall")), organizer: "Office")])
        #expect(try store.events(of: "p-a") == ["demo"])
        #expect(try store.events(of: "p-nobody") == [])
    }

    @Test func aScopedStoreSharesTheFileAndKeepsItsEventWhenActingForSomeone() throws {
        let tmp = try TemporaryDatabase()
        let store = try Store(path: tmp.path)
        #expect(store.eventID == nil)
        let scoped = store.scoped(to: "demo").acting(as: "Ito Naoko, on their page")
        #expect(scoped.eventID == "demo")
        #expect(scoped.path == store.path)
        #expect(scoped.actor == "Ito Naoko, on their page")
        try scoped.importPlan(sampleEvent(), planFile: "plan.yaml", at: at("2027-01-01T00:00:00Z"))
        #expect(try store.event()?.id == "demo")
        #expect(try store.auditLog().map(\.actor) == ["Ito Naoko, on their page"])
    }
}
