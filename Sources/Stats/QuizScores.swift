import DeckModel
import Foundation
import JSONKit
import StudyStore
import TerminalKit

extension StatsReport {
    /// One past quiz as `stats` shows it.
    public struct QuizScore: Sendable, Hashable {
        public var time: Date
        /// The local date and time it started, "2026-11-23 10:00".
        public var started: String
        /// Deck titles (ids of decks no longer loaded).
        public var decks: [String]
        public var correct: Int
        public var total: Int
        public var percent: Int
        public var seconds: Double
        /// "completed", "timeUp" or "quit".
        public var ending: String
    }

    /// The last `limit` quizzes, newest first, that drew from `decks` (every quiz when
    /// `onlyDecks` is nil).
    public static func quizScores(
        _ records: [QuizRecord], decks: [Deck], onlyDecks: Set<String>?, timeZone: TimeZone, limit: Int = 10
    ) -> [QuizScore] {
        let titles = Dictionary(decks.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = timeZone
        f.dateFormat = "yyyy-MM-dd HH:mm"
        let chosen = records.filter { r in onlyDecks.map { !$0.isDisjoint(with: r.decks) } ?? true }
        return chosen.suffix(limit).reversed().map { r in
            QuizScore(
                time: r.time, started: f.string(from: r.time), decks: r.decks.map { titles[$0] ?? $0 },
                correct: r.correct, total: r.total, percent: r.percent, seconds: r.seconds, ending: r.ending)
        }
    }

    /// `quizzes` as the JSON array of `stats --json`.
    var quizzesJSON: JSONValue {
        .array(quizzes.map { q in
            .object([
                ("time", .string(ISODate.format(q.time))), ("decks", .array(q.decks.map(JSONValue.string))),
                ("correct", .number(Double(q.correct))), ("total", .number(Double(q.total))),
                ("percent", .number(Double(q.percent))), ("seconds", .number((q.seconds * 10).rounded() / 10)),
                ("end", .string(q.ending)),
            ])
        })
    }
}

extension StatsRenderer {
    /// The last five quizzes: when, which decks, the score and how long it took.
    func quizzes(_ r: StatsReport) -> [String] {
        let shown = Array(r.quizzes.prefix(5))
        var out = TerminalText.wrap("Last quizzes", width: width).map(bold)
        let scores = shown.map { "\($0.correct)/\($0.total) (\($0.percent)%)" }
        let times = shown.map { q -> String in
            let d = StatsText.duration(millis: Int(q.seconds * 1000))
            return q.ending == "timeUp" ? d + ", time up" : q.ending == "quit" ? d + ", quit" : d
        }
        let sw = scores.map(TerminalText.width).max() ?? 0
        let tw = times.map(TerminalText.width).max() ?? 0
        let dw = max(4, width - 16 - 2 - sw - 2 - tw - 2)
        for (i, q) in shown.enumerated() {
            let decks = TerminalText.truncate(q.decks.map(TerminalText.clean).joined(separator: ", "), to: dw)
            out.append(q.started + "  " + TerminalText.padRight(decks, dw) + "  " + TerminalText.padLeft(scores[i], sw) + "  " + times[i])
        }
        return out
    }
}
