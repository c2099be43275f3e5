import DeckModel
import Foundation

/// One card a quiz asks, with the deck it comes from.
public struct QuizQuestion: Sendable, Hashable {
    public var deckId: String
    public var deckTitle: String
    public var card: Card
    /// Cards of other sources that disagree with this one (see `Quiz.init`).
    public var otherSources: [ConflictCard]

    public init(deckId: String, deckTitle: String, card: Card, otherSources: [ConflictCard] = []) {
        self.deckId = deckId
        self.deckTitle = deckTitle
        self.card = card
        self.otherSources = otherSources
    }
}

/// How a quiz picks its cards.
public enum QuizPick: String, Sendable, Hashable {
    /// At random (seeded) across the chosen decks.
    case random
    /// Those most likely forgotten: lowest retrievability, then most lapses, then new cards.
    case weakest
}

/// What became of one question.
public struct QuizAnswer: Sendable, Hashable {
    public var question: QuizQuestion
    /// What the learner typed; nil when the question was never answered (time up, quit).
    public var typed: String?
    /// The checker's verdict; nil when unanswered. An empty answer is `.empty`, a miss.
    public var verdict: AnswerVerdict?

    /// Right, a tolerated spelling slip and a disputed answer (what another source says)
    /// included: as in `study`, where both are a pass.
    public var isRight: Bool { verdict?.isRight ?? false }

    /// Answered with what another source says (see `AnswerVerdict.disputed`).
    public var isDisputed: Bool {
        if case .disputed? = verdict { return true }
        return false
    }
    public var isAnswered: Bool { verdict != nil }
}

/// Why a quiz ended.
public enum QuizEnding: String, Sendable, Hashable {
    /// Every question was answered.
    case completed
    /// The time limit passed; the questions left count as missed.
    case timeUp
    /// The learner quit (`:quit`, Ctrl-D, end of input); the questions left count as missed.
    case quit
}

/// The outcome of a quiz: the score, and every answer in the order the cards were drawn.
public struct QuizResult: Sendable, Hashable {
    public var startedAt: Date
    public var finishedAt: Date
    public var ending: QuizEnding
    /// Every question, answered or not, in the order they were drawn.
    public var answers: [QuizAnswer]

    public var total: Int { answers.count }
    public var correct: Int { answers.count(where: \.isRight) }
    /// Wrong, empty and unanswered questions.
    public var missed: [QuizAnswer] { answers.filter { !$0.isRight } }
    /// Questions answered with what another source says (counted right).
    public var disputed: [QuizAnswer] { answers.filter(\.isDisputed) }
    public var unanswered: Int { answers.count(where: { !$0.isAnswered }) }
    /// The score in whole percent, rounded half up.
    public var percent: Int { total == 0 ? 0 : (correct * 200 + total) / (total * 2) }
    public var seconds: TimeInterval { max(0, finishedAt.timeIntervalSince(startedAt)) }
}

/// Why a quiz could not take an answer.
public enum QuizError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The answer came after the time limit; it does not count.
    case timeUp
    /// Every question is answered, or the quiz was ended.
    case over

    public var description: String {
        switch self {
        case .timeUp: "the time is up"
        case .over: "the quiz is over"
        }
    }
}
