/// The addresses subscribers paste into their calendar apps: https (or http) and `webcal://` links.
public struct FeedLinks: Sendable, Hashable {
    /// The server's public address without a trailing slash, e.g. `https://forum.example.org`.
    public let base: String

    /// Checks and keeps a base URL: http or https, a host, no query, fragment, space or control character.
    public init(baseURL: String) throws {
        var text = baseURL
        while text.hasSuffix("/") { text.removeLast() }
        let lower = text.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else {
            throw ServerError("--base-url '\(baseURL)' must start with https:// or http://")
        }
        let rest = text.drop { $0 != ":" }.dropFirst(3)
        guard !rest.isEmpty, !rest.hasPrefix("/"),
              !text.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || "?#\"<>\\".unicodeScalars.contains($0) }) else {
            throw ServerError("--base-url '\(baseURL)' is not a plain URL (a host, no spaces, query or fragment)")
        }
        base = text
    }

    /// The base URL a server at this host and port answers on, when no public address is given.
    public static func local(host: String, port: Int) -> FeedLinks {
        let shown = host.contains(":") ? "[\(host)]" : host
        // The host and port were already accepted by the server, so this cannot fail.
        return (try? FeedLinks(baseURL: "http://\(shown):\(port)")) ?? FeedLinks(checked: "http://127.0.0.1:\(port)")
    }

    private init(checked: String) { base = checked }

    /// The same server's links under a path such as `/events/ID`: what one event's pages link to.
    public func under(_ prefix: String) -> FeedLinks { prefix.isEmpty ? self : FeedLinks(checked: base + prefix) }

    /// The URL path of a public feed, from its path in the feeds folder.
    public static func publicPath(_ feedPath: String) -> String { "/feeds/" + feedPath }

    /// The URL path of a private feed.
    public static func privatePath(_ token: PrivateFeedToken) -> String { "/private/\(token.text).ics" }

    /// The https (or http) link to a URL path.
    public func web(_ path: String) -> String { base + path }

    /// The same link as `webcal://`, which calendar apps open as a subscription.
    public func webcal(_ path: String) -> String {
        let rest = base.drop { $0 != ":" }.dropFirst(3)
        return "webcal://" + rest + path
    }
}
