import Foundation
import Scheduling

/// Replays a review log through FSRS, as `factdeck fsrs replay FILE.csv` does.
///
/// Reviews are grouped per card and taken in time order (ties keep input order); each card
/// starts new. Results come back in input order. Fuzz is off, so the output is reproducible.
public enum ReviewLogReplay {
    /// Parses and replays CSV bytes (layout in DESIGN.md); malformed rows come back as errors, the rest replays.
    public static func replay(csv: [UInt8], parameters: FSRSParameters = .default) -> ReplayResult {
        csv.withUnsafeBufferPointer { replay(csv: $0, parameters: parameters) }
    }

    /// As `replay(csv:parameters:)`, over bytes the caller already holds (e.g. a mapped file).
    public static func replay(csv: UnsafeBufferPointer<UInt8>, parameters: FSRSParameters = .default) -> ReplayResult {
        replay(ReviewLogCSV(csv: csv), parameters: parameters)
    }

    /// Replays a log parsed before (parse once, replay with several parameter sets).
    public static func replay(_ log: ReviewLogCSV, parameters: FSRSParameters = .default) -> ReplayResult {
        ReplayResult(log: log, parameters: parameters)
    }

    /// The whole `fsrs replay --json` output: one JSON object per line, plus the malformed rows.
    public static func jsonLines(csv: [UInt8], parameters: FSRSParameters = .default) -> (output: [UInt8], errors: [ReplayError]) {
        let result = replay(csv: csv, parameters: parameters)
        return (result.jsonLines(), result.errors)
    }
}

extension FSRSTrainingSet {
    /// The valid rows of a CSV log; a study day starts at `dayStartHour` o'clock UTC.
    public init(log: ReviewLogCSV, dayStartHour: Int = 4) {
        self.init(log: log.reviews, dayStartHour: dayStartHour)
    }
}

/// A malformed row of a review log (or a header problem), with its 1-based line number.
public struct ReplayError: Error, CustomStringConvertible, Sendable, Hashable {
    /// Line of the input where the row starts; the header is line 1.
    public let line: Int
    /// What is wrong, in plain words.
    public let message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}

/// One replayed review: the card's state right after it.
public struct ReplayRecord: Sendable, Hashable {
    /// Input line of the review.
    public let line: Int
    /// The card id as written (numbers canonical).
    public let cardID: String
    public let reviewTime: Date
    public let rating: Rating
    public let memory: MemoryState
    /// `.learning`, `.review` or `.relearning` (never `.new` after a review).
    public let phase: CardPhase
    /// (Re)learning step index; nil in review.
    public let step: Int?
    public let due: Date
}
