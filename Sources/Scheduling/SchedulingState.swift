import Foundation

/// The learner's four answers to a card, as FSRS and Anki number them.
public enum Rating: Int, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case again = 1, hard = 2, good = 3, easy = 4

    public static func < (lhs: Rating, rhs: Rating) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Lower-case English name ("again", "hard", "good", "easy").
    public var name: String {
        switch self {
        case .again: "again"
        case .hard: "hard"
        case .good: "good"
        case .easy: "easy"
        }
    }
}

/// Where a card is in its life: never seen, in (re)learning steps, or in long-term review.
public enum CardPhase: String, Sendable, Hashable, Codable, CaseIterable {
    case new, learning, review, relearning
}

/// FSRS memory state: stability in days, difficulty in [1, 10].
public struct MemoryState: Sendable, Hashable, Codable {
    public var stability: Double
    public var difficulty: Double
    public init(stability: Double, difficulty: Double) {
        self.stability = stability
        self.difficulty = difficulty
    }
}

/// Everything a scheduler needs to know about one card; a pure value, replaced after each review.
///
/// A new card has `phase == .new`, no memory, no due date. SM-2 keeps its ease and
/// interval in `ease`/`intervalDays`; FSRS keeps `memory`.
public struct SchedulingState: Sendable, Hashable, Codable {
    public var phase: CardPhase
    /// Index into the (re)learning steps; nil in review and for new cards.
    public var step: Int?
    public var memory: MemoryState?
    public var due: Date?
    public var lastReview: Date?
    public var reps: Int
    public var lapses: Int
    /// SM-2 ease factor (2.5 = 250%); nil under FSRS.
    public var ease: Double?
    /// SM-2 current interval in days; nil under FSRS.
    public var intervalDays: Double?

    public init(
        phase: CardPhase = .new, step: Int? = nil, memory: MemoryState? = nil, due: Date? = nil,
        lastReview: Date? = nil, reps: Int = 0, lapses: Int = 0, ease: Double? = nil,
        intervalDays: Double? = nil
    ) {
        self.phase = phase
        self.step = step
        self.memory = memory
        self.due = due
        self.lastReview = lastReview
        self.reps = reps
        self.lapses = lapses
        self.ease = ease
        self.intervalDays = intervalDays
    }

    /// A card that has never been reviewed.
    public static let new = SchedulingState()
}
