import ConveneCore
import Foundation
import Testing
@testable import ConveneSolver

struct HeldRoomsTests {
    /// The spot scans skip a start where the held rooms' bits leave none of the session's rooms: on generated
    /// forums filled by the construction, then with every third session taken out again, no unscheduled
    /// session has a free room at a start the bits rule out, and the bits rule out some starts.
    @Test func skipOnlyStartsWithoutAFreeRoom() throws {
        let dir = try RuleBookAgreementTests.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        for url in try RuleBookAgreementTests.generated(dir) {
            let problem = Problem(try RuleBookAgreementTests.read(url))
            var random = RandomSource(seed: 3)
            var state = Construction.initial(problem, random: &random)
            for s in stride(from: 0, to: problem.sessionCount, by: 3) where state.isScheduled(s) { state.remove(s) }
            var skipped = 0, kept = 0
            for s in 0..<problem.sessionCount where !state.isScheduled(s) {
                for cell in problem.startCells[s] {
                    let free = problem.rooms[s].contains { state.roomIsFree(s, room: Int($0), cell: Int(cell)) }
                    if state.someRoomUnheld(s, cell: Int(cell)) {
                        kept += 1
                    } else {
                        #expect(!free, "session \(s) at cell \(cell) has a free room")
                        skipped += 1
                    }
                }
            }
            #expect(skipped > 0 && kept > 0, "\(url.lastPathComponent) exercises both answers")
        }
    }
}
