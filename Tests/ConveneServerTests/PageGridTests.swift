import ConveneApp
import ConveneCore
import ConveneStore
@testable import ConveneServer
import Foundation
import Testing

/// The availability grid on a person's page: shown in their zone, saved as their own availability.
@Suite(.serialized)
struct PageGridTests {
    @Test func theGridIsInThePersonsZoneAndASavedGridIsTheirAvailability() async throws {
        let f = try Fixture()
        defer { f.remove() }
        try f.schedule()
        let path = PageLinks.path(try PageLinks(store: f.store).issue(for: "martin", at: Fixture.at("2027-02-02T00:00:00Z")))
        try await RunningServer.with(PageSiteTests.server(f)) { client in
            let page = try await client.get(path).text
            #expect(page.contains("<label for=\"anytime\">I can come at any time during the event</label>"))
            #expect(page.contains("name=\"anytime\" value=\"1\" checked"), "checked until they uncheck it")
            #expect(page.contains(">Save availability</button>") && page.contains("> If need be</label>"))
            // The forum opens at 09:00 in Tokyo: 01:00 for Sophie in Paris.
            #expect(page.contains("2027-03-12 01:00–01:30"))
            let key = try PageSiteTests.formKey(page)
            let origin = "http://127.0.0.1:\(client.port)"
            let cells = try ChangePipeline(store: f.store).availabilityGrid(for: "martin").cells
            let form = "form=\(key)&note=Mornings+are+hard&c-\(cells[0].id)=unavailable&c-\(cells[1].id)=if-need-be&c-\(cells[2].id)=available"
            #expect(try await client.post(path + "/availability", form: form, origin: "https://evil.example").status == 403)
            #expect(try await client.post(path + "/availability", form: "form=\(key)&c-\(cells[0].id)=maybe", origin: origin).status == 400)
            let posted = try await client.post(path + "/availability", form: form, origin: origin)
            #expect(posted.status == 303 && posted.header("Location") == path + "?said=availability#availability")
            let stored = try ChangePipeline(store: f.store).availabilityGrid(for: "martin")
            #expect(!stored.anyTime && stored.note == "Mornings are hard")
            #expect(stored.cells.prefix(3).map(\.mark) == [.unavailable, .ifNeedBe, .available])
            #expect(try f.store.auditLog().last?.detail.contains("by the person, on their page") == true)
            let shown = try await client.get(path + "?said=availability").text
            #expect(!shown.contains("name=\"anytime\" value=\"1\" checked") && shown.contains("Your availability is saved."))
            #expect(shown.contains("value=\"unavailable\" checked> Unavailable"))
        }
    }
}
