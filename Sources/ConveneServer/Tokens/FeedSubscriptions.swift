public import ConveneApp
public import ConveneCore
package import ConveneStore

/// A link to one feed, as `convene feeds list` shows it.
public struct FeedLinkListing: Sendable, Hashable, Codable {
    /// `event`, `room`, `track`, `group` or `person`.
    public var kind: String
    /// The room, track, group or person id; nil for the whole event.
    public var id: String?
    /// The calendar's name, or the stakeholder's name for a private feed.
    public var title: String
    /// `new` (issued just now), `active` (issued earlier; its link was shown then) or `public`.
    public var status: String
    /// When the live token was issued; nil for public feeds.
    public var since: Instant?
    /// The https (or http) link; nil for a private feed whose token was issued earlier.
    public var web: String?
    /// The `webcal://` link; nil when `web` is.
    public var webcal: String?
}

/// Issues, lists and revokes stakeholders' private feed links.
///
/// The database keeps only a hash of each token, so a link can be shown only when it is issued:
/// listing issues tokens to those who have none, and `issue` replaces a lost one.
public struct FeedSubscriptions: Sendable {
    let store: Store
    let source: any FeedSource

    package init(store: Store, source: any FeedSource) {
        self.store = store
        self.source = source
    }

    /// A new token for a person, replacing their live one. The token is returned, never stored.
    public func issue(for person: String, at now: Instant, command: String = "feeds issue") throws -> PrivateFeedToken {
        let token = PrivateFeedToken.random()
        try FeedTokenBook(store: store).add(hash: token.hash, for: person, at: now, command: command)
        return token
    }

    /// Revokes a person's private feed: their link answers 404 from the server's next check on.
    public func revoke(_ person: String, at now: Instant) throws {
        try FeedTokenBook(store: store).revoke(person, at: now)
    }

    /// The public feeds, then every stakeholder's private feed, issuing tokens to those without one.
    public func list(links: FeedLinks, at now: Instant) throws -> [FeedLinkListing] {
        let library = try source.load()
        guard let event = library.event else { throw AppError.noEvent }
        // An event's public feeds live under /events/ID/ however many events the database holds, so a link
        // handed out today still works once another is imported; a private feed is the person's, across
        // events, at the top.
        let shared = links.under("/events/\(event.id)")
        var out = library.publicFeeds.map { feed -> FeedLinkListing in
            let path = FeedLinks.publicPath(feed.path)
            return FeedLinkListing(kind: feed.kindName, id: feed.id, title: feed.title, status: "public", since: nil,
                                   web: shared.web(path), webcal: shared.webcal(path))
        }
        let live = try FeedTokenBook(store: store).liveSince()
        for person in event.stakeholders.sorted(by: { $0.id < $1.id }) {
            if let since = live[person.id] {
                out.append(FeedLinkListing(kind: "person", id: person.id, title: person.name, status: "active", since: since))
            } else {
                let path = FeedLinks.privatePath(try issue(for: person.id, at: now, command: "feeds list"))
                out.append(FeedLinkListing(kind: "person", id: person.id, title: person.name, status: "new", since: now,
                                           web: links.web(path), webcal: links.webcal(path)))
            }
        }
        return out
    }
}
