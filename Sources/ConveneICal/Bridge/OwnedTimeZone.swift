import CLibical

/// A libical time zone built from a calendar's own VTIMEZONE, owned and freed here.
///
/// Each calendar gets its own zones, so one file's definition of a TZID never leaks into another's.
final class OwnedTimeZone {
    private let pointer: OpaquePointer

    /// Builds a zone from a copy of `vtimezone` (which stays with its calendar); nil if libical refuses it.
    init?(vtimezone: OpaquePointer) {
        guard let zone = icaltimezone_new() else { return nil }
        guard let copy = icalcomponent_new_clone(vtimezone), icaltimezone_set_component(zone, copy) != 0 else {
            icaltimezone_free(zone, 1)
            return nil
        }
        pointer = zone
    }

    deinit { icaltimezone_free(pointer, 1) }

    /// Lends the zone to `body`; the pointer must not escape it.
    func withUnsafeZone<R>(_ body: (OpaquePointer) throws -> R) rethrows -> R {
        try body(pointer)
    }
}
