import ConveneApp
import ConveneCore
import ConveneICal
package import ConveneStore

/// Feeds straight from the database: what is published (the plan and every release) and the live
/// tokens, written by ConveneICal exactly as `convene export` writes them. Drafts never show.
package struct StoreFeedSource: FeedSource {
    let store: Store
    let tokens: FeedTokenBook

    package init(store: Store) {
        self.store = store
        tokens = FeedTokenBook(store: store)
    }

    package func stamp() throws -> ChangeStamp { try tokens.changeStamp() }

    package func load() throws -> FeedLibrary {
        // The stamp is read first: a write landing during the reads below changes it, so the
        // next check loads again rather than keeping a mixed view.
        let stamp = try self.tokens.changeStamp()
        let refresh = Self.seconds(FeedWriter.refreshInterval)
        guard let published = try PublishedSchedule.load(from: store) else {
            return FeedLibrary(stamp: stamp, event: nil, schedule: nil, lastModified: nil, feeds: [],
                               refreshSeconds: refresh) { feed in throw ServerError("no feed \(feed.path) before an import") }
        }
        let publication = published.publication
        let feeds = FeedCatalog.feeds(of: publication)
        return FeedLibrary(
            stamp: stamp, event: published.event, schedule: published.latest?.schedule, publication: publication,
            lastModified: publication.lastModified ?? published.latest?.publishedAt,
            feeds: feeds, refreshSeconds: refresh
        ) { feed in try FeedWriter.render(feed, of: publication) }
    }

    /// Seconds in an iCalendar duration such as `PT1H`, `PT30M` or `P1D`; an hour if unreadable.
    static func seconds(_ duration: String) -> Int {
        var total = 0, number = 0, inTime = false
        for c in duration.dropFirst() {
            if let d = c.wholeNumberValue { number = number * 10 + d; continue }
            switch c {
            case "T": inTime = true
            case "W": total += number * 604_800
            case "D": total += number * 86_400
            case "H": total += number * 3_600
            case "M" where inTime: total += number * 60
            case "S": total += number
            default: return 3_600
            }
            number = 0
        }
        return total > 0 ? total : 3_600
    }
}
