/// H3: the room has every feature the session needs.
struct FeatureRule: PlacementRule {
    func check(_ p: CheckedSchedule.Placed, in schedule: CheckedSchedule) -> [Finding] {
        let lacking = Set(p.session.features).subtracting(p.room.features).sorted(by: codePointLess)
        guard !lacking.isEmpty else { return [] }
        let list = "[" + lacking.map(pythonRepr).joined(separator: ", ") + "]"
        return [.rule("H3", .missingFeature, "room \(p.roomID) lacks \(list) for session \(p.id)",
                      sessions: [p.id], rooms: [p.roomID])]
    }
}
