import CCurl
import Foundation

/// A folder of an IMAP server, as `imap://HOST:PORT/FOLDER` or `imaps://HOST:PORT/FOLDER` names it.
public struct MailboxAddress: Sendable, Hashable, CustomStringConvertible {
    /// The URL as given, without a trailing slash.
    public let url: String

    /// Checks the URL: imap or imaps, a host, one folder, no spaces or control characters.
    public init(_ url: String) throws {
        let bare = url.hasSuffix("/") ? String(url.dropLast()) : url
        let scheme = bare.hasPrefix("imaps://") ? "imaps://" : bare.hasPrefix("imap://") ? "imap://" : nil
        guard let scheme, !bare.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F }),
              !bare.contains(";"), !bare.contains("?") else {
            throw MailError("'\(url)' is not an IMAP folder URL like imap://127.0.0.1:1143/INBOX")
        }
        let rest = bare.dropFirst(scheme.count)
        guard let slash = rest.firstIndex(of: "/"), slash != rest.startIndex, rest.index(after: slash) != rest.endIndex else {
            throw MailError("'\(url)' names no folder; write it as \(scheme)HOST:PORT/INBOX")
        }
        self.url = bare
    }

    public var description: String { url }
}

/// Who reads the mailbox. The password never appears in errors or descriptions.
public struct MailboxCredentials: Sendable, Hashable {
    public var user: String
    public var password: String

    public init(user: String, password: String) {
        self.user = user
        self.password = password
    }
}

/// Reads one IMAP folder through libcurl: lists the messages not yet processed, fetches one,
/// and flags a processed one so no later reading takes it again.
///
/// "Processed" is the IMAP keyword `$ConveneRead` (with `\Seen`), kept by the server: it holds
/// across restarts and whichever machine reads, and the organizer's own client can show it.
public final class IMAPMailbox {
    /// The keyword set on every message once its content is safely recorded.
    public static let processedKeyword = "$ConveneRead"

    public let address: MailboxAddress
    private let credentials: MailboxCredentials
    private let timeout: Int
    private let handle: UnsafeMutableRawPointer

    /// Prepares a libcurl handle; no connection is made before the first call.
    public init(address: MailboxAddress, credentials: MailboxCredentials, timeout: Int = 30) throws {
        SMTPTransport.initializeOnce
        guard let h = curl_easy_init() else { throw MailError("libcurl could not start") }
        handle = h
        self.address = address
        self.credentials = credentials
        self.timeout = timeout
    }

    deinit { curl_easy_cleanup(handle) }

    /// The UIDs of the messages in the folder that carry no `$ConveneRead`, in ascending order.
    public func unprocessed() throws -> [UInt32] {
        let answer = try perform(url: address.url, command: "UID SEARCH UNKEYWORD \(Self.processedKeyword)")
        var uids: [UInt32] = []
        for line in String(decoding: answer, as: UTF8.self).split(whereSeparator: \.isNewline)
        where line.uppercased().hasPrefix("* SEARCH") {
            uids += line.dropFirst("* SEARCH".count).split(separator: " ").compactMap { UInt32($0) }
        }
        return uids.sorted()
    }

    /// The whole message with that UID, as the server stores it.
    public func message(uid: UInt32) throws -> [UInt8] {
        try perform(url: "\(address.url);UID=\(uid)", command: nil)
    }

    /// Marks a message processed (`$ConveneRead` and `\Seen`); call it only once what it said is recorded.
    public func markProcessed(uid: UInt32) throws {
        _ = try perform(url: address.url, command: "UID STORE \(uid) +FLAGS (\(Self.processedKeyword) \\Seen)")
    }

    /// Collects what libcurl writes.
    private final class Sink {
        var bytes: [UInt8] = []
        /// Messages larger than this are refused rather than held in memory.
        let limit = 32 << 20
    }

    private func perform(url: String, command: String?) throws -> [UInt8] {
        let sink = Sink()
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let code: CURLcode = errorBuffer.withUnsafeMutableBufferPointer { buffer in
            withExtendedLifetime(sink) {
                let h = handle
                _ = convene_curl_set_string(h, CURLOPT_URL, url)
                if let command {
                    _ = convene_curl_set_string(h, CURLOPT_CUSTOMREQUEST, command)
                } else {
                    _ = convene_curl_set_pointer(h, CURLOPT_CUSTOMREQUEST, nil)
                }
                _ = convene_curl_set_long(h, CURLOPT_TIMEOUT, timeout)
                _ = convene_curl_set_long(h, CURLOPT_CONNECTTIMEOUT, min(timeout, 10))
                _ = convene_curl_set_long(h, CURLOPT_NOSIGNAL, 1)
                _ = convene_curl_set_string(h, CURLOPT_USERNAME, credentials.user)
                _ = convene_curl_set_string(h, CURLOPT_PASSWORD, credentials.password)
                _ = convene_curl_set_pointer(h, CURLOPT_ERRORBUFFER, buffer.baseAddress)
                _ = convene_curl_set_write_callback(h) { data, size, count, context in
                    guard let context else { return 0 }
                    let s = Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue()
                    let n = size * count
                    guard s.bytes.count + n <= s.limit else { return 0 }
                    if let data { s.bytes.append(contentsOf: UnsafeRawBufferPointer(start: data, count: n)) }
                    return n
                }
                _ = convene_curl_set_pointer(h, CURLOPT_WRITEDATA, Unmanaged.passUnretained(sink).toOpaque())
                return curl_easy_perform(h)
            }
        }
        guard code == CURLE_OK else {
            let buffered = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let detail = buffered.isEmpty ? String(cString: curl_easy_strerror(code)) : buffered
            throw MailError("\(url): \(detail)")
        }
        return sink.bytes
    }
}
