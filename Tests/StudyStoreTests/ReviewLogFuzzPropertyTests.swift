import Foundation
import FuzzInputs
import JSONKit
import Scheduling
import Testing

@testable import StudyStore

/// Review logs damaged every way a fuzzer would damage them: the session's scan, the
/// reference scan through the JSON tree parser, the streaming scanner over bytes and the
/// same pass cut in pieces on several threads never crash and read the same entries, each
/// damaged line is skipped with a warning naming its line, and every entry they read is one
/// the log writes back unchanged.
@Suite struct ReviewLogFuzzPropertyTests {
    /// A log with an entry of every kind, as the store writes them.
    static let seeds: [[UInt8]] = {
        let first = review("solar-system", "c1", at: t0, rating: .again, days: 0.01)
        let second = review("solar-system", "c1", at: t0.addingTimeInterval(600.5), days: 3, from: first.after!)
        var entries = [
            first, second,
            LogEntry(kind: .undo, deck: "solar-system", card: "c1", time: t0.addingTimeInterval(601), after: first.after, undoes: 2),
            LogEntry(kind: .suspend, deck: "heart", card: "h-é😀", time: t0.addingTimeInterval(700)),
            LogEntry(kind: .unsuspend, deck: "heart", card: "h-é😀", time: t0.addingTimeInterval(701)),
            LogEntry(kind: .bury, deck: "heart", card: "h2", time: t0.addingTimeInterval(702), until: t0.addingTimeInterval(86_400)),
            LogEntry(kind: .unbury, deck: "heart", card: "h2", time: t0.addingTimeInterval(703)),
            LogEntry(kind: .flag, deck: "water", card: "w1", time: t0.addingTimeInterval(704), note: "\"wrong\" answer\tsee p. 2\n"),
            LogEntry(kind: .unflag, deck: "water", card: "w1", time: t0.addingTimeInterval(705)),
        ]
        for i in entries.indices { entries[i].seq = i + 1 }
        let log = entries.flatMap(Self.line)
        return [log, Array(log.dropLast(40))]
    }()

    static let tokens = [
        "\n", "{\"seq\":", "\"kind\":", "\"review\"", "\"undo\"", "\"deck\":", "\"card\":", "\"time\":", "\"rating\":", "\"ms\":",
        "\"typed\":", "\"before\":", "\"after\":", "\"undoes\":", "\"until\":", "\"note\":", "\"phase\":", "\"due\":", "null", "}",
    ]

    /// The line number a warning names (`path:LINE: ...`), 0 when it names none.
    static func lineNumber(_ warning: String) -> Int {
        warning.split(separator: ":", maxSplits: 2).dropFirst().first.flatMap { Int($0) } ?? 0
    }

    static func line(_ entry: LogEntry) -> [UInt8] {
        var w = JSONWriter()
        ProgressCoding.write(entry, &w)
        w.raw(0x0A)
        return w.bytes
    }

    @Test func mutatedLogsAreReadAlikeAndDamagedLinesNamed() throws {
        let folder = makeTempFolder()
        defer { removeFolder(folder) }
        let path = folder + "/reviews.jsonl"
        var entriesRead = 0
        for (i, bytes) in MutatedInputs(seeds: Self.seeds, count: 1500, seed: 22, tokens: Self.tokens).enumerated() {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let scan = try ReviewLog.scan(path)
            let reference = try ReviewLog.referenceScan(path)
            let referenceEntries = reference.entries.map { "\($0.offset) \($0.entry)" }
            if String(validating: bytes, as: UTF8.self) != nil {
                #expect(scan.entries.map { "\($0.offset) \($0.entry)" } == referenceEntries, "input \(i)")
                #expect(scan.warnings.map(Self.lineNumber) == reference.warnings.map(Self.lineNumber), "input \(i)")
                #expect(scan.completeSize == reference.completeSize && scan.lastSeq == reference.lastSeq, "input \(i)")
            } else {
                // The tree parser refuses a line with any byte that is not UTF-8; the fast
                // decoder only where it reads text (an unknown key's name is skipped unread).
                #expect(Set(referenceEntries).isSubset(of: scan.entries.map { "\($0.offset) \($0.entry)" }), "input \(i)")
            }

            var streamed: [LogEntry] = []
            let summary = bytes.withUnsafeBufferPointer {
                ReviewLog.forEachEntry(in: $0, path: path, includeTyped: true) { streamed.append($0) }
            }
            #expect(streamed == scan.entries.map(\.entry), "input \(i)")
            #expect(summary.warnings == scan.warnings && summary.damagedLines == scan.damagedLines, "input \(i)")
            #expect(summary.truncatedTail == scan.truncatedTail && summary.completeSize == scan.completeSize, "input \(i)")
            let pieces = try ReviewLog.forEachEntry(path: path, parts: 3, minimumPartSize: 1, includeTyped: true,
                                                    makePart: { _ in [LogEntry]() }) { $0.append($1) }
            #expect(pieces.parts.flatMap { $0 } == streamed && pieces.summary == summary, "input \(i)")

            // Every line is an entry or a warning that names it.
            let lines = Lines.count(bytes)
            #expect(summary.entries + summary.damagedLines <= lines, "input \(i)")
            for warning in summary.warnings {
                let number = Self.lineNumber(warning)
                #expect(warning.hasPrefix(path + ":") && number >= 1 && number <= lines, "input \(i): \(warning)")
            }
            for entry in streamed {
                let written = Self.line(entry)
                var back: [LogEntry] = []
                _ = written.withUnsafeBufferPointer { ReviewLog.forEachEntry(in: $0, path: path, includeTyped: true) { back.append($0) } }
                #expect(back.count == 1 && back.first.map(Self.line) == written, "input \(i): \(String(decoding: written, as: UTF8.self))")
            }
            entriesRead += streamed.count
        }
        #expect(entriesRead >= 1500)
    }
}
