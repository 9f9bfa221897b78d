package import ConveneCore
package import ConveneICal
package import ConveneStore

/// Where the server's feeds come from: a cheap change check, and everything served as of now.
package protocol FeedSource: Sendable {
    /// Changes whenever what is served may have changed; asked often, so it must not read much.
    func stamp() throws -> ChangeStamp
    /// The feeds and the agenda's data, as of now (tokens are the store's, read by `EventShelf`).
    func load() throws -> FeedLibrary
}

/// Everything the server serves for one state of the database.
package struct FeedLibrary: Sendable {
    package var stamp: ChangeStamp
    /// The current plan; nil before the first import.
    package var event: Event?
    /// The published schedule; nil before the first publish.
    package var schedule: ScheduleVersion?
    /// What the feeds publish, for the programme and the schedule exports; nil before the first import.
    package var publication: Publication?
    /// When anything published last changed, for Last-Modified.
    package var lastModified: Instant?
    /// Every feed, public and private.
    package var feeds: [Feed]
    /// How often subscribers should fetch again, in seconds: the feeds' REFRESH-INTERVAL.
    package var refreshSeconds: Int
    /// Renders one of `feeds` as iCalendar text; the same library always gives the same bytes.
    package var render: @Sendable (Feed) throws -> String

    package init(
        stamp: ChangeStamp, event: Event?, schedule: ScheduleVersion?, publication: Publication? = nil, lastModified: Instant?,
        feeds: [Feed],
        refreshSeconds: Int, render: @escaping @Sendable (Feed) throws -> String
    ) {
        self.stamp = stamp
        self.event = event
        self.schedule = schedule
        self.publication = publication
        self.lastModified = lastModified
        self.feeds = feeds
        self.refreshSeconds = refreshSeconds
        self.render = render
    }

    /// The public feeds: the event, rooms, tracks and groups.
    package var publicFeeds: [Feed] { feeds.filter { !$0.isPrivate } }

    /// A person's private feed, if the plan has them.
    package func personFeed(_ person: String) -> Feed? {
        feeds.first { $0.isPrivate && $0.id == person }
    }
}
