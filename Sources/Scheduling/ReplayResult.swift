import Foundation

/// The replay of a whole log: per-review results in input order and the rows that could not be read.
public struct ReplayResult: Sendable {
    /// Malformed rows and header problems, in input order.
    public let errors: [ReplayError]
    let log: ReviewLogCSV
    var stability: [Double]
    var difficulty: [Double]
    /// py-fsrs state codes: 1 Learning, 2 Review, 3 Relearning.
    var state: [UInt8]
    /// -1 in review.
    var step: [Int32]
    var due: [Int64]

    init(log: ReviewLogCSV, model: FSRSModel) {
        self.log = log
        errors = log.errors
        let n = log.card.count
        stability = [Double](repeating: 0, count: n)
        difficulty = [Double](repeating: 0, count: n)
        state = [UInt8](repeating: 0, count: n)
        step = [Int32](repeating: 0, count: n)
        due = [Int64](repeating: 0, count: n)
        replay(model: model)
    }

    /// Number of replayed reviews.
    public var count: Int { log.card.count }
    /// Number of distinct cards among them.
    public var cardCount: Int { log.cardJSON.count }

    /// The review at `position` in input order (0-based, malformed rows skipped).
    public subscript(position: Int) -> ReplayRecord {
        let code = state[position]
        return ReplayRecord(
            line: Int(log.line[position]),
            cardID: String(decoding: JSONText.unquoted(log.cardJSON[Int(log.card[position])]), as: UTF8.self),
            reviewTime: Timestamp.date(micros: log.time[position]),
            rating: Rating(rawValue: Int(log.rating[position]))!,
            memory: MemoryState(stability: stability[position], difficulty: difficulty[position]),
            phase: code == 2 ? .review : code == 3 ? .relearning : .learning,
            step: step[position] < 0 ? nil : Int(step[position]),
            due: Timestamp.date(micros: due[position]))
    }

    /// All replayed reviews in input order (convenient, but slower than the byte output for big logs).
    public var records: [ReplayRecord] { (0..<count).map { self[$0] } }

    private mutating func replay(model: FSRSModel) {
        let groups = CardGrouping(card: log.card, time: log.time, cardCount: log.cardJSON.count)
        let time = log.time
        for c in 0..<groups.cardCount {
            var card = FSRSCard()
            for row in groups.rows(of: c) {
                let i = Int(row)
                let now = time[i]
                let interval = model.review(&card, rating: Rating(rawValue: Int(log.rating[i]))!, at: now)
                stability[i] = card.stability
                difficulty[i] = card.difficulty
                switch card.phase {
                case .review:
                    state[i] = 2
                    step[i] = -1
                case .relearning:
                    state[i] = 3
                    step[i] = Int32(card.step)
                case .new, .learning:
                    state[i] = 1
                    step[i] = Int32(card.step)
                }
                due[i] = now + interval.micros
            }
        }
    }
}
