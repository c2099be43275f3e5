import Foundation

/// Study days start at a fixed local hour (4 am, like Anki), so a late-night session counts
/// for the day it belongs to.
struct StudyCalendar {
    var calendar: Calendar
    var dayStartHour: Int

    static var current: StudyCalendar {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone.current
        return StudyCalendar(calendar: cal, dayStartHour: 4)
    }

    /// The first day start strictly after `date`.
    func nextDayStart(after date: Date) -> Date {
        let shifted = date.addingTimeInterval(-Double(dayStartHour) * 3600)
        let midnight = calendar.startOfDay(for: shifted)
        let next = calendar.date(byAdding: .day, value: 1, to: midnight)!
        return next.addingTimeInterval(Double(dayStartHour) * 3600)
    }
}
