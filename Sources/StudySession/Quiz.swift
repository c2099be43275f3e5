import DeckModel
import Foundation

/// A quiz: a fixed list of questions asked once each, checked as `study` checks answers,
/// scored at the end. It never touches the schedule; what it returns is all there is.
/// No clock and no terminal: the caller passes `now` and renders the feedback.
public struct Quiz: Sendable {
    public let questions: [QuizQuestion]
    public let startedAt: Date
    /// Answers at or after this instant do not count (nil: no time limit).
    public let deadline: Date?
    private let checker: AnswerChecker
    /// Questions still to ask, by index into `questions`, the next one first.
    private var pending: [Int]
    private var verdicts: [Int: (typed: String, verdict: AnswerVerdict)] = [:]
    public private(set) var ending: QuizEnding?

    /// - conflicts: the conflicts among all the learner's decks; each question learns the
    ///   cards of other sources that disagree with it, and an answer right for one of them
    ///   is `.disputed` (counted right, shown as such).
    public init(
        questions: [QuizQuestion], startedAt: Date, timeLimit: TimeInterval? = nil, checker: AnswerChecker = AnswerChecker(),
        conflicts: ConflictIndex = ConflictIndex()
    ) {
        self.questions = conflicts.isEmpty ? questions : questions.map { q in
            var q = q
            q.otherSources = conflicts.others(deck: q.deckId, card: q.card.id)
            return q
        }
        self.startedAt = startedAt
        self.deadline = timeLimit.map { startedAt.addingTimeInterval($0) }
        self.checker = checker
        self.pending = Array(questions.indices)
        if questions.isEmpty { ending = .completed }
    }

    /// Whether the time limit has passed at `now`.
    public func isTimeUp(now: Date) -> Bool { deadline.map { now >= $0 } ?? false }

    /// Seconds left at `now`; nil without a time limit.
    public func timeLeft(now: Date) -> TimeInterval? { deadline.map { max(0, $0.timeIntervalSince(now)) } }

    /// How many questions have been answered, and how many there are.
    public var progress: (answered: Int, total: Int) { (verdicts.count, questions.count) }

    /// The question to ask now; nil once the quiz is over (which, when the time is up, it
    /// becomes here).
    public mutating func current(now: Date) -> QuizQuestion? {
        if ending == nil, isTimeUp(now: now) { ending = .timeUp }
        guard ending == nil, let index = pending.first else { return nil }
        return questions[index]
    }

    /// Checks the answer to the current question and moves on. An empty answer is a miss
    /// (the learner did not know). Past the deadline nothing is counted and the quiz ends.
    @discardableResult
    public mutating func answer(_ typed: String, now: Date) throws(QuizError) -> QuizAnswer {
        guard ending == nil, let index = pending.first else { throw .over }
        if isTimeUp(now: now) {
            ending = .timeUp
            throw .timeUp
        }
        let verdict = checker.check(typed, against: questions[index].card, otherSources: questions[index].otherSources)
        verdicts[index] = (typed, verdict)
        pending.removeFirst()
        if pending.isEmpty { ending = .completed }
        return QuizAnswer(question: questions[index], typed: typed, verdict: verdict)
    }

    /// Puts the current question after the others; it is asked again at the end.
    public mutating func skip() {
        guard ending == nil, pending.count > 1 else { return }
        pending.append(pending.removeFirst())
    }

    /// Ends the quiz now; the questions left count as missed.
    public mutating func quit(now: Date) {
        guard ending == nil else { return }
        ending = isTimeUp(now: now) ? .timeUp : .quit
    }

    /// The outcome at `now` (the end of a finished quiz, or the score so far).
    public func result(now: Date) -> QuizResult {
        let answers = questions.indices.map { i in
            QuizAnswer(question: questions[i], typed: verdicts[i]?.typed, verdict: verdicts[i]?.verdict)
        }
        var end = now
        if let deadline, end > deadline { end = deadline }
        return QuizResult(startedAt: startedAt, finishedAt: end, ending: ending ?? .quit, answers: answers)
    }
}
