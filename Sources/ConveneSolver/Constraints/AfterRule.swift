/// H7: every scheduled session named in `after` ends before this one starts.
struct AfterRule: PlacementRule {
    func check(_ p: CheckedSchedule.Placed, in schedule: CheckedSchedule) -> [Finding] {
        p.session.after.compactMap { before in
            guard let b = schedule.placement(of: before), b.end > p.start else { return nil }
            return .rule("H7", .afterOrder, "session \(p.id) starts before \(before) ends", sessions: [before, p.id])
        }
    }
}
