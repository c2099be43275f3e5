import Foundation
import ISOTime

/// Everything the Scheduling target can refuse, each with one plain sentence for the learner.
public enum SchedulingError: Error, CustomStringConvertible, Sendable, Hashable {
    /// FSRS-6 needs exactly 21 weights.
    case wrongWeightCount(Int)
    /// A weight lies outside the range FSRS-6 allows for it.
    case weightOutOfBounds(index: Int, value: Double, allowed: ClosedRange<Double>)
    /// Desired retention must lie strictly between 0 and 1.
    case desiredRetentionOutOfRange(Double)
    /// A learning or relearning step must be a positive, finite number of seconds.
    case invalidStep(kind: String, seconds: Double)
    /// The maximum interval must be between 1 and 36,500 days.
    case invalidMaximumInterval(Int)
    /// An SM-2 setting is outside its sensible range.
    case invalidSM2Setting(name: String, value: Double, requirement: String)
    /// A review is dated before the card's previous review.
    case reviewBeforePreviousReview(review: Date, previous: Date)

    public var description: String {
        switch self {
        case .wrongWeightCount(let count):
            return "FSRS-6 needs exactly 21 weights, but \(count) were given."
        case .weightOutOfBounds(let index, let value, let allowed):
            return "FSRS weight w[\(index)] = \(value) is outside its allowed range "
                + "\(allowed.lowerBound) to \(allowed.upperBound)."
        case .desiredRetentionOutOfRange(let value):
            return "Desired retention \(value) must be greater than 0 and less than 1 (0.9 is usual)."
        case .invalidStep(let kind, let seconds):
            return "The \(kind) step of \(seconds) seconds must be a positive, finite duration."
        case .invalidMaximumInterval(let days):
            return "The maximum interval of \(days) days must be between 1 and 36500 days."
        case .invalidSM2Setting(let name, let value, let requirement):
            return "The SM-2 setting \(name) = \(value) is invalid: it \(requirement)."
        case .reviewBeforePreviousReview(let review, let previous):
            return "A review dated \(Self.iso(review)) comes before the card's "
                + "previous review at \(Self.iso(previous)); reviews must be in time order."
        }
    }

    /// Python's isoformat() of an instant, as `fsrs replay` prints times.
    private static func iso(_ date: Date) -> String { ISODate.text(micros: Timestamp.micros(date), style: .python) }
}
