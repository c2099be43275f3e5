import DeckModel
import Foundation
import JSONKit
import Stats
import StudyStore
import Testing

/// Past quizzes on the stats page: newest first, by deck, and nothing else changed.
@Suite struct QuizScoresTests {
    static let utc = TimeZone(identifier: "UTC")!

    static func record(_ minutesAgo: Double, decks: [String], correct: Int, total: Int, ending: String = "completed") -> QuizRecord {
        QuizRecord(
            time: Fixture.now.addingTimeInterval(-minutesAgo * 60), seconds: 95, decks: decks, total: total, correct: correct,
            missed: [], ending: ending, pick: "random", seed: 1)
    }

    static let records = [
        record(300, decks: ["hist"], correct: 3, total: 10),
        record(200, decks: ["solar"], correct: 7, total: 10, ending: "timeUp"),
        record(100, decks: ["solar", "hist"], correct: 19, total: 20),
        record(50, decks: ["gone"], correct: 1, total: 2),
    ]

    @Test func newestFirstWithDeckTitlesAndLocalTimes() {
        let scores = StatsReport.quizScores(Self.records, decks: Fixture.decks, onlyDecks: nil, timeZone: Self.utc)
        #expect(scores.map(\.percent) == [50, 95, 70, 30])
        #expect(scores[0].decks == ["gone"], "a deck no longer loaded is shown by its id")
        #expect(scores[1].decks == ["Solar System", "World History"])
        #expect(scores[1].started == "2026-11-23 08:20")
        let limited = StatsReport.quizScores(Self.records, decks: Fixture.decks, onlyDecks: nil, timeZone: Self.utc, limit: 2)
        #expect(limited.map(\.percent) == [50, 95])
    }

    @Test func namedDecksShowOnlyQuizzesThatDrewFromThem() {
        let scores = StatsReport.quizScores(Self.records, decks: Fixture.decks, onlyDecks: ["hist"], timeZone: Self.utc)
        #expect(scores.map(\.percent) == [95, 30])
    }

    @Test func thePageAndTheJSONGainTheQuizzesAndNothingElse() throws {
        let plain = try Fixture.report()
        var withQuizzes = plain
        withQuizzes.quizzes = StatsReport.quizScores(Self.records, decks: Fixture.decks, onlyDecks: nil, timeZone: Self.utc)
        let before = StatsRenderer(width: 80, color: false).render(plain)
        let after = StatsRenderer(width: 80, color: false).render(withQuizzes)
        let lines = after.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let at = try #require(lines.firstIndex(of: "Last quizzes"))
        let block = Array(lines[at..<(lines[at...].firstIndex(of: "") ?? lines.count)])
        // Taking the block (and the blank line before it) out gives the page as it was.
        var rest = lines
        rest.removeSubrange((at - 1)..<(at + block.count))
        #expect(rest.joined(separator: "\n") == before)
        #expect(block.count == 5)
        #expect(block[1].hasPrefix("2026-11-23 09:10  gone") && block[1].hasSuffix("1/2 (50%)  2 min"))
        #expect(block[3].contains("7/10 (70%)") && block[3].hasSuffix("time up"))
        for line in block { #expect(line.count <= 80, "\(line)") }

        guard case .object(let a) = plain.json, case .object(let b) = withQuizzes.json else {
            Issue.record("stats JSON is not an object")
            return
        }
        #expect(a.filter { $0.0 != "quizzes" }.map(\.0) == b.filter { $0.0 != "quizzes" }.map(\.0))
        #expect(JSONValue.object(a.filter { $0.0 != "quizzes" }) == JSONValue.object(b.filter { $0.0 != "quizzes" }))
        let quizzes = try #require(withQuizzes.json["quizzes"]?.arrayValue)
        #expect(quizzes.count == 4 && quizzes[0]["percent"]?.intValue == 50 && quizzes[2]["end"]?.stringValue == "timeUp")
    }

    @Test func quizzesShowEvenBeforeAnyReview() {
        var empty = StatsBuilder.report(decks: Fixture.decks, entries: [], now: Fixture.now, days: UTCStudyDays(), desiredRetention: 0.9)
        #expect(StatsRenderer(width: 80, color: false).render(empty) == StatsRenderer.emptyMessage + "\n")
        empty.quizzes = StatsReport.quizScores(Array(Self.records.prefix(1)), decks: Fixture.decks, onlyDecks: nil, timeZone: Self.utc)
        let page = StatsRenderer(width: 80, color: false).render(empty)
        #expect(page.hasPrefix(StatsRenderer.emptyMessage) && page.contains("Last quizzes") && page.contains("3/10 (30%)"))
    }
}
