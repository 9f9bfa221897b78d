import CCurl
import Foundation

/// Delivers messages to an SMTP server through libcurl, one connection reused for the whole run.
public final class SMTPTransport: Transport {
    /// Where and how to connect.
    public struct Options: Sendable, Hashable {
        /// `smtp://HOST:PORT` (STARTTLS optional or required by `startTLS`) or `smtps://HOST:PORT` (TLS from the start).
        public var url: String
        /// Refuse to send unless the server switches to TLS.
        public var startTLS: Bool
        public var username: String?
        public var password: String?
        /// Seconds to wait for the server before giving up on a message (it stays queued).
        public var timeout: Int

        public init(url: String, startTLS: Bool = false, username: String? = nil, password: String? = nil, timeout: Int = 30) {
            self.url = url
            self.startTLS = startTLS
            self.username = username
            self.password = password
            self.timeout = timeout
        }
    }

    public let options: Options
    private let handle: UnsafeMutableRawPointer

    /// Checks the URL and prepares a libcurl handle.
    public init(options: Options) throws {
        guard options.url.hasPrefix("smtp://") || options.url.hasPrefix("smtps://"), options.url.count > 8,
              !options.url.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F }) else {
            throw MailError("'\(options.url)' is not an SMTP URL like smtp://127.0.0.1:2525")
        }
        SMTPTransport.initializeOnce
        guard let h = curl_easy_init() else { throw MailError("libcurl could not start") }
        handle = h
        self.options = options
    }

    deinit { curl_easy_cleanup(handle) }

    /// libcurl's global start-up, once per process, shared by every transfer.
    static let initializeOnce: Void = { curl_global_init(Int(CURL_GLOBAL_ALL)) }()

    /// The message being uploaded; libcurl pulls it through `read`.
    private final class Upload {
        let bytes: [UInt8]
        var offset = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }
    }

    public func send(_ message: Envelope, from sender: String) throws {
        let upload = Upload(message.bytes)
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let recipients = curl_slist_append(nil, "<\(message.recipient)>")
        defer { curl_slist_free_all(recipients) }
        let code: CURLcode = errorBuffer.withUnsafeMutableBufferPointer { buffer in
            withExtendedLifetime(upload) {
                let h = handle
                _ = convene_curl_set_string(h, CURLOPT_URL, options.url)
                _ = convene_curl_set_string(h, CURLOPT_MAIL_FROM, "<\(sender)>")
                _ = convene_curl_set_slist(h, CURLOPT_MAIL_RCPT, recipients)
                _ = convene_curl_set_long(h, CURLOPT_UPLOAD, 1)
                _ = convene_curl_set_long(h, CURLOPT_TIMEOUT, options.timeout)
                _ = convene_curl_set_long(h, CURLOPT_CONNECTTIMEOUT, min(options.timeout, 10))
                _ = convene_curl_set_long(h, CURLOPT_NOSIGNAL, 1)
                if options.startTLS { _ = convene_curl_set_long(h, CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue)) }
                if let u = options.username { _ = convene_curl_set_string(h, CURLOPT_USERNAME, u) }
                if let p = options.password { _ = convene_curl_set_string(h, CURLOPT_PASSWORD, p) }
                _ = convene_curl_set_pointer(h, CURLOPT_ERRORBUFFER, buffer.baseAddress)
                _ = convene_curl_set_read_callback(h) { out, size, count, context in
                    guard let out, let context else { return 0 }
                    let u = Unmanaged<Upload>.fromOpaque(context).takeUnretainedValue()
                    let n = min(size * count, u.bytes.count - u.offset)
                    u.bytes.withUnsafeBufferPointer { src in
                        UnsafeMutableRawPointer(out).copyMemory(from: src.baseAddress! + u.offset, byteCount: n)
                    }
                    u.offset += n
                    return n
                }
                _ = convene_curl_set_pointer(h, CURLOPT_READDATA, Unmanaged.passUnretained(upload).toOpaque())
                return curl_easy_perform(h)
            }
        }
        guard code != CURLE_OK else { return }
        var response = 0
        _ = convene_curl_response_code(handle, &response)
        let buffered = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let detail = buffered.isEmpty ? String(cString: curl_easy_strerror(code)) : buffered
        let text = "\(options.url): \(detail)" + (response > 0 ? " (server said \(response))" : "")
        // 5xx is the server's final word on this message; anything else (4xx, timeouts, lost
        // connections, refused logins) may pass on another try.
        throw TransportFailure(permanent: (500..<600).contains(response) && code != CURLE_LOGIN_DENIED, text)
    }
}
