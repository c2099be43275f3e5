import DeckModel
import Foundation
import Scheduling
import StudyStore
import Testing

@testable import StudySession

private let start = Date(timeIntervalSince1970: 1_795_428_000)  // 2026-11-23T10:00:00Z

private func card(_ id: String, _ answer: String, type: CardType = .question) -> Card {
    Card(id: id, type: type, question: "Q \(id)?", answer: answer, choices: type == .choice ? [answer, "other"] : [],
         source: CardSource(sentence: "S \(id)."))
}

private func deck(_ id: String, _ cards: [Card]) -> SessionDeck {
    SessionDeck(deck: Deck(id: id, title: id.capitalized, cards: cards), scheduler: FSRSScheduler())
}

private func questions(_ cards: [Card]) -> [QuizQuestion] {
    cards.map { QuizQuestion(deckId: "d", deckTitle: "D", card: $0) }
}

/// A card reviewed `daysAgo` days ago with this stability (lower stability, longer ago: less recall).
private func studied(stability: Double, daysAgo: Double, lapses: Int = 0) -> CardProgress {
    CardProgress(schedule: SchedulingState(
        phase: .review, memory: MemoryState(stability: stability, difficulty: 5),
        due: start.addingTimeInterval((stability - daysAgo) * 86_400), lastReview: start.addingTimeInterval(-daysAgo * 86_400),
        reps: 3 + lapses, lapses: lapses))
}

@Suite struct QuizTests {
    @Test func aDeckWhoseAnswersAreAllTheSameWordScoresFull() throws {
        let cards = (1...7).map { card("c\($0)", "Paris", type: [.question, .cloze, .choice][$0 % 3]) }
        var quiz = Quiz(questions: questions(cards), startedAt: start)
        var t = start
        while quiz.current(now: t) != nil {
            t += 2
            try quiz.answer("paris", now: t)
        }
        let r = quiz.result(now: t)
        #expect(r.ending == .completed)
        #expect(r.correct == 7 && r.total == 7 && r.percent == 100 && r.missed.isEmpty)
        #expect(r.seconds == 14)
    }

    @Test func allWrongScoresZeroAndEveryCardIsMissed() throws {
        let cards = (1...5).map { card("c\($0)", "Paris") }
        var quiz = Quiz(questions: questions(cards), startedAt: start)
        try quiz.answer("Lyon", now: start)
        try quiz.answer("", now: start)  // giving up is a miss
        while quiz.current(now: start) != nil { try quiz.answer("Rome", now: start) }
        let r = quiz.result(now: start)
        #expect(r.correct == 0 && r.total == 5 && r.percent == 0)
        #expect(r.missed.map(\.question.card.id) == cards.map(\.id))
        #expect(r.missed[1].verdict == .empty && r.missed[1].typed == "")
    }

    @Test("the score rounds half up", arguments: [(1, 3, 33), (2, 3, 67), (1, 8, 13), (0, 1, 0), (5, 5, 100), (1, 200, 1)])
    func percent(correct: Int, total: Int, expected: Int) {
        let cards = (0..<total).map { card("c\($0)", "x") }
        let answers = cards.enumerated().map { i, c in
            QuizAnswer(question: QuizQuestion(deckId: "d", deckTitle: "D", card: c), typed: "x", verdict: i < correct ? .correct : .wrong)
        }
        #expect(QuizResult(startedAt: start, finishedAt: start, ending: .completed, answers: answers).percent == expected)
    }

    @Test func theTimeLimitEndsTheQuizAndUnansweredCardsCountAsMissed() throws {
        let cards = (1...4).map { card("c\($0)", "Paris") }
        var quiz = Quiz(questions: questions(cards), startedAt: start, timeLimit: 60)
        try quiz.answer("Paris", now: start + 20)
        #expect(quiz.timeLeft(now: start + 20) == 40)
        try quiz.answer("Paris", now: start + 59.9)
        // Typed before the deadline, sent after it: not counted.
        #expect(throws: QuizError.timeUp) { try quiz.answer("Paris", now: start + 60) }
        #expect(quiz.current(now: start + 61) == nil)
        #expect(throws: QuizError.over) { try quiz.answer("Paris", now: start + 61) }
        let r = quiz.result(now: start + 75)
        #expect(r.ending == .timeUp)
        #expect(r.correct == 2 && r.total == 4 && r.unanswered == 2)
        #expect(r.missed.map(\.question.card.id) == ["c3", "c4"] && r.missed.allSatisfy { $0.typed == nil })
        #expect(r.seconds == 60, "time taken stops at the limit")
    }

    @Test func theTimeRunningOutBetweenQuestionsEndsItToo() {
        var quiz = Quiz(questions: questions([card("a", "x"), card("b", "y")]), startedAt: start, timeLimit: 30)
        #expect(quiz.current(now: start + 29)?.card.id == "a")
        #expect(quiz.current(now: start + 30) == nil)
        #expect(quiz.result(now: start + 30).ending == .timeUp)
    }

    @Test func skipAsksTheQuestionAfterTheOthersAndQuitLeavesTheRestMissed() throws {
        var quiz = Quiz(questions: questions([card("a", "1"), card("b", "2"), card("c", "3")]), startedAt: start)
        #expect(quiz.current(now: start)?.card.id == "a")
        quiz.skip()
        #expect(quiz.current(now: start)?.card.id == "b")
        try quiz.answer("2", now: start)
        #expect(quiz.current(now: start)?.card.id == "c")
        #expect(quiz.progress == (1, 3))
        quiz.quit(now: start)
        #expect(quiz.current(now: start) == nil)
        let r = quiz.result(now: start)
        #expect(r.ending == .quit && r.correct == 1 && r.missed.map(\.question.card.id) == ["a", "c"])
    }

    @Test func aSpellingSlipCountsAsRightAsInStudy() throws {
        var quiz = Quiz(questions: questions([card("a", "Copernicus")]), startedAt: start)
        let a = try quiz.answer("Copernicsu", now: start)
        #expect(a.isRight && a.verdict == .almostCorrect(expected: "Copernicus"))
    }

    // MARK: picking cards

    @Test func theSameSeedPicksTheSameCardsAndOthersDiffer() {
        let decks = [deck("a", (0..<30).map { card("a\($0)", "x") }), deck("b", (0..<30).map { card("b\($0)", "y") })]
        func pick(_ seed: UInt64) -> [String] {
            QuizSelection.pick(from: decks, progress: [:], count: 10, pick: .random, seed: seed, now: start).map(\.card.id)
        }
        #expect(pick(7) == pick(7))
        let picks = Set((0..<20).map { pick(UInt64($0)) })
        #expect(picks.count == 20, "twenty seeds should give twenty different quizzes of 10 from 60")
        // Across decks: over many seeds both decks are drawn from.
        let all = (0..<20).flatMap { pick(UInt64($0)) }
        #expect(all.contains { $0.hasPrefix("a") } && all.contains { $0.hasPrefix("b") })
    }

    @Test("a random pick is a set of distinct eligible cards of the asked size", arguments: [0, 1, 5, 29, 30, 31, 100])
    func randomPickInvariants(count: Int) {
        let cards = (0..<30).map { card("c\($0)", "x", type: CardType.allCases[$0 % 4]) }
        var progress: [String: CardProgress] = [:]
        progress["c3"] = CardProgress(suspended: true)
        progress["c4"] = CardProgress(flagNote: "wrong")
        for seed in UInt64(0)..<25 {
            let picked = QuizSelection.pick(from: [deck("d", cards)], progress: ["d": progress], count: count, pick: .random, seed: seed, now: start)
            let ids = picked.map(\.card.id)
            #expect(ids.count == min(count, 28))
            #expect(Set(ids).count == ids.count)
            #expect(!ids.contains("c3") && !ids.contains("c4"), "suspended and flagged cards are left out")
        }
    }

    @Test func typesKeepOnlyThoseKindsOfCard() {
        let cards = (0..<12).map { card("c\($0)", "x", type: CardType.allCases[$0 % 4]) }
        let picked = QuizSelection.pick(
            from: [deck("d", cards)], progress: [:], types: [.choice, .cloze], count: 20, pick: .random, seed: 1, now: start)
        #expect(picked.count == 6)
        #expect(Set(picked.map(\.card.type)) == [.choice, .cloze])
    }

    @Test func weakestPicksLowestRecallThenMostLapsesThenNewCards() {
        // Recall falls with time since the review and rises with stability.
        let progress: [String: CardProgress] = [
            "solid": studied(stability: 200, daysAgo: 1),
            "fading": studied(stability: 3, daysAgo: 30),
            "shaky": studied(stability: 10, daysAgo: 10),
            // Same recall as each other (reviewed today): more lapses first.
            "today-2-lapses": studied(stability: 5, daysAgo: 0, lapses: 2),
            "today-0-lapses": studied(stability: 5, daysAgo: 0, lapses: 0),
            "today-5-lapses": studied(stability: 5, daysAgo: 0, lapses: 5),
        ]
        let cards = ["new1", "solid", "new2", "fading", "today-0-lapses", "shaky", "today-5-lapses", "today-2-lapses"].map { card($0, "x") }
        let d = deck("d", cards)
        let all = QuizSelection.pick(from: [d], progress: ["d": progress], count: 8, pick: .weakest, seed: 3, now: start).map(\.card.id)
        // Reviewed today is full recall: after even the most stable card seen yesterday.
        #expect(Array(all.prefix(6)) == ["fading", "shaky", "solid", "today-5-lapses", "today-2-lapses", "today-0-lapses"])
        #expect(Set(all.suffix(2)) == ["new1", "new2"])
        let three = QuizSelection.pick(from: [d], progress: ["d": progress], count: 3, pick: .weakest, seed: 99, now: start).map(\.card.id)
        #expect(three == ["fading", "shaky", "solid"], "the seed only orders true ties")
    }

    @Test func shuffleIsAPermutationForEverySize() {
        var g = SplitMix64(seed: 42)
        for n in 0..<40 {
            #expect(QuizSelection.shuffledIndices(n, using: &g).sorted() == Array(0..<n))
        }
    }
}
