/// Every card's state after each of its reviews, as FSRS computes them with fuzz off: the
/// pure part of `fsrs replay`. Reviews are grouped per card and taken in time order (ties keep
/// input order); each card starts new. Results are columns in input order.
public struct FSRSReplay: Sendable {
    public let reviews: ReviewHistory
    /// Per review, the memory state after it.
    public private(set) var stability: [Double]
    public private(set) var difficulty: [Double]
    /// Per review, py-fsrs' state code after it: 1 Learning, 2 Review, 3 Relearning.
    public private(set) var state: [UInt8]
    /// Per review, the (re)learning step after it; -1 in review.
    public private(set) var step: [Int32]
    /// Per review, when the card is due next (µs since 1970).
    public private(set) var due: [Int64]

    public init(_ reviews: ReviewHistory, parameters: FSRSParameters = .default) {
        self.reviews = reviews
        let n = reviews.count
        stability = [Double](repeating: 0, count: n)
        difficulty = [Double](repeating: 0, count: n)
        state = [UInt8](repeating: 0, count: n)
        step = [Int32](repeating: 0, count: n)
        due = [Int64](repeating: 0, count: n)
        replay(model: FSRSModel(parameters))
    }

    /// Number of replayed reviews.
    public var count: Int { reviews.count }

    /// The phase code `state[i]` stands for.
    public func phase(_ i: Int) -> CardPhase {
        state[i] == 2 ? .review : state[i] == 3 ? .relearning : .learning
    }

    private mutating func replay(model: FSRSModel) {
        let groups = CardGrouping(card: reviews.card, time: reviews.time, cardCount: reviews.cardCount)
        let time = reviews.time
        let rating = reviews.rating
        for c in 0..<groups.cardCount {
            var card = FSRSCard()
            for row in groups.rows(of: c) {
                let i = Int(row)
                let now = time[i]
                let interval = model.review(&card, rating: Rating(rawValue: Int(rating[i]))!, at: now)
                stability[i] = card.stability
                difficulty[i] = card.difficulty
                switch card.phase {
                case .review:
                    state[i] = 2
                    step[i] = -1
                case .relearning:
                    state[i] = 3
                    step[i] = Int32(card.step)
                case .new, .learning:
                    state[i] = 1
                    step[i] = Int32(card.step)
                }
                due[i] = now + interval.micros
            }
        }
    }
}
