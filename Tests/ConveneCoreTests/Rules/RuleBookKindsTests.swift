import Foundation
import Testing
@testable import ConveneCore

struct RuleBookKindsTests {
    /// Every kind the rule book reports is one `Conflict.Kind`, and every `Conflict.Kind` is reported by a rule.
    @Test func theRuleBookReportsEveryKindOnce() {
        let kinds = RuleBook.conflictKinds
        #expect(Set(kinds).count == kinds.count)
        #expect(Set(kinds) == Set(Conflict.Kind.allCases))
    }

    /// README's section on conflicts names every kind the rule book has, so an admin can look each one up.
    @Test func readmeNamesEveryConflictKind() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "### Conflicts")).upperBound
        let text = readme[section...].prefix { $0 != "#" }
        let missing = RuleBook.conflictKinds.filter { !text.contains("`\($0.rawValue)`") }
        #expect(missing.isEmpty, "README's Conflicts section does not name \(missing.map(\.rawValue))")
    }
}
