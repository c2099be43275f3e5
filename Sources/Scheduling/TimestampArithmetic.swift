import ISOTime

/// Python's `timedelta` arithmetic on microsecond instants, as py-fsrs computes with it.
extension Timestamp {
    /// Whole 24-hour periods from `earlier` to `later`, floored (Python `timedelta.days`).
    static func wholeDays(from earlier: Int64, to later: Int64) -> Int {
        Int(floorDivide(later - earlier, microsPerDay))
    }

    /// `value / 2` rounded half to even, as Python's timedelta division rounds microseconds.
    static func halfToEvenHalf(_ value: Int64) -> Int64 {
        let q = floorDivide(value, 2)
        if value & 1 == 0 { return q }
        return q & 1 == 0 ? q : q + 1
    }
}
