/// How `convene serve` listens and what address its links carry.
public struct ServerSettings: Sendable {
    /// The address to listen on; 127.0.0.1 unless the server is meant to be reached from elsewhere.
    public var host: String
    /// The port; 0 picks a free one (the server logs which).
    public var port: Int
    /// The public address links on the agenda page use; nil for `http://HOST:PORT`.
    public var links: FeedLinks?
    /// How long a served body may go without checking the database for changes.
    public var recheck: Duration
    /// Log every request, not only start, stop and schedule changes.
    public var logRequests: Bool

    /// Settings with the defaults `convene serve` documents.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, links: FeedLinks? = nil, recheck: Duration = .milliseconds(500),
        logRequests: Bool = false
    ) {
        self.host = host
        self.port = port
        self.links = links
        self.recheck = recheck
        self.logRequests = logRequests
    }
}
