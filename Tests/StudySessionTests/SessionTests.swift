import DeckModel
import Foundation
import Scheduling
import StudyStore
import Testing

@testable import StudySession

/// Records into memory, numbering entries like the real log.
final class MemoryRecorder: ProgressRecording {
    var entries: [LogEntry] = []
    var failNext = false
    func record(_ entry: LogEntry) throws(StoreError) -> LogEntry {
        if failNext { throw .io(path: "memory", operation: "write", reason: "disk full") }
        var e = entry
        e.seq = entries.count + 1
        entries.append(e)
        return e
    }
}

private let utc = TimeZone(identifier: "UTC")!
private let start = Date(timeIntervalSince1970: 1_795_428_000)  // 2026-11-23T10:00:00Z

private func card(_ id: String, _ answer: String, type: CardType = .question, score: Double = 0.5) -> Card {
    Card(id: id, type: type, question: "Q \(id)?", answer: answer, source: CardSource(sentence: "S \(id)."), score: score)
}

private func makeSession(
    cards: [Card], progress: [String: CardProgress] = [:], newPerDay: Int = 20, recorder: MemoryRecorder, now: Date = start
) -> Session {
    let deck = Deck(id: "d", title: "Deck", cards: cards)
    return Session(
        decks: [SessionDeck(deck: deck, scheduler: FSRSScheduler())], progress: ["d": progress],
        limits: DailyLimits(newPerDay: newPerDay), day: StudyDay(rolloverHour: 4, timeZone: utc), recorder: recorder, now: now)
}

@Suite struct SessionTests {
    @Test func rightAnswerIsRecordedBeforeTheNextCardAndGradedGood() throws {
        let rec = MemoryRecorder()
        let s = makeSession(cards: [card("a", "Jupiter"), card("b", "Mars")], recorder: rec)
        let first = try #require(s.next(now: start))
        #expect(first.card.id == "a")
        #expect(first.remaining == RemainingCounts(new: 2, learning: 0, due: 0))
        let fb = try s.answer("jupiter", elapsedMillis: 6000, now: start)
        #expect(fb.verdict == .correct && fb.rating == .good)
        #expect(rec.entries.count == 1 && rec.entries[0].card == "a" && rec.entries[0].typed == "jupiter")
        #expect(rec.entries[0].before?.phase == .new && rec.entries[0].after?.phase == .learning)
        #expect(s.next(now: start)?.card.id == "b")
        #expect(s.summary.studied == 1 && s.summary.correct == 1)
    }

    @Test func aQuickRightMultipleChoiceAnswerIsGoodNotEasy() throws {
        // Found by a new user: a guessable card answered fast was scheduled 8 days out.
        let rec = MemoryRecorder()
        let choice = card("mc", "Jupiter", type: .choice)
        var withChoices = choice
        withChoices.choices = ["Saturn", "Jupiter", "Mars", "Venus"]
        let s = makeSession(cards: [withChoices, card("typed", "Jupiter")], recorder: rec)
        _ = s.next(now: start)
        let fb = try s.answer("b", elapsedMillis: 800, now: start)
        #expect(fb.verdict == .correct && fb.rating == .good)
        let due = try #require(rec.entries.last?.after?.due)
        #expect(due.timeIntervalSince(start) < 86_400, "a first Good on a new card is a learning step, not days")
        _ = s.next(now: start)
        #expect(try s.answer("Jupiter", elapsedMillis: 800, now: start).rating == .easy, "typed recall still earns Easy")
    }

    @Test func wrongAnswerIsAgainAndTypoIsHard() throws {
        let rec = MemoryRecorder()
        let s = makeSession(cards: [card("a", "Jupiter"), card("b", "Copernicus")], recorder: rec)
        _ = s.next(now: start)
        #expect(try s.answer("Saturn", elapsedMillis: 5000, now: start).rating == .again)
        _ = s.next(now: start)
        let typo = try s.answer("Copernicsu", elapsedMillis: 5000, now: start)
        #expect(typo.rating == .hard)
        guard case .almostCorrect(let expected) = typo.verdict else {
            Issue.record("expected almost, got \(typo.verdict)")
            return
        }
        #expect(expected == "Copernicus")
    }

    @Test func emptyAnswerFlipsAndWaitsForSelfGrade() throws {
        let rec = MemoryRecorder()
        let s = makeSession(cards: [card("a", "Jupiter")], recorder: rec)
        _ = s.next(now: start)
        let flipped = try s.answer("", elapsedMillis: 3000, now: start)
        #expect(flipped.rating == nil && s.isAwaitingSelfGrade && rec.entries.isEmpty)
        let graded = try s.selfGrade(.hard, now: start)
        #expect(graded.rating == .hard && rec.entries.count == 1 && rec.entries[0].typed == nil)
    }

    @Test func learningCardComesBackWhenItsStepIsDue() throws {
        let rec = MemoryRecorder()
        let s = makeSession(cards: [card("a", "Jupiter")], recorder: rec)
        _ = s.next(now: start)
        _ = try s.answer("wrong", elapsedMillis: nil, now: start)  // Again: 1 minute step
        // Nothing else is left, so the learning card is shown early (learn-ahead) ...
        #expect(s.next(now: start)?.card.id == "a")
        #expect(s.remaining(now: start).learning == 1)
        _ = try s.answer("Jupiter", elapsedMillis: nil, now: start.addingTimeInterval(60))
        _ = try #require(s.next(now: start.addingTimeInterval(60)))
        _ = try s.answer("Jupiter", elapsedMillis: nil, now: start.addingTimeInterval(660))
        // ... and after graduating it is gone for today.
        #expect(s.next(now: start.addingTimeInterval(660)) == nil)
        #expect(rec.entries.last?.after?.phase == .review)
        let nextDue = try #require(s.nextDue(now: start.addingTimeInterval(660)))
        // A review card comes back at the start of the study day it falls due in (4 am).
        #expect(nextDue >= Date(timeIntervalSince1970: 1_795_492_800))  // 2026-11-24T04:00Z
        #expect(nextDue <= rec.entries.last!.after!.due!)
    }

    @Test func undoRestoresScheduleAndShowsTheCardAgain() throws {
        let rec = MemoryRecorder()
        let s = makeSession(cards: [card("a", "Jupiter"), card("b", "Mars")], recorder: rec)
        _ = s.next(now: start)
        _ = try s.answer("Jupiter", elapsedMillis: 5000, now: start)
        let undone = try s.undo(now: start.addingTimeInterval(5))
        #expect(undone.card.id == "a" && undone.rating == .good)
        #expect(rec.entries.count == 2 && rec.entries[1].kind == .undo && rec.entries[1].undoes == 1)
        #expect(rec.entries[1].after == rec.entries[0].before)
        let again = try #require(s.next(now: start))
        #expect(again.card.id == "a" && again.progress.schedule.phase == .new)
        #expect(s.summary.studied == 0)
        #expect(throws: SessionError.self) {
            _ = try s.undo(now: start)
            _ = try s.undo(now: start)
        }
    }

    @Test func regradeReplacesTheLastGradeInTheLog() throws {
        let rec = MemoryRecorder()
        let s = makeSession(cards: [card("a", "Jupiter"), card("b", "Mars")], recorder: rec)
        _ = s.next(now: start)
        _ = try s.answer("Jupiter", elapsedMillis: 5000, now: start)
        let fb = try s.regrade(.easy, now: start.addingTimeInterval(2))
        #expect(fb.rating == .easy)
        #expect(rec.entries.map(\.kind) == [.review, .undo, .review])
        #expect(rec.entries[2].rating == .easy && rec.entries[2].before == rec.entries[0].before)
        #expect(s.next(now: start)?.card.id == "b")
        #expect(s.summary.studied == 1)
    }

    @Test func dueReviewsComeMostForgottenFirstAndRespectLimits() throws {
        let rec = MemoryRecorder()
        func reviewState(stability: Double, dueDaysAgo: Double) -> CardProgress {
            CardProgress(schedule: SchedulingState(
                phase: .review, memory: MemoryState(stability: stability, difficulty: 5), due: start.addingTimeInterval(-dueDaysAgo * 86_400),
                lastReview: start.addingTimeInterval(-(dueDaysAgo + stability) * 86_400), reps: 3))
        }
        let cards = [card("fresh", "x"), card("old", "y"), card("new1", "z"), card("new2", "w"), card("future", "v")]
        var progress = ["fresh": reviewState(stability: 10, dueDaysAgo: 0.1), "old": reviewState(stability: 2, dueDaysAgo: 20)]
        progress["future"] = CardProgress(schedule: SchedulingState(phase: .review, memory: MemoryState(stability: 30, difficulty: 5), due: start.addingTimeInterval(5 * 86_400), lastReview: start, reps: 2))
        let s = makeSession(cards: cards, progress: progress, newPerDay: 1, recorder: rec)
        #expect(s.remaining(now: start) == RemainingCounts(new: 1, learning: 0, due: 2))
        var order: [String] = []
        while let item = s.next(now: start) {
            order.append(item.card.id)
            _ = try s.answer(item.card.answer, elapsedMillis: 5000, now: start)
            if order.count > 10 { break }
        }
        #expect(order.first == "old")
        #expect(Set(order).isSuperset(of: ["old", "fresh", "new1"]))
        #expect(!order.contains("new2") && !order.contains("future"))
    }

    @Test func suspendedBuriedAndFlaggedCardsStayOut() throws {
        let rec = MemoryRecorder()
        let progress: [String: CardProgress] = [
            "s": CardProgress(suspended: true), "b": CardProgress(buriedUntil: start.addingTimeInterval(3600)), "f": CardProgress(flagNote: "wrong"),
        ]
        let s = makeSession(cards: [card("s", "1"), card("b", "2"), card("f", "3"), card("ok", "4")], progress: progress, recorder: rec)
        #expect(s.next(now: start)?.card.id == "ok")
        try s.flagCurrent(note: "typo in the question", now: start)
        #expect(rec.entries.last?.kind == .flag && rec.entries.last?.note == "typo in the question")
        #expect(s.next(now: start) == nil)
    }

    @Test func buryHidesUntilTheNextStudyDay() throws {
        let rec = MemoryRecorder()
        let s = makeSession(cards: [card("a", "1")], recorder: rec)
        _ = s.next(now: start)
        try s.buryCurrent(now: start)
        #expect(rec.entries.last?.until == Date(timeIntervalSince1970: 1_795_492_800))  // 2026-11-24T04:00Z
        #expect(s.next(now: start) == nil)
    }

    @Test func aFailedWriteDoesNotAdvanceTheSession() throws {
        let rec = MemoryRecorder()
        let s = makeSession(cards: [card("a", "Jupiter"), card("b", "Mars")], recorder: rec)
        _ = s.next(now: start)
        rec.failNext = true
        #expect(throws: SessionError.self) { try s.answer("Jupiter", elapsedMillis: 5000, now: start) }
        #expect(s.next(now: start)?.card.id == "a")
        #expect(s.summary.studied == 0)
    }

    @Test func skipPutsTheCardBack() throws {
        let rec = MemoryRecorder()
        let s = makeSession(cards: [card("a", "1", score: 0.9), card("b", "2", score: 0.1)], recorder: rec)
        #expect(s.next(now: start)?.card.id == "a")
        s.skip(now: start)
        #expect(s.next(now: start)?.card.id == "b")
        #expect(rec.entries.isEmpty)
    }
}

@Suite struct SessionCardEditTests {
    @Test func anEditedCardIsCheckedAsEditedAndKeepsItsProgress() throws {
        let rec = MemoryRecorder()
        let studied = CardProgress(schedule: SchedulingState(phase: .review, memory: MemoryState(stability: 3, difficulty: 5),
                                                             due: start, lastReview: start.addingTimeInterval(-3 * 86_400), reps: 2))
        let s = makeSession(cards: [card("a", "Jupiter")], progress: ["a": studied], recorder: rec)
        let shown = try #require(s.next(now: start))
        var edited = shown.card
        edited.answer = "Jove"
        try s.replaceCard(edited, deckId: "d")
        let again = try #require(s.next(now: start))
        #expect(again.card.answer == "Jove" && again.progress == studied)
        let fb = try s.answer("Jove", elapsedMillis: 6000, now: start)
        #expect(fb.verdict == .correct && rec.entries.last?.before == studied.schedule)
        #expect(throws: SessionError.self) { try s.replaceCard(card("zz", "x"), deckId: "d") }
    }

    @Test func aRemovedCardLeavesTheSessionAndUndoBringsItBack() throws {
        let rec = MemoryRecorder()
        let s = makeSession(cards: [card("a", "1", score: 0.9), card("b", "2", score: 0.5), card("c", "3", score: 0.1)], recorder: rec)
        #expect(s.next(now: start)?.card.id == "a")
        try s.removeCard(deckId: "d", cardId: "a", now: start)
        #expect(s.removalToUndo?.cardId == "a")
        #expect(s.next(now: start)?.card.id == "b")
        #expect(s.remaining(now: start).new == 2)
        let back = try s.undo(now: start)
        #expect(back.rating == nil && back.card.id == "a")
        #expect(s.next(now: start)?.card.id == "a", "the card removed from the screen is back on it")
        #expect(rec.entries.isEmpty, "removing writes nothing to the review log")
    }

    @Test func undoTakesBackWhicheverCameLastAndRegradeWaitsForARemovalToBeUndone() throws {
        let rec = MemoryRecorder()
        let s = makeSession(cards: [card("a", "1", score: 0.9), card("b", "2", score: 0.5), card("c", "3", score: 0.1)], recorder: rec)
        _ = s.next(now: start)
        _ = try s.answer("1", elapsedMillis: 5000, now: start)  // a answered
        try s.removeCard(deckId: "d", cardId: "a", now: start)  // then deleted from the feedback line
        #expect {
            try s.regrade(.easy, now: start)
        } throws: { error in
            if case SessionError.removedSince = error { true } else { false }
        }
        _ = s.next(now: start)
        _ = try s.answer("2", elapsedMillis: 5000, now: start)  // b answered
        #expect(try s.undo(now: start).rating != nil, "b's answer first")
        #expect(try s.undo(now: start).rating == nil, "then a's removal")
        #expect(try s.undo(now: start).card.id == "a", "then a's answer")
        #expect(rec.entries.map(\.kind) == [.review, .review, .undo, .undo])
    }

    @Test func anUnknownCardCannotBeRemoved() {
        let s = makeSession(cards: [card("a", "1")], recorder: MemoryRecorder())
        #expect(throws: SessionError.self) { try s.removeCard(deckId: "d", cardId: "zz", now: start) }
        #expect(throws: SessionError.self) { try s.removeCard(deckId: "nope", cardId: "a", now: start) }
    }
}
