import Foundation
import Scheduling

/// One line of the append-only review log (`progress/reviews.jsonl`), the source of truth.
///
/// Every entry carries the card's full state after it (and, for reviews, before it), so
/// replaying the log needs no scheduler and an older factdeck's entries stay meaningful
/// even after the scheduler changes.
public struct LogEntry: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case review, undo, suspend, unsuspend, bury, unbury, flag, unflag
    }

    /// Position in the log, 1-based and increasing; `undo` names the review it reverses by it.
    public var seq: Int
    public var kind: Kind
    public var deck: String
    public var card: String
    public var time: Date
    public var rating: Rating?
    /// How long the learner took to answer, in milliseconds.
    public var responseMillis: Int?
    /// What the learner typed (nil for a self-graded flip).
    public var typed: String?
    public var before: SchedulingState?
    public var after: SchedulingState?
    /// The review this entry reverses (kind `.undo`).
    public var undoes: Int?
    /// Until when the card is buried (kind `.bury`).
    public var until: Date?
    /// The learner's note (kind `.flag`).
    public var note: String?

    public init(
        seq: Int = 0, kind: Kind, deck: String, card: String, time: Date, rating: Rating? = nil,
        responseMillis: Int? = nil, typed: String? = nil, before: SchedulingState? = nil,
        after: SchedulingState? = nil, undoes: Int? = nil, until: Date? = nil, note: String? = nil
    ) {
        self.seq = seq
        self.kind = kind
        self.deck = deck
        self.card = card
        self.time = time
        self.rating = rating
        self.responseMillis = responseMillis
        self.typed = typed
        self.before = before
        self.after = after
        self.undoes = undoes
        self.until = until
        self.note = note
    }

    /// Applies this entry to a card's progress: the whole replay rule of the log.
    public func apply(to p: inout CardProgress) {
        switch kind {
        case .review, .undo:
            if let after { p.schedule = after }
        case .suspend: p.suspended = true
        case .unsuspend: p.suspended = false
        case .bury: p.buriedUntil = until
        case .unbury: p.buriedUntil = nil
        case .flag: p.flagNote = note ?? ""
        case .unflag: p.flagNote = nil
        }
    }
}
