import DeckModel
import Foundation
import Scheduling
import StudyStore

/// What to compute and over how long.
public struct StatsOptions: Sendable, Hashable {
    /// Days in the due forecast, today included.
    public var forecastDays = 30
    /// Weeks in the reviews-per-day heatmap (the last one holds today).
    public var heatmapWeeks = 52
    /// True-retention windows, in study days ending today.
    public var retentionWindows = [7, 30, 365]
    /// Lapses at which a card is a leech (Anki's default: 8).
    public var leechThreshold = 8
    /// How many of the hardest cards to list.
    public var hardestLimit = 10
    /// A review card is mature from this interval on, in days (Anki: 21).
    public var matureDays = 21.0

    public init(forecastDays: Int = 30, heatmapWeeks: Int = 52) {
        self.forecastDays = max(1, forecastDays)
        self.heatmapWeeks = max(1, heatmapWeeks)
    }
}

/// Computes a `StatsReport` in one streaming pass over the review log: feed it every log
/// entry in order with `add`, then ask for `report`. It keeps one small aggregate per study
/// day, a 24-byte mark per review (to take back undone ones) and the replayed card states,
/// never the entries themselves. Pure: the clock, the calendar and the settings come in.
public struct StatsBuilder {
    private struct DayAggregate {
        var reviews = 0
        var correct = 0
        var newCards = 0
        var millis = 0
        var youngPassed = 0
        var youngTotal = 0
        var maturePassed = 0
        var matureTotal = 0
        var again = 0
        var hard = 0
        var good = 0
        var easy = 0

        mutating func add(_ o: DayAggregate) {
            reviews += o.reviews
            correct += o.correct
            newCards += o.newCards
            millis += o.millis
            youngPassed += o.youngPassed
            youngTotal += o.youngTotal
            maturePassed += o.maturePassed
            matureTotal += o.matureTotal
            again += o.again
            hard += o.hard
            good += o.good
            easy += o.easy
        }

        mutating func add(_ m: ReviewMark, _ sign: Int) {
            reviews += sign
            let passed = m.rating > 1
            if passed { correct += sign }
            if m.wasNew { newCards += sign }
            millis += sign * Int(m.millis)
            switch m.category {
            case 1:
                youngTotal += sign
                if passed { youngPassed += sign }
            case 2:
                matureTotal += sign
                if passed { maturePassed += sign }
            default: break
            }
            switch m.rating {
            case 1: again += sign
            case 2: hard += sign
            case 3: good += sign
            default: easy += sign
            }
        }
    }

    /// One counted review, kept so that an undo later in the log can take it back.
    private struct ReviewMark {
        var seq: Int
        var day: Int32
        var millis: Int32
        var rating: UInt8
        /// 0 not in review (new, learning, relearning), 1 young, 2 mature.
        var category: UInt8
        var wasNew: Bool
        var undone = false
    }

    public let now: Date
    public let desiredRetention: Double
    public let options: StatsOptions
    /// Only entries of these decks count (nil: every deck in the log).
    public let onlyDecks: Set<String>?
    private let boundaries: any StudyDayBoundaries

    private var table: DayTable
    private var days: [Int: DayAggregate] = [:]
    private var currentDay = Int.min
    private var current = DayAggregate()
    private var marks: [ReviewMark] = []
    private var undone = 0
    /// Undos whose review this builder never saw (it is in an earlier piece of the log).
    private var pendingUndos: [Int] = []

    /// A card's replayed progress and which parts of it this builder's entries set.
    private struct Tracked {
        var progress = CardProgress.untouched
        /// 1 schedule, 2 suspension, 4 burial, 8 flag.
        var touched: UInt8 = 0

        mutating func apply(_ e: LogEntry) {
            e.apply(to: &progress)
            switch e.kind {
            case .review, .undo: if e.after != nil { touched |= 1 }
            case .suspend, .unsuspend: touched |= 2
            case .bury, .unbury: touched |= 4
            case .flag, .unflag: touched |= 8
            }
        }

        /// This card's progress with what a later piece of the log set on top.
        mutating func apply(later: Tracked) {
            if later.touched & 1 != 0 { progress.schedule = later.progress.schedule }
            if later.touched & 2 != 0 { progress.suspended = later.progress.suspended }
            if later.touched & 4 != 0 { progress.buriedUntil = later.progress.buriedUntil }
            if later.touched & 8 != 0 { progress.flagNote = later.progress.flagNote }
            touched |= later.touched
        }
    }

    /// Card states replayed from the entries, by deck then card.
    private var deckIndex: [String: Int] = [:]
    private var deckIds: [String] = []
    private var cardStates: [[String: Tracked]] = []
    private var lastDeck = ""
    private var lastDeckIndex = -1

    /// A builder for figures as of `now`. The decks are only needed at `report`, so they can
    /// load while the log streams in.
    public init(
        now: Date, days: any StudyDayBoundaries, desiredRetention: Double,
        options: StatsOptions = StatsOptions(), onlyDecks: Set<String>? = nil
    ) {
        self.now = now
        self.desiredRetention = desiredRetention
        self.options = options
        self.onlyDecks = onlyDecks
        self.boundaries = days
        table = DayTable(boundaries: days, now: now, futureDays: options.forecastDays)
    }

    /// Feeds one log entry (in log order).
    public mutating func add(_ e: LogEntry) {
        if let only = onlyDecks, !only.contains(e.deck) { return }
        // Replay the card's state (the log's own rule).
        let d: Int
        if e.deck == lastDeck && lastDeckIndex >= 0 {
            d = lastDeckIndex
        } else {
            d = deckSlot(e.deck)
        }
        lastDeck = e.deck
        lastDeckIndex = d
        cardStates[d][e.card, default: Tracked()].apply(e)

        switch e.kind {
        case .review:
            guard let rating = e.rating else { return }
            let day = table.day(of: e.time.timeIntervalSince1970)
            var category: UInt8 = 0
            if let before = e.before, before.phase == .review {
                category = (Self.intervalDays(before) ?? 0) < options.matureDays ? 1 : 2
            }
            let mark = ReviewMark(
                seq: e.seq, day: Int32(clamping: day), millis: Int32(clamping: max(0, e.responseMillis ?? 0)),
                rating: UInt8(rating.rawValue), category: category, wasNew: e.before?.phase == .new)
            marks.append(mark)
            addToDay(day, mark, 1)
        case .undo:
            guard let target = e.undoes else { return }
            guard let i = markIndex(seq: target) else {
                pendingUndos.append(target)
                return
            }
            guard !marks[i].undone else { return }
            marks[i].undone = true
            undone += 1
            addToDay(Int(marks[i].day), marks[i], -1)
        default:
            break
        }
    }

    /// Feeds many entries (in log order).
    public mutating func add<S: Sequence>(contentsOf entries: S) where S.Element == LogEntry {
        for e in entries { add(e) }
    }

    /// The card states replayed from the entries fed so far (deck id -> card id -> progress).
    public var replayedProgress: [String: [String: CardProgress]] {
        var out: [String: [String: CardProgress]] = [:]
        for (i, id) in deckIds.enumerated() { out[id] = cardStates[i].mapValues(\.progress) }
        return out
    }

    private mutating func deckSlot(_ id: String) -> Int {
        if let i = deckIndex[id] { return i }
        deckIndex[id] = deckIds.count
        deckIds.append(id)
        cardStates.append([:])
        return deckIds.count - 1
    }

    /// Takes in a builder fed with the entries that follow this one's in the log (the
    /// pieces of a log read in parallel, merged in file order).
    public mutating func merge(_ later: StatsBuilder) {
        if currentDay != Int.min { days[currentDay] = current }
        currentDay = Int.min
        current = DayAggregate()
        var laterDays = later.days
        if later.currentDay != Int.min { laterDays[later.currentDay] = later.current }
        for (d, a) in laterDays { days[d, default: DayAggregate()].add(a) }
        // Undos there of reviews here.
        var stillPending: [Int] = []
        for seq in later.pendingUndos {
            guard let i = markIndex(seq: seq) else {
                stillPending.append(seq)
                continue
            }
            guard !marks[i].undone else { continue }
            marks[i].undone = true
            undone += 1
            days[Int(marks[i].day), default: DayAggregate()].add(marks[i], -1)
        }
        pendingUndos += stillPending
        marks += later.marks
        undone += later.undone
        for (i, id) in later.deckIds.enumerated() {
            let d = deckSlot(id)
            for (card, t) in later.cardStates[i] { cardStates[d][card, default: Tracked()].apply(later: t) }
        }
        lastDeck = ""
        lastDeckIndex = -1
    }

    /// Adds (or with sign -1 takes back) a review in its day's aggregate. The log runs in
    /// time order, so the day being filled stays out of the dictionary until the next one starts.
    private mutating func addToDay(_ day: Int, _ m: ReviewMark, _ sign: Int) {
        if day != currentDay {
            if currentDay != Int.min { days[currentDay] = current }
            currentDay = day
            current = days[day] ?? DayAggregate()
        }
        current.add(m, sign)
    }

    /// The mark of review `seq`: marks are in log order, so seqs ascend (search from the end, where undos point).
    private func markIndex(seq: Int) -> Int? {
        var i = marks.count - 1
        var steps = 0
        while i >= 0 && steps < 64 {
            if marks[i].seq == seq { return i }
            if marks[i].seq < seq { return nil }
            i -= 1
            steps += 1
        }
        var lo = 0
        var hi = i + 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if marks[mid].seq < seq { lo = mid + 1 } else { hi = mid }
        }
        return lo <= i && marks[lo].seq == seq ? lo : nil
    }

    /// The interval a card in review was on, in days: SM-2's own, else due minus last review.
    static func intervalDays(_ s: SchedulingState) -> Double? {
        if let i = s.intervalDays { return i }
        if let due = s.due, let last = s.lastReview { return due.timeIntervalSince(last) / 86_400 }
        return nil
    }

    /// The report over `decks` (their cards are what is counted), from the replayed card
    /// states or from `progress` (e.g. what a ProgressStore loaded).
    public func report(decks: [Deck], progress: [String: [String: CardProgress]]? = nil, damagedLogLines: Int = 0) -> StatsReport {
        var table = self.table
        var days = self.days
        if currentDay != Int.min { days[currentDay] = current }
        let calendar = StatsCalendar(boundaries: boundaries, table: table)

        var r = StatsReport(
            now: now, desiredRetention: desiredRetention, leechThreshold: options.leechThreshold,
            today: StatsReport.Today(date: calendar.date(ofDay: 0, in: &table)))
        r.damagedLogLines = damagedLogLines

        // Reviews: totals, today, streaks, retention, heatmap.
        var studied: [Int] = []
        for (d, a) in days where a.reviews > 0 {
            studied.append(d)
            r.totals.reviews += a.reviews
            r.totals.correct += a.correct
            r.totals.millis += a.millis
            r.totals.byRating[0] += a.again
            r.totals.byRating[1] += a.hard
            r.totals.byRating[2] += a.good
            r.totals.byRating[3] += a.easy
        }
        studied.sort()
        r.totals.undone = undone
        r.totals.daysStudied = studied.count
        if let first = studied.first, let last = studied.last {
            r.totals.firstDay = calendar.date(ofDay: first, in: &table)
            r.totals.lastDay = calendar.date(ofDay: last, in: &table)
        }
        if let t = days[0], t.reviews > 0 {
            r.today.reviews = t.reviews
            r.today.correct = t.correct
            r.today.newCards = t.newCards
            r.today.millis = t.millis
        }
        r.streak = Self.streak(studiedDays: studied)
        for w in options.retentionWindows {
            var ret = StatsReport.Retention(days: w)
            for (d, a) in days where d <= 0 && d > -w {
                ret.young.passed += a.youngPassed
                ret.young.total += a.youngTotal
                ret.mature.passed += a.maturePassed
                ret.mature.total += a.matureTotal
            }
            r.retention.append(ret)
        }
        // Heatmap: whole weeks (Monday first) ending with the one holding today.
        let todayWeekday = r.today.date.weekday
        let heatDays = (options.heatmapWeeks - 1) * 7 + todayWeekday + 1
        r.heatmap.todayWeekday = todayWeekday
        r.heatmap.days = calendar.dates(from: -(heatDays - 1), through: 0, in: &table).enumerated().map { i, date in
            StatsReport.DayCount(date: date, count: max(0, days[i - (heatDays - 1)]?.reviews ?? 0))
        }

        // Cards: counts, forecast, hardest, flagged, memory.
        let states = progress ?? replayedProgress
        let fsrs = FSRSScheduler()
        let nowT = now.timeIntervalSince1970
        let lastForecastDay = options.forecastDays - 1
        let todayStart = table.todayStart
        var due = [Int](repeating: 0, count: options.forecastDays)
        var lapsed: [(lapses: Int, deck: Int, card: Int)] = []
        for (di, deck) in decks.enumerated() {
            var c = StatsReport.CardCounts()
            let cards = states[deck.id] ?? [:]
            for (ci, card) in deck.cards.enumerated() {
                let p = cards[card.id] ?? .untouched
                let s = p.schedule
                c.total += 1
                switch s.phase {
                case .new: c.new += 1
                case .learning: c.learning += 1
                case .relearning: c.relearning += 1
                case .review:
                    c.review += 1
                    if (Self.intervalDays(s) ?? 0) < options.matureDays { c.young += 1 } else { c.mature += 1 }
                }
                let buried = p.buriedUntil.map { $0 > now } ?? false
                if p.suspended { c.suspended += 1 }
                if buried { c.buried += 1 }
                if p.isFlagged {
                    c.flagged += 1
                    r.flagged.append(Self.ref(deck, card, p, options.leechThreshold))
                }
                if s.lapses >= options.leechThreshold { c.leeches += 1 }
                if s.lapses > 0 { lapsed.append((s.lapses, di, ci)) }
                guard s.phase != .new else { continue }
                if !p.suspended {
                    var m = s
                    if m.memory == nil, let ease = s.ease {
                        m.memory = fsrs.memoryStateFromSM2(ease: ease, intervalDays: s.intervalDays ?? 0)
                    }
                    if m.memory != nil && m.lastReview != nil {
                        r.memory.cards += 1
                        r.memory.expectedRecalled += fsrs.retrievability(m, at: now)
                    }
                }
                if !p.suspended && !p.isFlagged, var t = s.due?.timeIntervalSince1970 {
                    if let b = p.buriedUntil?.timeIntervalSince1970, b > nowT, b > t { t = b }
                    if t < todayStart {
                        r.forecast.overdue += 1
                        due[0] += 1
                    } else {
                        let d = table.day(of: t)
                        if d > lastForecastDay { r.forecast.later += 1 } else { due[d] += 1 }
                    }
                }
            }
            r.decks.append(StatsReport.DeckCounts(id: deck.id, title: deck.title, cards: c))
            r.cards = r.cards + c
        }
        r.forecast.days = calendar.dates(from: 0, through: lastForecastDay, in: &table).enumerated().map {
            StatsReport.DayCount(date: $1, count: due[$0])
        }
        lapsed.sort { ($0.lapses, $1.deck, $1.card) > ($1.lapses, $0.deck, $0.card) }
        r.hardest = lapsed.prefix(options.hardestLimit).map { l in
            let deck = decks[l.deck]
            let card = deck.cards[l.card]
            return Self.ref(deck, card, states[deck.id]?[card.id] ?? .untouched, options.leechThreshold)
        }
        return r
    }

    private static func ref(_ deck: Deck, _ card: Card, _ p: CardProgress, _ leech: Int) -> StatsReport.CardRef {
        StatsReport.CardRef(
            deck: deck.id, deckTitle: deck.title, card: card.id, question: card.question,
            lapses: p.schedule.lapses, leech: p.schedule.lapses >= leech, note: p.flagNote)
    }

    /// Current and longest runs of consecutive study days (sorted day numbers, today = 0).
    static func streak(studiedDays: [Int]) -> StatsReport.Streak {
        var s = StatsReport.Streak()
        var run = 0
        var previous = Int.min
        for d in studiedDays {
            run = (previous != Int.min && d == previous + 1) ? run + 1 : 1
            previous = d
            s.longest = max(s.longest, run)
        }
        let set = Set(studiedDays)
        s.studiedToday = set.contains(0)
        var d = s.studiedToday ? 0 : -1
        while set.contains(d) {
            s.current += 1
            d -= 1
        }
        return s
    }

    /// Computes a report from entries already in memory (tests, small logs).
    public static func report<S: Sequence>(
        decks: [Deck], entries: S, now: Date, days: any StudyDayBoundaries, desiredRetention: Double,
        options: StatsOptions = StatsOptions(), onlyDecks: Set<String>? = nil
    ) -> StatsReport where S.Element == LogEntry {
        var b = StatsBuilder(now: now, days: days, desiredRetention: desiredRetention, options: options, onlyDecks: onlyDecks)
        b.add(contentsOf: entries)
        return b.report(decks: decks)
    }
}

/// Calendar dates of study days, from the day table and the learner's time zone.
struct StatsCalendar {
    let boundaries: any StudyDayBoundaries

    init(boundaries: any StudyDayBoundaries, table: DayTable) {
        self.boundaries = boundaries
    }

    private var calendar: Calendar {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = boundaries.timeZone
        return c
    }

    /// The local date on which a study day starts.
    func date(ofDay d: Int, in table: inout DayTable) -> StatsDate {
        table.extend(back: d)
        return Self.date(Date(timeIntervalSince1970: table.start(ofDay: d)), calendar)
    }

    func dates(from first: Int, through last: Int, in table: inout DayTable) -> [StatsDate] {
        guard first <= last else { return [] }
        table.extend(back: first)
        let cal = calendar
        return (first...last).map { d in
            d <= table.lastDay ? Self.date(Date(timeIntervalSince1970: table.start(ofDay: d)), cal)
                : Self.date(Date(timeIntervalSince1970: table.start(ofDay: table.lastDay) + Double(d - table.lastDay) * 86_400), cal)
        }
    }

    private static func date(_ instant: Date, _ cal: Calendar) -> StatsDate {
        let p = cal.dateComponents([.year, .month, .day, .weekday], from: instant)
        // Calendar weekdays are 1 Sunday ... 7 Saturday; ours 0 Monday ... 6 Sunday.
        return StatsDate(year: p.year ?? 1970, month: p.month ?? 1, day: p.day ?? 1, weekday: ((p.weekday ?? 2) + 5) % 7)
    }
}
