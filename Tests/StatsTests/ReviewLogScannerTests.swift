import Foundation
import Scheduling
import Stats
import Testing

@testable import StudyStore

/// The streaming scanner and ReviewLog.scan must read the log exactly as the generic JSON
/// tree parser does.
@Suite struct ReviewLogScannerTests {
    static let tricky: [String] = [
        // Ordinary entries, keys in another order, spaces, unknown members of every JSON type.
        #"{"seq":1,"kind":"review","deck":"solar","card":"c1","time":"2026-11-20T10:00:00Z","rating":3,"ms":5210,"typed":"1781","before":{"phase":"new","reps":0,"lapses":0},"after":{"phase":"learning","step":1,"stability":2.3065,"difficulty":2.1181,"due":"2026-11-20T10:10:00Z","last":"2026-11-20T10:00:00Z","reps":1,"lapses":0}}"#,
        #" { "after" : {"phase":"review","stability":12.4,"difficulty":5.3,"due":"2026-12-02T09:15:00.250Z","last":"2026-11-20T09:15:00Z","reps":5,"lapses":1,"ease":2.5,"interval":12,"future":[1,{"x":null}]} , "kind":"review","seq":2,"deck":"solar","card":"c2","time":"2026-11-20T11:00:00+01:00","rating":4,"extra":{"a":[true,false,null,-1.5e3,"\u00e9"]},"before":null }  "#,
        // Escapes in ids, notes and typed text; a surrogate pair.
        #"{"seq":3,"kind":"flag","deck":"d\"q\\x","card":"c\u00e9\ud83d\ude00","time":"2026-11-21T10:00:00Z","note":"line\nbreak \"quoted\" \/ tab\t"}"#,
        #"{"seq":4,"kind":"review","deck":"solar","card":"c3","time":"2026-11-21T10:00:00Z","rating":1,"typed":"caf\u00e9 ☕","after":{"phase":"relearning","step":0,"reps":3,"lapses":2,"due":null}}"#,
        #"{"seq":5,"kind":"undo","deck":"solar","card":"c3","time":"2026-11-21T10:00:01Z","undoes":4,"after":{"phase":"review","reps":2,"lapses":1}}"#,
        #"{"seq":6,"kind":"bury","deck":"solar","card":"c1","time":"2026-11-21T10:00:02Z","until":"2026-11-22T04:00:00Z"}"#,
        #"{"seq":7.0,"kind":"suspend","deck":"solar","card":"c1","time":"2026-11-21","ms":12.5}"#,
        // Duplicate keys: the first one counts.
        #"{"seq":8,"seq":99,"kind":"unsuspend","deck":"solar","card":"c1","time":"2026-11-21T10:00:03Z","kind":"bogus"}"#,
        // Damaged lines of every sort.
        #"{"seq":9,"kind":"review","deck":"solar","card":"c1","time":"2026-11-21T10:00:04Z","rating":5,"after":{"phase":"new","reps":0,"lapses":0}}"#,
        #"{"seq":10,"kind":"review","deck":"solar","card":"c1","time":"2026-11-21T10:00:04Z","rating":3}"#,
        #"{"seq":11,"kind":"review","deck":"solar","card":"c1","time":"yesterday","rating":3,"after":{"phase":"new"}}"#,
        #"{"seq":12,"kind":"teleport","deck":"solar","card":"c1","time":"2026-11-21T10:00:04Z"}"#,
        #"{"seq":"13","kind":"flag","deck":"solar","card":"c1","time":"2026-11-21T10:00:04Z"}"#,
        #"{"kind":"flag","deck":"solar","card":"c1","time":"2026-11-21T10:00:04Z"}"#,
        #"{"seq":14,"kind":"flag","deck":"solar","time":"2026-11-21T10:00:04Z"}"#,
        #"{"seq":15,"kind":"review","deck":"solar","card":"c1","time":"2026-11-21T10:00:04Z","rating":3,"after":{"phase":"sleeping"}}"#,
        #"{"seq":16,"kind":"review","deck":"solar","card":"c1","time":"2026-11-21T10:00:04Z","rating":3,"after":[1]}"#,
        #"{"seq":17,"kind":"bury","deck":"solar","card":"c1","time":"2026-11-21T10:00:04Z","until":42}"#,
        #"{"seq":18,"kind":"flag","deck":"solar","card":"c1","time":"2026-11-21T10:00:04Z",}"#,
        #"{"seq":19,"kind":"flag","deck":"solar","card":"c1","time":"2026-11-21T10:00:04Z"} trailing"#,
        #"{"seq":20,"kind":"flag","deck":"solar","card":"c1","time":"2026-11-21T10:00:04Z","x":01}"#,
        #"{"seq":21,"kind":"flag","deck":"solar","card":"c1","time":"2026-11-21T10:00:04Z","x":"\q"}"#,
        #"[1,2,3]"#,
        #"not json"#,
        "",
        #"{"seq":22,"kind":"unflag","deck":"solar","card":"c1","time":"2026-11-21T10:00:05.5Z"}"#,
    ]

    @Test func readsExactlyWhatTheTreeParserReads() throws {
        // A cut-off last line (no newline) too.
        let text = Self.tricky.joined(separator: "\n") + "\n" + #"{"seq":23,"kind":"rev"#
        let path = try Fixture.writeLog(text)
        defer { Fixture.removeLog(path) }
        let reference = try ReviewLog.referenceScan(path)
        let scanned = try ReviewLog.scan(path)
        #expect(scanned.entries.map(\.entry) == reference.entries.map(\.entry))
        #expect(scanned.entries.map(\.offset) == reference.entries.map(\.offset))
        #expect(scanned.warnings == reference.warnings)
        #expect(scanned.lastSeq == reference.lastSeq && scanned.completeSize == reference.completeSize)
        #expect(scanned.truncatedTail == reference.truncatedTail && scanned.damagedLines == reference.damagedLines)
        var streamed: [LogEntry] = []
        let summary = try ReviewLog.forEachEntry(path: path, includeTyped: true) { streamed.append($0) }
        #expect(streamed == reference.entries.map(\.entry))
        #expect(streamed.count == 9)
        #expect(summary.entries == 9)
        #expect(summary.damagedLines == reference.damagedLines)
        #expect(summary.warnings == reference.warnings)
        #expect(summary.lastSeq == reference.lastSeq)
        #expect(summary.completeSize == reference.completeSize)
        #expect(summary.truncatedTail == reference.truncatedTail)
        #expect(summary.truncatedTail)
        #expect(streamed[2].deck == "d\"q\\x")
        #expect(streamed[2].card == "cé😀")
        #expect(streamed[3].typed == "café ☕")
        #expect(streamed[1].after?.due == Date(timeIntervalSince1970: 1_796_202_900.25))
    }

    @Test func typedAnswersAreSkippedUnlessAskedFor() throws {
        let path = try Fixture.writeLog(Self.tricky[0] + "\n")
        defer { Fixture.removeLog(path) }
        var entries: [LogEntry] = []
        try ReviewLog.forEachEntry(path: path) { entries.append($0) }
        #expect(entries.count == 1)
        #expect(entries[0].typed == nil)
        #expect(entries[0].responseMillis == 5210)
        #expect(entries[0].after?.memory == MemoryState(stability: 2.3065, difficulty: 2.1181))
    }

    @Test func aMissingLogIsEmpty() throws {
        let summary = try ReviewLog.forEachEntry(path: "/nonexistent/factdeck/reviews.jsonl") { _ in Issue.record("no entries expected") }
        #expect(summary == ReviewLog.StreamSummary())
    }

    @Test func numbersMatchStrtod() throws {
        let values = ["0.1", "2.3065", "12.4", "0.30000000000000004", "123456789.123456789", "1e-7", "-0.5", "9007199254740993", "5"]
        let lines = values.enumerated().map { i, v in
            #"{"seq":\#(i + 1),"kind":"review","deck":"d","card":"c","time":"2026-11-21T10:00:00Z","rating":3,"after":{"phase":"review","stability":\#(v),"difficulty":1,"reps":1,"lapses":0}}"#
        }
        let path = try Fixture.writeLog(lines.joined(separator: "\n") + "\n")
        defer { Fixture.removeLog(path) }
        var got: [Double] = []
        try ReviewLog.forEachEntry(path: path) { got.append($0.after!.memory!.stability) }
        #expect(got == values.map { strtod($0, nil) })
    }
}

/// Reading the log in pieces at once gives what reading it in one go gives.
@Suite struct ParallelScanTests {
    @Test(arguments: [1, 2, 3, 7])
    func piecesSeeEveryEntryOnceAndNumberLinesAcrossPieces(parts: Int) throws {
        let text = ReviewLogScannerTests.tricky.joined(separator: "\n") + "\n" + #"{"seq":23,"kind":"rev"#
        let path = try Fixture.writeLog(text)
        defer { Fixture.removeLog(path) }
        var whole: [LogEntry] = []
        let reference = try ReviewLog.forEachEntry(path: path, includeTyped: true) { whole.append($0) }
        let (pieces, summary) = try ReviewLog.forEachEntry(
            path: path, parts: parts, minimumPartSize: 64, includeTyped: true, makePart: { _ in [LogEntry]() }
        ) { $0.append($1) }
        #expect(pieces.count == parts)
        #expect(pieces.flatMap { $0 } == whole)
        #expect(summary == reference)
    }

    /// Found by fuzzing: a cut-off last line too long to be cut left the pieces after it
    /// empty, and the empty last piece reported the log as whole.
    @Test(arguments: [2, 3])
    func aCutOffLineLongerThanAPieceIsStillCutOff(parts: Int) throws {
        let cutOff = String(ReviewLogScannerTests.tricky[0].dropLast()) + String(repeating: " ", count: 2000)
        let path = try Fixture.writeLog(ReviewLogScannerTests.tricky[0] + "\n" + cutOff)
        defer { Fixture.removeLog(path) }
        let single = try ReviewLog.forEachEntry(path: path) { _ in }
        let (_, summary) = try ReviewLog.forEachEntry(path: path, parts: parts, minimumPartSize: 1, makePart: { _ in 0 }) { n, _ in n += 1 }
        #expect(single.truncatedTail && summary.truncatedTail)
        #expect(summary == single)
    }

    @Test func builderMergedFromPiecesEqualsOneBuilder() throws {
        var entries: [LogEntry] = []
        let path = try Fixture.writeLog()
        defer { Fixture.removeLog(path) }
        try ReviewLog.forEachEntry(path: path) { entries.append($0) }
        func builder() -> StatsBuilder { StatsBuilder(now: Fixture.now, days: UTCStudyDays(), desiredRetention: 0.9) }
        var one = builder()
        one.add(contentsOf: entries)
        let expected = one.report(decks: Fixture.decks)
        // Every cut, including the one between a review and its undo.
        for cut in 0...entries.count {
            var first = builder()
            var second = builder()
            first.add(contentsOf: entries[..<cut])
            second.add(contentsOf: entries[cut...])
            first.merge(second)
            #expect(first.report(decks: Fixture.decks) == expected, "cut at \(cut)")
            #expect(first.replayedProgress == one.replayedProgress, "cut at \(cut)")
        }
        // Three pieces through the parallel reader.
        let (pieces, _) = try ReviewLog.forEachEntry(path: path, parts: 3, minimumPartSize: 64, makePart: { _ in builder() }) { $0.add($1) }
        var merged = pieces[0]
        for p in pieces.dropFirst() { merged.merge(p) }
        #expect(merged.report(decks: Fixture.decks) == expected)
    }
}
