import Foundation
import Scheduling
import SeededRandom
import Testing

@testable import StudySession

/// 10:00 UTC on a Tuesday; the study day (UTC, 4 am) runs 2026-03-10T04:00Z ..< 2026-03-11T04:00Z.
private let now = isoInstant("2026-03-10T10:00:00Z")
private let day = StudyDay(rolloverHour: 4, timeZone: TimeZone(identifier: "UTC")!)
private let minute: TimeInterval = 60
private let hour: TimeInterval = 3600

private func review(_ id: String, deck: String = "d", r: Double?, due: Date = now.addingTimeInterval(-86400)) -> QueueCandidate {
    QueueCandidate(
        deckID: deck, cardID: id,
        state: SchedulingState(phase: .review, memory: MemoryState(stability: 5, difficulty: 5), due: due, reps: 3),
        retrievability: r)
}

private func learningCard(_ id: String, deck: String = "d", due: Date, phase: CardPhase = .learning) -> QueueCandidate {
    QueueCandidate(deckID: deck, cardID: id, state: SchedulingState(phase: phase, step: 0, due: due, reps: 1))
}

private func newCard(_ id: String, deck: String = "d", order: Double) -> QueueCandidate {
    QueueCandidate(deckID: deck, cardID: id, state: .new, newOrder: order)
}

private func cid(_ id: String, deck: String = "d") -> QueueCardID { QueueCardID(deckID: deck, cardID: id) }

/// The whole main sequence, answering each card as Good-into-review (so it leaves).
private func drain(_ queue: StudyQueue, at t: Date = now) -> [String] {
    var queue = queue
    var order: [String] = []
    while case .card(let entry) = queue.next(at: t) {
        order.append(entry.id.cardID)
        queue.answered(entry.id, newState: SchedulingState(phase: .review, due: t.addingTimeInterval(5 * 86400)), at: t)
        if order.count > 1000 { break }
    }
    return order
}

@Suite("StudyQueue")
struct StudyQueueTests {
    @Test func dueReviewsComeLowestRetrievabilityFirst() {
        let queue = StudyQueue(
            candidates: [review("r80", r: 0.80), review("r95", r: 0.95), review("r60", r: 0.60), review("r88", r: 0.88)],
            now: now, day: day)
        #expect(drain(queue) == ["r60", "r80", "r88", "r95"])
        #expect(queue.counts == QueueCounts(new: 0, learning: 0, due: 4))
    }

    @Test func reviewsWithoutRetrievabilityFollowByDueDate() {
        let queue = StudyQueue(
            candidates: [
                review("late", r: nil, due: now.addingTimeInterval(-1 * 86400)),
                review("known", r: 0.9),
                review("early", r: nil, due: now.addingTimeInterval(-3 * 86400)),
            ],
            now: now, day: day)
        #expect(drain(queue) == ["known", "early", "late"])
    }

    @Test func reviewsDueLaterTodayCountButNotTomorrows() {
        let queue = StudyQueue(
            candidates: [
                review("tonight", r: 0.95, due: isoInstant("2026-03-11T03:59:00Z")),
                review("tomorrow", r: 0.95, due: isoInstant("2026-03-11T04:00:00Z")),
            ],
            now: now, day: day)
        #expect(drain(queue) == ["tonight"])
    }

    @Test func suspendedBuriedAndFlaggedCardsNeverAppear() {
        var suspended = review("suspended", r: 0.5)
        suspended.isSuspended = true
        var buried = review("buried", r: 0.5)
        buried.buriedUntil = now.addingTimeInterval(hour)
        var flagged = newCard("flagged", order: 0)
        flagged.isFlagged = true
        var flaggedLearning = learningCard("flaggedLearning", due: now)
        flaggedLearning.isFlagged = true
        var unburied = review("unburied", r: 0.7)
        unburied.buriedUntil = now.addingTimeInterval(-hour)  // burial over
        let queue = StudyQueue(
            candidates: [suspended, buried, flagged, flaggedLearning, unburied, review("plain", r: 0.6)],
            now: now, day: day)
        #expect(drain(queue) == ["plain", "unburied"])
        #expect(queue.counts == QueueCounts(new: 0, learning: 0, due: 2))
    }

    @Test func newCardsStopAtTheDailyLimit() {
        let cards = (0..<30).map { newCard(String(format: "n%02d", $0), order: Double($0)) }
        let queue = StudyQueue(candidates: cards, limits: DailyLimits(newPerDay: 20, newDoneToday: 5), now: now, day: day)
        #expect(queue.counts.new == 15)
        #expect(drain(queue) == (0..<15).map { String(format: "n%02d", $0) })
        let none = StudyQueue(candidates: cards, limits: DailyLimits(newPerDay: 20, newDoneToday: 25), now: now, day: day)
        #expect(none.next(at: now) == .finished)
    }

    @Test func reviewsStopAtTheDailyLimitKeepingTheMostAtRisk() {
        let cards = (0..<10).map { review("r\($0)", r: 0.5 + Double($0) / 100) }
        let queue = StudyQueue(candidates: cards, limits: DailyLimits(reviewsPerDay: 5, reviewsDoneToday: 2), now: now, day: day)
        #expect(drain(queue) == ["r0", "r1", "r2"])
    }

    @Test func perDeckCapsApplyBelowTheOverallLimit() {
        let cards = (0..<5).map { newCard("a\($0)", deck: "A", order: Double($0)) }
            + (0..<5).map { newCard("b\($0)", deck: "B", order: Double($0)) }
        let limits = DailyLimits(newPerDay: 6, perDeck: ["A": DeckLimits(newPerDay: 2, newDoneToday: 1)])
        let queue = StudyQueue(candidates: cards, limits: limits, now: now, day: day)
        #expect(drain(queue) == ["a0", "b0", "b1", "b2", "b3", "b4"])
    }

    @Test func newCardsAreSpreadAcrossDecksInEachDecksOrder() {
        let cards = [
            newCard("a-second", deck: "A", order: 2), newCard("a-first", deck: "A", order: 1),
            newCard("b-first", deck: "B", order: 0.1), newCard("a-third", deck: "A", order: 3),
            newCard("c-first", deck: "C", order: 5),
        ]
        let queue = StudyQueue(candidates: cards, now: now, day: day)
        #expect(drain(queue) == ["a-first", "b-first", "c-first", "a-second", "a-third"])
    }

    @Test func newCardsAreMixedInAmongReviews() {
        let reviews = (0..<6).map { review("r\($0)", r: 0.5 + Double($0) / 100) }
        let news = (0..<2).map { newCard("n\($0)", order: Double($0)) }
        let mixed = StudyQueue(candidates: reviews + news, now: now, day: day)
        #expect(drain(mixed) == ["r0", "r1", "r2", "n0", "r3", "r4", "r5", "n1"])
        let manyNew = StudyQueue(candidates: Array(reviews.prefix(2)) + (0..<4).map { newCard("n\($0)", order: Double($0)) }, now: now, day: day)
        #expect(drain(manyNew) == ["r0", "n0", "r1", "n1", "n2", "n3"])
        let after = StudyQueue(candidates: reviews + news, now: now, day: day, options: QueueOptions(newCardPlacement: .afterReviews))
        #expect(drain(after) == ["r0", "r1", "r2", "r3", "r4", "r5", "n0", "n1"])
        let before = StudyQueue(candidates: reviews + news, now: now, day: day, options: QueueOptions(newCardPlacement: .beforeReviews))
        #expect(drain(before) == ["n0", "n1", "r0", "r1", "r2", "r3", "r4", "r5"])
    }

    @Test func dueLearningCardsComeBeforeEverythingElse() {
        let queue = StudyQueue(
            candidates: [review("r", r: 0.5), learningCard("late", due: now.addingTimeInterval(-minute)),
                         learningCard("relearn", due: now.addingTimeInterval(-5 * minute), phase: .relearning),
                         newCard("n", order: 0)],
            now: now, day: day)
        #expect(queue.counts == QueueCounts(new: 1, learning: 2, due: 1))
        #expect(drain(queue) == ["relearn", "late", "r", "n"])
    }

    @Test func aLearningCardReentersWhenItsStepIsDue() {
        var queue = StudyQueue(
            candidates: [newCard("n", order: 0), review("r1", r: 0.5), review("r2", r: 0.6), review("r3", r: 0.7)],
            now: now, day: day, options: QueueOptions(newCardPlacement: .beforeReviews))
        guard case .card(let first) = queue.next(at: now) else { Issue.record("no card"); return }
        #expect(first.id == cid("n") && first.kind == .new)
        // Answered Again: learning step of 10 minutes.
        queue.answered(cid("n"), newState: SchedulingState(phase: .learning, step: 0, due: now.addingTimeInterval(10 * minute), reps: 1), at: now)
        #expect(queue.counts == QueueCounts(new: 0, learning: 1, due: 3))
        #expect(queue.limits.newDoneToday == 1)
        // One minute later the step is not due: reviews go on.
        #expect(queue.next(at: now.addingTimeInterval(minute)) == .card(QueueEntry(id: cid("r1"), kind: .review, due: now.addingTimeInterval(-86400))))
        queue.answered(cid("r1"), newState: SchedulingState(phase: .review, due: now.addingTimeInterval(4 * 86400)), at: now.addingTimeInterval(minute))
        // Eleven minutes in, the step is due and jumps ahead of the remaining reviews.
        let t = now.addingTimeInterval(11 * minute)
        #expect(queue.next(at: t) == .card(QueueEntry(id: cid("n"), kind: .learning, due: now.addingTimeInterval(10 * minute))))
        #expect(queue.limits.reviewsDoneToday == 1)
    }

    @Test func withNothingElseLeftALearningCardIsShownEarlyOrWaitedFor() {
        var queue = StudyQueue(candidates: [newCard("n", order: 0)], now: now, day: day)
        queue.answered(cid("n"), newState: SchedulingState(phase: .learning, step: 1, due: now.addingTimeInterval(10 * minute), reps: 1), at: now)
        // Within the 20-minute learn-ahead limit: shown now rather than waiting.
        #expect(queue.next(at: now) == .card(QueueEntry(id: cid("n"), kind: .learning, due: now.addingTimeInterval(10 * minute))))
        var strict = StudyQueue(candidates: [newCard("n", order: 0)], now: now, day: day, options: QueueOptions(learnAheadLimit: 0))
        strict.answered(cid("n"), newState: SchedulingState(phase: .learning, step: 1, due: now.addingTimeInterval(10 * minute), reps: 1), at: now)
        #expect(strict.next(at: now) == .wait(until: now.addingTimeInterval(10 * minute)))
        // Graduated: gone for today.
        strict.answered(cid("n"), newState: SchedulingState(phase: .review, due: now.addingTimeInterval(86400)), at: now.addingTimeInterval(10 * minute))
        #expect(strict.next(at: now.addingTimeInterval(10 * minute)) == .finished)
        #expect(strict.counts == QueueCounts(new: 0, learning: 0, due: 0))
    }

    @Test func learningStepsPastTheDayEndWaitForTomorrow() {
        let queue = StudyQueue(
            candidates: [learningCard("tomorrow", due: isoInstant("2026-03-11T05:00:00Z")), learningCard("tonight", due: isoInstant("2026-03-11T03:00:00Z"))],
            now: now, day: day)
        #expect(queue.counts.learning == 1)
        #expect(queue.contains(cid("tonight")) && !queue.contains(cid("tomorrow")))
        var later = queue
        later.answered(cid("tonight"), newState: SchedulingState(phase: .relearning, step: 0, due: isoInstant("2026-03-11T04:30:00Z"), reps: 2), at: isoInstant("2026-03-11T03:00:00Z"))
        #expect(later.next(at: isoInstant("2026-03-11T03:00:00Z")) == .finished)
    }

    @Test func skipMovesACardToTheEndAndRemoveTakesItOut() {
        var queue = StudyQueue(candidates: [review("a", r: 0.1), review("b", r: 0.2), review("c", r: 0.3)], now: now, day: day)
        queue.skip(cid("a"))
        #expect(drain(queue) == ["b", "c", "a"])
        queue.remove(cid("b"))
        #expect(drain(queue) == ["c", "a"])
        #expect(queue.counts.due == 2)
        var suspended = queue.candidate(cid("c"))!
        suspended.isSuspended = true
        queue.update(suspended, at: now)
        #expect(drain(queue) == ["a"])
    }

    /// The queue indexes only today's cards; the rest must still be found, updated and
    /// counted for "next due".
    @Test func cardsOutsideTodaysQueueCanBeFoundUpdatedAndCounted() {
        let nextWeek = now.addingTimeInterval(7 * 86400)
        let in3Days = now.addingTimeInterval(3 * 86400)
        var queue = StudyQueue(
            candidates: [review("today", r: 0.5), review("week", r: nil, due: nextWeek), review("soon", r: nil, due: in3Days)],
            now: now, day: day)
        #expect(queue.candidate(cid("week"))?.state.due == nextWeek)
        #expect(queue.candidate(cid("nope")) == nil)
        queue.answered(cid("today"), newState: SchedulingState(phase: .review, due: nextWeek), at: now)
        #expect(queue.next(at: now) == .finished)
        #expect(queue.nextDue(after: now) == day.startOfDay(containing: in3Days))
        var soon = queue.candidate(cid("soon"))!
        soon.isSuspended = true
        queue.update(soon, at: now)
        #expect(queue.candidate(cid("soon"))?.isSuspended == true)
        #expect(queue.nextDue(after: now) == day.startOfDay(containing: nextWeek))
        // A card taken out of the session counts from tomorrow at the earliest.
        var fresh = StudyQueue(candidates: [review("a", r: 0.5)], now: now, day: day)
        fresh.remove(cid("a"))
        #expect(fresh.nextDue(after: now) == day.startOfNextDay(after: now))
    }

    @Test func theSameCandidatesInAnyOrderGiveTheSameQueue() {
        var rng = SeededGenerator(seed: 1)
        var cards: [QueueCandidate] = []
        for i in 0..<12 {
            let r: Double = 0.5 + Double(i % 4) / 10
            cards.append(review("r\(i)", deck: i % 2 == 0 ? "A" : "B", r: r))
        }
        for i in 0..<8 { cards.append(newCard("n\(i)", deck: i % 2 == 0 ? "A" : "B", order: Double(i))) }
        cards.append(learningCard("l", due: now))
        let reference = drain(StudyQueue(candidates: cards, now: now, day: day))
        #expect(reference.count == 21)
        for _ in 0..<5 {
            // Deck order comes from first appearance; keep deck A first in every shuffle.
            var shuffled = cards.shuffled(using: &rng)
            if let firstA = shuffled.firstIndex(where: { $0.deckID == "A" }) { shuffled.insert(shuffled.remove(at: firstA), at: 0) }
            #expect(drain(StudyQueue(candidates: shuffled, now: now, day: day)) == reference)
        }
    }

    // MARK: next due

    @Test func nothingDueSaysWhenTheNextCardIs() {
        let inThreeDays = isoInstant("2026-03-13T15:00:00Z")
        let candidates = [review("later", r: 0.99, due: inThreeDays), review("soon", r: 0.99, due: isoInstant("2026-03-12T09:00:00Z"))]
        #expect(StudyQueue(candidates: candidates, now: now, day: day).next(at: now) == .finished)
        // A review becomes available when its study day starts.
        #expect(StudyQueue.nextDue(candidates: candidates, limits: DailyLimits(), now: now, day: day) == isoInstant("2026-03-12T04:00:00Z"))
        // A learning card counts at its exact step time.
        let learning = learningCard("l", due: isoInstant("2026-03-11T06:00:00Z"))
        #expect(StudyQueue.nextDue(candidates: candidates + [learning], limits: DailyLimits(), now: now, day: day) == isoInstant("2026-03-11T06:00:00Z"))
    }

    @Test func newCardsOverTheLimitAreDueAtTheNextDayStart() {
        let candidates = [newCard("n", order: 0), review("later", r: 0.99, due: isoInstant("2026-03-20T12:00:00Z"))]
        let spent = DailyLimits(newPerDay: 20, newDoneToday: 20)
        #expect(StudyQueue.nextDue(candidates: candidates, limits: spent, now: now, day: day) == isoInstant("2026-03-11T04:00:00Z"))
        #expect(StudyQueue.nextDue(candidates: candidates, limits: DailyLimits(), now: now, day: day) == now)
        let reviewsSpent = DailyLimits(reviewsPerDay: 10, reviewsDoneToday: 10)
        #expect(StudyQueue.nextDue(candidates: [review("r", r: 0.8)], limits: reviewsSpent, now: now, day: day) == isoInstant("2026-03-11T04:00:00Z"))
    }

    @Test func suspendedAndFlaggedCardsAreNeverDueAndBuriedOnesWait() {
        var suspended = newCard("s", order: 0)
        suspended.isSuspended = true
        var flagged = review("f", r: 0.5)
        flagged.isFlagged = true
        #expect(StudyQueue.nextDue(candidates: [suspended, flagged], limits: DailyLimits(), now: now, day: day) == nil)
        #expect(StudyQueue.nextDue(candidates: [], limits: DailyLimits(), now: now, day: day) == nil)
        var buried = review("b", r: 0.5)
        buried.buriedUntil = isoInstant("2026-03-11T04:00:00Z")
        #expect(StudyQueue.nextDue(candidates: [suspended, flagged, buried], limits: DailyLimits(), now: now, day: day) == isoInstant("2026-03-11T04:00:00Z"))
    }

    @Test func afterASessionTheNextDueReflectsItsAnswers() {
        var queue = StudyQueue(candidates: [review("a", r: 0.5), review("b", r: 0.6)], now: now, day: day)
        queue.answered(cid("a"), newState: SchedulingState(phase: .review, due: isoInstant("2026-03-15T10:00:00Z")), at: now)
        queue.answered(cid("b"), newState: SchedulingState(phase: .relearning, step: 0, due: now.addingTimeInterval(10 * minute)), at: now)
        #expect(queue.nextDue(after: now) == now.addingTimeInterval(10 * minute))
        queue.remove(cid("b"))  // e.g. buried: back tomorrow at the earliest
        #expect(queue.nextDue(after: now) == isoInstant("2026-03-11T04:00:00Z"))
    }
}
