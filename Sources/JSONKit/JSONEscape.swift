/// One escape sequence of a JSON string: decoded in one place for `JSONParser`, `JSONScanner`
/// and the review-log scanner, so the three agree on what a string means and why it is wrong.
/// The slow path only: strings without a backslash never come here.
public enum JSONEscape {
    /// Why an escape is invalid, in the words the parsers report, and the offset it concerns.
    public struct Problem: Error {
        public let message: String
        public let at: Int
    }

    /// Decodes the escape whose letter sits at `pos` (just past the backslash; `pos < end`),
    /// appends its UTF-8 to `out` and moves `pos` past it.
    public static func decode(_ b: UnsafePointer<UInt8>, _ pos: inout Int, end: Int, into out: inout [UInt8]) throws(Problem) {
        let e = b[pos]
        pos += 1
        switch e {
        case UInt8(ascii: "\""): out.append(0x22)
        case UInt8(ascii: "\\"): out.append(0x5C)
        case UInt8(ascii: "/"): out.append(0x2F)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hex4(b, &pos, end: end)
            if scalar >= 0xD800 && scalar < 0xDC00 {
                // A surrogate pair: the low half must follow as another \u escape.
                guard end - pos >= 6, b[pos] == UInt8(ascii: "\\"), b[pos + 1] == UInt8(ascii: "u") else {
                    throw Problem(message: "unpaired surrogate in \\u escape", at: pos)
                }
                pos += 2
                let low = try hex4(b, &pos, end: end)
                guard low >= 0xDC00 && low < 0xE000 else { throw Problem(message: "unpaired surrogate in \\u escape", at: pos) }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if scalar >= 0xDC00 && scalar < 0xE000 {
                throw Problem(message: "unpaired surrogate in \\u escape", at: pos)
            }
            guard let u = Unicode.Scalar(scalar) else { throw Problem(message: "invalid \\u escape", at: pos) }
            out.append(contentsOf: Array(String(Character(u)).utf8))
        default:
            throw Problem(message: "unknown escape \\\(describe(e))", at: pos - 1)
        }
    }

    static func hex4(_ b: UnsafePointer<UInt8>, _ pos: inout Int, end: Int) throws(Problem) -> UInt32 {
        guard end - pos >= 4 else { throw Problem(message: "short \\u escape", at: pos) }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = b[pos]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - 0x30)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - 0x61 + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - 0x41 + 10)
            default: throw Problem(message: "bad hex digit in \\u escape", at: pos)
            }
            v = v << 4 | d
            pos += 1
        }
        return v
    }

    /// A byte as the parsers name it in messages.
    public static func describe(_ c: UInt8) -> String {
        if c >= 0x20 && c < 0x7F { return "'\(Character(Unicode.Scalar(c)))'" }
        return "byte 0x\(String(c, radix: 16))"
    }
}
