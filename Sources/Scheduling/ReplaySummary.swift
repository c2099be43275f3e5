/// What a replayed log says about the collection as a whole: each card's state after its
/// last review, for `fsrs replay --summary`.
public struct ReplaySummary: Sendable, Hashable {
    public var reviews: Int
    public var cards: Int
    /// Cards by state after their last review (py-fsrs' names).
    public var learning: Int
    public var review: Int
    public var relearning: Int
    /// Of the cards' final stabilities (days).
    public var medianStability: Double
    public var meanDifficulty: Double

    /// Text for a terminal, one fact per line.
    public var text: String {
        """
        reviews     \(reviews)
        cards       \(cards)
        learning    \(learning)
        review      \(review)
        relearning  \(relearning)
        median stability (days)  \(Self.format(medianStability))
        mean difficulty          \(Self.format(meanDifficulty))

        """
    }

    static func format(_ x: Double) -> String {
        guard x.isFinite else { return "-" }
        let scaled = (x * 100).rounded() / 100
        return String(scaled)
    }
}

extension FSRSReplay {
    /// Each card's state after its last review (by review time, as the replay orders them).
    public var summary: ReplaySummary {
        let cardCount = reviews.cardCount
        var last = [Int](repeating: -1, count: cardCount)
        for i in 0..<count {
            let c = Int(reviews.card[i])
            if last[c] < 0 || reviews.time[i] >= reviews.time[last[c]] { last[c] = i }
        }
        var s = ReplaySummary(reviews: count, cards: 0, learning: 0, review: 0, relearning: 0, medianStability: .nan, meanDifficulty: .nan)
        var stabilities: [Double] = []
        stabilities.reserveCapacity(cardCount)
        var difficultySum = 0.0
        for i in last where i >= 0 {
            s.cards += 1
            switch state[i] {
            case 1: s.learning += 1
            case 2: s.review += 1
            case 3: s.relearning += 1
            default: break
            }
            stabilities.append(stability[i])
            difficultySum += difficulty[i]
        }
        if !stabilities.isEmpty {
            stabilities.sort()
            let m = stabilities.count / 2
            s.medianStability = stabilities.count % 2 == 1 ? stabilities[m] : (stabilities[m - 1] + stabilities[m]) / 2
            s.meanDifficulty = difficultySum / Double(stabilities.count)
        }
        return s
    }
}
