import Foundation

/// Instants as whole microseconds since 1970 (UTC): py-fsrs' datetime resolution, exact in Int64.
///
/// `Date` is a Double; comparing two Dates 24 h apart can land a hair under 86,400 s and
/// flip py-fsrs' "whole days" floor, so the maths works on these integers instead.
enum Timestamp {
    static let microsPerSecond: Int64 = 1_000_000
    static let microsPerDay: Int64 = 86_400_000_000

    /// The microsecond nearest to `date`.
    static func micros(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1e6).rounded())
    }

    static func date(micros: Int64) -> Date {
        Date(timeIntervalSince1970: Double(micros) / 1e6)
    }

    /// Whole 24-hour periods from `earlier` to `later`, floored (Python `timedelta.days`).
    static func wholeDays(from earlier: Int64, to later: Int64) -> Int {
        Int(floorDivide(later - earlier, microsPerDay))
    }

    static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    /// `value / 2` rounded half to even, as Python's timedelta division rounds microseconds.
    static func halfToEvenHalf(_ value: Int64) -> Int64 {
        let q = floorDivide(value, 2)
        if value & 1 == 0 { return q }
        return q & 1 == 0 ? q : q + 1
    }
}
