import ConveneCore
import ConvenePlan
import Foundation
import Testing

struct PlanWriterTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theExamplePlanReadsBackTheSame() throws {
        let plan = try Plan.load(path: Self.root.appendingPathComponent("calendars/rare-cancers-forum-2027/plan.yaml").path)
        let again = try Plan.parse(yaml: PlanWriter.yaml(plan.event), file: plan.file)
        #expect(again.event == plan.event)
    }

    @Test func theTestForumReadsBackTheSame() throws {
        var event = Forum.event
        event.sessions[0].previously = Session.Pin(room: "hall", start: Forum.at("2027-03-12T09:00:00+09:00"))
        event.stakeholders[0].listed = false
        event.tracks.append(Track(id: "access", name: LocalizedText(en: "Access")))
        event.features = [Feature(id: "braille", name: LocalizedText(ja: "点字資料", en: "Braille \"handouts\""))]
        let again = try Plan.parse(yaml: PlanWriter.yaml(event), file: "plan.yaml")
        #expect(again.event == event)
    }
}
