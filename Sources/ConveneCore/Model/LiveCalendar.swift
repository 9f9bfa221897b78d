/// A person's live calendar: the secret address they gave on their page, the busy times last read
/// from it (never titles), and how its fetches have gone.
public struct LiveCalendar: Sendable, Hashable, Codable {
    /// How the latest fetches went; kept apart from the busy times, which only a good read replaces.
    public struct FetchState: Sendable, Hashable, Codable {
        /// When it was last fetched, well or not; nil before the first fetch.
        public var fetchedAt: Instant?
        /// When the busy times last changed (or were first read).
        public var changedAt: Instant?
        /// The server's validators, sent back on the next fetch so an unchanged calendar costs a 304.
        public var etag: String?
        public var lastModified: String?
        /// The last fetch's error in words (the address redacted); nil when it went well.
        public var error: String?
        /// Fetches failed in a row: what the service's backoff counts.
        public var failures: Int

        public init(fetchedAt: Instant? = nil, changedAt: Instant? = nil, etag: String? = nil, lastModified: String? = nil,
                    error: String? = nil, failures: Int = 0) {
            self.fetchedAt = fetchedAt
            self.changedAt = changedAt
            self.etag = etag
            self.lastModified = lastModified
            self.error = error
            self.failures = failures
        }
    }

    public var person: String
    /// The address as the person gave it. A secret: shown only redacted, never logged or audited.
    public var address: String
    /// The busy times of the last good read, over the event's days; each without its title.
    public var busy: [BusyPeriod]
    public var state: FetchState

    public init(person: String, address: String, busy: [BusyPeriod], state: FetchState) {
        self.person = person
        self.address = address
        self.busy = busy
        self.state = state
    }
}
