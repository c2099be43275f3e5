import Foundation
import Testing

@testable import Scheduling

/// Switching a deck from SM-2 to FSRS.
struct SM2ToFSRSTests {
    let fsrs = FSRSScheduler()
    let sm2 = SM2Scheduler()

    func history() -> [ReviewRecord] {
        let start = utc("2024-01-01T09:00:00Z")
        return [
            ReviewRecord(rating: .good, date: start),
            ReviewRecord(rating: .good, date: start + 600),
            ReviewRecord(rating: .good, date: start + 86_400 * 1.1),
            ReviewRecord(rating: .again, date: start + 86_400 * 4),
            ReviewRecord(rating: .good, date: start + 86_400 * 4 + 600),
            ReviewRecord(rating: .hard, date: start + 86_400 * 6),
        ]
    }

    @Test("with a review log the memory state is the FSRS replay of that log")
    func convertsByReplay() throws {
        var state = SchedulingState.new
        for record in history() { state = try sm2.review(state, rating: record.rating, at: record.date) }
        #expect(state.memory == nil && state.ease != nil)
        let converted = fsrs.convertedFromSM2(state, history: history())
        let replayed = fsrs.replay(history())
        #expect(converted.memory == replayed.memory)
        #expect(converted.phase == replayed.phase && converted.due == replayed.due)
        #expect(converted.reps == 6 && converted.lapses == 1)
        #expect(converted.ease == state.ease)
    }

    @Test("without a log, Anki's memory_state_from_sm2 bridge: S = interval at 90%, D from the ease")
    func convertsByBridge() throws {
        let memory = fsrs.memoryStateFromSM2(ease: 2.5, intervalDays: 10)
        #expect(close(memory.stability, 10, relative: 1e-12))
        #expect(close(memory.difficulty, 6.9140552357715555, relative: 1e-12))
        let lowRetention = fsrs.memoryStateFromSM2(ease: 2.5, intervalDays: 10, sm2Retention: 0.8)
        #expect(close(lowRetention.stability, 3.0157181162218794, relative: 1e-12))
        #expect(fsrs.memoryStateFromSM2(ease: 1.3, intervalDays: 1).difficulty <= 10)
        let due = utc("2024-03-01T00:00:00Z")
        let card = SchedulingState(phase: .review, due: due, lastReview: due - 864_000, reps: 4, ease: 2.5, intervalDays: 10)
        let converted = fsrs.convertedFromSM2(card, history: [])
        #expect(converted.memory == memory)
        #expect(converted.due == due && converted.phase == .review)
    }

    @Test("FSRS reviewing an unconverted SM-2 card starts from the bridge, not from scratch")
    func reviewsUnconvertedCard() throws {
        let due = utc("2024-03-01T00:00:00Z")
        let card = SchedulingState(phase: .review, due: due, lastReview: due - 864_000, reps: 4, ease: 2.5, intervalDays: 10)
        let next = try fsrs.review(card, rating: .good, at: due)
        let stability = try #require(next.memory?.stability)
        #expect(stability > 10)
        #expect(fsrs.retrievability(card, at: due) > 0.89)
    }
}
