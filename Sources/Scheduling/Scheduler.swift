import Foundation
import SeededRandom

/// A spaced-repetition algorithm the study session can use per deck (FSRS-6 or SM-2).
///
/// Implementations are pure: the same state, rating and instant always give the same result,
/// and randomness (interval fuzz) comes only from the generator passed in.
public protocol Scheduler: Sendable {
    /// The card's state after answering `rating` at `now`; review intervals are fuzzed with
    /// draws from `fuzz` when there is one (the two `review` forms below call this).
    func review<G: RandomNumberGenerator>(
        _ state: SchedulingState, rating: Rating, at now: Date, fuzz: inout G?
    ) throws(SchedulingError) -> SchedulingState

    /// Probability that the learner recalls the card at `now` (an estimate for SM-2); 0 for a new card.
    func retrievability(_ state: SchedulingState, at now: Date) -> Double

    /// The whole-day intervals fuzz may turn a review interval of `days` into.
    func fuzzRange(days: Int) -> ClosedRange<Int>
}

extension Scheduler {
    /// The card's state after answering `rating` at `now`, without fuzz.
    public func review(_ state: SchedulingState, rating: Rating, at now: Date) throws(SchedulingError) -> SchedulingState {
        var none: SeededGenerator? = nil
        return try review(state, rating: rating, at: now, fuzz: &none)
    }

    /// The card's state after answering `rating` at `now`, review intervals fuzzed with draws from `generator`.
    public func review(
        _ state: SchedulingState, rating: Rating, at now: Date, fuzzingWith generator: inout some RandomNumberGenerator
    ) throws(SchedulingError) -> SchedulingState {
        var wrapped = Optional(generator)
        defer { generator = wrapped! }
        return try review(state, rating: rating, at: now, fuzz: &wrapped)
    }

    /// How long each answer would put the card away (due minus `now`), to show on the answer buttons.
    public func nextIntervals(_ state: SchedulingState, at now: Date) throws(SchedulingError) -> [Rating: TimeInterval] {
        var intervals: [Rating: TimeInterval] = [:]
        for rating in Rating.allCases {
            let next = try review(state, rating: rating, at: now)
            intervals[rating] = (next.due ?? now).timeIntervalSince(now)
        }
        return intervals
    }

    /// The intervals `review(_:rating:at:fuzzingWith:)` would give with a copy of this `generator`.
    ///
    /// Pass the generator by value: each rating starts from the same copy, so the preview matches
    /// the review made afterwards with the original (for value-type generators such as `SeededGenerator`).
    public func nextIntervals(
        _ state: SchedulingState, at now: Date, fuzzingWith generator: some RandomNumberGenerator
    ) throws(SchedulingError) -> [Rating: TimeInterval] {
        var intervals: [Rating: TimeInterval] = [:]
        for rating in Rating.allCases {
            var copy = generator
            let next = try review(state, rating: rating, at: now, fuzzingWith: &copy)
            intervals[rating] = (next.due ?? now).timeIntervalSince(now)
        }
        return intervals
    }
}

/// One answer from a card's review history.
public struct ReviewRecord: Sendable, Hashable, Codable {
    public var rating: Rating
    public var date: Date

    public init(rating: Rating, date: Date) {
        self.rating = rating
        self.date = date
    }
}

/// Draws a whole number uniformly from `range` with one 64-bit draw (floored, as Anki fuzzes).
///
/// Written out rather than `Int.random(in:using:)` so that a seed gives the same intervals on
/// every Swift version.
func uniformDraw(in range: ClosedRange<Int>, using generator: inout some RandomNumberGenerator) -> Int {
    let unit = Double(generator.next() >> 11) * 0x1p-53
    let count = range.upperBound - range.lowerBound + 1
    return range.lowerBound + min(Int(unit * Double(count)), count - 1)
}
