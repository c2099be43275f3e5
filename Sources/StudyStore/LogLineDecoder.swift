import Foundation
import ISOTime
import JSONKit
import Scheduling

#if canImport(Glibc)
import Glibc
#endif

/// Why one log line was rejected (wording shared with `ReviewLog.scan`).
struct LogLineProblem: Error {
    var text: String
}

/// Decodes one line of the log into a `LogEntry`, straight from its bytes.
///
/// JSONKit's `JSONScanner` reads the line (the one JSON grammar) and the members are handed
/// to `ProgressCoding.entry`, which holds the log's rules, so this reader and the tree path
/// cannot disagree about what a valid entry is. Anything the scanner does not expect (a
/// syntax error, escaped keys, an odd card state) goes to `JSONParser` and
/// `ProgressCoding`, which decide and word the problem.
struct LogLineDecoder {
    private let b: UnsafePointer<UInt8>
    private let includeTyped: Bool
    /// The last deck id seen, reused while the log stays in one deck (saves a String per line).
    private var lastDeckBytes: [UInt8] = []
    private var lastDeck = ""

    init(base: UnsafePointer<UInt8>, includeTyped: Bool) {
        b = base
        self.includeTyped = includeTyped
    }

    /// Why the last line given to `decode` was rejected.
    private(set) var problem = ""

    /// The entry on bytes `start..<stop`, or nil with `problem` set.
    mutating func decode(from start: Int, to stop: Int) -> LogEntry? {
        let line = UnsafeBufferPointer(start: b + start, count: stop - start)
        var scanner = JSONScanner(line)
        // Filled in place and read where it lies: the members are a few hundred bytes, and
        // copies of them through optionals cost a tenth of a stats pass.
        var members = ProgressCoding.EntryMembers()
        do {
            try read(&scanner, into: &members)
            return try ProgressCoding.entry(members)
        } catch {}
        do {
            return try ProgressCoding.entry(JSONParser.parse(line))
        } catch let error as JSONSyntaxError {
            problem = error.problem
        } catch let error as ProgressCoding.Invalid {
            problem = error.problem
        } catch {
            problem = "\(error)"
        }
        return nil
    }

    /// The entry's members, read as JSONValue's accessors read them (a wrong type reads as
    /// absent, the first of duplicate keys wins). Straight-line code: no closures or generic
    /// wrappers per member, since a million lines go through here.
    private mutating func read(_ s: inout JSONScanner, into m: inout ProgressCoding.EntryMembers) throws(JSONScanner.Mismatch) {
        guard try s.beginObject() else {
            try s.finish()
            return
        }
        var seen: UInt32 = 0
        repeat {
            let key = Key(try s.key())
            let bit: UInt32 = 1 << key.rawValue
            if seen & bit != 0 || key == .other {
                try s.skipValue(depth: 1)
                continue
            }
            seen |= bit
            switch key {
            case .seq: m.seq = try Self.int(&s)
            case .kind: m.kind = try Self.kind(&s)
            case .deck: m.deck = try deck(&s)
            case .card: m.card = try Self.string(&s)
            case .time: m.time = try Self.date(&s)
            case .rating:
                m.ratingPresent = true
                m.rating = try Self.int(&s)
            case .ms: m.ms = try Self.int(&s)
            case .typed:
                if includeTyped { m.typed = try Self.string(&s) } else { try s.skipValue(depth: 1) }
            case .undoes: m.undoes = try Self.int(&s)
            case .until: m.until = try Self.date(&s)
            case .note: m.note = try Self.string(&s)
            case .before: m.before = try Self.state(&s)
            case .after: m.after = try Self.state(&s)
            case .other: break
            }
        } while try s.nextMember()
        try s.finish()
    }

    private enum Key: UInt32 {
        case seq, kind, deck, card, time, rating, ms, typed, undoes, until, note, before, after
        case other

        init(_ k: UnsafeBufferPointer<UInt8>) {
            guard k.count >= 2 else {
                self = .other
                return
            }
            switch k[0] {
            case UInt8(ascii: "a"): self = JSONScanner.equals(k, "after") ? .after : .other
            case UInt8(ascii: "b"): self = JSONScanner.equals(k, "before") ? .before : .other
            case UInt8(ascii: "c"): self = JSONScanner.equals(k, "card") ? .card : .other
            case UInt8(ascii: "d"): self = JSONScanner.equals(k, "deck") ? .deck : .other
            case UInt8(ascii: "k"): self = JSONScanner.equals(k, "kind") ? .kind : .other
            case UInt8(ascii: "m"): self = JSONScanner.equals(k, "ms") ? .ms : .other
            case UInt8(ascii: "n"): self = JSONScanner.equals(k, "note") ? .note : .other
            case UInt8(ascii: "r"): self = JSONScanner.equals(k, "rating") ? .rating : .other
            case UInt8(ascii: "s"): self = JSONScanner.equals(k, "seq") ? .seq : .other
            case UInt8(ascii: "t"): self = JSONScanner.equals(k, "time") ? .time : JSONScanner.equals(k, "typed") ? .typed : .other
            case UInt8(ascii: "u"): self = JSONScanner.equals(k, "until") ? .until : JSONScanner.equals(k, "undoes") ? .undoes : .other
            default: self = .other
            }
        }
    }

    // MARK: typed member values (JSONValue's accessors: a wrong type reads as absent)

    @inline(__always)
    private static func int(_ s: inout JSONScanner) throws(JSONScanner.Mismatch) -> Int? {
        guard let c = s.peek(), c == UInt8(ascii: "-") || (c >= 0x30 && c <= 0x39) else {
            try s.skipValue(depth: 1)
            return nil
        }
        return JSONScanner.intValue(try s.number())
    }

    @inline(__always)
    private static func string(_ s: inout JSONScanner) throws(JSONScanner.Mismatch) -> String? {
        guard s.peek() == UInt8(ascii: "\"") else {
            try s.skipValue(depth: 1)
            return nil
        }
        return try s.string()
    }

    @inline(__always)
    private static func kind(_ s: inout JSONScanner) throws(JSONScanner.Mismatch) -> LogEntry.Kind? {
        guard s.peek() == UInt8(ascii: "\"") else {
            try s.skipValue(depth: 1)
            return nil
        }
        if let k = try s.plainStringBytes() {
            if JSONScanner.equals(k, "review") { return .review }
            if JSONScanner.equals(k, "undo") { return .undo }
            guard let text = String(validating: k, as: UTF8.self) else { throw JSONScanner.Mismatch() }
            return LogEntry.Kind(rawValue: text)
        }
        return LogEntry.Kind(rawValue: try s.string())
    }

    @inline(__always)
    private mutating func deck(_ s: inout JSONScanner) throws(JSONScanner.Mismatch) -> String? {
        guard s.peek() == UInt8(ascii: "\"") else {
            try s.skipValue(depth: 1)
            return nil
        }
        guard let raw = try s.plainStringBytes() else { return try s.string() }
        if raw.count == lastDeckBytes.count,
            raw.count == 0 || lastDeckBytes.withUnsafeBufferPointer({ memcmp($0.baseAddress!, raw.baseAddress!, raw.count) == 0 })
        {
            return lastDeck
        }
        guard let text = String(validating: raw, as: UTF8.self) else { throw JSONScanner.Mismatch() }
        lastDeckBytes = Array(raw)
        lastDeck = text
        return text
    }

    /// A time member: null reads as absent; anything but an ISO 8601 string is bad.
    @inline(__always)
    private static func date(_ s: inout JSONScanner) throws(JSONScanner.Mismatch) -> ProgressCoding.DateMember {
        if s.null() { return .absent }
        guard s.peek() == UInt8(ascii: "\"") else {
            try s.skipValue(depth: 1)
            return .bad
        }
        let date: Date?
        if let raw = try s.plainStringBytes() {
            date = ISODate.parse(bytes: raw)
        } else {
            date = ISODate.parse(try s.string())
        }
        return date.map { .ok($0) } ?? .bad
    }

    /// A card state member: null reads as absent; an object in the usual shape is read as the
    /// snapshots read it; anything else goes to the tree path, which words the problem.
    @inline(__always)
    private static func state(_ s: inout JSONScanner) throws(JSONScanner.Mismatch) -> ProgressCoding.StateMember {
        if s.null() { return .absent }
        return .state(try SnapshotFastDecoder.schedule(&s))
    }
}
