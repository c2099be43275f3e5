import Foundation
import ISOTime

/// SM-2 as Anki's scheduler applies it when FSRS is off (the v3 scheduler's rules).
///
/// Ease starts at 250% on graduation, Hard takes 15 points off, Again 20 (never below 130%),
/// Easy adds 15. Review intervals: Hard = interval x 1.2, Good = (interval + half the days late)
/// x ease, Easy = (interval + days late) x ease x 1.3, each at least one day more than the
/// previous button, rounded half away from zero (Anki's Rust `round`). Reviews more than half a
/// day before the due time use Anki's early-review formulas. A lapse keeps
/// `lapseNewInterval` of the interval (at least the minimum) for after the relearning steps.
/// Learning steps follow the same rules as FSRS; ease is kept as a multiple of 0.001 (Anki's per-mille).
public struct SM2Scheduler: Scheduler {
    /// The settings this scheduler was made with.
    public let parameters: SM2Parameters
    private let learningSteps: [Int64]
    private let relearningSteps: [Int64]
    private static let curve = FSRSModel(.default)

    /// A scheduler for validated settings (Anki's defaults when none are given).
    public init(parameters: SM2Parameters = .default) {
        self.parameters = parameters
        learningSteps = stepMicros(parameters.learningSteps)
        relearningSteps = stepMicros(parameters.relearningSteps)
    }

    /// An estimate: FSRS-6's default forgetting curve with stability = the SM-2 interval, since SM-2
    /// aims at about 90% recall when a card falls due (Anki's `memory_state_from_sm2` at 0.9).
    public func retrievability(_ state: SchedulingState, at now: Date) -> Double {
        guard state.phase != .new, let last = state.lastReview else { return 0 }
        let stability = max(state.intervalDays ?? Double(parameters.graduatingIntervalDays), FSRSModel.minimumStability)
        let days = Timestamp.wholeDays(from: Timestamp.micros(last), to: Timestamp.micros(now))
        return Self.curve.retrievability(elapsedDays: max(0, days), stability: stability)
    }

    public func review<G: RandomNumberGenerator>(
        _ state: SchedulingState, rating: Rating, at now: Date, fuzz: inout G?
    ) throws(SchedulingError) -> SchedulingState {
        if let previous = state.lastReview, now < previous {
            throw .reviewBeforePreviousReview(review: now, previous: previous)
        }
        let nowMicros = Timestamp.micros(now)
        var next = state
        next.reps += 1
        next.lastReview = now
        // SM-2 does not maintain FSRS memory; switching to FSRS recomputes it from the history.
        next.memory = nil

        func schedule(step: Int, micros: Int64, phase: CardPhase) {
            next.phase = phase
            next.step = step
            next.due = Timestamp.date(micros: nowMicros + micros)
        }
        func scheduleReview(days: Int) {
            next.phase = .review
            next.step = nil
            next.intervalDays = Double(days)
            next.due = Timestamp.date(micros: nowMicros + Int64(days) * Timestamp.microsPerDay)
        }

        switch state.phase {
        case .new, .learning:
            switch stepOutcome(steps: learningSteps, step: state.step ?? 0, rating: rating) {
            case .step(let index, let micros):
                schedule(step: index, micros: micros, phase: .learning)
            case .graduate:
                let good = constrain(Double(parameters.graduatingIntervalDays), minimum: 1, fuzz: &fuzz)
                let days = rating == .easy
                    ? constrain(Double(parameters.easyIntervalDays), minimum: good + 1, fuzz: &fuzz) : good
                next.ease = parameters.startingEase
                scheduleReview(days: days)
            }
        case .relearning:
            let lapseInterval = Int(state.intervalDays ?? Double(parameters.minimumLapseIntervalDays))
            switch stepOutcome(steps: relearningSteps, step: state.step ?? 0, rating: rating) {
            case .step(let index, let micros):
                schedule(step: index, micros: micros, phase: .relearning)
            case .graduate:
                scheduleReview(days: min(rating == .easy ? lapseInterval + 1 : lapseInterval, parameters.maximumIntervalDays))
            }
        case .review:
            let ease = state.ease ?? parameters.startingEase
            let scheduled = max(Int(state.intervalDays ?? Double(parameters.graduatingIntervalDays)), 1)
            if rating == .again {
                next.lapses += 1
                next.ease = Self.adjusted(ease, by: -0.2)
                let kept = (Double(scheduled) * parameters.lapseNewInterval).rounded()
                let days = min(max(Int(kept), parameters.minimumLapseIntervalDays), parameters.maximumIntervalDays)
                if let first = relearningSteps.first {
                    next.intervalDays = Double(days)
                    schedule(step: 0, micros: first, phase: .relearning)
                } else {
                    scheduleReview(days: days)
                }
            } else {
                let late = daysLate(state, scheduled: scheduled, now: nowMicros)
                let (hard, good, easy) = late < 0
                    ? earlyIntervals(scheduled: scheduled, daysLate: late, ease: ease, fuzz: &fuzz)
                    : onTimeIntervals(scheduled: scheduled, daysLate: late, ease: ease, fuzz: &fuzz)
                switch rating {
                case .hard: next.ease = Self.adjusted(ease, by: -0.15)
                case .easy: next.ease = Self.adjusted(ease, by: 0.15)
                default: next.ease = ease
                }
                scheduleReview(days: rating == .hard ? hard : rating == .good ? good : easy)
            }
        }
        return next
    }

    private static func adjusted(_ ease: Double, by delta: Double) -> Double {
        max(((ease + delta) * 1000).rounded() / 1000, SM2Parameters.minimumEase)
    }

    /// Whole days past the due time, rounded: a card due this evening answered this morning is on time.
    private func daysLate(_ state: SchedulingState, scheduled: Int, now: Int64) -> Int {
        if let due = state.due {
            return Int((Double(now - Timestamp.micros(due)) / Double(Timestamp.microsPerDay)).rounded())
        }
        guard let last = state.lastReview else { return 0 }
        return Timestamp.wholeDays(from: Timestamp.micros(last), to: now) - scheduled
    }

    private func onTimeIntervals<G: RandomNumberGenerator>(
        scheduled: Int, daysLate: Int, ease: Double, fuzz: inout G?
    ) -> (Int, Int, Int) {
        let current = Double(scheduled)
        let late = Double(daysLate)
        let factor = parameters.hardInterval
        let hard = constrain(current * factor, minimum: factor > 1 ? scheduled + 1 : 1, fuzz: &fuzz)
        let good = constrain((current + late / 2) * ease, minimum: factor > 1 ? hard + 1 : scheduled + 1, fuzz: &fuzz)
        let easy = constrain((current + late) * ease * parameters.easyBonus, minimum: good + 1, fuzz: &fuzz)
        return (hard, good, easy)
    }

    private func earlyIntervals<G: RandomNumberGenerator>(
        scheduled: Int, daysLate: Int, ease: Double, fuzz: inout G?
    ) -> (Int, Int, Int) {
        let current = Double(scheduled)
        let elapsed = max(Double(scheduled + daysLate), 0)
        let factor = parameters.hardInterval
        let hard = constrain(max(elapsed * factor, current * factor / 2), minimum: 1, fuzz: &fuzz)
        let good = constrain(max(elapsed * ease, current), minimum: 1, fuzz: &fuzz)
        let bonus = parameters.easyBonus - (parameters.easyBonus - 1) / 2
        let easy = constrain(max(elapsed * ease, current) * bonus, minimum: 1, fuzz: &fuzz)
        return (hard, good, easy)
    }

    /// Anki's fuzz range, within the maximum interval.
    public func fuzzRange(days: Int) -> ClosedRange<Int> {
        let range = Self.curve.fuzzRange(days: days)
        let upper = min(range.upperBound, parameters.maximumIntervalDays)
        return min(range.lowerBound, upper)...upper
    }

    /// Applies the interval modifier, rounds, fuzzes when asked, and keeps the result within [minimum, maximum].
    private func constrain<G: RandomNumberGenerator>(_ days: Double, minimum: Int, fuzz: inout G?) -> Int {
        let maximum = parameters.maximumIntervalDays
        let low = min(max(minimum, 1), maximum)
        let scaled = (days * parameters.intervalModifier).rounded()
        let rounded = scaled >= Double(maximum) ? maximum : max(Int(scaled), low)
        guard fuzz != nil else { return rounded }
        let range = Self.curve.fuzzRange(days: rounded)
        let lower = min(max(range.lowerBound, low), maximum)
        let upper = min(max(range.upperBound, lower), maximum)
        return uniformDraw(in: lower...upper, using: &fuzz!)
    }
}
