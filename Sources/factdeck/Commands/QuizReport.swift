import DeckModel
import Foundation
import JSONKit
import StudySession
import StudyStore

/// `quiz --json`: the result as one JSON object.
enum QuizReport {
    static func json(_ r: QuizResult, decks: [String], pick: QuizPick, seed: UInt64, timeLimit: TimeInterval?) -> JSONValue {
        func n(_ i: Int) -> JSONValue { .number(Double(i)) }
        func verdict(_ a: QuizAnswer) -> String {
            switch a.verdict {
            case nil: "unanswered"
            case .correct?: "correct"
            case .almostCorrect?: "almost"
            case .wrong?: "wrong"
            case .empty?: "empty"
            case .disputed?: "disputed"
            }
        }
        func card(_ a: QuizAnswer, sentence: Bool) -> JSONValue {
            var m: [(String, JSONValue)] = [
                ("deck", .string(a.question.deckId)), ("card", .string(a.question.card.id)),
                ("type", .string(a.question.card.type.rawValue)), ("question", .string(a.question.card.question)),
                ("answer", .string(a.question.card.answer)), ("typed", a.typed.map(JSONValue.string) ?? .null),
                ("result", .string(verdict(a))), ("right", .bool(a.isRight)),
            ]
            if sentence { m.append(("sentence", .string(a.question.card.source.sentence))) }
            if case .disputed(let other)? = a.verdict { m.append(("otherSource", other.json)) }
            return .object(m)
        }
        return .object([
            ("format", .string("factdeck.quiz")),
            ("version", n(1)),
            ("started", .string(ISODate.format(r.startedAt))),
            ("seconds", .number((r.seconds * 10).rounded() / 10)),
            ("decks", .array(decks.map(JSONValue.string))),
            ("pick", .string(pick.rawValue)),
            ("seed", QuizRecord.seedJSON(seed)),
            ("timeLimitMinutes", timeLimit.map { .number($0 / 60) } ?? .null),
            ("end", .string(r.ending.rawValue)),
            ("correct", n(r.correct)),
            ("total", n(r.total)),
            ("percent", n(r.percent)),
            ("questions", .array(r.answers.map { card($0, sentence: false) })),
            ("missed", .array(r.missed.map { card($0, sentence: true) })),
            ("disputed", .array(r.disputed.map { card($0, sentence: true) })),
        ])
    }
}
