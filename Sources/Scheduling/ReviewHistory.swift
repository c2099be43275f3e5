/// Reviews of many cards as parallel columns, in input order: what a replay and the
/// optimizer work from, wherever the reviews were read (`ReplayFiles` reads them from CSV).
public struct ReviewHistory: Sendable {
    /// Per review: the card as a dense number below `cardCount`.
    public private(set) var card: [Int32] = []
    /// Per review: the instant, in microseconds since 1970.
    public private(set) var time: [Int64] = []
    /// Per review: the rating, 1-4.
    public private(set) var rating: [UInt8] = []
    /// Distinct cards (one more than the highest card number).
    public private(set) var cardCount = 0

    public init() {}

    /// Columns built elsewhere: equal lengths, ratings 1-4, card numbers below `cardCount`.
    public init(card: [Int32], time: [Int64], rating: [UInt8], cardCount: Int) {
        precondition(card.count == time.count && card.count == rating.count, "the columns differ in length")
        self.card = card
        self.time = time
        self.rating = rating
        self.cardCount = cardCount
    }

    /// Number of reviews.
    public var count: Int { card.count }

    public mutating func reserveCapacity(_ n: Int) {
        card.reserveCapacity(n)
        time.reserveCapacity(n)
        rating.reserveCapacity(n)
    }

    /// Adds a review of card number `card` (a new number must be `cardCount`, the next one).
    public mutating func append(card: Int32, time: Int64, rating: Rating) {
        precondition(card >= 0 && Int(card) <= cardCount, "card numbers are dense")
        self.card.append(card)
        self.time.append(time)
        self.rating.append(UInt8(rating.rawValue))
        if Int(card) == cardCount { cardCount += 1 }
    }
}
