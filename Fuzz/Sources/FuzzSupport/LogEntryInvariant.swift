import JSONKit
@testable import StudyStore

extension Invariant {
    /// A review-log entry a reader made (an import) is one the log writes and reads back:
    /// written, read and written again, its line stays the same.
    public static func requireStorable(_ entry: LogEntry, file: StaticString = #fileID, line: UInt = #line) {
        var numbered = entry
        numbered.seq = max(1, entry.seq)  // the store numbers imported entries
        let written = logLine(numbered)
        var back: [LogEntry] = []
        let summary = written.withUnsafeBufferPointer {
            ReviewLog.forEachEntry(in: $0, path: "reviews.jsonl", includeTyped: true) { back.append($0) }
        }
        let text = String(decoding: written, as: UTF8.self)
        require(back.count == 1, "the log line \(text) does not read back: \(summary.warnings)", file: file, line: line)
        require(logLine(back[0]) == written, "the log line \(text) changes when read and written again", file: file, line: line)
    }

    /// `entry` as the review log writes it, with its newline.
    public static func logLine(_ entry: LogEntry) -> [UInt8] {
        var w = JSONWriter(capacity: 512)
        ProgressCoding.write(entry, &w)
        w.raw(0x0A)
        return w.bytes
    }
}
