import Foundation
import ISOTime
import Scheduling

/// The replay of a whole CSV log: per-review results in input order and the rows that could not be read.
public struct ReplayResult: Sendable {
    /// Malformed rows and header problems, in input order.
    public var errors: [ReplayError] { log.errors }
    let log: ReviewLogCSV
    /// The states after each review (Scheduling's pure replay).
    let states: FSRSReplay
    /// The columns the output reads, held here so the per-review loops index arrays of this
    /// module rather than call another module's accessors a million times.
    let card: [Int32], time: [Int64], rating: [UInt8]
    let stability: [Double], difficulty: [Double], state: [UInt8], step: [Int32], due: [Int64]

    init(log: ReviewLogCSV, parameters: FSRSParameters) {
        self.log = log
        states = FSRSReplay(log.reviews, parameters: parameters)
        (card, time, rating) = (log.reviews.card, log.reviews.time, log.reviews.rating)
        (stability, difficulty, state, step, due) = (states.stability, states.difficulty, states.state, states.step, states.due)
    }

    /// Number of replayed reviews.
    public var count: Int { states.count }
    /// Number of distinct cards among them.
    public var cardCount: Int { log.cardCount }

    /// Each card's state after its last review.
    public var summary: ReplaySummary { states.summary }

    /// The review at `position` in input order (0-based, malformed rows skipped).
    public subscript(position: Int) -> ReplayRecord {
        ReplayRecord(
            line: Int(log.line[position]),
            cardID: String(decoding: log.cardText[Int(card[position])], as: UTF8.self),
            reviewTime: Timestamp.date(micros: time[position]),
            rating: Rating(rawValue: Int(rating[position]))!,
            memory: MemoryState(stability: stability[position], difficulty: difficulty[position]),
            phase: states.phase(position),
            step: step[position] < 0 ? nil : Int(step[position]),
            due: Timestamp.date(micros: due[position]))
    }

    /// All replayed reviews in input order (convenient, but slower than the byte output for big logs).
    public var records: [ReplayRecord] { (0..<count).map { self[$0] } }
}
