import Foundation
import Scheduling

/// A card's identity across decks: card ids are unique within a deck.
public struct QueueCardID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var deckID: String
    public var cardID: String

    public init(deckID: String, cardID: String) {
        self.deckID = deckID
        self.cardID = cardID
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.deckID, lhs.cardID) < (rhs.deckID, rhs.cardID)
    }

    public var description: String { "\(deckID)/\(cardID)" }
}

/// One card the queue may schedule, with everything it needs to know about it.
public struct QueueCandidate: Sendable, Hashable {
    public var deckID: String
    public var cardID: String
    public var state: SchedulingState
    /// Order among the deck's new cards, lowest first: the card's position in the deck
    /// (which the generator ranks best first), or `1 - score`.
    public var newOrder: Double
    public var isSuspended: Bool
    /// Buried cards stay out until this instant (typically the next study day's start).
    public var buriedUntil: Date?
    /// Marked wrong or disputed by the learner: out of every queue until unflagged.
    public var isFlagged: Bool
    /// Probability of recall now, as the scheduler computes it; nil when unknown (SM-2,
    /// new cards). Due reviews are shown lowest first: the most at risk of being forgotten.
    public var retrievability: Double?
    /// Opaque to the queue: whatever its owner needs to find the card again (the session
    /// keeps its deck and card index here, so it needs no table of its own by id).
    public var tag: Int

    public init(
        deckID: String, cardID: String, state: SchedulingState, newOrder: Double = 0,
        isSuspended: Bool = false, buriedUntil: Date? = nil, isFlagged: Bool = false,
        retrievability: Double? = nil, tag: Int = -1
    ) {
        self.tag = tag
        self.deckID = deckID
        self.cardID = cardID
        self.state = state
        self.newOrder = newOrder
        self.isSuspended = isSuspended
        self.buriedUntil = buriedUntil
        self.isFlagged = isFlagged
        self.retrievability = retrievability
    }

    public var id: QueueCardID { QueueCardID(deckID: deckID, cardID: cardID) }

    /// Whether the card may be shown at `now` at all, whatever it is due.
    public func isEligible(at now: Date) -> Bool {
        !isSuspended && !isFlagged && (buriedUntil.map { $0 <= now } ?? true)
    }
}

/// Daily caps on cards introduced and reviews done, and what was already done today.
public struct DailyLimits: Sendable, Hashable {
    public var newPerDay: Int
    public var reviewsPerDay: Int
    public var newDoneToday: Int
    public var reviewsDoneToday: Int
    /// Optional tighter caps for single decks (from the settings file), by deck id.
    public var perDeck: [String: DeckLimits]

    public init(
        newPerDay: Int = 20, reviewsPerDay: Int = 200, newDoneToday: Int = 0, reviewsDoneToday: Int = 0,
        perDeck: [String: DeckLimits] = [:]
    ) {
        self.newPerDay = newPerDay
        self.reviewsPerDay = reviewsPerDay
        self.newDoneToday = newDoneToday
        self.reviewsDoneToday = reviewsDoneToday
        self.perDeck = perDeck
    }

    /// New cards that may still be introduced today, overall.
    public var newRemaining: Int { max(0, newPerDay - newDoneToday) }
    /// Reviews that may still be done today, overall.
    public var reviewsRemaining: Int { max(0, reviewsPerDay - reviewsDoneToday) }

    func newRemaining(deck: String) -> Int {
        min(newRemaining, perDeck[deck]?.newRemaining ?? .max)
    }

    func reviewsRemaining(deck: String) -> Int {
        min(reviewsRemaining, perDeck[deck]?.reviewsRemaining ?? .max)
    }

    mutating func countNew(deck: String) {
        newDoneToday += 1
        perDeck[deck]?.newDoneToday += 1
    }

    mutating func countReview(deck: String) {
        reviewsDoneToday += 1
        perDeck[deck]?.reviewsDoneToday += 1
    }
}

/// One deck's own daily caps; nil means only the overall cap applies.
public struct DeckLimits: Sendable, Hashable {
    public var newPerDay: Int?
    public var reviewsPerDay: Int?
    public var newDoneToday: Int
    public var reviewsDoneToday: Int

    public init(newPerDay: Int? = nil, reviewsPerDay: Int? = nil, newDoneToday: Int = 0, reviewsDoneToday: Int = 0) {
        self.newPerDay = newPerDay
        self.reviewsPerDay = reviewsPerDay
        self.newDoneToday = newDoneToday
        self.reviewsDoneToday = reviewsDoneToday
    }

    var newRemaining: Int { newPerDay.map { max(0, $0 - newDoneToday) } ?? .max }
    var reviewsRemaining: Int { reviewsPerDay.map { max(0, $0 - reviewsDoneToday) } ?? .max }
}

/// Why a card is in the queue, for the "new / learning / due" display.
public enum QueueKind: String, Sendable, Hashable, CaseIterable {
    case new, learning, review
}

/// A card the session should show.
public struct QueueEntry: Sendable, Hashable {
    public var id: QueueCardID
    public var kind: QueueKind
    /// When it fell due (nil for new cards).
    public var due: Date?

    public init(id: QueueCardID, kind: QueueKind, due: Date?) {
        self.id = id
        self.kind = kind
        self.due = due
    }
}

/// What the session should do next.
public enum QueueStep: Sendable, Hashable {
    case card(QueueEntry)
    /// Only learning cards remain and none is due yet (not even within the learn-ahead
    /// limit): the earliest is due at this instant, today.
    case wait(until: Date)
    /// Nothing more today.
    case finished
}

/// Remaining cards, for "new / learning / due" on each card's header.
public struct QueueCounts: Sendable, Hashable {
    public var new: Int
    public var learning: Int
    public var due: Int

    public init(new: Int, learning: Int, due: Int) {
        self.new = new
        self.learning = learning
        self.due = due
    }

    public var total: Int { new + learning + due }
}

/// Where new cards go among the day's reviews.
public enum NewCardPlacement: String, Sendable, Hashable, CaseIterable {
    /// One new card after every few reviews, spread evenly over the reviews.
    case mixed
    case afterReviews
    case beforeReviews
}

public struct QueueOptions: Sendable, Hashable {
    /// When nothing else is left, a learning card due within this many seconds is shown
    /// early rather than making the learner wait (Anki's default: 20 minutes).
    public var learnAheadLimit: TimeInterval
    public var newCardPlacement: NewCardPlacement

    public init(learnAheadLimit: TimeInterval = 20 * 60, newCardPlacement: NewCardPlacement = .mixed) {
        self.learnAheadLimit = learnAheadLimit
        self.newCardPlacement = newCardPlacement
    }
}
