/// Soft `seriesTime`: each scheduled session of a series, after the first scheduled one, whose local
/// start time of day differs from that first one's.
package struct SeriesTimeTerm: SoftTerm {
    package init() {}

    package var name: String { "seriesTime" }
    package var defaultWeight: Int { 1 }

    package func count(in review: Review) -> Int {
        let clock = review.facts.clock
        return review.facts.series.reduce(0) { n, series in
            let done = SeriesRule.scheduled(series, in: review)
            guard let first = done.first.map({ clock.timeOfDay($0.start) }) else { return n }
            return n + done.dropFirst().filter { clock.timeOfDay($0.start) != first }.count
        }
    }
}
