import Foundation
import ISOTime

/// FSRS-6 as py-fsrs 6.3.2 schedules cards: memory states, (re)learning steps, review intervals.
///
/// A `.new` card is py-fsrs' Learning card at step 0 without stability. Elapsed time counts
/// whole 24-hour periods since the last review (py-fsrs), not calendar days.
public struct FSRSScheduler: Scheduler {
    /// The settings this scheduler was made with.
    public let parameters: FSRSParameters
    let model: FSRSModel

    /// A scheduler for validated settings (the py-fsrs defaults when none are given).
    public init(parameters: FSRSParameters = .default) {
        self.parameters = parameters
        model = FSRSModel(parameters)
    }

    public func review<G: RandomNumberGenerator>(
        _ state: SchedulingState, rating: Rating, at now: Date, fuzz: inout G?
    ) throws(SchedulingError) -> SchedulingState {
        if let previous = state.lastReview, now < previous {
            throw .reviewBeforePreviousReview(review: now, previous: previous)
        }
        let nowMicros = Timestamp.micros(now)
        var card = fsrsCard(state)
        var interval = model.review(&card, rating: rating, at: nowMicros)
        if case .days(let days) = interval, fuzz != nil {
            interval = .days(uniformDraw(in: model.fuzzRange(days: days), using: &fuzz!))
        }
        var next = state
        next.phase = card.phase
        next.step = card.phase == .review ? nil : card.step
        next.memory = MemoryState(stability: card.stability, difficulty: card.difficulty)
        next.lastReview = now
        next.due = Timestamp.date(micros: nowMicros + interval.micros)
        next.reps = card.reps
        next.lapses = card.lapses
        if case .days(let days) = interval { next.intervalDays = Double(days) }
        return next
    }

    /// py-fsrs' fuzz range (no fuzz below 2.5 days).
    public func fuzzRange(days: Int) -> ClosedRange<Int> { model.fuzzRange(days: days) }

    /// py-fsrs' forgetting curve at `now`: 1 for the first 24 h after a review, 0 for a new card.
    public func retrievability(_ state: SchedulingState, at now: Date) -> Double {
        let card = fsrsCard(state)
        guard card.hasMemory, card.hasLastReview else { return 0 }
        let days = Timestamp.wholeDays(from: card.lastReview, to: Timestamp.micros(now))
        return model.retrievability(elapsedDays: max(0, days), stability: card.stability)
    }

    /// The card's state after its whole history, replayed from new in time order (py-fsrs `reschedule_card`).
    ///
    /// This is how a deck switches from SM-2 to FSRS when the review log is complete.
    public func replay(_ history: [ReviewRecord]) -> SchedulingState {
        let ordered = history.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
        var state = SchedulingState.new
        for (_, record) in ordered {
            // Sorted, so no review precedes the previous one.
            state = (try? review(state, rating: record.rating, at: record.date)) ?? state
        }
        return state
    }

    /// FSRS memory for a card scheduled until now by SM-2, as Anki converts on switching.
    ///
    /// With history the card is replayed from new and keeps its SM-2 counters; without any,
    /// memory comes from Anki's `memory_state_from_sm2` bridge and phase, step and due stay.
    public func convertedFromSM2(_ state: SchedulingState, history: [ReviewRecord]) -> SchedulingState {
        guard history.isEmpty else {
            var replayed = replay(history)
            replayed.reps = max(replayed.reps, state.reps)
            replayed.lapses = max(replayed.lapses, state.lapses)
            replayed.ease = state.ease
            return replayed
        }
        var converted = state
        converted.memory = sm2Bridge(state)
        return converted
    }

    /// Anki's `memory_state_from_sm2`: the memory that SM-2's ease and interval imply at `sm2Retention`.
    public func memoryStateFromSM2(ease: Double, intervalDays: Double, sm2Retention: Double = 0.9) -> MemoryState {
        let w = model.w
        let stability = max(intervalDays, FSRSModel.minimumStability) * model.factor
            / (pow(sm2Retention, 1 / model.decay) - 1)
        let wantedGrowth = exp(w[8]) * pow(stability, -w[9]) * (exp((1 - sm2Retention) * w[10]) - 1)
        let difficulty = FSRSModel.clampDifficulty(11 - (ease - 1) / wantedGrowth)
        return MemoryState(stability: stability, difficulty: difficulty)
    }

    private func sm2Bridge(_ state: SchedulingState) -> MemoryState? {
        guard state.phase != .new, let ease = state.ease else { return state.memory }
        return memoryStateFromSM2(ease: ease, intervalDays: state.intervalDays ?? 0)
    }

    func fsrsCard(_ state: SchedulingState) -> FSRSCard {
        var card = FSRSCard()
        card.phase = state.phase
        card.step = state.step ?? 0
        // A card reviewed under SM-2 and never converted gets the bridge's memory.
        if let memory = state.memory ?? (state.phase == .new ? nil : sm2Bridge(state)) {
            card.stability = memory.stability
            card.difficulty = memory.difficulty
            card.hasMemory = true
        }
        if let last = state.lastReview {
            card.lastReview = Timestamp.micros(last)
            card.hasLastReview = true
        }
        card.reps = state.reps
        card.lapses = state.lapses
        return card
    }
}
