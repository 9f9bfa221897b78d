import Foundation
import Hummingbird

/// Turns away what no feed or page can answer before routing: methods other than GET and HEAD,
/// overlong paths and paths that try to climb out of the feeds. Every route miss gets the same 404.
struct RequestGuardMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Longer than any feed path: ids are short and tokens are 32 letters.
    static var maximumPathLength: Int { 512 }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Self.plain(.methodNotAllowed, "Only GET and HEAD are served.\n", extra: [.allow: "GET, HEAD"])
        }
        let path = request.uri.path
        guard path.utf8.count <= Self.maximumPathLength else {
            return Self.plain(.uriTooLong, "The path is too long.\n")
        }
        guard Self.isPlain(path) else {
            return Self.plain(.badRequest, "The path is not one this server serves.\n")
        }
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            return FeedRoutes.notFound()
        }
    }

    /// A path of ordinary segments: no `.` or `..` (however encoded), no backslash, NUL or control character.
    static func isPlain(_ path: String) -> Bool {
        guard path.hasPrefix("/"), !path.contains("\\"), !path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            return false
        }
        for segment in path.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            guard let decoded = String(segment).removingPercentEncoding else { return false }
            if decoded == "." || decoded == ".." || decoded.contains("/") || decoded.contains("\\")
                || decoded.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                return false
            }
        }
        return true
    }

    private static func plain(_ status: HTTPResponse.Status, _ text: String, extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.contentType: "text/plain; charset=utf-8"]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
