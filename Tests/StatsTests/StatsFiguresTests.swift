import DeckModel
import Foundation
import Scheduling
import Stats
import StudyStore
import Testing

/// The figures over the fixture log, each worked out here from the fixture rows.
@Suite struct StatsFiguresTests {
    let report: StatsReport

    init() throws {
        report = try Fixture.report()
    }

    /// The last state each card reached (reviews only; the undone review's card went back to new).
    static var finalStates: [String: Fixture.State] {
        var s: [String: Fixture.State] = [:]
        for r in Fixture.countedReviews { s[r.card] = r.after }
        return s
    }

    @Test func cardCountsPerDeckAndTotal() {
        // Hand count from the rows: solar c1 c2 c3 c5 review, c4 learning, c6 relearning, c7 new;
        // c3 suspended, c1 buried; hist h1 review (flagged), h2 new (its review undone), h3 new.
        let final = Self.finalStates
        for deck in Fixture.decks {
            let counts = report.decks.first { $0.id == deck.id }!.cards
            let phases = deck.cards.map { final[$0.id]?.phase ?? "new" }
            #expect(counts.total == deck.cards.count)
            #expect(counts.new == phases.filter { $0 == "new" }.count)
            #expect(counts.learning == phases.filter { $0 == "learning" }.count)
            #expect(counts.review == phases.filter { $0 == "review" }.count)
            #expect(counts.relearning == phases.filter { $0 == "relearning" }.count)
            let intervals = deck.cards.compactMap { final[$0.id] }.filter { $0.phase == "review" }.map { $0.interval! }
            #expect(counts.young == intervals.filter { $0 < 21 }.count)
            #expect(counts.mature == intervals.filter { $0 >= 21 }.count)
        }
        let solar = report.decks[0].cards
        #expect((solar.new, solar.learning, solar.review, solar.relearning) == (1, 1, 4, 1))
        #expect((solar.young, solar.mature) == (2, 2))
        #expect((solar.suspended, solar.buried, solar.flagged, solar.leeches) == (1, 1, 0, 1))
        let hist = report.decks[1].cards
        #expect((hist.new, hist.review, hist.flagged, hist.suspended) == (2, 1, 1, 0))
        #expect(report.cards.total == 10)
        #expect(report.cards.new == 3)
        #expect(report.cards.review == 5)
        #expect(report.cards.flagged == 1)
    }

    @Test func undoneReviewIsNotCounted() {
        let counted = Fixture.countedReviews
        #expect(report.totals.reviews == counted.count)
        #expect(report.totals.reviews == 14)
        #expect(report.totals.undone == 1)
        #expect(report.totals.correct == counted.filter { $0.rating > 1 }.count)
        #expect(report.totals.byRating == (1...4).map { r in counted.filter { $0.rating == r }.count })
        #expect(report.totals.millis == counted.reduce(0) { $0 + $1.ms })
        // Today: c2 passed, c6 failed; h2's review was undone, so no new card today.
        #expect(report.today.reviews == 2)
        #expect(report.today.correct == 1)
        #expect(report.today.newCards == 0)
        #expect(report.today.millis == 5000 + 8000)
        #expect(report.today.date.description == "2026-11-23")
    }

    @Test func theDayRollsOverAtFourInTheMorning() {
        // Seq 13 happened at 03:00 UTC on the 23rd: it belongs to the 22nd.
        let yesterday = report.heatmap.days.first { $0.date.description == "2026-11-22" }!
        #expect(yesterday.count == Fixture.countedReviews.filter { $0.day == -1 }.count)
        #expect(yesterday.count == 2)
    }

    @Test func streaks() {
        let days = Set(Fixture.countedReviews.map(\.day))
        var longest = 0
        var run = 0
        for d in (days.min()!)...0 {
            run = days.contains(d) ? run + 1 : 0
            longest = max(longest, run)
        }
        var current = 0
        var d = 0
        while days.contains(d) {
            current += 1
            d -= 1
        }
        #expect(report.streak.longest == longest)
        #expect(report.streak.current == current)
        #expect((report.streak.current, report.streak.longest) == (3, 4))
        #expect(report.streak.studiedToday)
        #expect(report.totals.daysStudied == days.count)
    }

    @Test func streakWaitsForTodayAndBreaksOnAGap() {
        // Studied yesterday and the day before but not yet today: the streak still stands.
        let s = StatsBuilder.self
        let shifted = Fixture.countedReviews.filter { $0.day < 0 }
        var b = s.init(now: Fixture.now, days: UTCStudyDays(), desiredRetention: 0.9)
        for r in shifted { b.add(Self.entry(r)) }
        let rep = b.report(decks: Fixture.decks)
        #expect(rep.streak.current == 2)
        #expect(!rep.streak.studiedToday)
        // Nothing yesterday either: the streak is over.
        var c = s.init(now: Fixture.now, days: UTCStudyDays(), desiredRetention: 0.9)
        for r in shifted where r.day < -1 { c.add(Self.entry(r)) }
        #expect(c.report(decks: Fixture.decks).streak.current == 0)
        #expect(c.report(decks: Fixture.decks).streak.longest == 4)
    }

    static func entry(_ r: Fixture.Review) -> LogEntry {
        LogEntry(
            seq: r.seq, kind: .review, deck: r.deck, card: r.card, time: Date(timeIntervalSince1970: r.time),
            rating: Rating(rawValue: r.rating), responseMillis: r.ms, before: r.before.scheduling, after: r.after.scheduling)
    }

    @Test func trueRetentionYoungAndMature() {
        #expect(report.retention.map(\.days) == [7, 30, 365])
        #expect(report.desiredRetention == 0.9)
        for window in report.retention {
            let inWindow = Fixture.countedReviews.filter { $0.day > -window.days && $0.day <= 0 && $0.before.phase == "review" }
            let young = inWindow.filter { $0.before.interval! < 21 }
            let mature = inWindow.filter { $0.before.interval! >= 21 }
            #expect(window.young.total == young.count)
            #expect(window.young.passed == young.filter { $0.rating > 1 }.count)
            #expect(window.mature.total == mature.count)
            #expect(window.mature.passed == mature.filter { $0.rating > 1 }.count)
        }
        // By hand: last 7 days: young 0 of 1 (seq 11), mature 1 of 3 (seqs 8, 12, 15).
        #expect(report.retention[0].young == StatsReport.Tally(passed: 0, total: 1))
        #expect(report.retention[0].mature == StatsReport.Tally(passed: 1, total: 3))
        // 30 days adds seq 7 (young, passed).
        #expect(report.retention[1].young == StatsReport.Tally(passed: 1, total: 2))
        #expect(report.retention[1].all.rate == 2.0 / 5.0)
    }

    @Test func dueForecast() {
        // Cards not suspended or flagged, not new, by the day they come due (burial postpones).
        var expected = [Int](repeating: 0, count: 30)
        var overdue = 0
        var later = 0
        let suspended: Set<String> = ["c3"]
        let flagged: Set<String> = ["h1"]
        let buriedUntil: [String: Double] = ["c1": Fixture.at(2, 0)]
        for (card, state) in Self.finalStates where state.phase != "new" && !suspended.contains(card) && !flagged.contains(card) {
            var due = state.due!
            if let b = buriedUntil[card], b > due { due = b }
            let day = Int(((due - Fixture.todayStart) / 86_400).rounded(.down))
            if day < 0 {
                overdue += 1
                expected[0] += 1
            } else if day >= 30 {
                later += 1
            } else {
                expected[day] += 1
            }
        }
        #expect(report.forecast.days.map(\.count) == expected)
        #expect(report.forecast.overdue == overdue)
        #expect(report.forecast.later == later)
        // By hand: today c4 (overdue) and c6; day 2 c1 (buried from day 1); day 3 c2; c5 later.
        #expect(Array(expected[0..<4]) == [2, 0, 1, 1])
        #expect((overdue, later) == (1, 1))
        #expect(report.forecast.days.first?.date.description == "2026-11-23")
        #expect(report.forecast.days.last?.date.description == "2026-12-22")
    }

    @Test func forecastLengthFollowsDays() throws {
        let r = try Fixture.report(options: StatsOptions(forecastDays: 3, heatmapWeeks: 2))
        #expect(r.forecast.days.map(\.count) == [2, 0, 1])
        #expect(r.forecast.later == 2)
        #expect(r.heatmap.days.count == 7 + 1)  // last week plus today (a Monday)
    }

    @Test func heatmapCountsReviewsPerDay() {
        let days = report.heatmap.days
        // 51 whole weeks plus this week up to today (Monday): 358 days, starting on a Monday.
        #expect(days.count == 51 * 7 + 1)
        #expect(days.first?.date.weekday == 0)
        #expect(days.last?.date.description == "2026-11-23")
        let perDay = Dictionary(grouping: Fixture.countedReviews, by: \.day).mapValues(\.count)
        for (i, d) in days.enumerated() {
            #expect(d.count == perDay[i - (days.count - 1)] ?? 0, "day \(d.date)")
        }
    }

    @Test func hardestAndFlaggedCards() {
        #expect(report.leechThreshold == 8)
        // Lapses: c6 8 (leech), c2 1, h1 1; ties by deck order, then card order.
        #expect(report.hardest.map(\.card) == ["c6", "c2", "h1"])
        #expect(report.hardest.map(\.lapses) == [8, 1, 1])
        #expect(report.hardest.map(\.leech) == [true, false, false])
        #expect(report.flagged.map(\.card) == ["h1"])
        #expect(report.flagged.first?.note == "date looks wrong")
        #expect(report.flagged.first?.deckTitle == "World History")
    }

    @Test func memoryNow() {
        let scheduler = FSRSScheduler()
        var sum = 0.0
        var cards = 0
        for (card, state) in Self.finalStates where state.phase != "new" && card != "c3" {
            cards += 1
            sum += scheduler.retrievability(state.scheduling, at: Fixture.now)
        }
        #expect(report.memory.cards == cards)
        #expect(abs(report.memory.expectedRecalled - sum) < 1e-9)
        #expect(abs(report.memory.averageRetrievability! - sum / Double(cards)) < 1e-9)
        #expect(report.memory.averageRetrievability! > 0.5)
    }

    @Test func damagedLineIsSkippedAndCounted() throws {
        let path = try Fixture.writeLog()
        defer { Fixture.removeLog(path) }
        let scan = try ReviewLog.forEachEntry(path: path) { _ in }
        #expect(scan.damagedLines == 1)
        #expect(scan.warnings.count == 1)
        #expect(scan.warnings.first?.contains(":9:") == true)  // the 9th line of the file
        #expect(report.damagedLogLines == 1)
    }

    @Test func deckSelectionLimitsTheLog() {
        var b = StatsBuilder(
            now: Fixture.now, days: UTCStudyDays(), desiredRetention: 0.9, onlyDecks: ["hist"])
        let entries = Fixture.countedReviews.map(Self.entry)
        b.add(contentsOf: entries)
        let r = b.report(decks: [Fixture.decks[1]])
        #expect(r.totals.reviews == Fixture.countedReviews.filter { $0.deck == "hist" }.count)
        #expect(r.cards.total == 3)
        #expect(r.decks.map(\.id) == ["hist"])
    }

    @Test func emptyProgressIsEmpty() {
        let r = StatsBuilder.report(decks: Fixture.decks, entries: [], now: Fixture.now, days: UTCStudyDays(), desiredRetention: 0.9)
        #expect(r.isEmpty)
        #expect(r.totals.reviews == 0)
        #expect(r.streak.current == 0)
        #expect(r.forecast.total == 0)
        #expect(r.memory.averageRetrievability == nil)
        #expect(StatsRenderer(width: 80, color: false).render(r) == "no reviews yet: run factdeck study\n")
        #expect(!report.isEmpty)
    }

    @Test func replayedProgressMatchesTheStore() throws {
        // The states the builder replays equal what ProgressStore loads from the same log.
        let path = try Fixture.writeLog()
        defer { Fixture.removeLog(path) }
        let folder = (path as NSString).deletingLastPathComponent
        var b = StatsBuilder(now: Fixture.now, days: UTCStudyDays(), desiredRetention: 0.9)
        try ReviewLog.forEachEntry(path: path) { b.add($0) }
        let store = try ProgressStore(folder: folder, mode: .readOnly)
        let loaded = try store.load(decks: ["solar", "hist"])
        #expect(b.replayedProgress["solar"] == loaded["solar"])
        #expect(b.replayedProgress["hist"] == loaded["hist"])
    }
}
