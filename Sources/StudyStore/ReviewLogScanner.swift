import Foundation
import ISOTime
import JSONKit
import Scheduling

#if canImport(Glibc)
import Glibc
#endif

/// A fast, streaming reader of `reviews.jsonl` for whole-log passes (stats over a million
/// reviews). It maps the file and decodes each line straight from its bytes into a
/// `LogEntry`, with no JSONValue tree in between, and hands the entries over one at a
/// time, so a caller that aggregates never holds the log in memory.
///
/// It accepts and rejects exactly the lines `ReviewLog.scan` does (the same JSON grammar,
/// the same entry rules), and words damaged lines the same way.
extension ReviewLog {
    /// What a streaming pass over the log found besides the entries.
    public struct StreamSummary: Sendable, Hashable {
        /// Entries handed to the body.
        public var entries = 0
        /// Damaged lines that were skipped (a cut-off last line included).
        public var damagedLines = 0
        /// One message per damaged line, worded for the user.
        public var warnings: [String] = []
        /// Highest seq seen.
        public var lastSeq = 0
        /// Byte length of the log up to and including its last complete line.
        public var completeSize = 0
        /// The log ends in a partial line (a write cut short by a crash).
        public var truncatedTail = false
        public init() {}
    }

    /// Calls `body` with every valid entry of the log at `path`, in file order. A missing
    /// log is an empty one. `typed` answers are only decoded when `includeTyped` is set
    /// (stats never need them). Damaged lines are skipped and reported in the summary.
    @discardableResult
    public static func forEachEntry(
        path: String, includeTyped: Bool = false, _ body: (LogEntry) -> Void
    ) throws(StoreError) -> StreamSummary {
        try withMappedLog(path) { buf in forEachEntry(in: buf, path: path, includeTyped: includeTyped, body) } ?? StreamSummary()
    }

    /// The same pass over log bytes already in memory (`path` only names the file in warnings).
    public static func forEachEntry(
        in buf: UnsafeBufferPointer<UInt8>, path: String, includeTyped: Bool = false, _ body: (LogEntry) -> Void
    ) -> StreamSummary {
        let slice = scanSlice(buf, from: 0, to: buf.count, includeTyped: includeTyped, body)
        return slice.summary(path: path, firstLine: 1)
    }

    /// A pass over the log in `parts` pieces at once (cut at line ends), one thread each: the
    /// entries of piece k go, in file order, to `body` with the k-th value `makePart(k)`
    /// made, and the values come back in file order, to be merged by the caller. `body`
    /// runs on several threads at once, so it must touch nothing but the value it is given.
    /// Logs under `minimumPartSize` bytes a piece are cut in fewer pieces.
    public static func forEachEntry<Part>(
        path: String, parts: Int, minimumPartSize: Int = 1 << 20, includeTyped: Bool = false, makePart: (Int) -> Part,
        _ body: (inout Part, LogEntry) -> Void
    ) throws(StoreError) -> (parts: [Part], summary: StreamSummary) {
        let result = try withMappedLog(path) { buf -> ([Part], StreamSummary) in
            // Piece boundaries just after a newline, so that no line is split.
            var cuts = [0]
            let n = max(1, min(parts, buf.count / max(1, minimumPartSize)))
            for k in 1..<max(1, n) {
                var c = max(cuts[cuts.count - 1], buf.count * k / n)
                while c < buf.count && (c == 0 || buf[c - 1] != 0x0A) { c += 1 }
                cuts.append(c)
            }
            cuts.append(buf.count)
            let bounds = cuts
            let pieces = bounds.count - 1
            var values = (0..<pieces).map { Optional(makePart($0)) }
            var slices = [SliceScan?](repeating: nil, count: pieces)
            withoutActuallyEscaping(body) { body in
                values.withUnsafeMutableBufferPointer { v in
                    slices.withUnsafeMutableBufferPointer { sl in
                        let vp = UncheckedSendable(v.baseAddress!)
                        let sp = UncheckedSendable(sl.baseAddress!)
                        let work = UncheckedSendable(body)
                        let bytes = UncheckedSendable(buf)
                        DispatchQueue.concurrentPerform(iterations: pieces) { k in
                            var value = vp.value[k].take()!
                            let scan = scanSlice(bytes.value, from: bounds[k], to: bounds[k + 1], includeTyped: includeTyped) {
                                work.value(&value, $0)
                            }
                            vp.value[k] = value
                            sp.value[k] = scan
                        }
                    }
                }
            }
            // Stitch the summaries: line numbers run on from the pieces before.
            var summary = StreamSummary()
            var firstLine = 1
            for k in 0..<pieces {
                var part = slices[k]!.summary(path: path, firstLine: firstLine)
                firstLine += slices[k]!.lines
                summary.entries += part.entries
                summary.damagedLines += part.damagedLines
                summary.warnings += part.warnings
                summary.lastSeq = max(summary.lastSeq, part.lastSeq)
                if part.completeSize > 0 || k == 0 { summary.completeSize = cuts[k] + part.completeSize }
                // Only the last piece with bytes can end cut off; pieces after it are empty.
                summary.truncatedTail = summary.truncatedTail || part.truncatedTail
                part.warnings = []
            }
            return (values.map { $0! }, summary)
        }
        return result ?? ((0..<1).map(makePart), StreamSummary())
    }

    /// Maps the log (or reads it, where mapping fails) and hands its bytes to `body`; nil when there is no log.
    private static func withMappedLog<R>(_ path: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) throws(StoreError) -> R? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw .io(path: path, operation: "open", reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .io(path: path, operation: "stat", reason: String(cString: strerror(errno))) }
        let size = Int(st.st_size)
        if size == 0 { return nil }
        if let map = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), map != MAP_FAILED {
            defer { munmap(map, size) }
            _ = madvise(map, size, MADV_SEQUENTIAL)
            return body(UnsafeBufferPointer(start: map.assumingMemoryBound(to: UInt8.self), count: size))
        }
        // No mmap (an unusual file system): read it whole instead.
        guard let bytes = try DurableFile.read(path) else { return nil }
        return bytes.withUnsafeBufferPointer { body($0) }
    }

    /// What a pass over bytes `from..<to` found, with line numbers counted from the slice's start.
    struct SliceScan {
        var entries = 0
        var lastSeq = 0
        /// Damaged lines: slice line number and problem (nil: the cut-off last line).
        var damaged: [(line: Int, problem: String?)] = []
        /// Lines the slice holds (complete ones).
        var lines = 0
        /// Bytes up to and including the slice's last newline.
        var completeSize = 0
        var truncatedTail = false

        func summary(path: String, firstLine: Int) -> StreamSummary {
            var s = StreamSummary()
            s.entries = entries
            s.lastSeq = lastSeq
            s.damagedLines = damaged.count
            s.completeSize = completeSize
            s.truncatedTail = truncatedTail
            s.warnings = damaged.map { d in
                let line = firstLine + d.line - 1
                guard let problem = d.problem else {
                    return "\(path):\(line): the last line is cut off (factdeck was stopped while writing it); it is skipped and will be repaired at the next answer"
                }
                return StoreError.corruptLogLine(path: path, line: line, problem: problem).description
            }
            return s
        }
    }

    static func scanSlice(
        _ buf: UnsafeBufferPointer<UInt8>, from: Int, to: Int, includeTyped: Bool, _ body: (LogEntry) -> Void
    ) -> SliceScan {
        var result = SliceScan()
        guard let base = buf.baseAddress, to > from else { return result }
        var decoder = LogLineDecoder(base: base, includeTyped: includeTyped)
        var start = from
        var lineNo = 1
        while start < to {
            guard let nlPtr = memchr(base + start, 0x0A, to - start) else {
                result.truncatedTail = true
                result.damaged.append((lineNo, nil))
                break
            }
            let end = UnsafePointer<UInt8>(nlPtr.assumingMemoryBound(to: UInt8.self)) - base
            if end > start {
                if let entry = decoder.decode(from: start, to: end) {
                    result.entries += 1
                    if entry.seq > result.lastSeq { result.lastSeq = entry.seq }
                    body(entry)
                } else {
                    result.damaged.append((lineNo, decoder.problem))
                }
            }
            start = end + 1
            result.completeSize = start - from
            result.lines = lineNo
            lineNo += 1
        }
        return result
    }
}

/// Hands a value to other threads where the caller guarantees they never share it.
private struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
