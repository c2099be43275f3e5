import FuzzInputs
import FuzzSupport
import StudyStore

@_cdecl("fuzz_review_log_main")
public func fuzzReviewLogMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, check: ReviewLogTarget.check)
}

/// A review log's bytes (`progress/reviews.jsonl`) through its three readers, which must
/// agree: the session's `ReviewLog.scan`, the streaming `ReviewLogScanner` pass over bytes,
/// and the same pass cut in pieces on several threads (stats on a big log).
enum ReviewLogTarget {
    static func check(_ bytes: [UInt8]) {
        let path = ScratchFile.write(bytes, named: "reviews.jsonl")
        var streamed: [LogEntry] = []
        let summary = bytes.withUnsafeBufferPointer { buf in
            ReviewLog.forEachEntry(in: buf, path: path, includeTyped: true) { streamed.append($0) }
        }
        for entry in streamed { Invariant.requireStorable(entry) }
        let lines = Lines.count(bytes)
        Invariant.require(summary.entries == streamed.count && summary.entries + summary.damagedLines <= lines,
                          "\(summary.entries) entries and \(summary.damagedLines) damaged lines in \(lines) lines")
        Invariant.require(summary.warnings.count == summary.damagedLines, "\(summary.warnings.count) warnings for \(summary.damagedLines) damaged lines")
        for warning in summary.warnings {
            let number = warning.dropFirst(path.count + 1).prefix { $0.isNumber }
            Invariant.require(warning.hasPrefix(path + ":") && Int(number).map { $0 >= 1 && $0 <= lines } == true,
                              "the warning does not name a line of the file: \(warning)")
        }

        let scan: ReviewLog.Scan
        do {
            scan = try ReviewLog.scan(path)
        } catch {
            Invariant.fail("the scan of a readable file failed: \(error)")
        }
        Invariant.require(scan.entries.map(\.entry) == streamed, "the scan and the stream read other entries")
        Invariant.require(scan.warnings == summary.warnings, "the scan warns \(scan.warnings), the stream \(summary.warnings)")
        Invariant.require(
            scan.completeSize == summary.completeSize && scan.lastSeq == summary.lastSeq && scan.truncatedTail == summary.truncatedTail,
            "the scan and the stream disagree on the log's size, last seq or cut-off tail")

        // A scan from an entry's offset reads that entry and every one after it.
        if let middle = scan.entries.dropFirst(scan.entries.count / 2).first {
            let tail = try? ReviewLog.scan(path, from: middle.offset)
            Invariant.require(tail?.entries.map(\.entry) == scan.entries.filter { $0.offset >= middle.offset }.map(\.entry),
                              "a scan from byte \(middle.offset) reads other entries than the whole scan after it")
        }

        // The same pass in up to three pieces read side by side.
        let pieces: (parts: [[LogEntry]], summary: ReviewLog.StreamSummary)
        do {
            pieces = try ReviewLog.forEachEntry(path: path, parts: 3, minimumPartSize: 1, includeTyped: true,
                                                makePart: { _ in [] }) { $0.append($1) }
        } catch {
            Invariant.fail("the parallel pass over a readable file failed: \(error)")
        }
        Invariant.require(pieces.parts.flatMap { $0 } == streamed, "the parallel pass reads other entries")
        Invariant.require(pieces.summary == summary, "the parallel pass sums up \(pieces.summary), the single pass \(summary)")
    }
}
