import ConveneApp
import ConveneMail
import Foundation
import Yams

/// What `convene serve --config FILE` runs: the database, the HTTP server and the workers' settings.
/// Secrets are never in the file itself: only the path of a file holding one, or an environment variable.
public struct ServiceConfig: Sendable {
    /// The config file, as given; errors name it.
    public var file: String
    /// The database path, relative to the config file's folder, or a PostgreSQL address; nil for the
    /// command's usual default.
    public var database: String?
    public var http = HTTP()
    /// Where mail goes; nil runs no delivery worker.
    public var smtp: SMTP?
    /// The organizer's mailbox; nil runs no mailbox worker.
    public var imap: IMAP?
    public var calendars: Calendars?
    public var digest: Digest?

    /// The `http` section.
    public struct HTTP: Sendable {
        public var host = "127.0.0.1"
        public var port = 8080
        public var baseURL: String?
    }

    /// The `smtp` section.
    public struct SMTP: Sendable {
        /// `smtp://HOST:PORT`, `smtps://HOST:PORT` or `file:DIR`.
        public var url: String
        /// The envelope sender; nil for the plan's organizer.
        public var from: String?
        public var user: String?
        /// The password, read from `passwordFile` or `$CONVENE_SMTP_PASSWORD`; never from the config itself.
        public var password: Secret?
    }

    /// The `imap` section.
    public struct IMAP: Sendable {
        /// `imap://HOST:PORT/FOLDER` or `imaps://HOST:PORT/FOLDER`.
        public var url: String
        public var user: String
        /// From `passwordFile` or `$CONVENE_IMAP_PASSWORD`.
        public var password: Secret
        /// Seconds between reads of the mailbox.
        public var every = 60
    }

    /// The `calendars` section.
    public struct Calendars: Sendable {
        /// Seconds between refreshes of the stakeholders' calendars.
        public var every = 900
        /// Whether live calendars (saved on pages, refreshed by the worker) may be on loopback, link-local
        /// or private addresses; false, since an address is anyone's to type and the server would fetch it.
        public var allowPrivateAddresses = false
    }

    /// The `digest` section.
    public struct Digest: Sendable {
        /// Who gets the organizer's digest.
        public var to: String
        /// Seconds between digests.
        public var every = 3600
    }

    /// Reads and checks a config file; `environment` supplies the passwords not given as files.
    public init(file: String, environment: [String: String]? = nil) throws {
        let environment = environment ?? ProcessInfo.processInfo.environment
        self.file = file
        let text: String
        do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
            throw ServerError("cannot read config \(file): \((error as NSError).localizedDescription)")
        }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else { throw ServerError("\(file): the config is empty") }
            root = node
        } catch let e as ServerError { throw e } catch {
            throw ServerError("\(file): not YAML: \(error)")
        }
        let reader = ConfigReader(file: file, folder: (file as NSString).deletingLastPathComponent, environment: environment)
        let top = try reader.section(root, "", keys: ["database", "http", "smtp", "imap", "calendars", "digest"])
        database = try top["database"].map { node in
            // A PostgreSQL address is no path: kept as written (its password comes from --db-password-file or $PGPASSWORD).
            let text = try reader.string(node, "database")
            return StoreLocation(text, environment: [:]).isPostgres ? text : reader.resolve(text)
        }
        if let node = top["http"] {
            let m = try reader.section(node, "http", keys: ["host", "port", "baseURL"])
            if let v = m["host"] { http.host = try reader.string(v, "http.host") }
            if let v = m["port"] { http.port = try reader.int(v, "http.port", in: 0...65535) }
            if let v = m["baseURL"] {
                http.baseURL = try reader.string(v, "http.baseURL")
                do { _ = try FeedLinks(baseURL: http.baseURL!) } catch let e as ServerError {
                    throw reader.error(v, "http.baseURL", e.message)
                }
            }
        }
        if let node = top["smtp"] {
            let m = try reader.section(node, "smtp", keys: ["url", "from", "user", "passwordFile"])
            guard let url = m["url"] else { throw reader.error(node, "smtp.url", "is missing") }
            let u = try reader.string(url, "smtp.url")
            guard u.hasPrefix("smtp://") || u.hasPrefix("smtps://") || u.hasPrefix("file:") && u.count > 5 else {
                throw reader.error(url, "smtp.url", "must be smtp://HOST:PORT, smtps://HOST:PORT or file:DIR, not '\(u)'")
            }
            smtp = SMTP(url: u.hasPrefix("file:") ? "file:" + reader.resolve(String(u.dropFirst(5))) : u,
                        from: try m["from"].map { try reader.string($0, "smtp.from") },
                        user: try m["user"].map { try reader.string($0, "smtp.user") },
                        password: try reader.secret(m["passwordFile"], "smtp.passwordFile", variable: "CONVENE_SMTP_PASSWORD"))
        }
        if let node = top["imap"] {
            let m = try reader.section(node, "imap", keys: ["url", "user", "passwordFile", "every"])
            guard let url = m["url"] else { throw reader.error(node, "imap.url", "is missing") }
            let u = try reader.string(url, "imap.url")
            guard let rest = u.hasPrefix("imap://") ? u.dropFirst(7) : u.hasPrefix("imaps://") ? u.dropFirst(8) : nil,
                  let slash = rest.firstIndex(of: "/"), slash != rest.startIndex, rest.index(after: slash) != rest.endIndex else {
                throw reader.error(url, "imap.url", "must be imap://HOST:PORT/FOLDER or imaps://HOST:PORT/FOLDER, not '\(u)'")
            }
            do { _ = try MailboxAddress(u) } catch let e as MailError { throw reader.error(url, "imap.url", e.message) }
            guard let user = m["user"] else { throw reader.error(node, "imap.user", "is missing") }
            guard let password = try reader.secret(m["passwordFile"], "imap.passwordFile", variable: "CONVENE_IMAP_PASSWORD") else {
                throw reader.error(node, "imap.passwordFile", "is missing (or set $CONVENE_IMAP_PASSWORD)")
            }
            imap = IMAP(url: u, user: try reader.string(user, "imap.user"), password: password)
            if let v = m["every"] { imap!.every = try reader.int(v, "imap.every", in: 1...86_400) }
        }
        if let node = top["calendars"] {
            let m = try reader.section(node, "calendars", keys: ["every", "allowPrivateAddresses"])
            calendars = Calendars()
            if let v = m["every"] { calendars!.every = try reader.int(v, "calendars.every", in: 1...604_800) }
            if let v = m["allowPrivateAddresses"] {
                guard let b = v.scalar.flatMap({ Bool.construct(from: $0) }) else {
                    throw reader.error(v, "calendars.allowPrivateAddresses", "must be true or false")
                }
                calendars!.allowPrivateAddresses = b
            }
        }
        if let node = top["digest"] {
            let m = try reader.section(node, "digest", keys: ["to", "every"])
            guard let to = m["to"] else { throw reader.error(node, "digest.to", "is missing") }
            digest = Digest(to: try reader.string(to, "digest.to"))
            if let v = m["every"] { digest!.every = try reader.int(v, "digest.every", in: 60...604_800) }
        }
    }
}

/// A password, kept out of descriptions so that it never reaches a log by accident.
public struct Secret: Sendable, CustomStringConvertible {
    /// The password itself, for the one call that needs it.
    public let value: String
    /// Where it came from, for messages.
    public let source: String

    public var description: String { "(secret from \(source))" }
}

/// Reads config nodes, naming the file, line and key in every error.
struct ConfigReader {
    let file: String
    let folder: String
    let environment: [String: String]

    func error(_ node: Node, _ key: String, _ problem: String) -> ServerError {
        let line = node.mark.map { ":\($0.line)" } ?? ""
        return ServerError("\(file)\(line): \(key) \(problem)")
    }

    /// A mapping with only known keys, each once.
    func section(_ node: Node, _ name: String, keys: Set<String>) throws -> [String: Node] {
        guard let mapping = node.mapping else {
            throw error(node, name.isEmpty ? "the config" : name, "must be a mapping of keys to values")
        }
        var out: [String: Node] = [:]
        for (k, v) in mapping {
            let key = k.string ?? "\(k)"
            let full = name.isEmpty ? key : "\(name).\(key)"
            guard keys.contains(key) else {
                throw error(k, full, "is not a known key (known: \(keys.sorted().joined(separator: ", ")))")
            }
            guard out[key] == nil else { throw error(k, full, "is given twice") }
            out[key] = v
        }
        return out
    }

    func string(_ node: Node, _ key: String) throws -> String {
        guard let s = node.scalar?.string, !s.isEmpty else { throw error(node, key, "must be a non-empty text") }
        guard !s.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw error(node, key, "must not contain control characters")
        }
        return s
    }

    func int(_ node: Node, _ key: String, in range: ClosedRange<Int>) throws -> Int {
        guard let s = node.scalar?.string, let n = Int(s), range.contains(n) else {
            throw error(node, key, "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return n
    }

    /// A path relative to the config file's folder.
    func path(_ node: Node, _ key: String) throws -> String { resolve(try string(node, key)) }

    func resolve(_ path: String) -> String {
        path.hasPrefix("/") || folder.isEmpty ? path : folder + "/" + path
    }

    /// The secret in `node`'s file, else in the environment variable; a file others may read is refused.
    func secret(_ node: Node?, _ key: String, variable: String) throws -> Secret? {
        guard let node else {
            return environment[variable].flatMap { $0.isEmpty ? nil : Secret(value: $0, source: "$\(variable)") }
        }
        let path = try self.path(node, key)
        let value: String
        do { value = try SecretFile.read(path) } catch let e as AppError { throw self.error(node, key, e.message) }
        return Secret(value: value, source: path)
    }
}
