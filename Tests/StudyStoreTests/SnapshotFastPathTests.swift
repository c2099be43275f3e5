import Foundation
import Testing

@testable import StudyStore

/// The byte-level fast path of `ProgressSnapshot.decode` must give exactly what the generic
/// JSONValue path gives, and must never accept a snapshot the generic path refuses.
@Suite struct SnapshotFastPathTests {
    struct RNG {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func chance(_ p: Double) -> Bool { Double(next() % 1_000_000) / 1_000_000 < p }
        mutating func pick<T>(_ xs: [T]) -> T { xs[int(xs.count)] }
    }

    static let pieces = ["c", "-01", "x y", "\\\"", "\\\\", "\\/", "\\n", "\\u00e9", "é", "日本", "😀", "\\ud83d\\ude00", "e\u{301}", "\\u0041"]

    static func text(_ r: inout RNG) -> String {
        "\"" + (0..<r.int(4) + 1).map { _ in r.pick(pieces) }.joined() + "\""
    }

    static func ws(_ r: inout RNG) -> String { r.pick(["", "", " ", "\n", "\n  "]) }

    static func anyValue(_ r: inout RNG, depth: Int = 0) -> String {
        switch r.int(depth > 2 ? 4 : 6) {
        case 0: return "null"
        case 1: return r.pick(["true", "false", "0", "-2.5e3", "17"])
        case 2: return text(&r)
        case 3: return "[]"
        case 4: return "[" + (0..<r.int(3) + 1).map { _ in anyValue(&r, depth: depth + 1) }.joined(separator: ",") + "]"
        default: return "{" + (0..<r.int(3)).map { _ in text(&r) + ":" + anyValue(&r, depth: depth + 1) }.joined(separator: ",") + "}"
        }
    }

    static func object(_ r: inout RNG, _ members: [(String, String)]) -> String {
        var m = members
        for _ in 0..<(r.chance(0.2) ? r.int(2) + 1 : 0) { m.append((r.pick(["future", "ñote", "tags"]), anyValue(&r))) }
        for i in stride(from: m.count - 1, to: 0, by: -1) { m.swapAt(i, r.int(i + 1)) }
        return "{" + m.map { ws(&r) + "\"" + $0.0 + "\":" + ws(&r) + $0.1 }.joined(separator: ",") + ws(&r) + "}"
    }

    static let dates = [
        "\"2026-11-23T10:00:00Z\"", "\"2026-11-23T10:00:00.123Z\"", "\"2026-11-23\"", "\"2026-11-23T10:00+02:00\"",
        "\"2027-01-05T23:59:59.5-05:30\"", "\"\\u0032026-11-23T10:00:00Z\"", "null",
    ]

    static func state(_ r: inout RNG) -> String {
        var m: [(String, String)] = [("phase", r.pick(["\"new\"", "\"learning\"", "\"review\"", "\"relearning\"", "\"r\\u0065view\""]))]
        if r.chance(0.6) { m.append(("stability", r.pick(["400", "23.4256", "null", "1e-3"]))) }
        if r.chance(0.6) { m.append(("difficulty", r.pick(["7.0918", "5", "null"]))) }
        if r.chance(0.7) { m.append(("due", r.pick(dates))) }
        if r.chance(0.7) { m.append(("last", r.pick(dates))) }
        if r.chance(0.8) { m.append(("reps", r.pick(["0", "12", "null", "2.5", "3e0"]))) }
        if r.chance(0.8) { m.append(("lapses", r.pick(["0", "2", "null"]))) }
        if r.chance(0.3) { m.append(("step", r.pick(["0", "1", "null", "1.5"]))) }
        if r.chance(0.3) { m.append(("ease", r.pick(["2.5", "1.3", "null"]))) }
        if r.chance(0.3) { m.append(("interval", r.pick(["1", "6.5", "null"]))) }
        if r.chance(0.05) { m.append(("reps", "99")) }  // a repeated member: the first counts
        return object(&r, m)
    }

    static func snapshot(_ r: inout RNG) -> String {
        var cards: [String] = []
        for i in 0..<r.int(15) {
            var m: [(String, String)] = [("state", state(&r))]
            if r.chance(0.2) { m.append(("suspended", r.pick(["true", "false", "null"]))) }
            if r.chance(0.2) { m.append(("buried", r.pick(dates))) }
            if r.chance(0.2) { m.append(("flag", r.chance(0.2) ? "null" : text(&r))) }
            // Sometimes an id again: the last one counts on both paths.
            let id = r.chance(0.05) && i > 0 ? "\"c-0\"" : "\"c-\(i)\(text(&r).dropFirst())"
            cards.append("\n" + id + ":" + ws(&r) + object(&r, m))
        }
        var m: [(String, String)] = [
            ("format", r.chance(0.1) ? "\"factdeck.progres\\u0073\"" : "\"factdeck.progress\""),
            ("version", r.pick(["1", "1.0", "0", "-3"])),
            ("deck", text(&r)),
            ("cards", "{" + cards.joined(separator: ",") + "\n}"),
        ]
        if r.chance(0.8) { m.append(("logSize", r.pick(["0", "424613892", "null", "2.5"]))) }
        if r.chance(0.8) { m.append(("logSeq", r.pick(["0", "200", "null"]))) }
        return object(&r, m) + ws(&r)
    }

    static func same(_ a: ProgressSnapshot, _ b: ProgressSnapshot) -> Bool {
        a.deck == b.deck && a.cards == b.cards && a.logSize == b.logSize && a.logSeq == b.logSeq
    }

    @Test(arguments: 0..<8)
    func fastPathEqualsGenericPath(seed: Int) throws {
        var r = RNG(state: UInt64(seed) &* 104_729 &+ 5)
        for _ in 0..<150 {
            let text = Self.snapshot(&r)
            let bytes = Array(text.utf8)
            let expected = try ProgressSnapshot.decodeGeneric(bytes, path: "s.json")
            guard let fast = ProgressSnapshot.decodeFast(bytes) else {
                Issue.record("fast path declined a valid snapshot:\n\(text)")
                continue
            }
            #expect(Self.same(fast, expected), "\(text)")
            #expect(Self.same(try ProgressSnapshot.decode(bytes, path: "s.json"), expected))
        }
    }

    @Test func encodedSnapshotsTakeTheFastPath() throws {
        var snap = ProgressSnapshot(deck: "d\"é", logSize: 123, logSeq: 7)
        snap.cards["a"] = CardProgress(schedule: .init(phase: .review, memory: .init(stability: 3.25, difficulty: 5), due: Date(timeIntervalSince1970: 1.8e9), lastReview: Date(timeIntervalSince1970: 1.7e9 + 0.25), reps: 3, lapses: 1), suspended: true, buriedUntil: Date(timeIntervalSince1970: 1.75e9), flagNote: "typo\n")
        snap.cards["b\u{1F600}"] = CardProgress(schedule: .init(phase: .learning, step: 1, ease: 2.5, intervalDays: 0.5))
        let bytes = snap.encoded()
        let fast = try #require(ProgressSnapshot.decodeFast(bytes))
        #expect(Self.same(fast, try ProgressSnapshot.decodeGeneric(bytes, path: "s")))
        #expect(Self.same(fast, snap))
    }

    /// Damaged variants: whatever the generic path refuses, the fast path must refuse too.
    @Test(arguments: 0..<4)
    func fastPathNeverAcceptsWhatGenericRefuses(seed: Int) {
        var r = RNG(state: UInt64(seed) &+ 77)
        let junk: [[UInt8]] = [[0x22], [0x5C], [0x2C], [0x7D], [0x7B], [0x3A], [0x00], [0xFF], [0x35], Array("null".utf8), Array("\"x\"".utf8), []]
        for _ in 0..<400 {
            var bytes = Array(Self.snapshot(&r).utf8)
            let at = r.int(bytes.count + 1)
            switch r.int(3) {
            case 0: bytes.removeSubrange(at..<min(bytes.count, at + r.int(4) + 1))
            case 1: bytes.insert(contentsOf: r.pick(junk), at: at)
            default: bytes.removeSubrange(at..<bytes.count)
            }
            let expected = try? ProgressSnapshot.decodeGeneric(bytes, path: "s")
            let fast = ProgressSnapshot.decodeFast(bytes)
            if let expected {
                if let fast { #expect(Self.same(fast, expected)) }
            } else {
                #expect(fast == nil, "fast path accepted a snapshot the generic path refuses:\n\(String(decoding: bytes, as: UTF8.self))")
            }
        }
    }
}
