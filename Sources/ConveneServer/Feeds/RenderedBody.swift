import ConveneCore
import Crypto
import NIOCore

/// A response body rendered once and kept in memory: its bytes, strong ETag and Last-Modified.
struct RenderedBody: Sendable {
    let bytes: ByteBuffer
    /// The quoted ETag: SHA-256 of the bytes.
    let etag: String
    let lastModified: Instant?
    /// `lastModified` as an HTTP date, formatted once.
    let lastModifiedText: String?

    init(text: String, lastModified: Instant?) {
        let data = Array(text.utf8)
        bytes = ByteBuffer(bytes: data)
        etag = "\"" + SHA256.hash(data: data).map { byte in
            let hex = Array("0123456789abcdef".utf8)
            return String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]], as: UTF8.self)
        }.joined() + "\""
        self.lastModified = lastModified
        lastModifiedText = lastModified.map(HTTPDate.format)
    }

    private init(_ other: RenderedBody, lastModified: Instant?) {
        bytes = other.bytes
        etag = other.etag
        self.lastModified = lastModified
        lastModifiedText = lastModified.map(HTTPDate.format)
    }

    /// The same bytes dated as they were first served, so an unchanged feed keeps its date too.
    func dated(like earlier: RenderedBody?) -> RenderedBody {
        guard let earlier, earlier.etag == etag else { return self }
        return RenderedBody(self, lastModified: earlier.lastModified)
    }
}
