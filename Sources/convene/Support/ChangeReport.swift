import ConveneApp
import ConveneCore

/// Prints a change as worked out and checked: the sessions that move, what else it does, the
/// conflicts it brings, resolves or leaves. `saved` says whether it was saved (its new conflicts accepted).
func printChange(_ change: ProposedChange, _ text: ScheduleText, saved: Bool = false) {
    if change.schedule != nil, change.basedOn != nil {
        print(change.diff.summary(text))
        for line in change.diff.lines(text) { print("  \(line)") }
    }
    for note in change.notes { print(note) }
    let label = change.recordsFacts ? "conflict brought: " : saved ? "accepted conflict: " : "new conflict: "
    for c in change.added { print(label + c.description) }
    for c in change.resolved { print("resolved conflict: \(c)") }
    let added = Set(change.added.map(\.description))
    for c in change.conflicts where !added.contains(c.description) { print("remaining conflict: \(c)") }
}

/// Prints a change and what was saved (or that nothing was).
func printOutcome(_ outcome: ChangeOutcome, _ text: ScheduleText) {
    printChange(outcome.proposal, text, saved: outcome.saved != nil)
    guard let saved = outcome.saved else {
        print("\(outcome.proposal.unchanged); nothing saved")
        return
    }
    if let version = saved.version {
        print("saved schedule version \(version.number), a draft: `convene publish` shows it to subscribers and mails who must know")
    }
}
