import Foundation
import ISOTime

/// One card as the FSRS state machine sees it: plain numbers and microsecond instants.
///
/// `SchedulingState` converts to and from this; the CSV replay uses it directly so that the
/// hot loop never touches `Date` or optionals.
struct FSRSCard: Sendable, Equatable {
    /// `.new` behaves as py-fsrs' Learning step 0 with no memory.
    var phase: CardPhase = .new
    var step: Int = 0
    var stability: Double = 0
    var difficulty: Double = 0
    var hasMemory = false
    var lastReview: Int64 = 0
    var hasLastReview = false
    var reps = 0
    var lapses = 0
}

/// What a review schedules next: a (re)learning step, or whole days in review (the only kind fuzzed).
enum ScheduledInterval: Equatable {
    case micros(Int64)
    case days(Int)

    var micros: Int64 {
        switch self {
        case .micros(let value): value
        case .days(let days): Int64(days) * Timestamp.microsPerDay
        }
    }
}

extension FSRSModel {
    /// Applies one review to `card` (py-fsrs `review_card`, fuzz off) and returns the interval to the due time.
    @inline(__always)
    func review(_ card: inout FSRSCard, rating: Rating, at now: Int64) -> ScheduledInterval {
        updateMemory(&card, rating: rating, at: now)
        card.reps += 1
        card.lastReview = now
        card.hasLastReview = true
        switch card.phase {
        case .new, .learning:
            return stepTransition(&card, steps: learningSteps, rating: rating, stepPhase: .learning)
        case .relearning:
            return stepTransition(&card, steps: relearningSteps, rating: rating, stepPhase: .relearning)
        case .review:
            if rating == .again {
                card.lapses += 1
                if !relearningSteps.isEmpty {
                    card.phase = .relearning
                    card.step = 0
                    return .micros(relearningSteps[0])
                }
            }
            return .days(intervalDays(card.stability))
        }
    }

    @inline(__always)
    private func updateMemory(_ card: inout FSRSCard, rating: Rating, at now: Int64) {
        guard card.hasMemory else {
            card.stability = initialStability(rating)
            card.difficulty = initialDifficulty(rating)
            card.hasMemory = true
            return
        }
        let elapsed = card.hasLastReview ? Timestamp.wholeDays(from: card.lastReview, to: now) : nil
        if let elapsed, elapsed < 1 {
            card.stability = shortTermStability(card.stability, rating)
        } else {
            // py-fsrs: retrievability is 0 for a card that has memory but no last review.
            let r = elapsed.map { retrievability(elapsedDays: max(0, $0), stability: card.stability) } ?? 0
            card.stability = longTermStability(d: card.difficulty, s: card.stability, r: r, rating)
        }
        // Difficulty moves after stability: the stability update above used the old difficulty.
        card.difficulty = nextDifficulty(card.difficulty, rating)
    }

    @inline(__always)
    private func stepTransition(
        _ card: inout FSRSCard, steps: [Int64], rating: Rating, stepPhase: CardPhase
    ) -> ScheduledInterval {
        switch stepOutcome(steps: steps, step: card.step, rating: rating) {
        case .step(let index, let micros):
            card.phase = stepPhase
            card.step = index
            return .micros(micros)
        case .graduate:
            return graduate(&card)
        }
    }

    @inline(__always)
    private func graduate(_ card: inout FSRSCard) -> ScheduledInterval {
        card.phase = .review
        card.step = 0
        return .days(intervalDays(card.stability))
    }
}
