/// Appends JSON text to a byte buffer. Hand-written because JSONEncoder is 16-28x slower
/// than orjson on Linux (TOOLCHAIN.md §4) and the log is written on every answer.
public struct JSONWriter: Sendable {
    public var bytes: [UInt8] = []

    public init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Writes a JSON string literal with the escapes JSON requires.
    public mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { string(utf8: $0) }
    }

    /// Writes UTF-8 text as a JSON string literal with the escapes JSON requires.
    public mutating func string(utf8 text: some Sequence<UInt8>) {
        bytes.append(0x22)
        for c in text {
            switch c {
            case 0x22: bytes.append(0x5C); bytes.append(0x22)
            case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
            case 0x0A: bytes.append(0x5C); bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(0x5C); bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(0x5C); bytes.append(UInt8(ascii: "t"))
            case 0..<0x20, 0x7F:
                bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30])
                bytes.append(Self.hex[Int(c >> 4)])
                bytes.append(Self.hex[Int(c & 0xF)])
            default: bytes.append(c)
            }
        }
        bytes.append(0x22)
    }

    /// Writes a number: integers without a fraction, others in shortest round-trip form.
    public mutating func number(_ d: Double) {
        if d.isNaN || d.isInfinite {
            raw("null")
        } else if d == d.rounded(), abs(d) < 1e15 {
            int(Int(d))
        } else {
            raw(d.description)
        }
    }

    public mutating func int(_ i: Int) {
        if i == 0 {
            bytes.append(0x30)
            return
        }
        var v = i.magnitude
        if i < 0 { bytes.append(UInt8(ascii: "-")) }
        var tmp: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                  UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &tmp) { t in
            while v > 0 {
                t[n] = UInt8(v % 10) + 0x30
                v /= 10
                n += 1
            }
            while n > 0 {
                n -= 1
                bytes.append(t[n])
            }
        }
    }

    public mutating func bool(_ b: Bool) { raw(b ? "true" : "false") }
    public mutating func null() { raw("null") }

    /// Appends bytes verbatim (punctuation, pre-rendered values).
    public mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }
    public mutating func raw(_ c: UInt8) { bytes.append(c) }

    /// Writes any JSONValue; `indent` > 0 pretty-prints with that many spaces per level.
    public mutating func value(_ v: JSONValue, indent: Int = 0, level: Int = 0) {
        switch v {
        case .null: null()
        case .bool(let b): bool(b)
        case .number(let n): number(n)
        case .string(let s): string(s)
        case .array(let items):
            if items.isEmpty { raw("[]"); return }
            raw(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { raw(UInt8(ascii: ",")) }
                newline(indent, level + 1)
                value(item, indent: indent, level: level + 1)
            }
            newline(indent, level)
            raw(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { raw("{}"); return }
            raw(UInt8(ascii: "{"))
            for (i, (k, item)) in members.enumerated() {
                if i > 0 { raw(UInt8(ascii: ",")) }
                newline(indent, level + 1)
                string(k)
                raw(indent > 0 ? ": " : ":")
                value(item, indent: indent, level: level + 1)
            }
            newline(indent, level)
            raw(UInt8(ascii: "}"))
        }
    }

    private mutating func newline(_ indent: Int, _ level: Int) {
        guard indent > 0 else { return }
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: indent * level))
    }
}

extension JSONValue {
    /// The value as JSON text (compact, or pretty with `indent` spaces).
    public func encoded(indent: Int = 0) -> [UInt8] {
        var w = JSONWriter()
        w.value(self, indent: indent)
        return w.bytes
    }
}
