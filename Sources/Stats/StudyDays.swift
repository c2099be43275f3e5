import Foundation

/// Where study days begin and end. `StudySession.StudyDay` is the real one (a rollover hour
/// in the learner's time zone); the executable hands it in, tests may use a simpler one.
public protocol StudyDayBoundaries: Sendable {
    /// The time zone the learner's calendar is in (for weekday and month labels).
    var timeZone: TimeZone { get }
    /// Start of the study day containing `instant`.
    func startOfDay(containing instant: Date) -> Date
    /// Start of the study day after the one containing `instant`.
    func startOfNextDay(after instant: Date) -> Date
}

/// Study-day numbers relative to today (0 = today, -1 = yesterday, 1 = tomorrow), found by
/// binary search in a table of day starts that grows as older days are asked for. Asking
/// the calendar for every one of a million reviews would take seconds; this costs a few
/// comparisons, and the calendar is asked once per day of history.
struct DayTable {
    private let boundaries: any StudyDayBoundaries
    /// Starts of days `firstDay ..< firstDay + starts.count - 1`; the last element is the end of the last day.
    private(set) var starts: [Double]
    private(set) var firstDay: Int
    private var hint = 0

    /// A table from today through `futureDays` days ahead.
    init(boundaries: any StudyDayBoundaries, now: Date, futureDays: Int) {
        self.boundaries = boundaries
        var s = [boundaries.startOfDay(containing: now).timeIntervalSince1970]
        for _ in 0...max(0, futureDays) {
            let next = boundaries.startOfNextDay(after: Date(timeIntervalSince1970: s[s.count - 1])).timeIntervalSince1970
            s.append(next > s[s.count - 1] ? next : s[s.count - 1] + 86_400)
        }
        starts = s
        firstDay = 0
    }

    var todayStart: Double { starts[-firstDay] }
    var lastDay: Int { firstDay + starts.count - 2 }

    /// Start of day `d` (which must be in the table).
    func start(ofDay d: Int) -> Double { starts[d - firstDay] }

    /// Makes the table reach back to day `d`.
    mutating func extend(back d: Int) {
        guard d < firstDay else { return }
        var older: [Double] = []
        older.reserveCapacity(firstDay - d)
        var s = starts[0]
        for _ in d..<firstDay {
            let prev = boundaries.startOfDay(containing: Date(timeIntervalSince1970: s - 1)).timeIntervalSince1970
            s = prev < s ? prev : s - 86_400
            older.append(s)
        }
        starts = older.reversed() + starts
        hint += older.count
        firstDay = d
    }

    /// The day `t` falls in, reaching back as far as needed; days after the table's end are clamped to `lastDay + 1`.
    mutating func day(of t: Double) -> Int {
        if t < starts[0] {
            // Grow backwards in steps that double, to keep the number of copies small.
            var reach = max(64, starts.count)
            while t < starts[0] {
                extend(back: firstDay - reach)
                reach *= 2
            }
        }
        return lookup(t)
    }

    private mutating func lookup(_ t: Double) -> Int {
        let n = starts.count
        if t >= starts[n - 1] { return lastDay + 1 }
        if hint < n - 1, starts[hint] <= t, t < starts[hint + 1] { return hint + firstDay }
        var lo = 0
        var hi = n - 1  // starts[lo] <= t < starts[hi]
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if starts[mid] <= t { lo = mid } else { hi = mid }
        }
        hint = lo
        return lo + firstDay
    }
}
