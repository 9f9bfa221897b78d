extension Event {
    /// The event with admin pins laid over the plan's own: an admin pin wins, and stays
    /// in force across re-imports of the plan because it is kept apart from it.
    public func applying(pins: [String: Session.Pin]) -> Event {
        var copy = self
        for i in copy.sessions.indices {
            if let pin = pins[copy.sessions[i].id] { copy.sessions[i].pin = pin }
        }
        return copy
    }
}
