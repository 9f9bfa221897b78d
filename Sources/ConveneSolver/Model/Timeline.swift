import ConveneCore

/// The days cut into equal cells, so that room occupancy is an array lookup.
///
/// The cell length divides the slot, every duration, every room's turnover and every day's
/// offset from the first day, so each session (and the turnover after it) covers whole cells.
/// Overlapping days are merged.
struct Timeline: Sendable {
    /// Minutes per cell.
    let unit: Int
    /// Merged days: first minute, end minute, index of the first cell.
    let segments: [(start: Int, end: Int, base: Int)]
    let cellCount: Int
    /// For each cell, the index just past the last cell of its merged day.
    let segmentEnd: [Int32]

    init(instance: Instance, origin: Instant) {
        func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? abs(a) : gcd(b, a % b) }
        var unit = max(1, instance.slotMinutes)
        let days = instance.days.map { ($0.start.minutes(since: origin), $0.end.minutes(since: origin)) }
        for d in days { unit = gcd(unit, d.0) }
        for s in instance.sessions where s.duration > 0 { unit = gcd(unit, s.duration) }
        for r in instance.rooms where r.turnover > 0 { unit = gcd(unit, r.turnover) }
        self.unit = max(1, unit)
        var segs: [(start: Int, end: Int, base: Int)] = []
        var cells = 0
        let merged = MinuteSet(days)
        for (a, b) in zip(merged.starts, merged.ends) {
            segs.append((a, b, cells))
            cells += (b - a + self.unit - 1) / self.unit
        }
        segments = segs
        cellCount = cells
        var ends = [Int32](repeating: 0, count: cells)
        for (i, seg) in segs.enumerated() {
            let next = i + 1 < segs.count ? segs[i + 1].base : cells
            for c in seg.base..<next { ends[c] = Int32(next) }
        }
        segmentEnd = ends
    }

    /// The cell a minute falls in, when it lies inside a day.
    func cell(at minute: Int) -> Int? {
        for s in segments where s.start <= minute && minute < s.end { return s.base + (minute - s.start) / unit }
        return nil
    }

    /// The first minute of a cell.
    func minute(ofCell cell: Int) -> Int? {
        guard let s = segments.last(where: { $0.base <= cell }) else { return nil }
        return s.start + (cell - s.base) * unit
    }

    /// Every cell that shares a minute with `[a, b)`.
    func cells(touching a: Int, _ b: Int) -> [Int] {
        var out: [Int] = []
        for s in segments {
            let lo = max(a, s.start), hi = min(b, s.end)
            guard lo < hi else { continue }
            let first = (lo - s.start) / unit
            let last = (hi - s.start + unit - 1) / unit
            out += (s.base + first)..<(s.base + last)
        }
        return out
    }
}
