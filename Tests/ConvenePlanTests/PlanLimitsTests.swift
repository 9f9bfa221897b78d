import Foundation
import Testing
@testable import ConvenePlan

/// Free text that would reach subjects, feeds and terminals is plain and of bounded length.
struct PlanLimitsTests {
    @Test(arguments: ["\\u202E", "\\u2028", "\\u2029", "\\x85", "\\x9B", "\\u2066"])
    func invisibleAndReorderingCharactersAreRefused(_ escape: String) {
        let found = diagnostics(basePlan.replacingOccurrences(of: "title: {en: One}", with: "title: {en: \"On\(escape)e\"}"))
        #expect(found.count == 1)
        #expect(found.first?.message.contains("control character") == true, "\(found)")
        #expect(found.first?.line == 20)
    }

    @Test func overlongTextIsRefusedWithItsLength() {
        let long = String(repeating: "長", count: PlanLimits.textCharacters + 1)
        let found = diagnostics(basePlan.replacingOccurrences(of: "title: {en: One}", with: "title: {ja: \(long)}"))
        #expect(found.map(\.message) == ["'sessions[0].title.ja' is \(PlanLimits.textCharacters + 1) characters long; at most \(PlanLimits.textCharacters) are allowed"])
    }

    @Test func descriptionsMayBeLongerThanTitles() {
        let text = String(repeating: "a", count: PlanLimits.textCharacters * 2)
        let found = diagnostics(basePlan.replacingOccurrences(of: "title: {en: One}", with: "title: {en: One}\n    description: {en: \(text)}"))
        #expect(found.isEmpty, "\(found)")
    }

    @Test func oversizedPlanIsRefusedBeforeParsing() {
        let yaml = basePlan + "# " + String(repeating: "x", count: PlanLimits.maximumBytes) + "\n"
        #expect(diagnostics(yaml).first?.message.contains("at most \(PlanLimits.maximumBytes)") == true)
    }
}
