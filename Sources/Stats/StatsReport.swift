import DeckModel
import Foundation

/// Every figure `factdeck stats` shows, computed once; rendered as text or JSON.
public struct StatsReport: Sendable, Hashable {
    /// Cards by state. Phases (`new`, `learning`, `review`, `relearning`) partition the cards;
    /// `young`/`mature` split `review` at a 21-day interval; the marks (`suspended`, `buried`,
    /// `flagged`) and `leeches` overlap the phases.
    public struct CardCounts: Sendable, Hashable {
        public var total = 0
        public var new = 0
        public var learning = 0
        public var review = 0
        public var relearning = 0
        public var young = 0
        public var mature = 0
        public var suspended = 0
        public var buried = 0
        public var flagged = 0
        public var leeches = 0
        public init() {}

        public static func + (a: CardCounts, b: CardCounts) -> CardCounts {
            var c = CardCounts()
            c.total = a.total + b.total
            c.new = a.new + b.new
            c.learning = a.learning + b.learning
            c.review = a.review + b.review
            c.relearning = a.relearning + b.relearning
            c.young = a.young + b.young
            c.mature = a.mature + b.mature
            c.suspended = a.suspended + b.suspended
            c.buried = a.buried + b.buried
            c.flagged = a.flagged + b.flagged
            c.leeches = a.leeches + b.leeches
            return c
        }
    }

    public struct DeckCounts: Sendable, Hashable {
        public var id: String
        public var title: String
        public var cards: CardCounts
    }

    /// Reviews that count (undone ones excluded), over all time.
    public struct ReviewTotals: Sendable, Hashable {
        public var reviews = 0
        public var correct = 0
        /// How many reviews were taken back with undo (not in `reviews`).
        public var undone = 0
        /// Reviews per rating: again, hard, good, easy.
        public var byRating = [0, 0, 0, 0]
        public var millis = 0
        public var daysStudied = 0
        public var firstDay: StatsDate?
        public var lastDay: StatsDate?
        public init() {}
    }

    public struct Today: Sendable, Hashable {
        public var date: StatsDate
        public var reviews = 0
        /// Reviews answered right (rating above 1, "again").
        public var correct = 0
        /// Cards seen for the first time today.
        public var newCards = 0
        public var millis = 0
        /// `correct / reviews`, nil without reviews.
        public var correctRate: Double? { reviews == 0 ? nil : Double(correct) / Double(reviews) }
    }

    public struct Streak: Sendable, Hashable {
        /// Study days in a row up to today (or up to yesterday while today has none yet).
        public var current = 0
        public var longest = 0
        /// Whether today already counts towards `current`.
        public var studiedToday = false
    }

    /// Passed / total reviews of one kind of card.
    public struct Tally: Sendable, Hashable {
        public var passed = 0
        public var total = 0
        public init(passed: Int = 0, total: Int = 0) {
            self.passed = passed
            self.total = total
        }
        public var rate: Double? { total == 0 ? nil : Double(passed) / Double(total) }
        public static func + (a: Tally, b: Tally) -> Tally { Tally(passed: a.passed + b.passed, total: a.total + b.total) }
    }

    /// True retention over the last `days` study days (today included): reviews of cards in
    /// the review phase, young (interval under 21 days) and mature, answered right.
    public struct Retention: Sendable, Hashable {
        public var days: Int
        public var young = Tally()
        public var mature = Tally()
        public var all: Tally { young + mature }
    }

    public struct DayCount: Sendable, Hashable {
        public var date: StatsDate
        public var count: Int
    }

    public struct Forecast: Sendable, Hashable {
        /// Due per day, today first; today's count includes the overdue cards.
        public var days: [DayCount] = []
        /// Cards already overdue at the start of today (included in `days[0]`).
        public var overdue = 0
        /// Due after the forecast's last day.
        public var later = 0
        public var total: Int { days.reduce(0) { $0 + $1.count } }
    }

    public struct Heatmap: Sendable, Hashable {
        /// Reviews per study day, oldest first, ending today; starts on a Monday.
        public var days: [DayCount] = []
        /// Weekday of `days[0]` (always 0, Monday) and of today (0 Monday ... 6 Sunday).
        public var todayWeekday = 0
    }

    public struct CardRef: Sendable, Hashable {
        public var deck: String
        public var deckTitle: String
        public var card: String
        public var question: String
        public var lapses: Int
        public var leech: Bool
        public var note: String?
    }

    public struct Memory: Sendable, Hashable {
        /// Cards with a memory state (studied, not suspended).
        public var cards = 0
        /// Sum of their retrievabilities: how many of them you would recall if tested now.
        public var expectedRecalled = 0.0
        public var averageRetrievability: Double? { cards == 0 ? nil : expectedRecalled / Double(cards) }
    }

    public var now: Date
    public var desiredRetention: Double
    public var leechThreshold: Int
    public var decks: [DeckCounts] = []
    public var cards = CardCounts()
    public var totals = ReviewTotals()
    public var today: Today
    public var streak = Streak()
    public var retention: [Retention] = []
    public var forecast = Forecast()
    public var heatmap = Heatmap()
    public var hardest: [CardRef] = []
    public var flagged: [CardRef] = []
    public var memory = Memory()
    /// Log lines that could not be read and were skipped.
    public var damagedLogLines = 0
    /// The last quizzes, newest first (from `progress/quizzes.jsonl`; see `quizScores`).
    public var quizzes: [QuizScore] = []
    /// Where the sources disagree: the conflicts with a card in the decks counted (found
    /// among all the learner's decks by the caller, `ConflictFinder`).
    public var conflicts: [Conflict] = []

    /// Nothing studied yet: no review in the log and no card out of the new state.
    public var isEmpty: Bool {
        totals.reviews == 0 && cards.new == cards.total && cards.suspended == 0 && cards.flagged == 0
    }
}

/// A calendar date naming a study day (the local date on which it starts).
public struct StatsDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    /// 0 Monday ... 6 Sunday.
    public var weekday: Int

    public init(year: Int, month: Int, day: Int, weekday: Int) {
        self.year = year
        self.month = month
        self.day = day
        self.weekday = weekday
    }

    public static func < (a: Self, b: Self) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    /// "2026-03-08".
    public var description: String {
        func pad(_ n: Int, _ w: Int) -> String { let s = String(n); return String(repeating: "0", count: max(0, w - s.count)) + s }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}
