import Foundation

/// One review for `FSRSTrainingSet(reviews:)`: which card, when, on which study day, how it went.
public struct FSRSDatedReview: Sendable, Hashable {
    /// Any text naming the card uniquely within the log.
    public var card: String
    public var time: Date
    /// The study day the review falls on, as a running day number (only differences matter).
    public var studyDay: Int
    public var rating: Rating

    public init(card: String, time: Date, studyDay: Int, rating: Rating) {
        self.card = card
        self.time = time
        self.studyDay = studyDay
        self.rating = rating
    }
}

/// A review log as fsrs-rs trains on it: each card's history in whole study days, and one
/// training item per review that comes at least one study day after the card's previous review.
///
/// An item is the card's history up to and including that review; the model predicts the
/// review's outcome (recalled unless rated Again) from the reviews before it. Reviews on the
/// same study day stay in the histories (FSRS's short-term formula) but never end an item, and
/// a card's first review never does. Items are ordered by the time of the review that ends them,
/// which is the order fsrs-rs' recency weights expect (older items count less).
public struct FSRSTrainingSet: Sendable {
    /// Per card (in first-appearance order), where its reviews start in the flat arrays; one more
    /// entry than there are cards.
    let cardStart: [Int32]
    /// Per review, grouped by card and in time order: whole study days since the card's previous
    /// review (0 for its first review and for same-day reviews).
    let deltaDays: [Int32]
    /// Per review, its rating 1-4.
    let ratings: [UInt8]
    /// Per review, the card it belongs to.
    let reviewCard: [Int32]
    /// Flat review indices that end a training item, oldest first.
    let items: [Int32]

    /// Reviews in the log.
    public var reviewCount: Int { deltaDays.count }
    /// Distinct cards among them.
    public var cardCount: Int { cardStart.count - 1 }
    /// Training items: reviews at least one study day after the card's previous review.
    public var itemCount: Int { items.count }

    /// The valid rows of a CSV log; a study day starts at `dayStartHour` o'clock UTC.
    public init(log: ReviewLogCSV, dayStartHour: Int = 4) {
        let shift = Int64(dayStartHour) * 3_600 * Timestamp.microsPerSecond
        let days = log.time.map { Timestamp.floorDivide($0 - shift, Timestamp.microsPerDay) }
        self.init(card: log.card, time: log.time, day: days, rating: log.rating, cardCount: log.cardCount)
    }

    /// Reviews from any source, in any order; the study day of each is the caller's choice (the
    /// learner's own day start and time zone, say).
    public init(reviews: [FSRSDatedReview]) {
        var numbers: [String: Int32] = [:]
        var card: [Int32] = []
        card.reserveCapacity(reviews.count)
        for review in reviews {
            if let known = numbers[review.card] {
                card.append(known)
            } else {
                let next = Int32(numbers.count)
                numbers[review.card] = next
                card.append(next)
            }
        }
        self.init(
            card: card, time: reviews.map { Timestamp.micros($0.time) }, day: reviews.map { Int64($0.studyDay) },
            rating: reviews.map { UInt8($0.rating.rawValue) }, cardCount: numbers.count)
    }

    /// Parallel columns in input order: dense card number, instant (µs), study day, rating.
    init(card: [Int32], time: [Int64], day: [Int64], rating: [UInt8], cardCount: Int) {
        let groups = CardGrouping(card: card, time: time, cardCount: cardCount)
        var cardStart = [Int32](repeating: 0, count: cardCount + 1)
        var deltaDays = [Int32](repeating: 0, count: card.count)
        var ratings = [UInt8](repeating: 0, count: card.count)
        var reviewCard = [Int32](repeating: 0, count: card.count)
        var ends: [(time: Int64, review: Int32)] = []
        ends.reserveCapacity(card.count)
        var flat = 0
        for c in 0..<cardCount {
            cardStart[c] = Int32(flat)
            var previousDay: Int64?
            for row in groups.rows(of: c) {
                let i = Int(row)
                let delta = previousDay.map { day[i] - $0 } ?? 0
                deltaDays[flat] = Int32(clamping: delta)
                ratings[flat] = rating[i]
                reviewCard[flat] = Int32(c)
                if delta > 0 { ends.append((time[i], Int32(flat))) }
                previousDay = day[i]
                flat += 1
            }
        }
        cardStart[cardCount] = Int32(flat)
        // Flat indices run card by card in first-appearance order, so they break time ties
        // by card and then by position in the card.
        ends.sort { ($0.time, $0.review) < ($1.time, $1.review) }
        self.cardStart = cardStart
        self.deltaDays = deltaDays
        self.ratings = ratings
        self.reviewCard = reviewCard
        self.items = ends.map(\.review)
    }

    /// Flat indices of card `c`'s reviews.
    func reviews(ofCard c: Int) -> Range<Int> { Int(cardStart[c])..<Int(cardStart[c + 1]) }

    /// Number of reviews in the item ending at flat review `end` (its history plus itself).
    func itemLength(endingAt end: Int) -> Int { end - Int(cardStart[Int(reviewCard[end])]) + 1 }

    /// Whether the review at `flat` was recalled (any rating but Again).
    func recalled(_ flat: Int) -> Bool { ratings[flat] > 1 }
}
