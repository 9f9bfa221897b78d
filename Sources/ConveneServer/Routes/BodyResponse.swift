import Hummingbird

/// Builds the response for a rendered body: 200 with it, or 304 when the client already has it.
enum BodyResponse {
    /// 200 or 304, with ETag, Last-Modified and Cache-Control either way; HEAD gets the 200 headers only.
    static func make(_ body: RenderedBody, for request: Request) -> Response {
        if isUnchanged(body, request) {
            return Response(status: .notModified, headers: body.validators)
        }
        if request.method == .head {
            return Response(status: .ok, headers: body.fullHeaders)
        }
        return Response(status: .ok, headers: body.fullHeaders, body: ResponseBody(byteBuffer: body.bytes))
    }

    /// RFC 9110 §13.1: If-None-Match (weak comparison) wins; If-Modified-Since counts only without it.
    static func isUnchanged(_ body: RenderedBody, _ request: Request) -> Bool {
        let matches = request.headers[values: .ifNoneMatch]
        if !matches.isEmpty {
            for value in matches {
                if value == body.etag { return true }
                for tag in value.split(separator: ",") {
                    let tag = tag.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed()
                    let text = String(tag)
                    if text == "*" || text == body.etag || (text.hasPrefix("W/") && text.dropFirst(2) == body.etag) { return true }
                }
            }
            return false
        }
        guard let since = request.headers[.ifModifiedSince].flatMap(HTTPDate.parse),
              let modified = body.lastModified else { return false }
        return modified.secondsSinceEpoch <= since.secondsSinceEpoch
    }
}
