/// Proleptic Gregorian dates and day numbers (days since 1970-01-01), by Howard Hinnant's
/// `days_from_civil` and `civil_from_days`: exact for every year, no calendar object.
public enum CivilDate {
    /// Days since 1970-01-01 of a date.
    @inlinable public static func days(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date of a day number.
    @inlinable public static func date(days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }

    /// Days in `month` of `year`.
    @inlinable public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// Remembers recent day numbers' dates: a direct-mapped table of 1,024 days (a log written
/// over months spans few of them, and a replay formats two dates a review).
public struct CivilDateCache {
    @usableFromInline var days = [Int64](repeating: .min, count: 1024)
    @usableFromInline var dates = [(year: Int, month: Int, day: Int)](repeating: (0, 0, 0), count: 1024)

    public init() {}

    @inlinable public mutating func date(days day: Int64) -> (year: Int, month: Int, day: Int) {
        let slot = Int(truncatingIfNeeded: day) & 1023
        if days[slot] == day { return dates[slot] }
        let date = CivilDate.date(days: day)
        days[slot] = day
        dates[slot] = date
        return date
    }
}
