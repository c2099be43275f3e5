import Foundation
import Testing

import Scheduling
@testable import ReplayFiles

/// The real review log from py-fsrs' test data (12,580 reviews, ISO times, its own column order).
@Suite(.enabled(if: ReferenceFiles.exists(ReferenceFiles.joshLog), "needs ../shared/eval/fsrs/data"))
struct ReviewLogReplayTests {
    @Test("the real log replays without a single error, and agrees with the Date-based scheduler")
    func realLogReplays() throws {
        let bytes = [UInt8](try Data(contentsOf: ReferenceFiles.joshLog))
        let result = ReviewLogReplay.replay(csv: bytes)
        #expect(result.errors.isEmpty, "\(result.errors.prefix(3))")
        #expect(result.count == 12_580)
        #expect(result.cardCount == 1_205)
        let first = result[0]
        #expect(first.cardID == "1711684180217")
        #expect(first.reviewTime == utc("2024-03-29T20:32:32.25Z"))
        #expect(first.memory == MemoryState(stability: 0.212, difficulty: 6.4133))

        // The same histories through FSRSScheduler (Dates, SchedulingState) give the same results.
        let records = result.records
        var byCard: [String: [Int]] = [:]
        for (i, record) in records.enumerated() { byCard[record.cardID, default: []].append(i) }
        let scheduler = FSRSScheduler()
        for indices in byCard.values.prefix(300) {
            var state = SchedulingState.new
            for i in indices {
                let record = records[i]
                state = try scheduler.review(state, rating: record.rating, at: record.reviewTime)
                #expect(state.memory == record.memory)
                #expect(state.phase == record.phase && state.step == record.step)
                #expect(abs(state.due!.timeIntervalSince(record.due)) < 0.001)
            }
        }
        let lines = result.jsonLines().split(separator: 10)
        #expect(lines.count == 12_580)
    }
}
