import DeckModel
import Foundation
import Scheduling
import Stats
import StudyStore

/// Study days for the tests: UTC, rolling over at 04:00 (plain arithmetic, no Calendar).
struct UTCStudyDays: StudyDayBoundaries {
    var timeZone: TimeZone { TimeZone(identifier: "UTC")! }
    static let rollover = 4.0 * 3600
    func startOfDay(containing instant: Date) -> Date {
        let t = instant.timeIntervalSince1970 - Self.rollover
        return Date(timeIntervalSince1970: (t / 86_400).rounded(.down) * 86_400 + Self.rollover)
    }
    func startOfNextDay(after instant: Date) -> Date { startOfDay(containing: instant).addingTimeInterval(86_400) }
}

/// A fixed history, written by hand as review-log lines, with what it must add up to worked
/// out here from the rows themselves (never by the code under test).
///
/// Now is Monday 2026-11-23 10:00 UTC; study day 0 began at 04:00 UTC, day d at 04:00 + d days.
enum Fixture {
    static let now = Date(timeIntervalSince1970: 1_795_428_000)  // 2026-11-23T10:00:00Z
    static let todayStart = 1_795_406_400.0  // 2026-11-23T04:00:00Z

    /// The instant `hours` after the start of study day `day`.
    static func at(_ day: Int, _ hours: Double) -> Double { todayStart + Double(day) * 86_400 + hours * 3600 }

    static func iso(_ t: Double) -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "UTC")
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: Date(timeIntervalSince1970: t))
    }

    /// A card state as the log writes it.
    struct State {
        var phase: String
        var last: Double? = nil
        var due: Double? = nil
        var stability: Double? = nil
        var reps = 0
        var lapses = 0

        var json: String {
            var s = "{\"phase\":\"\(phase)\""
            if let stability { s += ",\"stability\":\(stability),\"difficulty\":5.5" }
            if let due { s += ",\"due\":\"\(Fixture.iso(due))\"" }
            if let last { s += ",\"last\":\"\(Fixture.iso(last))\"" }
            return s + ",\"reps\":\(reps),\"lapses\":\(lapses)}"
        }
        /// Scheduled interval in days (due minus last review).
        var interval: Double? {
            guard let due, let last else { return nil }
            return (due - last) / 86_400
        }
        var scheduling: SchedulingState {
            SchedulingState(
                phase: CardPhase(rawValue: phase)!, memory: stability.map { MemoryState(stability: $0, difficulty: 5.5) },
                due: due.map { Date(timeIntervalSince1970: $0) }, lastReview: last.map { Date(timeIntervalSince1970: $0) },
                reps: reps, lapses: lapses)
        }
    }

    struct Review {
        var seq: Int
        var deck: String
        var card: String
        var time: Double
        var rating: Int
        var ms: Int
        var before: State
        var after: State
        var day: Int { Int(((time - Fixture.todayStart) / 86_400).rounded(.down)) }
    }

    static let new = State(phase: "new")

    static let reviews: [Review] = [
        Review(seq: 1, deck: "solar", card: "c1", time: at(-12, 2), rating: 3, ms: 4000, before: new,
               after: State(phase: "learning", last: at(-12, 2), due: at(-11, 2), stability: 1, reps: 1)),
        Review(seq: 2, deck: "solar", card: "c2", time: at(-12, 3), rating: 1, ms: 6000, before: new,
               after: State(phase: "learning", last: at(-12, 3), due: at(-11, 3), stability: 0.5, reps: 1)),
        Review(seq: 3, deck: "solar", card: "c1", time: at(-11, 2), rating: 3, ms: 3000,
               before: State(phase: "learning", last: at(-12, 2), due: at(-11, 2), stability: 1, reps: 1),
               after: State(phase: "review", last: at(-11, 2), due: at(-8, 2), stability: 3, reps: 2)),
        Review(seq: 4, deck: "solar", card: "c2", time: at(-11, 3), rating: 3, ms: 5000,
               before: State(phase: "learning", last: at(-12, 3), due: at(-11, 3), stability: 0.5, reps: 1),
               after: State(phase: "review", last: at(-11, 3), due: at(-8, 3), stability: 3, reps: 2)),
        Review(seq: 5, deck: "solar", card: "c3", time: at(-10, 1), rating: 3, ms: 2000, before: new,
               after: State(phase: "learning", last: at(-10, 1), due: at(-9, 1), stability: 1, reps: 1)),
        Review(seq: 6, deck: "solar", card: "c3", time: at(-9, 1), rating: 4, ms: 2000,
               before: State(phase: "learning", last: at(-10, 1), due: at(-9, 1), stability: 1, reps: 1),
               after: State(phase: "review", last: at(-9, 1), due: at(20, 1), stability: 29, reps: 2)),
        // Young review (interval 3 days), passed.
        Review(seq: 7, deck: "solar", card: "c1", time: at(-9, 2), rating: 3, ms: 3000,
               before: State(phase: "review", last: at(-11, 2), due: at(-8, 2), stability: 3, reps: 2),
               after: State(phase: "review", last: at(-9, 2), due: at(1, 2), stability: 10, reps: 3)),
        // Mature review (interval 40 days), failed; then relearned.
        Review(seq: 8, deck: "hist", card: "h1", time: at(-5, 5), rating: 1, ms: 9000,
               before: State(phase: "review", last: at(-45, 5), due: at(-5, 5), stability: 40, reps: 6),
               after: State(phase: "relearning", last: at(-5, 5), due: at(-5, 5.2), stability: 8, reps: 7, lapses: 1)),
        Review(seq: 10, deck: "hist", card: "h1", time: at(-5, 6), rating: 3, ms: 4000,
               before: State(phase: "relearning", last: at(-5, 5), due: at(-5, 5.2), stability: 8, reps: 7, lapses: 1),
               after: State(phase: "review", last: at(-5, 6), due: at(2, 6), stability: 7, reps: 8, lapses: 1)),
        // Young review (interval 3 days), failed.
        Review(seq: 11, deck: "solar", card: "c2", time: at(-2, 0), rating: 1, ms: 7000,
               before: State(phase: "review", last: at(-11, 3), due: at(-8, 3), stability: 3, reps: 2),
               after: State(phase: "relearning", last: at(-2, 0), due: at(-2, 0.2), stability: 1.2, reps: 3, lapses: 1)),
        // Mature review (interval 30 days), passed with "hard".
        Review(seq: 12, deck: "solar", card: "c5", time: at(-1, 1), rating: 2, ms: 3000,
               before: State(phase: "review", last: at(-31, 1), due: at(-1, 1), stability: 30, reps: 5),
               after: State(phase: "review", last: at(-1, 1), due: at(40, 1), stability: 41, reps: 6)),
        // 03:00 UTC on the 23rd: still study day -1 (the day rolls over at 04:00).
        Review(seq: 13, deck: "solar", card: "c4", time: at(-1, 23), rating: 3, ms: 3000, before: new,
               after: State(phase: "learning", last: at(-1, 23), due: at(-1, 23.1), stability: 1, reps: 1)),
        Review(seq: 14, deck: "solar", card: "c2", time: at(0, 1), rating: 3, ms: 5000,
               before: State(phase: "relearning", last: at(-2, 0), due: at(-2, 0.2), stability: 1.2, reps: 3, lapses: 1),
               after: State(phase: "review", last: at(0, 1), due: at(3, 1), stability: 3, reps: 4, lapses: 1)),
        // Mature review (interval 25 days), failed: the card's 8th lapse makes it a leech.
        Review(seq: 15, deck: "solar", card: "c6", time: at(0, 2), rating: 1, ms: 8000,
               before: State(phase: "review", last: at(-25, 2), due: at(0, 2), stability: 25, reps: 20, lapses: 7),
               after: State(phase: "relearning", last: at(0, 2), due: at(0, 2.2), stability: 4, reps: 21, lapses: 8)),
        // Undone below (seq 17).
        Review(seq: 16, deck: "hist", card: "h2", time: at(0, 3), rating: 3, ms: 4000, before: new,
               after: State(phase: "learning", last: at(0, 3), due: at(0, 3.1), stability: 1, reps: 1)),
    ]

    static let undoneSeq = 16
    static var countedReviews: [Review] { reviews.filter { $0.seq != undoneSeq } }

    static func reviewLine(_ r: Review) -> String {
        "{\"seq\":\(r.seq),\"kind\":\"review\",\"deck\":\"\(r.deck)\",\"card\":\"\(r.card)\",\"time\":\"\(iso(r.time))\","
            + "\"rating\":\(r.rating),\"ms\":\(r.ms),\"before\":\(r.before.json),\"after\":\(r.after.json)}"
    }

    /// The whole log, with one damaged line (seq 9's place) and the undo, suspend, bury and flag entries.
    static var logText: String {
        var lines: [String] = []
        for r in reviews {
            if r.seq == 10 { lines.append("{\"seq\":9,\"kind\":\"review\",\"deck\":\"hist\",\"card\":\"h1\",\"time\":oops}") }
            lines.append(reviewLine(r))
        }
        lines.append("{\"seq\":17,\"kind\":\"undo\",\"deck\":\"hist\",\"card\":\"h2\",\"time\":\"\(iso(at(0, 3.05)))\",\"undoes\":16,\"after\":\(new.json)}")
        lines.append("{\"seq\":18,\"kind\":\"suspend\",\"deck\":\"solar\",\"card\":\"c3\",\"time\":\"\(iso(at(0, 4)))\"}")
        lines.append("{\"seq\":19,\"kind\":\"flag\",\"deck\":\"hist\",\"card\":\"h1\",\"time\":\"\(iso(at(0, 4.1)))\",\"note\":\"date looks wrong\"}")
        // c1 (due tomorrow) buried until the start of day 2.
        lines.append("{\"seq\":20,\"kind\":\"bury\",\"deck\":\"solar\",\"card\":\"c1\",\"time\":\"\(iso(at(0, 4.2)))\",\"until\":\"\(iso(at(2, 0)))\"}")
        return lines.joined(separator: "\n") + "\n"
    }

    static func card(_ id: String, _ question: String) -> Card {
        Card(id: id, type: .question, question: question, answer: "x", source: CardSource(sentence: "x"))
    }

    static let decks: [Deck] = [
        Deck(id: "solar", title: "Solar System", cards: [
            card("c1", "Which planet is closest to the Sun?"),
            card("c2", "How many moons does Mars have?"),
            card("c3", "What is the largest planet?"),
            card("c4", "Which planet has the shortest day?"),
            card("c5", "In which year did Voyager 1 launch?"),
            card("c6", "What is the name of the largest volcano in the solar system, found on Mars?"),
            card("c7", "Which planet rotates on its side?"),
        ]),
        Deck(id: "hist", title: "World History", cards: [
            card("h1", "In which year did the Berlin Wall fall?"),
            card("h2", "Who was the first emperor of Rome?"),
            card("h3", "Which empire built Machu Picchu?"),
        ]),
    ]

    /// Writes the log into a fresh temporary folder; returns the log's path.
    static func writeLog(_ text: String = logText) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("stats-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("reviews.jsonl").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func removeLog(_ path: String) {
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }

    /// The report over the fixture log, read through the streaming scanner.
    static func report(options: StatsOptions = StatsOptions()) throws -> StatsReport {
        let path = try writeLog()
        defer { removeLog(path) }
        var builder = StatsBuilder(now: now, days: UTCStudyDays(), desiredRetention: 0.9, options: options)
        let scan = try ReviewLog.forEachEntry(path: path) { builder.add($0) }
        return builder.report(decks: decks, damagedLogLines: scan.damagedLines)
    }
}
