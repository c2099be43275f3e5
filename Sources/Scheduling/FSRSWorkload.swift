import Foundation

/// What studying would cost under one set of scheduler weights, by simulation: a learner whose
/// memory follows `memory` weights, scheduled by the FSRS scheduler with `scheduling`.
///
/// This is how the effect of fitted weights is shown: the memory is modelled by the fitted
/// weights (the best description of the learner there is), and the same learner is scheduled
/// once with the defaults and once with the fitted weights. Scheduling with weights that
/// misjudge the memory shows up as more reviews, or as recall below the desired retention.
public struct FSRSWorkload: Sendable, Hashable {
    /// Answers per day, learning steps included, averaged over the simulated days.
    public var reviewsPerDay: Double
    /// Share of due reviews (cards in the review phase) that were recalled.
    public var retention: Double

    /// How the learner rates: first answers, and recalled answers (Hard, Good, Easy).
    public struct Habits: Sendable, Hashable {
        /// Relative frequencies of Again, Hard, Good, Easy as a card's first rating.
        public var firstRatings: [Double]
        /// Relative frequencies of Hard, Good, Easy when recalled.
        public var recallRatings: [Double]

        public init(firstRatings: [Double], recallRatings: [Double]) {
            self.firstRatings = firstRatings
            self.recallRatings = recallRatings
        }

        /// The learner's own frequencies in `set` (where a kind of answer never occurs, a typical
        /// learner's: 25/15/50/10 % first, 15/75/10 % recalled).
        public init(_ set: FSRSTrainingSet) {
            var first = [Double](repeating: 0, count: 4)
            var recall = [Double](repeating: 0, count: 3)
            for card in 0..<set.cardCount { first[Int(set.ratings[Int(set.cardStart[card])]) - 1] += 1 }
            for flat in set.items where set.recalled(Int(flat)) { recall[Int(set.ratings[Int(flat)]) - 2] += 1 }
            firstRatings = first.reduce(0, +) > 0 ? first : [25, 15, 50, 10]
            recallRatings = recall.reduce(0, +) > 0 ? recall : [15, 75, 10]
        }
    }

    /// Simulates `newCardsPerDay` new cards a day for `days` days, each reviewed when due until
    /// the end, with recall drawn from the memory model at the exact time elapsed.
    ///
    /// Cards are independent (no daily limits), so each is followed on its own; draws come from
    /// one generator seeded with `seed`, card after card.
    /// Throws when `memory` is not 21 weights within FSRS-6's bounds.
    public init(
        scheduling: FSRSParameters, memory: [Double], habits: Habits, newCardsPerDay: Int, days: Int, seed: UInt64
    ) throws(SchedulingError) {
        let scheduler = FSRSModel(scheduling)
        let truth = FSRSModel(try FSRSParameters(weights: memory))
        let end = Int64(days) * Timestamp.microsPerDay
        let studyHour = 9 * 3_600 * Timestamp.microsPerSecond
        var random = SplitMix64(seed: seed)
        var answers = 0
        var due = 0
        var recalled = 0
        for day in 0..<days {
            for _ in 0..<newCardsPerDay {
                var planned = FSRSCard()
                var memoryCard = FSRSCard()
                var now = Int64(day) * Timestamp.microsPerDay + studyHour
                while now < end {
                    let rating: Rating
                    if memoryCard.hasMemory {
                        let elapsed = Double(now - memoryCard.lastReview) / Double(Timestamp.microsPerDay)
                        let r = pow(1 + truth.factor * elapsed / memoryCard.stability, truth.decay)
                        let remembered = Self.unit(&random) < r
                        if planned.phase == .review {
                            due += 1
                            if remembered { recalled += 1 }
                        }
                        rating = remembered ? Rating(rawValue: 2 + Self.draw(habits.recallRatings, &random))! : .again
                    } else {
                        rating = Rating(rawValue: 1 + Self.draw(habits.firstRatings, &random))!
                    }
                    answers += 1
                    _ = truth.review(&memoryCard, rating: rating, at: now)
                    now += scheduler.review(&planned, rating: rating, at: now).micros
                }
            }
        }
        reviewsPerDay = days > 0 ? Double(answers) / Double(days) : 0
        retention = due > 0 ? Double(recalled) / Double(due) : 0
    }

    private static func unit(_ random: inout SplitMix64) -> Double { Double(random.next() >> 11) * 0x1p-53 }

    /// An index drawn with probability proportional to `weights`.
    private static func draw(_ weights: [Double], _ random: inout SplitMix64) -> Int {
        var x = unit(&random) * weights.reduce(0, +)
        for (index, weight) in weights.enumerated() {
            if x < weight { return index }
            x -= weight
        }
        return weights.count - 1
    }
}
