import HTTPTypes

/// Builds the response for a rendered body: 200 with it, or 304 when the client already has it.
enum BodyResponse {
    /// 200 or 304, with ETag, Last-Modified and Cache-Control either way; HEAD gets the 200 headers only.
    static func make(_ body: RenderedBody, for request: HTTPRequest) -> Answer {
        if isUnchanged(body, request) {
            return Answer(status: .notModified, headers: body.validators, body: nil)
        }
        return Answer(status: .ok, headers: body.fullHeaders, body: body.bytes)
    }

    /// RFC 9110 §13.1: If-None-Match (weak comparison) wins; If-Modified-Since counts only without it.
    static func isUnchanged(_ body: RenderedBody, _ request: HTTPRequest) -> Bool {
        let matches = request.headerFields[values: .ifNoneMatch]
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
        guard let since = request.headerFields[.ifModifiedSince].flatMap(HTTPDate.parse),
              let modified = body.lastModified else { return false }
        return modified.secondsSinceEpoch <= since.secondsSinceEpoch
    }
}
