import DeckModel
import Foundation
import Scheduling
import StudyStore
import Testing

@testable import StudySession

/// Two sources disagree (85% and 90%): the learner who answers with the other source's
/// figure is "disputed", graded Hard, and the card is flagged for them to settle.
@Suite struct DisputedAnswerTests {
    static let start = Date(timeIntervalSince1970: 1_795_428_000)  // 2026-11-23T10:00:00Z

    static func share(_ v: Double) -> Claim {
        Claim(subject: "china", quantity: "north korea|trade", value: v, unit: "percent", kind: "percent", approximate: true)
    }

    static let mine = Card(
        id: "c-85", type: .cloze, question: "China's share of the trade is around ____.", answer: "85%",
        accept: ["85 percent"], source: CardSource(sentence: "Overview: China's share of the trade is around 85%.", section: "Economy"),
        score: 0.9, factType: "percent", claim: share(85))
    static let theirs = Card(
        id: "c-90", type: .cloze, question: "China's share of the trade is an estimated ____.", answer: "90 percent",
        source: CardSource(sentence: "Ties: China's share of the trade is an estimated 90 percent.", section: "Economic Relations"),
        score: 0.9, factType: "percent", claim: share(90))

    static let decks = [
        Deck(id: "overview", title: "North Korea Overview", cards: [mine, Card(id: "c-capital", type: .question, question: "Capital?", answer: "Pyongyang", source: CardSource(sentence: "S."), score: 0.5)]),
        Deck(id: "china", title: "Economic Ties", cards: [theirs]),
    ]
    static let index = ConflictIndex(ConflictFinder.find(in: decks))
    static var other: ConflictCard { index.others(deck: "overview", card: "c-85")[0] }

    @Test(arguments: [
        ("90 percent", "disputed"), ("90%", "disputed"), ("ninety percent", "disputed"), ("90", "disputed"),
        ("85%", "correct"), ("85 percent", "correct"), ("89", "wrong"), ("", "empty"),
    ])
    func answersAreCheckedAgainstTheOtherSourceAsAnswersAre(typed: String, expected: String) {
        let verdict = AnswerChecker().check(typed, against: Self.mine, otherSources: [Self.other])
        let name = switch verdict {
        case .correct: "correct"
        case .almostCorrect: "almost"
        case .wrong: "wrong"
        case .empty: "empty"
        case .disputed(let source): source.card.id == "c-90" ? "disputed" : "disputed by \(source.card.id)"
        }
        #expect(name == expected)
    }

    @Test func aChoiceLetterStandsForItsOptionAndTrueFalseDisputesNothing() {
        var choice = Self.mine
        choice.type = .choice
        choice.choices = ["75%", "85%", "90 percent", "95%"]
        #expect(AnswerChecker().check("c", against: choice, otherSources: [Self.other]) == .disputed(Self.other))
        #expect(AnswerChecker().check("a", against: choice, otherSources: [Self.other]) == .wrong)
        var truefalse = Self.mine
        truefalse.type = .truefalse
        truefalse.answer = "True"
        #expect(AnswerChecker().check("false", against: truefalse, otherSources: [Self.other]) == .wrong)
        var otherTrueFalse = Self.other
        otherTrueFalse.card.type = .truefalse
        otherTrueFalse.card.answer = "90"
        #expect(AnswerChecker().check("90", against: Self.mine, otherSources: [otherTrueFalse]) == .wrong)
    }

    @Test func disputedIsAPassGradedHard() {
        let policy = GradePolicy.standard
        for seconds in [1.0, 8, 60, .nan] {
            #expect(policy.rating(for: .disputed(Self.other), responseTime: seconds, card: Self.mine) == .hard)
        }
        #expect(AnswerVerdict.disputed(Self.other).isRight)
    }

    func session(_ recorder: MemoryRecorder) -> Session {
        Session(
            decks: [SessionDeck(deck: Self.decks[0], scheduler: FSRSScheduler())], progress: [:],
            day: StudyDay(rolloverHour: 4, timeZone: TimeZone(identifier: "UTC")!), recorder: recorder, now: Self.start,
            conflicts: Self.index)
    }

    @Test func theOtherSourceIsShownAndADisputedAnswerFlagsTheCard() throws {
        let rec = MemoryRecorder()
        let s = session(rec)
        let item = try #require(s.next(now: Self.start))
        #expect(item.card.id == "c-85" && item.otherSources.map(\.card.id) == ["c-90"])
        #expect(item.otherSources[0].place == "Economic Ties, Economic Relations")
        let fb = try s.answer("90 percent", elapsedMillis: 4000, now: Self.start)
        #expect(fb.verdict == .disputed(Self.other) && fb.rating == .hard)
        #expect(fb.item.progress.isFlagged && fb.item.otherSources.count == 1)
        #expect(rec.entries.map(\.kind) == [.review, .flag])
        #expect(rec.entries[0].rating == .hard)
        #expect(rec.entries[1].note == "disputed: another source says 90 percent (Economic Ties, Economic Relations)")
        #expect(s.summary.correct == 1)
        // Flagged cards leave the session; the other card is next.
        #expect(s.next(now: Self.start)?.card.id == "c-capital")
    }

    @Test func undoTakesBackTheFlagWithTheAnswer() throws {
        let rec = MemoryRecorder()
        let s = session(rec)
        _ = s.next(now: Self.start)
        _ = try s.answer("90%", elapsedMillis: nil, now: Self.start)
        let undone = try s.undo(now: Self.start.addingTimeInterval(3))
        #expect(undone.card.id == "c-85" && undone.rating == .hard)
        #expect(rec.entries.map(\.kind) == [.review, .flag, .unflag, .undo])
        let back = try #require(s.next(now: Self.start))
        #expect(back.card.id == "c-85" && !back.progress.isFlagged && back.progress.schedule.phase == .new)
        // Answered right this time: no flag.
        let fb = try s.answer("85%", elapsedMillis: nil, now: Self.start)
        #expect(fb.verdict == .correct && rec.entries.last?.kind == .review)
    }

    @Test func regradingADisputedAnswerKeepsTheFlag() throws {
        let rec = MemoryRecorder()
        let s = session(rec)
        _ = s.next(now: Self.start)
        _ = try s.answer("90%", elapsedMillis: nil, now: Self.start)
        let fb = try s.regrade(.again, now: Self.start.addingTimeInterval(2))
        #expect(fb.rating == .again && fb.item.progress.isFlagged)
        #expect(rec.entries.map(\.kind) == [.review, .flag, .unflag, .undo, .review, .flag])
        #expect(s.next(now: Self.start)?.card.id == "c-capital")
    }

    @Test func aQuizCountsADisputedAnswerRightAndListsIt() throws {
        let questions = [QuizQuestion(deckId: "overview", deckTitle: "North Korea Overview", card: Self.mine)]
        var quiz = Quiz(questions: questions, startedAt: Self.start, conflicts: Self.index)
        #expect(quiz.questions[0].otherSources.map(\.card.id) == ["c-90"])
        let a = try quiz.answer("90 percent", now: Self.start.addingTimeInterval(5))
        #expect(a.isDisputed && a.isRight)
        let result = quiz.result(now: Self.start.addingTimeInterval(6))
        #expect(result.correct == 1 && result.missed.isEmpty && result.disputed.count == 1)
    }
}
