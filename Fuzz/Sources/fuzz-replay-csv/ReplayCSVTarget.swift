import FuzzInputs
import FuzzSupport
import JSONKit
import ReplayFiles
import Scheduling

@_cdecl("fuzz_replay_csv_main")
public func fuzzReplayCSVMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, check: ReplayCSVTarget.check)
}

/// A CSV review log through `factdeck fsrs replay`: `ReviewLogCSV`, the FSRS replay, and
/// its three outputs (JSON lines, the text table, the summary).
enum ReplayCSVTarget {
    static func check(_ bytes: [UInt8]) {
        let result = ReviewLogReplay.replay(csv: bytes)
        let lines = Lines.count(bytes, carriageReturnEndsLine: true)
        for error in result.errors {
            Invariant.require(error.line >= 1 && error.line <= lines, "the error names line \(error.line) of \(lines): \(error)")
        }
        // One outcome per line: a review or an error (the header alone may have three).
        let errorLines = Set(result.errors.map(\.line)).count
        Invariant.require(result.count + errorLines <= lines, "\(result.count) reviews and errors on \(errorLines) lines in \(lines) lines")

        let json = result.jsonLines()
        var streamed: [UInt8] = []
        result.writeJSONLines(chunkSize: 64) { streamed.append(contentsOf: $0) }
        Invariant.require(streamed == json, "the streamed JSON lines differ from the whole")
        let objects = json.split(separator: 0x0A)
        Invariant.require(objects.count == result.count, "\(objects.count) JSON lines for \(result.count) reviews")
        for (i, object) in objects.enumerated() {
            let value: JSONValue
            do {
                value = try JSONParser.parse(Array(object))
            } catch {
                Invariant.fail("JSON line \(i + 1) is not JSON (\(error)): \(String(decoding: object, as: UTF8.self))")
            }
            for key in ["card_id", "review_time", "rating", "stability", "difficulty", "state", "step", "due"] {
                Invariant.require(value[key] != nil, "JSON line \(i + 1) has no \(key)")
            }
        }
        let records = result.records
        for record in records {
            Invariant.require(record.line >= 1 && record.line <= lines, "a review names line \(record.line) of \(lines)")
            Invariant.require(record.memory.stability.isFinite && record.memory.difficulty.isFinite,
                              "line \(record.line): memory state \(record.memory)")
        }
        let table = result.textLines()
        Invariant.require(table.starts(with: Array("card_id\t".utf8)), "the table has no header")
        _ = result.summary.text
    }
}
