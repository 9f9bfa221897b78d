import HTTPTypes
import NIOCore

/// A response as the server decides it: status, headers and the bytes, if any. HEAD requests get
/// the same headers and no bytes; the transport sees to that.
struct Answer: Sendable {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: ByteBuffer?
}
