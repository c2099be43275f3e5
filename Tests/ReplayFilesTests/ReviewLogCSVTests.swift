import Foundation
import Testing

import Scheduling
@testable import ReplayFiles

/// Reading review logs: column order, time formats, quoting, and malformed rows.
struct ReviewLogCSVTests {
    /// The JSON lines of a replay, as strings.
    func lines(_ csv: String) -> (lines: [String], errors: [ReplayError]) {
        let (output, errors) = ReviewLogReplay.jsonLines(csv: Array(csv.utf8))
        let text = String(decoding: output, as: UTF8.self)
        return (text.split(separator: "\n").map(String.init), errors)
    }

    @Test("the fixture's malformed rows are reported by line while the others replay")
    func fixtureWithMalformedRows() throws {
        let result = ReviewLogReplay.replay(csv: try Fixtures.bytes("small_log.csv"))
        #expect(result.errors.map(\.line) == [4, 6, 7])
        #expect(result.errors[0].description == #"line 4: review_rating "5" is not 1, 2, 3 or 4"#)
        #expect(result.errors[1].message.contains(#"review_time "not-a-date""#))
        #expect(result.errors[2].message == "the row has 3 fields but the header names 4 columns")
        #expect(result.count == 4)
        #expect(result.records.map(\.line) == [2, 3, 5, 8])
        #expect(result.records.map(\.cardID) == ["a", "a", "a", "b"])
        let b = result[3]
        #expect(b.reviewTime == utc("2024-01-01T10:00:00Z"))
        #expect(b.rating == .hard && b.phase == .learning && b.step == 0)
        #expect(b.due == utc("2024-01-01T10:05:30Z"))
        let a = result[2]
        #expect(a.phase == .review && a.step == nil)
    }

    static let permutedHeaders = [
        "card_id,review_time,review_rating",
        "review_rating,card_id,review_time",
        "review_time,review_rating,card_id",
    ]

    @Test("columns may come in any order", arguments: permutedHeaders)
    func columnOrder(header: String) {
        let reviews = [("7", "1704099600000", "3"), ("7", "1704100200000", "3"), ("8", "1704099600000", "1")]
        let names = header.split(separator: ",").map(String.init)
        var csv = header + "\n"
        for (card, time, rating) in reviews {
            let value = ["card_id": card, "review_time": time, "review_rating": rating]
            csv += names.map { value[$0]! }.joined(separator: ",") + "\n"
        }
        let reference = lines("card_id,review_time,review_rating\n7,1704099600000,3\n7,1704100200000,3\n8,1704099600000,1\n")
        let permuted = lines(csv)
        #expect(permuted.errors.isEmpty)
        #expect(permuted.lines == reference.lines)
        #expect(reference.lines.count == 3)
    }

    @Test("ISO 8601 and milliseconds give the same replay; rating and review_time_unix_ms are accepted names")
    func timeFormats() {
        let iso = lines("card_id,review_time,review_rating\n1,2024-01-01T09:00:00Z,3\n1,2024-01-01T10:00:00+01:00,3\n1,2024-01-02 09:00:00.000,4\n")
        let ms = lines("card_id,review_time_unix_ms,rating,state\n1,1704099600000,3,1\n1,1704099600000.0,3,1\n1,1704186000000,4,2\n")
        #expect(iso.errors.isEmpty && ms.errors.isEmpty)
        #expect(iso.lines == ms.lines)
        #expect(iso.lines.count == 3)
    }

    @Test("quoted fields, CRLF line ends, a byte order mark and blank lines are read")
    func csvDialect() {
        let csv = "\u{FEFF}\"card_id\",\"review_time\",\"review_rating\"\r\n\"x, \"\"y\"\"\",\"2024-01-01T09:00:00Z\",\"3\"\r\n\r\n\"x, \"\"y\"\"\",2024-01-01T09:10:00Z,3\r\n"
        let result = ReviewLogReplay.replay(csv: Array(csv.utf8))
        #expect(result.errors.isEmpty)
        #expect(result.count == 2)
        #expect(result[0].cardID == #"x, "y""#)
        #expect(result[1].line == 4)  // header 1, row 2, blank 3
        let json = String(decoding: result.jsonLines(), as: UTF8.self)
        #expect(json.hasPrefix(#"{"card_id":"x, \"y\"","#))
    }

    @Test("an unclosed quote is reported at the line it opened")
    func unclosedQuote() {
        let result = ReviewLogReplay.replay(csv: Array("card_id,review_time,review_rating\n1,1704099600000,3\n\"2,1704099600000,3\n".utf8))
        #expect(result.count == 1)
        #expect(result.errors.map(\.line) == [3])
    }

    @Test("a header without a needed column stops with a clear error", arguments: [
        ("card,review_time,review_rating", "card_id"),
        ("card_id,time,review_rating", "review_time"),
        ("card_id,review_time,grade", "review_rating"),
    ])
    func missingColumn(header: String, missing: String) {
        let result = ReviewLogReplay.replay(csv: Array((header + "\n1,1704099600000,3\n").utf8))
        #expect(result.count == 0)
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.line == 1)
        #expect(result.errors.first?.message.contains("no \(missing) column") == true)
    }

    @Test("an empty file is an error, not an empty success")
    func emptyFile() {
        let result = ReviewLogReplay.replay(csv: [])
        #expect(result.errors.count == 1)
    }

    @Test("bad values are named in the message", arguments: [
        ("1,1704099600000,0", "review_rating \"0\""),
        ("1,1704099600000,good", "review_rating \"good\""),
        ("1,2024-02-30T10:00:00Z,3", "review_time \"2024-02-30T10:00:00Z\""),
        ("1,,3", "review_time \"\""),
        (",1704099600000,3", "card_id is empty"),
        ("1,1704099600000,3,extra", "4 fields"),
    ])
    func badValues(row: String, expected: String) {
        let result = ReviewLogReplay.replay(csv: Array(("card_id,review_time,review_rating\n" + row + "\n").utf8))
        #expect(result.count == 0)
        #expect(result.errors.first?.line == 2)
        #expect(result.errors.first?.message.contains(expected) == true, "\(result.errors)")
    }

    @Test("each card's reviews replay in time order, output stays in input order")
    func ordering() {
        let shuffled = "card_id,review_time,review_rating\n5,2024-01-03T09:00:00Z,3\n6,2024-01-01T09:00:00Z,4\n5,2024-01-01T09:00:00Z,3\n5,2024-01-01T09:10:00Z,3\n"
        let sorted = "card_id,review_time,review_rating\n5,2024-01-01T09:00:00Z,3\n5,2024-01-01T09:10:00Z,3\n5,2024-01-03T09:00:00Z,3\n6,2024-01-01T09:00:00Z,4\n"
        let a = ReviewLogReplay.replay(csv: Array(shuffled.utf8)).records
        let b = ReviewLogReplay.replay(csv: Array(sorted.utf8)).records
        #expect(a.map(\.line) == [2, 3, 4, 5])
        #expect(a[0].memory == b[2].memory && a[0].due == b[2].due)
        #expect(a[2].memory == b[0].memory)
        #expect(a[1].memory == b[3].memory)
        #expect(a[0].phase == .review)
    }

    @Test("one JSON line per review, in the documented shape")
    func jsonShape() throws {
        let (lines, errors) = lines("card_id,review_time,review_rating\n42,2024-01-01T09:00:00.25Z,3\n42,2024-01-01T09:10:00Z,3\n")
        #expect(errors.isEmpty)
        #expect(lines == [
            #"{"card_id":42,"review_time":"2024-01-01T09:00:00.250000+00:00","rating":3,"stability":2.3065,"difficulty":2.118103970459016,"state":"Learning","step":1,"due":"2024-01-01T09:10:00.250000+00:00"}"#,
            #"{"card_id":42,"review_time":"2024-01-01T09:10:00+00:00","rating":3,"stability":2.3065,"difficulty":2.111214235785395,"state":"Review","step":null,"due":"2024-01-03T09:10:00+00:00"}"#,
        ])
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?.keys.sorted() == ["card_id", "difficulty", "due", "rating", "review_time", "stability", "state", "step"])
        }
    }

    @Test("the text table has a header and one row per review")
    func textTable() {
        let result = ReviewLogReplay.replay(csv: Array("card_id,review_time,review_rating\n1,1704099600000,4\n".utf8))
        let text = String(decoding: result.textLines(), as: UTF8.self)
        #expect(text == "card_id\treview_time\trating\tstability\tdifficulty\tstate\tstep\tdue\n"
            + "1\t2024-01-01T09:00:00+00:00\t4\t8.2956\t1.0\tReview\t-\t2024-01-09T09:00:00+00:00\n")
    }

    @Test("streamed chunks join to exactly the whole JSON output")
    func chunkedOutput() throws {
        let log = ReviewLogCSV(csv: try Fixtures.bytes("small_log.csv"))
        #expect(log.count == 4 && log.cardCount == 2 && log.errors.count == 3)
        let result = ReviewLogReplay.replay(log)
        var joined: [UInt8] = []
        var chunks = 0
        result.writeJSONLines(chunkSize: 64) { chunk in
            joined.append(contentsOf: chunk)
            chunks += 1
        }
        #expect(joined == result.jsonLines())
        #expect(chunks == 4)  // each line is longer than 64 bytes: one line per chunk
    }

    @Test("the summary counts each card once, in its state after its latest review")
    func summary() {
        // Card 1's rows are out of time order: its latest review (a lapse) is listed first.
        let csv = "card_id,review_time,review_rating\n1,1705000000000,1\n1,1704099600000,4\n2,1704099600000,3\n3,1704099600000,4\n"
        let result = ReviewLogReplay.replay(csv: Array(csv.utf8))
        let s = result.summary
        #expect(s.reviews == 4 && s.cards == 3)
        #expect(s.relearning == 1 && s.learning == 1 && s.review == 1)
        let finals = [result[0], result[2], result[3]]  // card 1's lapse, cards 2 and 3
        let stabilities = finals.map(\.memory.stability).sorted()
        #expect(s.medianStability == stabilities[1])
        #expect(abs(s.meanDifficulty - finals.map(\.memory.difficulty).reduce(0, +) / 3) < 1e-12)
        #expect(s.text.contains("relearning  1"))
    }

    @Test("streamed text chunks make the same table, string card ids unquoted")
    func chunkedText() {
        let csv = "card_id,review_time,review_rating\n1,1704099600000,4\n\"a,b\",1704099600000,3\n1,1704186000000,3\n"
        let result = ReviewLogReplay.replay(csv: Array(csv.utf8))
        var joined: [UInt8] = []
        var chunks = 0
        var wholeLines = true
        result.writeTextLines(chunkSize: 64) { chunk in
            joined.append(contentsOf: chunk)
            chunks += 1
            wholeLines = wholeLines && chunk.last == 10
        }
        let text = String(decoding: joined, as: UTF8.self)
        let rows = text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(rows.count == 4 && chunks >= 3)
        #expect(rows.map { $0.first.map(String.init) } == ["card_id", "1", "a,b", "1"])
        #expect(rows.allSatisfy { $0.count == 8 })
        // A chunk never ends mid-line (and so neither does the output).
        #expect(wholeLines)
    }

    @Test("one parsed log replays under different parameters")
    func parseOnceReplayTwice() throws {
        let log = ReviewLogCSV(csv: Array("card_id,review_time,review_rating\n1,1704099600000,3\n1,1704099660000,3\n".utf8))
        let usual = ReviewLogReplay.replay(log)
        let strict = ReviewLogReplay.replay(log, parameters: try FSRSParameters(desiredRetention: 0.97))
        #expect(usual[1].memory == strict[1].memory)
        #expect(strict[1].due < usual[1].due)
    }

    /// Found by fuzzing: a card id that is not UTF-8 went into the JSON lines as it was,
    /// and no JSON reader could read them.
    @Test func aCardIDThatIsNotUTF8IsABadRow() throws {
        let (output, errors) = ReviewLogReplay.jsonLines(csv: try Fixtures.bytes("fuzz-crashes/card-id-not-utf8.csv"))
        #expect(errors.map(\.line) == [3, 4])
        #expect(errors.allSatisfy { $0.message.hasSuffix("is not UTF-8 text") })
        #expect(String(validating: output, as: UTF8.self) != nil)
        #expect(output.split(separator: 0x0A).count == 1)
    }
}
