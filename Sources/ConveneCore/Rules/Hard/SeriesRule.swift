/// H12: consecutive scheduled sessions of a series start, in their order, on local dates at least
/// `minDaysApart` and at most `maxDaysApart` days apart.
package struct SeriesRule: HardRule {
    package init() {}

    package var kind: Conflict.Kind { .seriesCadence }
    package var code: String? { "H12" }

    /// The scheduled sessions of a series, in its order.
    static func scheduled(_ series: Instance.Series, in review: Review) -> [Review.Placed] {
        series.sessions.compactMap { review.placement(of: $0) }
    }

    package func breaches(in review: Review) -> [Breach] {
        let clock = review.facts.clock
        var out: [Breach] = []
        for series in review.facts.series {
            let done = Self.scheduled(series, in: review)
            for (prev, next) in zip(done, done.dropFirst()) {
                let gap = clock.date(next.start).daysSinceEpoch - clock.date(prev.start).daysSinceEpoch
                guard gap < series.minDaysApart || series.maxDaysApart.map({ gap > $0 }) == true || next.start < prev.start else { continue }
                let allowed = "\(series.minDaysApart)..\(series.maxDaysApart.map(String.init) ?? "any")"
                // The validator's own words, which `validate.py` prints too; `reason` says it for people.
                out.append(Breach(kind, "series \(series.id): \(review.id(next)) starts \(gap) days after \(review.id(prev)) (allowed \(allowed), in order)",
                                  sessions: [review.id(prev), review.id(next)]))
            }
        }
        return out
    }

    /// A gap in days as words: `22 days before`, `1 day after`, `on the same day as`.
    static func days(_ gap: Int) -> String {
        if gap == 0 { return "on the same day as" }
        return "\(abs(gap)) day\(abs(gap) == 1 ? "" : "s") \(gap < 0 ? "before" : "after")"
    }

    package func reason(_ b: Breach, in review: Review, _ words: Wording) -> String {
        guard let series = review.facts.series.first(where: { $0.sessions.contains(b.sessions[0]) }),
              let prev = review.placement(of: b.sessions[0]), let next = review.placement(of: b.sessions[1]) else { return b.text }
        let gap = review.facts.clock.date(next.start).daysSinceEpoch - review.facts.clock.date(prev.start).daysSinceEpoch
        let allowed = series.maxDaysApart.map { "\(series.minDaysApart) to \($0)" } ?? "at least \(series.minDaysApart)"
        return "\(words.session(b.sessions[1])) comes \(Self.days(gap)) \(words.session(b.sessions[0])) in series \(series.id), "
            + "which keeps \(allowed) days between sessions, in order"
    }
}
