public import ConveneCore
public import ConveneStore

/// What subscribers and invitees see: the plan and every release. Feeds, the agenda page and mail
/// follow only this; drafts never reach it.
public struct PublishedSchedule: Sendable {
    /// The number the next release will get; numbers run across the store's events.
    public var nextRelease: Int
    /// The current plan (what sessions are called, who takes part).
    public var event: Event
    /// Sessions taken out of the plan, so feeds can show them cancelled.
    public var removed: [RemovedSession]
    /// Every release, oldest first.
    public var releases: [Release]
    /// Every session ever published, with its UID and SEQUENCE.
    public let publication: Publication

    /// What is published, from its parts.
    /// `nextRelease` defaults to the last release's number plus one, as in a store of one event.
    public init(event: Event, removed: [RemovedSession], releases: [Release], nextRelease: Int? = nil) {
        self.nextRelease = nextRelease ?? (releases.last?.number ?? 0) + 1
        self.event = event
        self.removed = removed
        self.releases = releases
        publication = Publication(event: event, removed: removed, releases: releases)
    }

    /// Reads what is published; nil before the first import.
    public static func load(from store: Store) throws -> PublishedSchedule? {
        guard let event = try store.event() else { return nil }
        return PublishedSchedule(event: event, removed: try store.removedSessions(), releases: try store.releases(),
                                 nextRelease: try store.nextReleaseNumber())
    }

    /// The release in force; nil before the first publish.
    public var latest: Release? { releases.last }

    /// What subscribers would see were `draft` published at `now`.
    func publishing(_ draft: ScheduleVersion, at now: Instant) -> Publication {
        let next = Release(number: nextRelease, schedule: draft, publishedAt: now)
        return Publication(event: event, removed: removed, releases: releases + [next])
    }
}
