import ConveneCore
import Crypto
import HTTPTypes
import NIOCore

/// A response body rendered once and kept in memory, with the headers of its 200 and 304
/// responses built once too, so a request only copies them.
struct RenderedBody: Sendable {
    let bytes: ByteBuffer
    /// The quoted ETag: SHA-256 of the bytes.
    let etag: String
    let lastModified: Instant?
    /// What every response for this body carries: ETag, Last-Modified, Cache-Control.
    let validators: HTTPFields
    /// The 200 headers: the validators plus Content-Type and Content-Length.
    let fullHeaders: HTTPFields

    init(text: String, lastModified: Instant?, contentType: String, cacheControl: String) {
        let data = Array(text.utf8)
        self.init(bytes: ByteBuffer(bytes: data), etag: Self.etag(of: data), lastModified: lastModified,
                  contentType: contentType, cacheControl: cacheControl)
    }

    private init(bytes: ByteBuffer, etag: String, lastModified: Instant?, contentType: String, cacheControl: String) {
        self.bytes = bytes
        self.etag = etag
        self.lastModified = lastModified
        var validators: HTTPFields = [.eTag: etag, .cacheControl: cacheControl]
        if let lastModified { validators[.lastModified] = HTTPDate.format(lastModified) }
        self.validators = validators
        var full = validators
        full[.contentType] = contentType
        full[.contentLength] = String(bytes.readableBytes)
        fullHeaders = full
    }

    /// The same bytes dated as they were first served, so an unchanged feed keeps its date too.
    func dated(like earlier: RenderedBody?) -> RenderedBody {
        guard let earlier, earlier.etag == etag, earlier.lastModified != lastModified else { return self }
        return RenderedBody(bytes: bytes, etag: etag, lastModified: earlier.lastModified,
                            contentType: fullHeaders[.contentType] ?? "", cacheControl: validators[.cacheControl] ?? "")
    }

    private static func etag(of data: [UInt8]) -> String {
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = [UInt8(ascii: "\"")]
        for byte in SHA256.hash(data: data) {
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0xF)])
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }
}
