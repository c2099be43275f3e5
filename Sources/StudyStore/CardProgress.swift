import Foundation
import Scheduling

/// What the learner's history says about one card: its schedule plus the learner's marks.
public struct CardProgress: Sendable, Hashable {
    public var schedule: SchedulingState
    public var suspended: Bool
    /// Hidden from the queue until this moment (`:bury`).
    public var buriedUntil: Date?
    /// Set when the learner flagged the card as wrong or disputed; the note may be empty.
    public var flagNote: String?

    public init(schedule: SchedulingState = .new, suspended: Bool = false, buriedUntil: Date? = nil, flagNote: String? = nil) {
        self.schedule = schedule
        self.suspended = suspended
        self.buriedUntil = buriedUntil
        self.flagNote = flagNote
    }

    public var isFlagged: Bool { flagNote != nil }

    /// Progress of a card that has no history yet.
    public static let untouched = CardProgress()
}
