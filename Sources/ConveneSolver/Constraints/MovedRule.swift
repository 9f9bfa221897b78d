/// Soft `moved`: each entry of the previous schedule whose session is now elsewhere or left out.
struct MovedRule: Sendable {
    func penalty(_ schedule: CheckedSchedule) -> Int {
        schedule.instance.previous.reduce(0) { n, prev in
            guard let now = schedule.placement(of: prev.session),
                  now.roomID == prev.room, now.start == schedule.minutes(prev.start) else { return n + 1 }
            return n
        }
    }
}
