import CLibical
import Foundation

/// Owns a top-level libical component (a parsed or built VCALENDAR) and frees it with its children.
///
/// Children reached through it are borrowed: they live as long as this object and are never freed.
final class CalendarComponent {
    private let pointer: OpaquePointer

    /// Takes ownership of a component that has no parent.
    init(adopting pointer: OpaquePointer) {
        self.pointer = pointer
    }

    /// Parses iCalendar text; nil when libical finds no component at all.
    convenience init?(parsing text: String) {
        let parsed = text.withCString { icalparser_parse_string($0) }
        guard let parsed else { return nil }
        self.init(adopting: parsed)
    }

    deinit { icalcomponent_free(pointer) }

    /// Lends the component to `body`; the pointer must not escape it.
    func withUnsafeComponent<R>(_ body: (OpaquePointer) throws -> R) rethrows -> R {
        try body(pointer)
    }

    /// The component serialized by libical: CRLF lines folded at 75 octets.
    func serialized() -> String {
        LibicalText.owned(icalcomponent_as_ical_string_r(pointer)) ?? ""
    }

    /// The serialization with the first occurrence of `needle` (an ASCII line) replaced.
    func serialized(replacingFirst needle: String, with replacement: String) -> String {
        guard let text = icalcomponent_as_ical_string_r(pointer) else { return "" }
        defer { icalmemory_free_buffer(text) }
        let bytes = UnsafeRawBufferPointer(start: text, count: strlen(text)).bindMemory(to: UInt8.self)
        let pattern = Array(needle.utf8)
        guard let first = pattern.first, pattern.count <= bytes.count else { return String(decoding: bytes, as: UTF8.self) }
        var i = 0
        while i + pattern.count <= bytes.count {
            if bytes[i] == first, pattern.indices.allSatisfy({ bytes[i + $0] == pattern[$0] }) {
                var out = [UInt8]()
                out.reserveCapacity(bytes.count + replacement.utf8.count)
                out.append(contentsOf: bytes[..<i])
                out.append(contentsOf: replacement.utf8)
                out.append(contentsOf: bytes[(i + pattern.count)...])
                return String(decoding: out, as: UTF8.self)
            }
            i += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
