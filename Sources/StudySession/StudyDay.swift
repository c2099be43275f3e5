import Foundation

/// A learner's day: it starts at a rollover hour (4 am by default) in their time zone,
/// so that a session past midnight still counts towards the evening's day, as in Anki.
///
/// Daily limits, "due today", streaks and heatmaps all use this one definition.
public struct StudyDay: Sendable, Hashable {
    /// Hour of the local day (0...23) at which a new study day begins.
    public var rolloverHour: Int
    public var timeZone: TimeZone

    public init(rolloverHour: Int = 4, timeZone: TimeZone) {
        precondition((0...23).contains(rolloverHour), "rollover hour must be 0...23")
        self.rolloverHour = rolloverHour
        self.timeZone = timeZone
    }

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// Which study day `instant` falls in: 02:30 on the 9th belongs to the 8th.
    public func day(containing instant: Date) -> StudyDate {
        let calendar = calendar
        var parts = calendar.dateComponents([.year, .month, .day, .hour], from: instant)
        if let hour = parts.hour, hour < rolloverHour {
            let previous = calendar.date(byAdding: .day, value: -1, to: instant) ?? instant
            parts = calendar.dateComponents([.year, .month, .day], from: previous)
        }
        return StudyDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    /// The instant a study day begins. On a daylight-saving change that skips the
    /// rollover hour, the first existing instant after it.
    public func start(of day: StudyDate) -> Date {
        let calendar = calendar
        let components = DateComponents(
            calendar: calendar, timeZone: timeZone, year: day.year, month: day.month, day: day.day,
            hour: rolloverHour, minute: 0, second: 0)
        if let exact = calendar.date(from: components),
            calendar.component(.hour, from: exact) == rolloverHour
        {
            return exact
        }
        // The rollover hour does not exist that day: take the start of the next hour that does.
        let midnight = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!
        var candidate = midnight
        while calendar.component(.hour, from: candidate) < rolloverHour,
            calendar.isDate(candidate, inSameDayAs: midnight)
        {
            candidate = candidate.addingTimeInterval(3600)
        }
        return candidate
    }

    /// Start of the study day containing `instant`.
    public func startOfDay(containing instant: Date) -> Date {
        start(of: day(containing: instant))
    }

    /// Start of the study day after the one containing `instant`: when today's limits reset.
    public func startOfNextDay(after instant: Date) -> Date {
        start(of: next(day(containing: instant)))
    }

    /// The study day after `day`.
    public func next(_ day: StudyDate, by count: Int = 1) -> StudyDate {
        let calendar = calendar
        let noon = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12))!
        let later = calendar.date(byAdding: .day, value: count, to: noon)!
        let parts = calendar.dateComponents([.year, .month, .day], from: later)
        return StudyDate(year: parts.year!, month: parts.month!, day: parts.day!)
    }

    /// Whole study days from `from`'s day to `to`'s day (negative when `to` is earlier).
    public func daysBetween(_ from: Date, _ to: Date) -> Int {
        let calendar = calendar
        let a = day(containing: from)
        let b = day(containing: to)
        let noonA = calendar.date(from: DateComponents(year: a.year, month: a.month, day: a.day, hour: 12))!
        let noonB = calendar.date(from: DateComponents(year: b.year, month: b.month, day: b.day, hour: 12))!
        return calendar.dateComponents([.day], from: noonA, to: noonB).day ?? 0
    }
}

/// A calendar date naming one study day (the local date on which it starts).
public struct StudyDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// "2026-03-08".
    public var description: String {
        let pad = { (n: Int, width: Int) in String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}
