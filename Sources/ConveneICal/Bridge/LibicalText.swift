import CLibical
import Foundation

/// How strings cross from libical into Swift.
enum LibicalText {
    /// Copies and frees a string returned by a `…_r` function, which belongs to the caller.
    static func owned(_ pointer: UnsafeMutablePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        defer { icalmemory_free_buffer(pointer) }
        // Decoding a counted buffer takes the fast validating path; feeds run to megabytes.
        return String(decoding: UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)).bindMemory(to: UInt8.self), as: UTF8.self)
    }

    /// Copies a string that lives in libical's ring buffer (or inside a component) at once,
    /// before any other libical call can reuse the buffer.
    static func borrowed(_ pointer: UnsafePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    /// Calls `body` with libical's error state cleared, and turns a failure it leaves behind
    /// into a thrown error.
    static func checked<R>(_ what: String, _ body: () -> R?) throws -> R {
        icalerror_clear_errno()
        guard let result = body(), convene_icalerrno() == ICAL_NO_ERROR else {
            let reason = LibicalText.borrowed(icalerror_strerror(convene_icalerrno())) ?? "unknown error"
            icalerror_clear_errno()
            throw ICalError(message: "\(what) failed: \(reason)")
        }
        return result
    }
}
