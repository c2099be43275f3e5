import Foundation
import JSONKit

#if canImport(Glibc)
import Glibc
#endif

/// The append-only JSON Lines review log: reading it tolerantly, appending to it durably.
public final class ReviewLog: @unchecked Sendable {
    /// What a scan of the log found.
    public struct Scan: Sendable {
        /// Entries with the byte offset their line starts at.
        public var entries: [(offset: Int, entry: LogEntry)] = []
        /// Damaged lines that were skipped, already worded for the user.
        public var warnings: [String] = []
        public var damagedLines = 0
        /// Byte length of the log up to and including its last complete line.
        public var completeSize = 0
        /// Highest seq seen.
        public var lastSeq = 0
        /// The log ends in a partial line (a write cut short by a crash).
        public var truncatedTail = false
    }

    public let path: String
    private var fd: Int32 = -1
    private var lastSeq: Int
    private var needsRepair: Bool
    private var completeSize: Int

    /// Reads the log from byte `offset` (0 = all). Damaged lines are skipped and reported.
    /// Only the bytes after `offset` are read: a session start with fresh snapshots costs
    /// what was logged since, not the whole history.
    public static func scan(_ path: String, from offset: Int = 0) throws(StoreError) -> Scan {
        try scan(path, from: offset) { buf, start, end, decoder in
            if decoder == nil { decoder = LogLineDecoder(base: buf.baseAddress!, includeTyped: true) }
            if let entry = decoder!.decode(from: start, to: end) { return .success(entry) }
            return .failure(LogLineProblem(text: decoder!.problem))
        }
    }

    /// The same scan through the generic JSON tree parser: the reading the fast line
    /// decoder must agree with (tests compare the two).
    static func referenceScan(_ path: String) throws(StoreError) -> Scan {
        try scan(path, from: 0) { buf, start, end, _ in
            do {
                return .success(try ProgressCoding.entry(JSONParser.parse(buf, from: start, to: end)))
            } catch let error as JSONSyntaxError {
                return .failure(LogLineProblem(text: error.problem))
            } catch let error as ProgressCoding.Invalid {
                return .failure(LogLineProblem(text: error.problem))
            } catch {
                return .failure(LogLineProblem(text: "\(error)"))
            }
        }
    }

    private static func scan(
        _ path: String, from offset: Int,
        decode: (UnsafeBufferPointer<UInt8>, Int, Int, inout LogLineDecoder?) -> Result<LogEntry, LogLineProblem>
    ) throws(StoreError) -> Scan {
        var result = Scan()
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return result }
            throw .io(path: path, operation: "open", reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .io(path: path, operation: "stat", reason: String(cString: strerror(errno))) }
        let size = Int(st.st_size)
        let base = min(max(0, offset), size)
        result.completeSize = base
        var bytes = [UInt8](repeating: 0, count: size - base)
        var got = 0
        while got < bytes.count {
            let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + got, $0.count - got, off_t(base + got)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw .io(path: path, operation: "read", reason: String(cString: strerror(errno))) }
            got += n
        }
        // Line numbers are only needed for warnings: count the skipped prefix lazily.
        var prefixLines: Int?
        func lineNumber(_ local: Int) -> Int {
            if prefixLines == nil { prefixLines = base == 0 ? 0 : countNewlines(fd, upTo: base) }
            return prefixLines! + local
        }
        bytes.withUnsafeBufferPointer { buf in
            var decoder: LogLineDecoder?
            var lineNo = 1
            var start = 0
            while start < buf.count {
                var end = start
                while end < buf.count && buf[end] != 0x0A { end += 1 }
                if end == buf.count {
                    result.truncatedTail = true
                    result.damagedLines += 1
                    result.warnings.append(
                        "\(path):\(lineNumber(lineNo)): the last line is cut off (factdeck was stopped while writing it); it is skipped and will be repaired at the next answer")
                    break
                }
                if end > start {
                    switch decode(buf, start, end, &decoder) {
                    case .success(let e):
                        result.entries.append((base + start, e))
                        result.lastSeq = max(result.lastSeq, e.seq)
                    case .failure(let problem):
                        result.damagedLines += 1
                        result.warnings.append(StoreError.corruptLogLine(path: path, line: lineNumber(lineNo), problem: problem.text).description)
                    }
                }
                start = end + 1
                result.completeSize = base + start
                lineNo += 1
            }
        }
        return result
    }

    private static func countNewlines(_ fd: Int32, upTo limit: Int) -> Int {
        var count = 0
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var pos = 0
        while pos < limit {
            let want = min(chunk.count, limit - pos)
            let n = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, want, off_t(pos)) }
            if n <= 0 { break }
            for i in 0..<n where chunk[i] == 0x0A { count += 1 }
            pos += n
        }
        return count
    }

    /// Opens the log for appending. `scan` is a scan of the whole file or of its tail.
    init(path: String, lastSeq: Int, completeSize: Int, truncatedTail: Bool) {
        self.path = path
        self.lastSeq = lastSeq
        self.completeSize = completeSize
        self.needsRepair = truncatedTail
    }

    /// Appends one entry, assigning its seq, and returns only once it is on disk (fsync).
    @discardableResult
    public func append(_ entry: LogEntry) throws(StoreError) -> LogEntry {
        try openIfNeeded()
        var e = entry
        e.seq = lastSeq + 1
        var w = JSONWriter(capacity: 512)
        ProgressCoding.write(e, &w)
        w.raw(0x0A)
        try DurableFile.writeAll(fd, w.bytes, path: path)
        guard fsync(fd) == 0 else { throw .io(path: path, operation: "fsync", reason: String(cString: strerror(errno))) }
        lastSeq = e.seq
        completeSize += w.bytes.count
        return e
    }

    /// Size of the log's complete lines, as far as this writer knows.
    public var size: Int { completeSize }
    public var sequence: Int { lastSeq }

    private func openIfNeeded() throws(StoreError) {
        if fd >= 0 { return }
        let existed = access(path, F_OK) == 0
        fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(path: path, operation: "open for appending", reason: String(cString: strerror(errno))) }
        if !existed { try DurableFile.syncDirectory((path as NSString).deletingLastPathComponent) }
        if needsRepair { try repairTail() }
    }

    /// Moves a partial last line aside (to `reviews.jsonl.damaged`) and cuts it off, so the
    /// next entry starts on a line of its own. Nothing acknowledged is ever in that tail.
    private func repairTail() throws(StoreError) {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .io(path: path, operation: "stat", reason: String(cString: strerror(errno))) }
        let size = Int(st.st_size)
        if size > completeSize {
            var tail = [UInt8](repeating: 0, count: size - completeSize)
            let n = tail.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, $0.count, off_t(completeSize)) }
            if n > 0 {
                let side = path + ".damaged"
                let sfd = open(side, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
                if sfd >= 0 {
                    try DurableFile.writeAll(sfd, Array(tail[0..<n]) + [0x0A], path: side)
                    _ = fsync(sfd)
                    close(sfd)
                }
            }
            guard ftruncate(fd, off_t(completeSize)) == 0, fsync(fd) == 0 else {
                throw .io(path: path, operation: "repair the cut-off last line", reason: String(cString: strerror(errno)))
            }
        }
        needsRepair = false
    }

    deinit { if fd >= 0 { close(fd) } }
}

extension ReviewLog {
    /// Entries dated at or after `since`, read backwards from the end of the log so that a
    /// session start costs what today holds, not what the years before it hold.
    public static func entries(_ path: String, since: Date) throws(StoreError) -> [LogEntry] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return [] }
            throw .io(path: path, operation: "open", reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .io(path: path, operation: "stat", reason: String(cString: strerror(errno))) }
        var end = Int(st.st_size)
        var carry: [UInt8] = []  // the partial first line of the chunk read before
        // Chunks newest first; joined once at the end (prepending each chunk to what was
        // found copies the whole day's entries again per chunk).
        var chunks: [[LogEntry]] = []
        let chunk = 1 << 16
        while end > 0 {
            let start = max(0, end - chunk)
            var buf = [UInt8](repeating: 0, count: end - start)
            let n = buf.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, $0.count, off_t(start)) }
            guard n == end - start else { throw .io(path: path, operation: "read", reason: String(cString: strerror(errno))) }
            buf += carry
            // Lines wholly inside this chunk start after its first newline (unless at file start).
            var firstLineStart = 0
            if start > 0 {
                guard let nl = buf.firstIndex(of: 0x0A) else {
                    carry = buf
                    end = start
                    continue
                }
                firstLineStart = nl + 1
            }
            var older = false
            var lines: [LogEntry] = []
            buf.withUnsafeBufferPointer { b in
                var decoder = LogLineDecoder(base: b.baseAddress!, includeTyped: true)
                var s = firstLineStart
                while s < b.count {
                    var e = s
                    while e < b.count && b[e] != 0x0A { e += 1 }
                    if e < b.count, e > s, let entry = decoder.decode(from: s, to: e) {
                        if entry.time >= since { lines.append(entry) } else { older = true }
                    }
                    s = e + 1
                }
            }
            chunks.append(lines)
            if older || start == 0 { break }
            carry = Array(buf[0..<firstLineStart])
            end = start
        }
        return Array(chunks.reversed().joined())
    }
}
