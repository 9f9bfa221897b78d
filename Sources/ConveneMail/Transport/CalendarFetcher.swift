import CCurl
import Foundation

/// What fetching a live calendar gave.
public enum CalendarFetchResult: Sendable, Hashable {
    /// The calendar's bytes, with the server's ETag and Last-Modified if it sent them.
    case calendar(bytes: [UInt8], etag: String?, lastModified: String? = nil)
    /// The server said the calendar is as it was at the ETag or Last-Modified given (304).
    case unchanged
}

/// Fetches a person's calendar from its secret address (Google's "secret address in iCal format",
/// Outlook's published ICS link, iCloud, any https or webcal URL) with libcurl, within fixed limits:
/// http(s) only (webcal read as https), at most 3 redirects, 10 seconds, 5 MB, no cookies, and no
/// loopback, link-local or private address unless allowed. The address is checked where libcurl opens
/// each connection, so a redirect or a name that resolves to a private address is refused too.
public struct CalendarFetcher: Sendable {
    /// Whether loopback, link-local and private addresses may be fetched (an admin's choice; tests).
    public var allowPrivateAddresses: Bool
    public var timeoutSeconds = 10
    public var maxBytes = 5 * 1024 * 1024
    public var maxRedirects = 3

    /// A fetcher; private addresses are refused unless `allowPrivateAddresses`.
    public init(allowPrivateAddresses: Bool = false) { self.allowPrivateAddresses = allowPrivateAddresses }

    /// The address as fetched: `webcal://` becomes `https://`; anything but http(s), or with spaces or
    /// control characters, is refused.
    public static func address(_ text: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F }) else {
            throw MailError("calendar address '\(text)' has spaces or control characters")
        }
        let lower = trimmed.lowercased()
        if lower.hasPrefix("webcal://") { return "https://" + trimmed.dropFirst("webcal://".count) }
        guard (lower.hasPrefix("https://") || lower.hasPrefix("http://")), trimmed.count > 8 else {
            throw MailError("calendar address '\(text)' must start with https://, http:// or webcal://")
        }
        return trimmed
    }

    /// Fetches a calendar; with `etag` (If-None-Match) or `lastModified` (If-Modified-Since), a server that
    /// still has that version answers `.unchanged`. Throws a `MailError` saying why when the address is
    /// refused, the server fails, or a limit is passed.
    public func fetch(_ text: String, etag: String? = nil, lastModified: String? = nil) throws -> CalendarFetchResult {
        let url = try Self.address(text)
        SMTPTransport.initializeOnce
        guard let h = curl_easy_init() else { throw MailError("libcurl could not start") }
        defer { curl_easy_cleanup(h) }
        let transfer = Transfer(limit: maxBytes, allowPrivate: allowPrivateAddresses)
        let context = Unmanaged.passRetained(transfer)
        defer { context.release() }
        var headers: UnsafeMutablePointer<curl_slist>? = nil
        if let etag, !etag.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            headers = curl_slist_append(headers, "If-None-Match: \(etag)")
        }
        if let lastModified, !lastModified.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            headers = curl_slist_append(headers, "If-Modified-Since: \(lastModified)")
        }
        defer { curl_slist_free_all(headers) }
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let code = errorBuffer.withUnsafeMutableBufferPointer { buffer -> CURLcode in
            _ = convene_curl_set_string(h, CURLOPT_URL, url)
            _ = convene_curl_set_string(h, CURLOPT_PROTOCOLS_STR, "http,https")
            _ = convene_curl_set_string(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
            _ = convene_curl_set_long(h, CURLOPT_FOLLOWLOCATION, 1)
            _ = convene_curl_set_long(h, CURLOPT_MAXREDIRS, maxRedirects)
            _ = convene_curl_set_long(h, CURLOPT_TIMEOUT, timeoutSeconds)
            _ = convene_curl_set_long(h, CURLOPT_CONNECTTIMEOUT, timeoutSeconds)
            // Timeouts use alarms unless told not to; a signal in a threaded server is a crash or a hang.
            _ = convene_curl_set_long(h, CURLOPT_NOSIGNAL, 1)
            _ = convene_curl_set_off_t(h, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(maxBytes))
            _ = convene_curl_set_string(h, CURLOPT_USERAGENT, "Convene")
            if let headers { _ = convene_curl_set_slist(h, CURLOPT_HTTPHEADER, headers) }
            _ = convene_curl_set_pointer(h, CURLOPT_ERRORBUFFER, buffer.baseAddress)
            let pointer = context.toOpaque()
            _ = convene_curl_set_opensocket_callback(h) { context, purpose, address in
                guard let context, let address else { return -1 }
                let t = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
                let a = address.pointee
                if !t.allowPrivate, let refused = PrivateAddress.describe(convene_curl_sockaddr(address), family: a.family) {
                    t.refused = refused
                    return -1
                }
                return socket(a.family, a.socktype, a.protocol)
            }
            _ = convene_curl_set_pointer(h, CURLOPT_OPENSOCKETDATA, pointer)
            _ = convene_curl_set_write_callback(h) { data, size, count, context in
                guard let data, let context else { return 0 }
                let t = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
                let n = size * count
                // Returning less than given makes libcurl stop with a write error.
                guard t.body.count + n <= t.limit else { t.tooLarge = true; return 0 }
                t.body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: n))
                return n
            }
            _ = convene_curl_set_pointer(h, CURLOPT_WRITEDATA, pointer)
            _ = convene_curl_set_header_callback(h) { data, size, count, context in
                guard let data, let context else { return 0 }
                let t = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
                let n = size * count
                t.header(String(decoding: UnsafeRawBufferPointer(start: data, count: n), as: UTF8.self))
                return n
            }
            _ = convene_curl_set_pointer(h, CURLOPT_HEADERDATA, pointer)
            return curl_easy_perform(h)
        }
        let shown = "calendar at \(Self.redacted(url))"
        if let refused = transfer.refused {
            throw MailError("\(shown): refused: \(refused) (not fetched unless private addresses are allowed)")
        }
        if transfer.tooLarge || code == CURLE_FILESIZE_EXCEEDED {
            throw MailError("\(shown): larger than \(maxBytes / 1024 / 1024) MB; not read")
        }
        if code == CURLE_TOO_MANY_REDIRECTS { throw MailError("\(shown): more than \(maxRedirects) redirects") }
        if code == CURLE_OPERATION_TIMEDOUT { throw MailError("\(shown): no answer within \(timeoutSeconds) s") }
        guard code == CURLE_OK else {
            let detail = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw MailError("\(shown): " + (detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail))
        }
        var status = 0
        _ = convene_curl_response_code(h, &status)
        switch status {
        case 304 where etag != nil || lastModified != nil: return .unchanged
        case 200: return .calendar(bytes: transfer.body, etag: transfer.etag, lastModified: transfer.lastModified)
        default: throw MailError("\(shown): the server answered HTTP \(status)")
        }
    }

    /// The address as errors and logs show it: scheme and host only, since the path is the secret.
    public static func redacted(_ url: String) -> String {
        guard let scheme = url.range(of: "://") else { return "(address)" }
        let rest = url[scheme.upperBound...]
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return url[..<scheme.upperBound] + (host.split(separator: "@").last.map(String.init) ?? "") + (rest.count > host.count ? "/…" : "")
    }

    /// One transfer's state, reached from libcurl's callbacks through their context pointer.
    private final class Transfer {
        let limit: Int
        let allowPrivate: Bool
        var body: [UInt8] = []
        var etag: String?
        var lastModified: String?
        var tooLarge = false
        var refused: String?

        init(limit: Int, allowPrivate: Bool) {
            self.limit = limit
            self.allowPrivate = allowPrivate
        }

        /// Keeps the validators of the last response: a redirect's own headers come first.
        func header(_ line: String) {
            if line.hasPrefix("HTTP/") { etag = nil; lastModified = nil; body = [] }
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { return }
            let value = parts[1].trimmingCharacters(in: .whitespacesAndNewlines)
            switch parts[0].lowercased() {
            case "etag": etag = value
            case "last-modified": lastModified = value
            default: break
            }
        }
    }
}
