import Foundation
import ISOTime
import Testing

@testable import Scheduling

/// FSRS against fsrs-rs (vectors-rs.json, float32): memory after every prefix of day-granular
/// histories and the next states per rating, within 1e-4 relative. fsrs-rs caps stability at
/// 36,500 days and py-fsrs (which we follow) does not, so capped values are checked as "above".
@Suite(.enabled(if: ReferenceFiles.exists(ReferenceFiles.rsVectors), "needs ../shared/eval/fsrs/vectors-rs.json"))
struct FSRSRustReferenceTests {
    static let cap = 36_500.0
    let model = FSRSModel(.default)

    /// Replays `reviews` with fsrs-rs' day counting (whole days given, first review initialises).
    func memory(after reviews: ArraySlice<RsFSRSVectors.Review>) -> FSRSCard {
        var card = FSRSCard()
        var now: Int64 = 0
        for review in reviews {
            now += Int64(review.delta_t) * Timestamp.microsPerDay
            card.phase = card.hasMemory ? .review : .new
            _ = model.review(&card, rating: Rating(code: review.rating), at: now)
        }
        return card
    }

    /// `card` reviewed `days` whole days after its last review, with `rating`.
    func next(_ card: FSRSCard, days: Int, rating: Int) -> FSRSCard {
        var copy = card
        copy.phase = card.hasMemory ? .review : .new
        _ = model.review(&copy, rating: Rating(code: rating), at: card.lastReview + Int64(days) * Timestamp.microsPerDay)
        return copy
    }

    func expectClose(_ ours: Double, _ theirs: Double, _ label: String) {
        if theirs == Self.cap {
            #expect(ours >= Self.cap * (1 - 1e-4), "\(label): \(ours) should reach fsrs-rs' cap")
        } else {
            #expect(close(ours, theirs, relative: 1e-4), "\(label): \(ours) vs fsrs-rs \(theirs)")
        }
    }

    @Test("memory after every prefix and the next states match fsrs-rs", arguments: RsFSRSVectors.historyNames)
    func historyMatchesFSRSRS(_ name: String) throws {
        let history = try #require(RsFSRSVectors.shared?.histories.first { $0.name == name })
        #expect(history.historical_memory_states.count == history.reviews.count)
        for (k, expected) in history.historical_memory_states.enumerated() {
            let card = memory(after: history.reviews.prefix(k + 1))
            expectClose(card.stability, expected.stability, "\(name)[\(k + 1)] S")
            expectClose(card.difficulty, expected.difficulty, "\(name)[\(k + 1)] D")
        }
        for prefix in history.prefix_states {
            let card = memory(after: history.reviews.prefix(prefix.k))
            let states = prefix.next_states
            guard prefix.stability < Self.cap else { continue }  // our S has left fsrs-rs' range
            for rating in 1...4 {
                let ours = next(card, days: try #require(states.days_elapsed), rating: rating)
                let theirs = states.next(rating)
                let label = "\(name)[\(prefix.k)] -> \(rating)"
                expectClose(ours.stability, theirs.stability, "\(label) S")
                expectClose(ours.difficulty, theirs.difficulty, "\(label) D")
                if theirs.stability < Self.cap {
                    expectClose(model.rawIntervalDays(ours.stability), theirs.interval, "\(label) interval")
                }
            }
        }
        let final = memory(after: history.reviews[...])
        for states in history.final_next_states where final.stability < Self.cap {
            let m = FSRSModel(try FSRSParameters(desiredRetention: states.desired_retention))
            for rating in 1...4 {
                let ours = next(final, days: try #require(states.days_elapsed), rating: rating)
                let theirs = states.next(rating)
                let label = "\(name) final DR \(states.desired_retention) +\(states.days_elapsed ?? -1)d -> \(rating)"
                expectClose(ours.stability, theirs.stability, "\(label) S")
                expectClose(ours.difficulty, theirs.difficulty, "\(label) D")
                if theirs.stability < Self.cap {
                    expectClose(m.rawIntervalDays(ours.stability), theirs.interval, "\(label) interval")
                }
            }
        }
    }

    @Test("a new card's first answer matches fsrs-rs at every retention")
    func newCardNextStates() throws {
        let vectors = try #require(RsFSRSVectors.shared)
        #expect(vectors.parameters.count == 21)
        for states in vectors.new_card_next_states {
            let m = FSRSModel(try FSRSParameters(desiredRetention: states.desired_retention))
            for rating in 1...4 {
                var card = FSRSCard()
                _ = m.review(&card, rating: Rating(code: rating), at: 0)
                let theirs = states.next(rating)
                expectClose(card.stability, theirs.stability, "new -> \(rating) S")
                expectClose(card.difficulty, theirs.difficulty, "new -> \(rating) D")
                expectClose(m.rawIntervalDays(card.stability), theirs.interval, "new -> \(rating) interval")
            }
        }
    }
}
