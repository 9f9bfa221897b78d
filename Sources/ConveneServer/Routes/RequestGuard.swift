import Foundation
import HTTPTypes
import NIOCore

/// Turns away what no feed or page can answer: methods other than GET and HEAD, overlong paths
/// and paths that try to climb out of the feeds.
enum RequestGuard {
    /// Longer than any feed path: ids are short and tokens are 32 letters.
    static let maximumPathLength = 512

    /// The 4xx response for a request that must go no further, or nil to serve it. POST is let
    /// through only where `posting` says forms are taken (people's own pages).
    static func refusal(method: HTTPRequest.Method, path: String, posting: Bool = false) -> Answer? {
        guard method == .get || method == .head || (posting && method == .post) else {
            return plain(.methodNotAllowed, "Only GET and HEAD are served.\n", allow: true)
        }
        guard path.utf8.count <= maximumPathLength else { return plain(.uriTooLong, "The path is too long.\n") }
        guard isPlain(path) else { return plain(.badRequest, "The path is not one this server serves.\n") }
        return nil
    }

    /// A path of ordinary segments: no `.` or `..` (however encoded), no backslash, NUL or control character.
    static func isPlain(_ path: String) -> Bool {
        guard path.utf8.first == UInt8(ascii: "/") else { return false }
        // The common case, checked without allocating: no escapes, no dot segments, nothing odd.
        var previous = UInt8(ascii: "/")
        var simple = true
        for byte in path.utf8 {
            if byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "\\") { return false }
            if byte == UInt8(ascii: "%") || (byte == UInt8(ascii: ".") && previous == UInt8(ascii: "/")) { simple = false }
            previous = byte
        }
        if simple { return true }
        for segment in path.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            guard let decoded = String(segment).removingPercentEncoding else { return false }
            if decoded == "." || decoded == ".." || decoded.contains("/") || decoded.contains("\\")
                || decoded.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                return false
            }
        }
        return true
    }

    static func plain(_ status: HTTPResponse.Status, _ text: String, allow: Bool = false) -> Answer {
        var headers: HTTPFields = [.contentType: "text/plain; charset=utf-8", .contentLength: String(text.utf8.count)]
        if allow { headers[.allow] = "GET, HEAD" }
        return Answer(status: status, headers: headers, body: ByteBuffer(string: text))
    }
}
