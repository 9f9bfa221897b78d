extension Session {
    /// The session as a schedule places it: the people picked for it from its pick groups take part
    /// as required participants, after the plan's own.
    public func seated(_ picked: [String]) -> Session {
        var s = self
        s.required += picked.filter { !required.contains($0) }
        return s
    }
}

extension Event {
    /// The plan as a schedule places it: every scheduled session with the people picked for it
    /// (see `Session.seated(_:)`), so invitations, feeds, answers and the programme reach them.
    public func seated(_ assignments: [Assignment]) -> Event {
        let picked = Dictionary(assignments.filter { !$0.picked.isEmpty }.map { ($0.session, $0.picked) },
                                uniquingKeysWith: { a, _ in a })
        guard !picked.isEmpty else { return self }
        var e = self
        e.sessions = sessions.map { s in picked[s.id].map(s.seated) ?? s }
        return e
    }
}
