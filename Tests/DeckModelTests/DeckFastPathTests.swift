import DeckModel
import JSONKit
import Testing

/// The byte-level fast path of `DeckCodec.decode` must give exactly what the generic
/// JSONValue path gives, and must never accept a file the generic path refuses.
@Suite struct DeckFastPathTests {
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

    /// JSON string literal pieces: plain, escaped, raw and escaped unicode, surrogate pairs.
    static let pieces = [
        "a", "Jupiter", " ", "x y", "\\\"", "\\\\", "\\/", "/", "\\n", "\\t", "\\r", "\\b", "\\f", "\\u00e9", "é", "日本語",
        "😀", "\\ud83d\\ude00", "\\u0041", "e\u{301}", "____", "?", "\\u2028", "'", "{", "]", ":",
    ]

    static func text(_ r: inout RNG, nonEmpty: Bool = true, extra: String = "") -> String {
        var s = extra
        let n = r.int(5) + (nonEmpty ? 1 : 0)
        for _ in 0..<n { s += r.pick(pieces) }
        return "\"" + s + "\""
    }

    static func ws(_ r: inout RNG) -> String { r.pick(["", "", " ", "\n", "\n  ", "\t", " \r\n"]) }

    /// Any JSON value, for unknown members that must be skipped.
    static func anyValue(_ r: inout RNG, depth: Int = 0) -> String {
        switch r.int(depth > 2 ? 5 : 7) {
        case 0: return "null"
        case 1: return r.pick(["true", "false"])
        case 2: return r.pick(["0", "-1", "3.25", "1e3", "-2.5E-2", "123456789012345678901"])
        case 3: return text(&r, nonEmpty: false)
        case 4: return "[]"
        case 5: return "[" + (0..<r.int(3) + 1).map { _ in anyValue(&r, depth: depth + 1) }.joined(separator: ",") + "]"
        default:
            return "{" + (0..<r.int(3)).map { _ in text(&r, nonEmpty: false) + ":" + anyValue(&r, depth: depth + 1) }.joined(separator: ", ") + "}"
        }
    }

    static func object(_ r: inout RNG, _ members: [(String, String)]) -> String {
        var m = members
        for _ in 0..<(r.chance(0.3) ? r.int(3) + 1 : 0) {
            m.append((r.pick(["future", "x-note", "tags", "ïd", "schema"]), anyValue(&r)))
        }
        // Members in any order.
        for i in stride(from: m.count - 1, to: 0, by: -1) { m.swapAt(i, r.int(i + 1)) }
        return "{" + m.map { ws(&r) + "\"" + $0.0 + "\"" + ws(&r) + ":" + ws(&r) + $0.1 }.joined(separator: ",") + ws(&r) + "}"
    }

    static func card(_ r: inout RNG, _ i: Int) -> String {
        var m: [(String, String)] = []
        m.append(("id", text(&r, extra: "c-\(i)-")))
        let type = r.pick(["question", "cloze", "choice", "truefalse"])
        // Sometimes with an escape (the type must then be decoded, not matched as bytes).
        m.append(("type", r.chance(0.1) ? "\"\\u00\(String(type.utf8.first!, radix: 16))\(type.dropFirst())\"" : "\"\(type)\""))
        let isChoice = type == "choice"
        m.append(("question", type == "cloze" ? text(&r, extra: "q ____ ") : text(&r)))
        let answer = text(&r)
        m.append(("answer", answer))
        if isChoice || r.chance(0.3) {
            var choices = [answer, text(&r)]
            if r.chance(0.5) { choices.append(text(&r)) }
            choices.swapAt(0, r.int(choices.count))
            m.append(("choices", "[" + choices.joined(separator: "," + ws(&r)) + "]"))
        } else if r.chance(0.2) {
            m.append(("choices", r.pick(["null", "[]"])))
        }
        if r.chance(0.4) { m.append(("accept", r.chance(0.2) ? "null" : "[" + (0..<r.int(3)).map { _ in text(&r) }.joined(separator: ",") + "]")) }
        switch r.int(5) {
        case 0: break
        case 1: m.append(("source", "null"))
        case 2: m.append(("source", text(&r, nonEmpty: false)))
        default:
            var s: [(String, String)] = []
            if r.chance(0.8) { s.append(("sentence", r.chance(0.1) ? "null" : text(&r, nonEmpty: false))) }
            if r.chance(0.5) { s.append(("section", r.chance(0.2) ? "null" : text(&r))) }
            if r.chance(0.5) { s.append(("paragraph", r.pick(["0", "3", "2.5", "null", "12e1", "-4"]))) }
            if r.chance(0.5) { s.append(("index", r.pick(["1", "7.0", "null", "1.5e1"]))) }
            m.append(("source", object(&r, s)))
        }
        if r.chance(0.8) { m.append(("score", r.pick(["0", "1", "0.5", "0.9", "null", "2.5e-1", "0.333333333333333314829616256247", "1E0", "0.0"]))) }
        if r.chance(0.3) { m.append(("fact", r.chance(0.2) ? "null" : text(&r))) }
        if r.chance(0.3) { m.append(("claim", r.chance(0.15) ? "null" : claim(&r))) }
        // A repeated member: the first one counts on both paths.
        if r.chance(0.05) { m.append(("score", "0.125")) }
        return object(&r, m)
    }

    /// A valid claim: the required members, some optional ones (or null), escapes in text.
    static func claim(_ r: inout RNG) -> String {
        var m: [(String, String)] = [
            ("subject", text(&r, extra: "s")), ("quantity", text(&r, extra: "q")), ("unit", text(&r, extra: "u")),
            ("kind", text(&r, extra: "k")), ("value", r.pick(["85", "84.6", "-3", "1e9", "0", "1088.0", "2.5E-1"])),
        ]
        let low = r.pick(["1", "10.5", "-2e1"])
        if r.chance(0.3) { m.append(("low", r.chance(0.2) ? "null" : low)) }
        if r.chance(0.3) { m.append(("high", r.chance(0.2) ? "null" : "1e6")) }
        for flag in ["approximate", "trend"] where r.chance(0.4) { m.append((flag, r.pick(["true", "false", "null"]))) }
        if r.chance(0.3) { m.append(("time", r.pick(["null", "\"2019\"", "\" 2019 - 2020\"", "\"\""]))) }
        return object(&r, m)
    }

    static func deck(_ r: inout RNG) -> String {
        var m: [(String, String)] = [
            ("format", r.chance(0.1) ? "\"factdeck\\u002edeck\"" : "\"factdeck.deck\""),
            ("version", r.pick(["1", "1.0", "1e0"])),
            ("id", text(&r, extra: "d")),
        ]
        if r.chance(0.7) { m.append(("title", r.chance(0.2) ? "null" : text(&r, nonEmpty: false))) }
        if r.chance(0.7) {
            if r.chance(0.2) {
                m.append(("source", "null"))
            } else {
                var s: [(String, String)] = []
                for k in ["path", "title", "checksum", "generator"] where r.chance(0.5) {
                    s.append((k, r.chance(0.2) ? "null" : text(&r, nonEmpty: false)))
                }
                m.append(("source", object(&r, s)))
            }
        }
        let cards = (0..<r.int(12)).map { card(&r, $0) }
        m.append(("cards", "[" + ws(&r) + cards.joined(separator: "," + ws(&r)) + ws(&r) + "]"))
        return ws(&r) + object(&r, m) + ws(&r)
    }

    static func generic(_ bytes: [UInt8]) -> Deck? {
        guard let root = try? JSONParser.parse(bytes) else { return nil }
        return try? DeckCodec.decode(root, path: "p.json")
    }

    @Test(arguments: 0..<8)
    func fastPathEqualsGenericPath(seed: Int) throws {
        var r = RNG(state: UInt64(seed) &* 7919 &+ 1)
        for _ in 0..<150 {
            let text = Self.deck(&r)
            let bytes = Array(text.utf8)
            let root = try JSONParser.parse(bytes)
            let expected = try DeckCodec.decode(root, path: "p.json")
            let fast = DeckCodec.decodeFast(bytes)
            #expect(fast != nil, "fast path declined a valid deck:\n\(text)")
            #expect(fast == expected, "\(text)")
            #expect(try DeckCodec.decode(bytes, path: "p.json") == expected)
        }
    }

    /// Damaged variants: whatever the generic path refuses, the fast path must refuse too.
    @Test(arguments: 0..<4)
    func fastPathNeverAcceptsWhatGenericRefuses(seed: Int) {
        var r = RNG(state: UInt64(seed) &+ 1000)
        let junk: [[UInt8]] = [[0x22], [0x5C], [0x2C], [0x7D], [0x5D], [0x7B], [0x3A], [0x00], [0xFF], [0x30], [0x2D], Array("null".utf8), Array("\"\\u12\"".utf8), []]
        for _ in 0..<400 {
            var bytes = Array(Self.deck(&r).utf8)
            let at = r.int(bytes.count + 1)
            switch r.int(3) {
            case 0: bytes.removeSubrange(at..<min(bytes.count, at + r.int(4) + 1))
            case 1: bytes.insert(contentsOf: r.pick(junk), at: at)
            default: bytes.removeSubrange(at..<bytes.count)
            }
            let expected = Self.generic(bytes)
            let fast = DeckCodec.decodeFast(bytes)
            if expected == nil {
                #expect(fast == nil, "fast path accepted a deck the generic path refuses:\n\(String(decoding: bytes, as: UTF8.self))")
            } else if let fast {
                #expect(fast == expected)
            }
        }
    }

    /// Shapes the fast path leaves to the generic path still decode the same.
    @Test(arguments: [
        #"{"format":"factdeck.deck","version":1,"id":"d","title":7,"source":"x","cards":[]}"#,
        #"{"format":"factdeck.deck","version":1,"id":"d","cards":[{"id":"a","type":"question","question":"q","answer":"a","fact":3,"source":5}]}"#,
        #"{"\u0066ormat":"factdeck.deck","version":1,"id":"d","cards":[]}"#,
        #"{"format":"factdeck.deck","version":1,"id":"d","source":{"path":1},"cards":[{"id":"a","type":"question","question":"q","answer":"a","source":{"sentence":2,"section":false}}]}"#,
    ])
    func oddButValidShapesFallBack(text: String) throws {
        let bytes = Array(text.utf8)
        let expected = try DeckCodec.decode(JSONParser.parse(bytes), path: "p")
        #expect(try DeckCodec.decode(bytes, path: "p") == expected)
    }

    @Test func encodedDecksTakeTheFastPath() throws {
        let bytes = DeckCodec.encode(DeckCodecTests.sample)
        #expect(DeckCodec.decodeFast(bytes) == DeckCodecTests.sample)
    }
}
