/// Sorted, merged half-open minute ranges, for "does `[a, b)` touch any" and
/// "does one range hold `[a, b)`" in logarithmic time.
///
/// Ranges that overlap or touch are merged, exactly as the format's checker
/// merges them: a session spanning two adjacent windows lies inside them.
package struct MinuteSet: Sendable, Hashable {
    package private(set) var starts: [Int] = []
    package private(set) var ends: [Int] = []

    package init(_ pairs: [(Int, Int)]) {
        for (a, b) in pairs.sorted(by: { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }) where b > a {
            if let last = ends.last, a <= last {
                ends[ends.count - 1] = max(last, b)
            } else {
                starts.append(a)
                ends.append(b)
            }
        }
    }

    package var isEmpty: Bool { starts.isEmpty }

    /// True when some range shares a minute with `[a, b)`.
    package func touches(_ a: Int, _ b: Int) -> Bool {
        // First range whose end is after `a`.
        var lo = 0, hi = ends.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ends[mid] < a + 1 { lo = mid + 1 } else { hi = mid }
        }
        return lo < starts.count && starts[lo] < b
    }

    /// True when one range holds all of `[a, b)`.
    package func contains(_ a: Int, _ b: Int) -> Bool {
        // Last range starting at or before `a`.
        var lo = 0, hi = starts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if starts[mid] <= a { lo = mid + 1 } else { hi = mid }
        }
        let i = lo - 1
        return i >= 0 && ends[i] >= b
    }
}
