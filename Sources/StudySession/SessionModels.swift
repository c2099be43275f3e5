import DeckModel
import Foundation
import Scheduling
import StudyStore

/// Where the session writes each answer; `ProgressStore` in the app, an array in tests.
public protocol ProgressRecording: AnyObject {
    /// Stores the entry durably and returns it with its log sequence number.
    func record(_ entry: LogEntry) throws(StoreError) -> LogEntry
}

extension ProgressStore: ProgressRecording {}

/// A deck taking part in a session, with the scheduler its settings chose.
public struct SessionDeck: Sendable {
    public var deck: Deck
    public var scheduler: any Scheduler
    public init(deck: Deck, scheduler: any Scheduler) {
        self.deck = deck
        self.scheduler = scheduler
    }
}

/// How many cards of each kind remain in this session.
public struct RemainingCounts: Sendable, Hashable {
    public var new: Int
    public var learning: Int
    public var due: Int
}

/// The card on screen.
public struct StudyItem: Sendable {
    public var deckId: String
    public var deckTitle: String
    public var card: Card
    public var progress: CardProgress
    public var remaining: RemainingCounts
    /// Cards of other sources that disagree with this one (empty for most cards).
    public var otherSources: [ConflictCard] = []
}

/// What the session says after an answer (or a self-grade, or a regrade).
public struct AnswerFeedback: Sendable {
    public var item: StudyItem
    public var verdict: AnswerVerdict
    /// The rating recorded; nil while a flipped card waits for its self-grade.
    public var rating: Rating?
    public var typed: String
    /// How long each rating would put the card away, measured at answer time.
    public var intervals: [Rating: TimeInterval]
    /// When the card comes back with the recorded rating.
    public var due: Date?
}

/// What `:undo` took back: an answer (with its rating) or a card's removal (no rating).
public struct UndoOutcome: Sendable {
    public var card: Card
    public var deckTitle: String
    public var rating: Rating?
}

/// Figures for `:stats` and the end-of-session summary.
public struct SessionSummary: Sendable, Hashable {
    public var studied = 0
    public var correct = 0
    public var again = 0
    public var startedAt: Date
    public var activeMillis = 0

    public var correctShare: Double { studied == 0 ? 0 : Double(correct) / Double(studied) }
}

/// Why the session could not do what was asked.
public enum SessionError: Error, CustomStringConvertible {
    case noCard
    case nothingToUndo
    /// A card was taken out after the last answer; its removal must be undone first.
    case removedSince
    case store(StoreError)
    case scheduling(SchedulingError)

    public var description: String {
        switch self {
        case .noCard: "there is no card on screen"
        case .nothingToUndo: "nothing to undo in this session"
        case .removedSince: "a card was deleted since that answer; :undo brings it back first"
        case .store(let e): e.description
        case .scheduling(let e): e.description
        }
    }
}
