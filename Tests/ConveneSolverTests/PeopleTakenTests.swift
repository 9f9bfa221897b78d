import ConveneCore
import Foundation
import Testing
@testable import ConveneSolver

struct PeopleTakenTests {
    /// The spot scans gather the people's taken minutes once per session: on generated forums (tight, and a
    /// repair whose previous schedule clashes) filled by the construction, every session at every start of
    /// its fit gets the person check's answer, clash and optional conflicts alike.
    @Test func answersAsThePersonCheckForEveryStart() throws {
        let dir = try RuleBookAgreementTests.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        for url in try RuleBookAgreementTests.generated(dir) {
            let problem = Problem(try RuleBookAgreementTests.read(url))
            var random = RandomSource(seed: 3)
            let state = Construction.initial(problem, random: &random)
            var clashes = 0, optional = 0
            for s in 0..<problem.sessionCount {
                let taken = PeopleTaken(state, s)
                for t in problem.starts[s] {
                    let check = state.personCheck(s, start: Int(t))
                    #expect(taken.check(start: Int(t)) == check, "session \(s) at minute \(t)")
                    clashes += check.clash ? 1 : 0
                    optional += check.optional
                }
            }
            #expect(clashes > 0 && optional > 0, "\(url.lastPathComponent) exercises both answers")
        }
    }
}
