import Foundation
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

/// Why one log line was rejected (wording shared with `ReviewLog.scan`).
struct LogLineProblem: Error {
    var text: String
}

/// Decodes one line of the log into a `LogEntry`, schema first: known members are decoded
/// in place, unknown ones are checked for well-formedness and skipped.
struct LogLineDecoder {
    private let b: UnsafePointer<UInt8>
    private let includeTyped: Bool
    private var pos = 0
    private var end = 0
    /// The last deck id seen, reused while the log stays in one deck (saves a String per line).
    private var lastDeckBytes: [UInt8] = []
    private var lastDeck = ""

    init(base: UnsafePointer<UInt8>, includeTyped: Bool) {
        b = base
        self.includeTyped = includeTyped
    }

    private struct Syntax: Error {
        var problem: String
        var at: Int
    }

    /// Why the last line given to `decode` was rejected.
    private(set) var problem = ""

    /// The entry on bytes `start..<stop`, or nil with `problem` set.
    mutating func decode(from start: Int, to stop: Int) -> LogEntry? {
        pos = start
        end = stop
        do {
            return try entry()
        } catch let e as Syntax {
            problem = e.problem
        } catch let e as LogLineProblem {
            problem = e.text
        } catch {
            problem = "\(error)"
        }
        return nil
    }

    // MARK: the entry schema (straight-line code: no closures or generic wrappers per member)

    /// A date member as found: absent, null, a valid time, or something else.
    private enum DateField {
        case absent, null, bad
        case ok(Date)
        var date: Date? { if case .ok(let d) = self { return d } else { return nil } }
    }

    /// A card state member as found.
    private enum StateField {
        case absent, null
        case bad(String)
        case ok(SchedulingState)
    }

    private mutating func entry() throws -> LogEntry {
        skipSpace()
        guard pos < end else { throw Syntax(problem: "the text ends where a value was expected", at: pos) }
        guard b[pos] == UInt8(ascii: "{") else {
            let type = try skipValue(depth: 0)
            try finish()
            throw LogLineProblem(text: "the line holds \(type), not an entry")
        }
        // Every member is read once, the first of duplicates winning (as JSONValue's subscript).
        var seen: UInt32 = 0
        var seq: Int? = nil
        var kind: LogEntry.Kind? = nil
        var deck: String? = nil
        var card: String? = nil
        var time = DateField.absent
        var ratingPresent = false
        var rating: Rating? = nil
        var ms: Int? = nil
        var typed: String? = nil
        var undoes: Int? = nil
        var until = DateField.absent
        var note: String? = nil
        var before = StateField.absent
        var after = StateField.absent
        if try openObject() {
            repeat {
                let key = try memberKey()
                let bit: UInt32 = 1 << key.rawValue
                if seen & bit != 0 || key == .other {
                    _ = try skipValue(depth: 1)
                    continue
                }
                seen |= bit
                switch key {
                case .seq: seq = try intValue()
                case .kind: kind = try kindValue()
                case .deck: deck = try deckValue()
                case .card: card = try stringValue()
                case .time: time = try dateValue()
                case .rating:
                    ratingPresent = true
                    rating = try intValue().flatMap(Rating.init(rawValue:))
                case .ms: ms = try intValue()
                case .typed:
                    if includeTyped { typed = try stringValue() } else { _ = try skipValue(depth: 1) }
                case .undoes: undoes = try intValue()
                case .until: until = try dateValue()
                case .note: note = try stringValue()
                case .before: before = try stateValue()
                case .after: after = try stateValue()
                default: _ = try skipValue(depth: 1)
                }
            } while try nextMember()
        }
        try finish()

        // The checks, in the order ProgressCoding.entry makes them.
        func fail(_ text: String) -> LogLineProblem { LogLineProblem(text: text) }
        guard let seq else { throw fail("no \"seq\"") }
        guard let kind else { throw fail("no valid \"kind\"") }
        guard let deck, let card else { throw fail("no \"deck\" or \"card\"") }
        if case .bad = time { throw fail("\"time\" is not an ISO 8601 time") }
        guard let timeValue = time.date else { throw fail("no \"time\"") }
        var e = LogEntry(seq: seq, kind: kind, deck: deck, card: card, time: timeValue)
        if ratingPresent {
            guard let rating else { throw fail("\"rating\" is not 1 to 4") }
            e.rating = rating
        }
        e.responseMillis = ms
        e.typed = typed
        e.undoes = undoes
        if case .bad = until { throw fail("\"until\" is not an ISO 8601 time") }
        e.until = until.date
        e.note = note
        switch before {
        case .bad(let problem): throw fail(problem)
        case .ok(let s): e.before = s
        default: break
        }
        switch after {
        case .bad(let problem): throw fail(problem)
        case .ok(let s): e.after = s
        default: break
        }
        if kind == .review && (e.rating == nil || e.after == nil) {
            throw fail("a review without \"rating\" or \"after\"")
        }
        return e
    }

    private enum Key: UInt32 {
        case seq, kind, deck, card, time, rating, ms, typed, undoes, until, note, before, after
        case phase, step, stability, difficulty, due, last, reps, lapses, ease, interval
        case other
    }

    /// At a '{': consumes it; false when the object is empty (its '}' consumed too).
    private mutating func openObject() throws -> Bool {
        pos += 1
        skipSpace()
        if pos < end && b[pos] == UInt8(ascii: "}") {
            pos += 1
            return false
        }
        return true
    }

    /// Reads `"key" :` and leaves `pos` on the value.
    private mutating func memberKey() throws -> Key {
        skipSpace()
        guard pos < end, b[pos] == UInt8(ascii: "\"") else { throw Syntax(problem: "expected a quoted key", at: pos) }
        let key = try keyName()
        skipSpace()
        guard pos < end, b[pos] == UInt8(ascii: ":") else { throw Syntax(problem: "expected ':' after a key", at: pos) }
        pos += 1
        skipSpace()
        guard pos < end else { throw Syntax(problem: "the text ends where a value was expected", at: pos) }
        return key
    }

    /// After a member's value: true at ',' (another member follows), false at the closing '}'.
    private mutating func nextMember() throws -> Bool {
        skipSpace()
        guard pos < end else { throw Syntax(problem: "the text ends inside an object (missing '}')", at: pos) }
        if b[pos] == UInt8(ascii: ",") {
            pos += 1
            return true
        }
        if b[pos] == UInt8(ascii: "}") {
            pos += 1
            return false
        }
        throw Syntax(problem: "expected ',' or '}' in an object, found \(JSONEscape.describe(b[pos]))", at: pos)
    }

    private mutating func finish() throws {
        skipSpace()
        if pos < end { throw Syntax(problem: "unexpected text after the end of the JSON value", at: pos) }
    }

    private mutating func keyName() throws -> Key {
        let (s, e, escaped) = try stringSpan()
        if escaped {
            let text = try decodeString(s, e)
            return Array(text.utf8).withUnsafeBufferPointer { Self.key($0) }
        }
        return Self.key(UnsafeBufferPointer(start: b + s, count: e - s))
    }

    @inline(__always)
    private static func equals(_ k: UnsafeBufferPointer<UInt8>, _ s: StaticString) -> Bool {
        s.utf8CodeUnitCount == k.count && memcmp(k.baseAddress!, s.utf8Start, k.count) == 0
    }

    private static func key(_ k: UnsafeBufferPointer<UInt8>) -> Key {
        guard k.count >= 2 else { return .other }
        switch k[0] {
        case UInt8(ascii: "a"): return equals(k, "after") ? .after : .other
        case UInt8(ascii: "b"): return equals(k, "before") ? .before : .other
        case UInt8(ascii: "c"): return equals(k, "card") ? .card : .other
        case UInt8(ascii: "d"): return equals(k, "deck") ? .deck : equals(k, "due") ? .due : equals(k, "difficulty") ? .difficulty : .other
        case UInt8(ascii: "e"): return equals(k, "ease") ? .ease : .other
        case UInt8(ascii: "i"): return equals(k, "interval") ? .interval : .other
        case UInt8(ascii: "k"): return equals(k, "kind") ? .kind : .other
        case UInt8(ascii: "l"): return equals(k, "last") ? .last : equals(k, "lapses") ? .lapses : .other
        case UInt8(ascii: "m"): return equals(k, "ms") ? .ms : .other
        case UInt8(ascii: "n"): return equals(k, "note") ? .note : .other
        case UInt8(ascii: "p"): return equals(k, "phase") ? .phase : .other
        case UInt8(ascii: "r"): return equals(k, "rating") ? .rating : equals(k, "reps") ? .reps : .other
        case UInt8(ascii: "s"): return equals(k, "seq") ? .seq : equals(k, "step") ? .step : equals(k, "stability") ? .stability : .other
        case UInt8(ascii: "t"): return equals(k, "time") ? .time : equals(k, "typed") ? .typed : .other
        case UInt8(ascii: "u"): return equals(k, "until") ? .until : equals(k, "undoes") ? .undoes : .other
        default: return .other
        }
    }

    // MARK: typed member values (JSONValue's accessors: a wrong type reads as absent)

    private mutating func isNumberStart() -> Bool {
        let c = b[pos]
        return c == UInt8(ascii: "-") || (c >= 0x30 && c <= 0x39)
    }

    private mutating func intValue() throws -> Int? {
        guard isNumberStart() else {
            _ = try skipValue(depth: 1)
            return nil
        }
        let n = try number()
        guard n.rounded() == n, abs(n) < 9.0e15 else { return nil }
        return Int(n)
    }

    private mutating func doubleValue() throws -> Double? {
        guard isNumberStart() else {
            _ = try skipValue(depth: 1)
            return nil
        }
        return try number()
    }

    private mutating func stringValue() throws -> String? {
        guard b[pos] == UInt8(ascii: "\"") else {
            _ = try skipValue(depth: 1)
            return nil
        }
        let (s, e, escaped) = try stringSpan()
        if escaped { return try decodeString(s, e) }
        return try plainString(s, e)
    }

    private mutating func kindValue() throws -> LogEntry.Kind? {
        guard b[pos] == UInt8(ascii: "\"") else {
            _ = try skipValue(depth: 1)
            return nil
        }
        let (s, e, escaped) = try stringSpan()
        if escaped { return LogEntry.Kind(rawValue: try decodeString(s, e)) }
        let k = UnsafeBufferPointer(start: b + s, count: e - s)
        if Self.equals(k, "review") { return .review }
        if Self.equals(k, "undo") { return .undo }
        return LogEntry.Kind(rawValue: try plainString(s, e))
    }

    private mutating func deckValue() throws -> String? {
        guard b[pos] == UInt8(ascii: "\"") else {
            _ = try skipValue(depth: 1)
            return nil
        }
        let (s, e, escaped) = try stringSpan()
        if escaped { return try decodeString(s, e) }
        let n = e - s
        if n == lastDeckBytes.count, lastDeckBytes.withUnsafeBufferPointer({ memcmp($0.baseAddress!, b + s, n) == 0 }) {
            return lastDeck
        }
        let text = try plainString(s, e)
        lastDeckBytes = Array(UnsafeBufferPointer(start: b + s, count: n))
        lastDeck = text
        return text
    }

    /// A date member: null reads as absent; anything but an ISO 8601 string is bad.
    private mutating func dateValue() throws -> DateField {
        guard b[pos] == UInt8(ascii: "\"") else {
            return try skipValue(depth: 1) == "null" ? .null : .bad
        }
        let (s, e, escaped) = try stringSpan()
        if !escaped, let t = canonicalTime(s, e) { return .ok(Date(timeIntervalSince1970: t)) }
        let d = escaped ? ISODate.parse(try decodeString(s, e)) : ISODate.parse(bytes: UnsafeBufferPointer(start: b + s, count: e - s))
        return d.map { .ok($0) } ?? .bad
    }

    /// A card state member (`before`/`after`): null reads as absent, a non-object is bad.
    private mutating func stateValue() throws -> StateField {
        guard b[pos] == UInt8(ascii: "{") else {
            let type = try skipValue(depth: 1)
            return type == "null" ? .null : .bad("a card state is \(type), not an object")
        }
        var seen: UInt32 = 0
        var phase: CardPhase? = nil
        var step: Int? = nil
        var stability: Double? = nil
        var difficulty: Double? = nil
        var due = DateField.absent
        var last = DateField.absent
        var reps: Int? = nil
        var lapses: Int? = nil
        var ease: Double? = nil
        var interval: Double? = nil
        if try openObject() {
            repeat {
                let key = try memberKey()
                let bit: UInt32 = 1 << key.rawValue
                if seen & bit != 0 || key == .other {
                    _ = try skipValue(depth: 2)
                    continue
                }
                seen |= bit
                switch key {
                case .phase: phase = try phaseValue()
                case .step: step = try intValue()
                case .stability: stability = try doubleValue()
                case .difficulty: difficulty = try doubleValue()
                case .due: due = try dateValue()
                case .last: last = try dateValue()
                case .reps: reps = try intValue()
                case .lapses: lapses = try intValue()
                case .ease: ease = try doubleValue()
                case .interval: interval = try doubleValue()
                default: _ = try skipValue(depth: 2)
                }
            } while try nextMember()
        }
        guard let phase else { return .bad("a card state has no valid \"phase\"") }
        if case .bad = due { return .bad("\"due\" is not an ISO 8601 time") }
        if case .bad = last { return .bad("\"last\" is not an ISO 8601 time") }
        var st = SchedulingState(phase: phase)
        st.step = step
        if let stability, let difficulty { st.memory = MemoryState(stability: stability, difficulty: difficulty) }
        st.due = due.date
        st.lastReview = last.date
        st.reps = reps ?? 0
        st.lapses = lapses ?? 0
        st.ease = ease
        st.intervalDays = interval
        return .ok(st)
    }

    /// "YYYY-MM-DDTHH:MM:SSZ", the way the log writes times, read without the general parser
    /// (which handles every other form); nil when the text is not exactly that.
    private func canonicalTime(_ s: Int, _ e: Int) -> Double? {
        guard e - s == 20 else { return nil }
        let p = b + s
        guard p[4] == UInt8(ascii: "-"), p[7] == UInt8(ascii: "-"), p[10] == UInt8(ascii: "T"), p[13] == UInt8(ascii: ":"),
            p[16] == UInt8(ascii: ":"), p[19] == UInt8(ascii: "Z")
        else { return nil }
        var bad = false
        @inline(__always) func d2(_ i: Int) -> Int {
            let a = Int(p[i]) &- 0x30
            let c = Int(p[i + 1]) &- 0x30
            if a < 0 || a > 9 || c < 0 || c > 9 { bad = true }
            return a &* 10 &+ c
        }
        let y = d2(0) &* 100 &+ d2(2)
        let mo = d2(5)
        let d = d2(8)
        let h = d2(11)
        let mi = d2(14)
        let sec = d2(17)
        guard !bad, (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, sec <= 60 else { return nil }
        // Howard Hinnant's days_from_civil, as ISODate uses.
        let yy = mo <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return Double(days * 86_400 + h * 3600 + mi * 60 + sec)
    }

    private mutating func phaseValue() throws -> CardPhase? {
        guard b[pos] == UInt8(ascii: "\"") else {
            _ = try skipValue(depth: 1)
            return nil
        }
        let (s, e, escaped) = try stringSpan()
        if escaped { return CardPhase(rawValue: try decodeString(s, e)) }
        let k = UnsafeBufferPointer(start: b + s, count: e - s)
        if Self.equals(k, "review") { return .review }
        if Self.equals(k, "learning") { return .learning }
        if Self.equals(k, "new") { return .new }
        if Self.equals(k, "relearning") { return .relearning }
        return nil
    }

    // MARK: JSON grammar (as JSONParser)

    private mutating func skipSpace() {
        while pos < end {
            let c = b[pos]
            if c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A { pos += 1 } else { break }
        }
    }


    /// Skips any value, checking it; returns its type name (as JSONValue.typeName).
    private mutating func skipValue(depth: Int) throws -> String {
        guard depth < 512 else { throw Syntax(problem: "nested too deeply", at: pos) }
        guard pos < end else { throw Syntax(problem: "the text ends where a value was expected", at: pos) }
        switch b[pos] {
        case UInt8(ascii: "{"):
            pos += 1
            skipSpace()
            if pos < end && b[pos] == UInt8(ascii: "}") {
                pos += 1
                return "an object"
            }
            while true {
                skipSpace()
                guard pos < end, b[pos] == UInt8(ascii: "\"") else { throw Syntax(problem: "expected a quoted key", at: pos) }
                _ = try stringSpan()
                skipSpace()
                guard pos < end, b[pos] == UInt8(ascii: ":") else { throw Syntax(problem: "expected ':' after a key", at: pos) }
                pos += 1
                skipSpace()
                _ = try skipValue(depth: depth + 1)
                skipSpace()
                guard pos < end else { throw Syntax(problem: "the text ends inside an object (missing '}')", at: pos) }
                if b[pos] == UInt8(ascii: ",") {
                    pos += 1
                    continue
                }
                if b[pos] == UInt8(ascii: "}") {
                    pos += 1
                    return "an object"
                }
                throw Syntax(problem: "expected ',' or '}' in an object, found \(JSONEscape.describe(b[pos]))", at: pos)
            }
        case UInt8(ascii: "["):
            pos += 1
            skipSpace()
            if pos < end && b[pos] == UInt8(ascii: "]") {
                pos += 1
                return "a list"
            }
            while true {
                skipSpace()
                _ = try skipValue(depth: depth + 1)
                skipSpace()
                guard pos < end else { throw Syntax(problem: "the text ends inside a list (missing ']')", at: pos) }
                if b[pos] == UInt8(ascii: ",") {
                    pos += 1
                    continue
                }
                if b[pos] == UInt8(ascii: "]") {
                    pos += 1
                    return "a list"
                }
                throw Syntax(problem: "expected ',' or ']' in a list, found \(JSONEscape.describe(b[pos]))", at: pos)
            }
        case UInt8(ascii: "\""):
            let (s, e, escaped) = try stringSpan()
            // Validate like the tree parser does (UTF-8, escapes), without making a String for ASCII.
            if escaped {
                _ = try decodeString(s, e)
            } else if !isASCII(s, e) {
                _ = try plainString(s, e)
            }
            return "text"
        case UInt8(ascii: "t"): try literal("true"); return "true/false"
        case UInt8(ascii: "f"): try literal("false"); return "true/false"
        case UInt8(ascii: "n"): try literal("null"); return "null"
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            _ = try number()
            return "a number"
        default:
            throw Syntax(problem: "unexpected character \(JSONEscape.describe(b[pos])) where a value was expected", at: pos)
        }
    }

    private mutating func literal(_ word: StaticString) throws {
        let n = word.utf8CodeUnitCount
        guard end - pos >= n, memcmp(b + pos, word.utf8Start, n) == 0 else {
            throw Syntax(problem: "unexpected word; expected \(word)", at: pos)
        }
        pos += n
    }

    /// Finds the string at `pos` (on its opening quote): the span of its body, and whether it has escapes.
    private mutating func stringSpan() throws -> (Int, Int, Bool) {
        pos += 1
        let start = pos
        var escaped = false
        while true {
            // Eight bytes at a time while none is a quote, a backslash or a control character.
            while pos + 8 <= end {
                let v = UInt64(littleEndian: UnsafeRawPointer(b + pos).loadUnaligned(as: UInt64.self))
                let ones: UInt64 = 0x0101_0101_0101_0101
                let high: UInt64 = 0x8080_8080_8080_8080
                let q = v ^ (ones &* 0x22)
                let bs = v ^ (ones &* 0x5C)
                let special = (((q &- ones) & ~q) | ((bs &- ones) & ~bs) | ((v &- ones &* 0x20) & ~v)) & high
                if special != 0 {
                    // The lowest flagged byte is a real one (borrows only reach higher bytes).
                    pos += special.trailingZeroBitCount >> 3
                    break
                }
                pos += 8
            }
            guard pos < end else { break }
            let c = b[pos]
            if c == UInt8(ascii: "\"") {
                pos += 1
                return (start, pos - 1, escaped)
            }
            if c == UInt8(ascii: "\\") {
                escaped = true
                pos += 2
                continue
            }
            if c < 0x20 { throw Syntax(problem: "control character inside text (newlines must be written \\n)", at: pos) }
            pos += 1
        }
        throw Syntax(problem: "the text ends inside a string (missing closing quote)", at: min(pos, end))
    }

    private func isASCII(_ s: Int, _ e: Int) -> Bool {
        var i = s
        while i + 8 <= e {
            if UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            i += 8
        }
        while i < e {
            if b[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }

    private func plainString(_ s: Int, _ e: Int) throws -> String {
        let bytes = UnsafeBufferPointer(start: b + s, count: e - s)
        // ASCII is valid UTF-8: skip the (unspecialised, slower) validating initialiser.
        if isASCII(s, e) { return String(decoding: bytes, as: UTF8.self) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw Syntax(problem: "text is not valid UTF-8", at: s)
        }
        return text
    }

    /// Decodes a string body with escapes (rare in the log: ids and notes with quotes or non-ASCII escapes).
    private func decodeString(_ s: Int, _ e: Int) throws -> String {
        var out: [UInt8] = []
        out.reserveCapacity(e - s)
        var i = s
        while i < e {
            let c = b[i]
            if c != UInt8(ascii: "\\") {
                out.append(c)
                i += 1
                continue
            }
            i += 1
            guard i < e else { throw Syntax(problem: "the text ends inside a string (missing closing quote)", at: i) }
            do {
                try JSONEscape.decode(b, &i, end: e, into: &out)
            } catch {
                throw Syntax(problem: error.message, at: error.at)
            }
        }
        guard let text = String(validating: out, as: UTF8.self) else { throw Syntax(problem: "text is not valid UTF-8", at: s) }
        return text
    }

    private mutating func number() throws -> Double {
        do {
            return try JSONNumber.read(b, &pos, end: end)
        } catch {
            throw Syntax(problem: error.message, at: error.at)
        }
    }
}
