import DeckModel
import Foundation
import Scheduling
import SeededRandom
import StudyStore
import Testing

@testable import StudySession

/// Fuzz evens out the workload: of the days an interval's fuzz may pick, the answer lands
/// on the one with the fewest reviews already due.
@Suite struct LoadBalanceTests {
    let utc = TimeZone(identifier: "UTC")!
    let now = Date(timeIntervalSince1970: 1_795_428_000)  // 2026-11-23T10:00:00Z
    let scheduler = FSRSScheduler()

    /// A review card due now whose Good answer gives an interval of some 20 days.
    var reviewed: SchedulingState {
        SchedulingState(phase: .review, memory: MemoryState(stability: 18, difficulty: 5), due: now,
                        lastReview: now.addingTimeInterval(-18 * 86400), reps: 4, intervalDays: 18)
    }

    func card(_ id: String) -> Card {
        Card(id: id, type: .question, question: "Q \(id)?", answer: "a\(id)", source: CardSource(sentence: "S."))
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func goodLandsOnTheLeastLoadedDayOfItsFuzzRange(seed: UInt64) throws {
        let base = try scheduler.review(reviewed, rating: .good, at: now)
        let days = Int(try #require(base.intervalDays))
        let range = scheduler.fuzzRange(days: days)
        try #require(range.count >= 3, "fuzz range \(range)")
        // Every day of the range but one has reviews due; the quiet day is drawn from the seed.
        let quiet = range.lowerBound + Int(seed) % range.count
        var cards = [card("x")]
        var progress = ["x": CardProgress(schedule: reviewed)]
        for d in range where d != quiet {
            for k in 0..<3 {
                let id = "d\(d)-\(k)"
                cards.append(card(id))
                progress[id] = CardProgress(schedule: SchedulingState(
                    phase: .review, memory: MemoryState(stability: 30, difficulty: 5),
                    due: now.addingTimeInterval(Double(d) * 86400 + 3600), lastReview: now.addingTimeInterval(-86400), reps: 3))
            }
        }
        let session = Session(
            decks: [SessionDeck(deck: Deck(id: "d", title: "D", cards: cards), scheduler: scheduler)], progress: ["d": progress],
            day: StudyDay(rolloverHour: 4, timeZone: utc), recorder: MemoryRecorder(), now: now, fuzzSeed: seed)
        let item = try #require(session.next(now: now))
        #expect(item.card.id == "x")
        _ = try session.answer("", elapsedMillis: nil, now: now)  // flip, then grade it Good
        let feedback = try session.selfGrade(.good, now: now)
        #expect(feedback.rating == .good)
        let due = try #require(feedback.due)
        #expect(Int((due.timeIntervalSince(now) / 86400).rounded()) == quiet)
    }

    @Test func tiesAreDrawnFromTheSeedAndStayInRange() {
        let workload = ReviewWorkload(anchor: now, states: [])
        var seen = Set<Int>()
        for seed in 0..<64 as Range<UInt64> {
            var rng = SeededGenerator(seed: seed)
            let d = workload.balancedInterval(in: 10...14, reviewDay: 0, using: &rng)
            #expect((10...14).contains(d))
            seen.insert(d)
        }
        // An empty calendar is no reason to always take the shortest interval.
        #expect(seen.count == 5)
    }

    @Test func answersAndUndoMoveTheCounts() {
        var w = ReviewWorkload(anchor: now, states: [reviewed])
        #expect(w.count(onDay: 0) == 1)
        var later = reviewed
        later.due = now.addingTimeInterval(5 * 86400)
        w.move(from: reviewed, to: later)
        #expect(w.count(onDay: 0) == 0 && w.count(onDay: 5) == 1)
        w.move(from: later, to: reviewed)
        #expect(w.count(onDay: 0) == 1 && w.count(onDay: 5) == 0)
    }
}
