#if canImport(Glibc)
import Glibc
private let RLIMIT_NOFILE_VALUE = Int32(RLIMIT_NOFILE.rawValue)
#else
import Darwin
private let RLIMIT_NOFILE_VALUE = RLIMIT_NOFILE
#endif

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
    /// Log every request, not only start, stop and schedule changes (private tokens are never logged).
    public var logRequests: Bool
    /// How long a request's line and headers may take to arrive, from its first byte.
    public var requestTimeout: Duration
    /// How long a kept-alive connection may sit idle between requests.
    public var idleTimeout: Duration
    /// Most connections open at once; past it, the longest-open connection is closed for each new one.
    public var maximumConnections: Int
    /// Whether a calendar address saved on a page may be on a loopback, link-local or private address.
    public var allowPrivateAddresses = false

    /// Settings with the defaults `convene serve` documents.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, links: FeedLinks? = nil, recheck: Duration = .milliseconds(500),
        logRequests: Bool = false, requestTimeout: Duration = .seconds(5), idleTimeout: Duration = .seconds(15),
        maximumConnections: Int = ServerSettings.defaultMaximumConnections
    ) {
        self.host = host
        self.port = port
        self.links = links
        self.recheck = recheck
        self.logRequests = logRequests
        self.requestTimeout = requestTimeout
        self.idleTimeout = idleTimeout
        self.maximumConnections = maximumConnections
    }

    /// Half the process's open-file limit, at most 4,096: well below the limit, so the database,
    /// logs and a burst of accepts always find a descriptor.
    public static var defaultMaximumConnections: Int {
        var limit = rlimit()
        guard getrlimit(RLIMIT_NOFILE_VALUE, &limit) == 0 else { return 256 }
        return max(16, min(4_096, Int(clamping: limit.rlim_cur) / 2))
    }
}
