import ConveneCore
import Foundation
import Testing
@testable import ConveneSolver

struct ProblemTests {
    /// Room closures are kept as open-run lengths so a span is judged in one lookup: on a generated forum whose
    /// rooms close for lunch, and a room closed at odd times across two days, every room, cell and span gets
    /// the rule book's answer (some cell of the span touches a closure).
    @Test func aSpanIsClosedExactlyWhenOneOfItsCellsTouchesAClosure() throws {
        let dir = try RuleBookAgreementTests.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        var instance = try RuleBookAgreementTests.read(RuleBookAgreementTests.generated(dir)[1])
        let day = instance.days[0].start, next = instance.days[1].start
        instance.rooms[0].unavailable = [Interval(start: day.adding(minutes: 20), end: day.adding(minutes: 50)),
                                         Interval(start: next.adding(minutes: 500), end: next.adding(minutes: 600))]
        let problem = Problem(instance)
        let facts = Facts(instance), cells = problem.timeline.cellCount
        #expect(facts.rooms.contains { !$0.closed.starts.isEmpty })
        var closedCells = 0
        for (r, room) in facts.rooms.enumerated() {
            var closed = [Bool](repeating: false, count: cells)
            for (a, b) in zip(room.closed.starts, room.closed.ends) {
                for c in problem.timeline.cells(touching: a, b) { closed[c] = true }
            }
            closedCells += closed.filter { $0 }.count
            for cell in 0..<cells {
                for span in 1...min(12, cells - cell) {
                    #expect(problem.roomIsClosed(r, cell: cell, span: span) == closed[cell..<(cell + span)].contains(true))
                }
            }
        }
        #expect(closedCells > 0)
    }
}
