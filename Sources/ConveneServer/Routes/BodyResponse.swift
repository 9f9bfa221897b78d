import Foundation
import Hummingbird

/// Builds the response for a rendered body: 200 with it, or 304 when the client already has it.
enum BodyResponse {
    /// `text/calendar; charset=utf-8`, never compressed: Outlook fails on gzip.
    static let calendar = "text/calendar; charset=utf-8"
    static let html = "text/html; charset=utf-8"

    /// 200 or 304, with ETag, Last-Modified and Cache-Control either way.
    static func make(_ body: RenderedBody, for request: Request, contentType: String, cacheControl: String) -> Response {
        var headers: HTTPFields = [
            .eTag: body.etag,
            .cacheControl: cacheControl,
        ]
        if let date = body.lastModifiedText { headers[.lastModified] = date }
        if isUnchanged(body, request) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = contentType
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: body.bytes))
    }

    /// RFC 9110 §13.1: If-None-Match (weak comparison) wins; If-Modified-Since counts only without it.
    static func isUnchanged(_ body: RenderedBody, _ request: Request) -> Bool {
        let matches = request.headers[values: .ifNoneMatch]
        if !matches.isEmpty {
            for value in matches {
                for tag in value.split(separator: ",") {
                    let tag = tag.trimmingCharacters(in: .whitespaces)
                    if tag == "*" || tag == body.etag || (tag.hasPrefix("W/") && tag.dropFirst(2) == body.etag) { return true }
                }
            }
            return false
        }
        guard let since = request.headers[.ifModifiedSince].flatMap(HTTPDate.parse),
              let modified = body.lastModified else { return false }
        return modified.secondsSinceEpoch <= since.secondsSinceEpoch
    }
}
