import Foundation
import JSONKit

/// One quiz as the history keeps it (a line of `progress/quizzes.jsonl`): enough to show
/// past scores and which cards were missed, nothing that touches the schedule.
public struct QuizRecord: Sendable, Hashable {
    /// A card of a deck.
    public struct CardRef: Sendable, Hashable {
        public var deck: String
        public var card: String
        public init(deck: String, card: String) {
            self.deck = deck
            self.card = card
        }
    }

    /// When the quiz started.
    public var time: Date
    /// How long it took, in seconds (the time limit at most).
    public var seconds: Double
    /// The ids of the decks it drew from.
    public var decks: [String]
    public var total: Int
    public var correct: Int
    /// Wrong, empty and unanswered questions.
    public var missed: [CardRef]
    /// "completed", "timeUp" or "quit".
    public var ending: String
    /// "random" or "weakest".
    public var pick: String
    public var seed: UInt64?
    /// The time limit, in minutes, when there was one.
    public var timeLimitMinutes: Double?

    public init(
        time: Date, seconds: Double, decks: [String], total: Int, correct: Int, missed: [CardRef],
        ending: String, pick: String, seed: UInt64? = nil, timeLimitMinutes: Double? = nil
    ) {
        self.time = time
        self.seconds = seconds
        self.decks = decks
        self.total = total
        self.correct = correct
        self.missed = missed
        self.ending = ending
        self.pick = pick
        self.seed = seed
        self.timeLimitMinutes = timeLimitMinutes
    }

    /// The score in whole percent, rounded half up.
    public var percent: Int { total == 0 ? 0 : (correct * 200 + total) / (total * 2) }

    /// The record as one JSON object (one line of the history).
    public var json: JSONValue {
        var m: [(String, JSONValue)] = [
            ("time", .string(ISODate.format(time))),
            ("seconds", .number((seconds * 10).rounded() / 10)),
            ("decks", .array(decks.map(JSONValue.string))),
            ("total", .number(Double(total))),
            ("correct", .number(Double(correct))),
            ("missed", .array(missed.map { .object([("deck", .string($0.deck)), ("card", .string($0.card))]) })),
            ("end", .string(ending)),
            ("pick", .string(pick)),
        ]
        if let seed { m.append(("seed", Self.seedJSON(seed))) }
        if let timeLimitMinutes { m.append(("timeLimitMinutes", .number(timeLimitMinutes))) }
        return .object(m)
    }

    /// A seed as JSON: a number, or text above 2^53 (where a JSON number loses digits).
    public static func seedJSON(_ seed: UInt64) -> JSONValue {
        seed < 1 << 53 ? .number(Double(seed)) : .string(String(seed))
    }

    private static func seed(_ v: JSONValue?) -> UInt64? {
        if let d = v?.doubleValue, d >= 0, d < 0x1p53 { return UInt64(d) }
        return v?.stringValue.flatMap { UInt64($0) }
    }

    /// Reads a record back, or says why the object is not one.
    public static func decode(_ v: JSONValue) -> Result<QuizRecord, QuizRecordProblem> {
        func bad(_ p: String) -> Result<QuizRecord, QuizRecordProblem> { .failure(QuizRecordProblem(text: p)) }
        guard v.objectValue != nil else { return bad("a quiz is \(v.typeName), not an object") }
        guard let t = v["time"]?.stringValue, let time = ISODate.parse(t) else { return bad("no valid \"time\"") }
        guard let total = v["total"]?.intValue, total >= 0 else { return bad("no valid \"total\"") }
        guard let correct = v["correct"]?.intValue, (0...total).contains(correct) else { return bad("no valid \"correct\"") }
        var missed: [CardRef] = []
        for m in v["missed"]?.arrayValue ?? [] {
            guard let deck = m["deck"]?.stringValue, let card = m["card"]?.stringValue else { return bad("a missed card without deck and card") }
            missed.append(CardRef(deck: deck, card: card))
        }
        return .success(QuizRecord(
            time: time, seconds: v["seconds"]?.doubleValue ?? 0, decks: v["decks"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            total: total, correct: correct, missed: missed, ending: v["end"]?.stringValue ?? "completed",
            pick: v["pick"]?.stringValue ?? "random", seed: seed(v["seed"]),
            timeLimitMinutes: v["timeLimitMinutes"]?.doubleValue))
    }
}

/// Why a history line is not a quiz record.
public struct QuizRecordProblem: Error, Sendable, Hashable {
    public var text: String
}
