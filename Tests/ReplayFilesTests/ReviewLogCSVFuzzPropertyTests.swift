import Foundation
import FuzzInputs
import Testing

@testable import ReplayFiles
import Scheduling

/// CSV review logs damaged every way a fuzzer would damage them: `fsrs replay` never
/// crashes, names the line of every row it refuses, and replays the rest to finite memory
/// states and one output line per review.
@Suite struct ReviewLogCSVFuzzPropertyTests {
    static let seeds: [[UInt8]] = [
        try! Fixtures.bytes("small_log.csv"),
        Array([
            "card_id,review_time,review_rating,review_state,review_duration",
            "1,1711744352250,3,0,6000",
            "1,1711830752250,1,2,12000",
            "1,1711831352250.5,3,3,5000",
            #"2,"2024-04-01T20:32:32.250+02:00",4,0,0"#,
            #""x,""y""",2024-04-02T08:00:00Z,2,1,1"#,
            "-7,1711744352250,3,,",
            "1,1712000000000,4,2,800",
        ].joined(separator: "\n").utf8),
        Array("\u{FEFF}Card_ID,Review_Time_Unix_MS,Rating\r\n9,1,3\r\n9,86400000,1\r\r\n 9 , 86400001.25 ,4\r".utf8),
    ]

    static let tokens = [
        ",", "\"", "\"\"", "\n", "\r\n", "\r", "card_id", "review_time", "review_rating", "rating", "review_time_unix_ms",
        "1711744352250", "999999999999999", "2024-02-29T23:59:59.999999Z", "+14:00", "1", "4", "-",
    ]

    @Test func mutatedLogsReplayOrNameTheLineOfEachBadRow() {
        var reviews = 0
        for (i, bytes) in MutatedInputs(seeds: Self.seeds, count: 4000, seed: 22, tokens: Self.tokens).enumerated() {
            let result = ReviewLogReplay.replay(csv: bytes)
            let lines = Lines.count(bytes, carriageReturnEndsLine: true)
            // One outcome per line: a review or an error (the header alone may have three).
            #expect(result.count + Set(result.errors.map(\.line)).count <= lines, "input \(i)")
            for error in result.errors {
                #expect(error.line >= 1 && error.line <= lines && !error.message.isEmpty, "input \(i): \(error)")
            }
            var previous = 0
            for record in result.records {
                #expect(record.line > previous && record.line <= lines, "input \(i): line \(record.line)")
                #expect(record.memory.stability.isFinite && record.memory.stability > 0, "input \(i): \(record.memory)")
                #expect(record.memory.difficulty >= 1 && record.memory.difficulty <= 10, "input \(i): \(record.memory)")
                #expect(record.due >= record.reviewTime, "input \(i): due \(record.due) before \(record.reviewTime)")
                previous = record.line
            }
            let json = result.jsonLines()
            #expect(json.split(separator: 0x0A).count == result.count, "input \(i)")
            #expect(String(validating: json, as: UTF8.self) != nil, "input \(i): the JSON lines are not UTF-8")
            var streamed: [UInt8] = []
            result.writeJSONLines(chunkSize: 100) { streamed.append(contentsOf: $0) }
            #expect(streamed == json, "input \(i)")
            #expect(result.textLines().starts(with: Array("card_id\t".utf8)), "input \(i)")
            #expect(result.summary.reviews == result.count, "input \(i)")
            reviews += result.count
        }
        #expect(reviews >= 4000)
    }
}
