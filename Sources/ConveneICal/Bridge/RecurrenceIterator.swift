import CLibical

/// Owns a libical RRULE iterator and yields the wall-clock starts it produces.
final class RecurrenceIterator {
    private let pointer: OpaquePointer

    /// Nil when libical cannot iterate the rule from this start.
    init?(rule: icalrecurrencetype, start: icaltimetype) {
        guard let iterator = icalrecur_iterator_new(rule, start) else { return nil }
        pointer = iterator
    }

    deinit { icalrecur_iterator_free(pointer) }

    /// The next start, or nil when the rule is exhausted.
    func next() -> icaltimetype? {
        let t = icalrecur_iterator_next(pointer)
        return icaltime_is_null_time(t) != 0 ? nil : t
    }
}
