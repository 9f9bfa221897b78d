public import ConveneCore
public import ConveneStore

/// A person's page link, as `convene pages list` shows it.
public struct PageLinkListing: Sendable, Hashable, Codable {
    /// The stakeholder's id.
    public var person: String
    /// The stakeholder's name.
    public var name: String
    /// `new` (issued just now, so `url` is set) or `active` (issued earlier; its link was shown then).
    public var status: String
    /// When the live token was issued.
    public var since: Instant
    /// The page's address; nil for a link issued earlier, since only its hash is kept.
    public var url: String?
}

/// Issues, lists, revokes and resolves stakeholders' private page links (`/p/TOKEN`).
///
/// A page token is not the feed token: a feed link gets pasted into calendar apps and shared,
/// while a page can change answers. Tokens carry 160 random bits and the database keeps only their
/// SHA-256, so a link can be shown only when it is issued: `list` issues links to those who have
/// none, and `issue` replaces a lost one (the earlier links stop working). Links carried by mail
/// (`publish --base-url`, `ask`) are added beside the earlier ones, so a link once mailed keeps working
/// until `pages issue` or `pages revoke`.
public struct PageLinks: Sendable {
    /// The database the links are kept in.
    public let store: Store

    /// Page links over one database.
    public init(store: Store) { self.store = store }

    /// The path of a person's page on the server: `/p/TOKEN`.
    public static func path(_ token: SecretToken) -> String { "/p/\(token.text)" }

    /// The page's full address under a server's public address (a trailing slash is dropped).
    public static func url(baseURL: String, token: SecretToken) -> String {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        return base + path(token)
    }

    /// A new page token for a person, replacing their live one. The token is returned, never stored.
    public func issue(for person: String, at now: Instant, command: String = "pages issue") throws -> SecretToken {
        let token = SecretToken.random()
        try store.addToken(.page, hash: token.hash, for: person, at: now, command: command)
        return token
    }

    /// Revokes a person's page link: it answers 404 from the next request on.
    public func revoke(_ person: String, at now: Instant, command: String = "pages revoke") throws {
        try store.revokeToken(.page, for: person, at: now, command: command)
    }

    /// Every stakeholder's page link, by id, issuing links to those without one.
    public func list(baseURL: String, at now: Instant) throws -> [PageLinkListing] {
        guard let event = try store.event() else { throw AppError.noEvent }
        let live = Dictionary(try store.tokens(.page).filter(\.isLive).map { ($0.person, $0.createdAt) }, uniquingKeysWith: max)
        return try event.stakeholders.sorted { $0.id < $1.id }.map { person in
            if let since = live[person.id] {
                return PageLinkListing(person: person.id, name: person.name, status: "active", since: since)
            }
            let token = try issue(for: person.id, at: now, command: "pages list")
            return PageLinkListing(person: person.id, name: person.name, status: "new", since: now,
                                   url: Self.url(baseURL: baseURL, token: token))
        }
    }

    /// The person whose live page token this is, or nil (unknown, revoked, or the person was removed).
    /// The presented token is hashed and the hash looked up, so a page costs one indexed read
    /// however many people the store holds (see `TokenDirectory` on why that tells nothing of a secret).
    public func person(presenting token: Substring) throws -> String? {
        try store.livePerson(tokenHash: SecretToken.hash(of: String(token)), .page)
    }
}
