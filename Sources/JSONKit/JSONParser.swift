#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a JSON text could not be parsed, with the 1-based line and column of the problem.
public struct JSONSyntaxError: Error, CustomStringConvertible, Sendable, Equatable {
    public var line: Int
    public var column: Int
    public var problem: String

    public var description: String { "line \(line), column \(column): \(problem)" }
}

/// A byte-level JSON parser. Foundation's decoders are 5-7x slower than orjson on Linux
/// (TOOLCHAIN.md §4) and report no line numbers, which users need to fix a hand-edited file.
public struct JSONParser {
    /// Parses one complete JSON document; trailing non-space bytes are an error.
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { buf throws(JSONSyntaxError) in
            try parse(buf)
        }
    }

    /// Parses one complete JSON document from a buffer.
    public static func parse(_ buf: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        var p = JSONParser(buf)
        p.skipSpace()
        let v = try p.value(depth: 0)
        p.skipSpace()
        if p.pos < p.end { throw p.fail("unexpected text after the end of the JSON value") }
        return v
    }

    /// Parses a slice of a buffer (one line of a JSON Lines file).
    public static func parse(_ buf: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) throws(JSONSyntaxError) -> JSONValue {
        var p = JSONParser(buf)
        p.pos = start
        p.end = end
        p.skipSpace()
        let v = try p.value(depth: 0)
        p.skipSpace()
        if p.pos < p.end { throw p.fail("unexpected text after the end of the JSON value") }
        return v
    }

    private let b: UnsafeBufferPointer<UInt8>
    private var pos = 0
    private var end: Int
    private static let maxDepth = 512

    private init(_ b: UnsafeBufferPointer<UInt8>) {
        self.b = b
        self.end = b.count
    }

    private func fail(_ problem: String) -> JSONSyntaxError {
        var line = 1
        var lineStart = 0
        var i = 0
        let stop = min(pos, b.count)
        while i < stop {
            if b[i] == 0x0A {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        return JSONSyntaxError(line: line, column: stop - lineStart + 1, problem: problem)
    }

    private mutating func skipSpace() {
        while pos < end {
            let c = b[pos]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { pos += 1 } else { break }
        }
    }

    private mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard depth < Self.maxDepth else { throw fail("nested too deeply") }
        guard pos < end else { throw fail("the text ends where a value was expected") }
        switch b[pos] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw fail("unexpected character \(describe(b[pos])) where a value was expected")
        }
    }

    private func describe(_ c: UInt8) -> String {
        if c >= 0x20 && c < 0x7F { return "'\(Character(Unicode.Scalar(c)))'" }
        return "byte 0x\(String(c, radix: 16))"
    }

    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let n = word.utf8CodeUnitCount
        guard end - pos >= n, memcmp(b.baseAddress! + pos, word.utf8Start, n) == 0 else {
            throw fail("unexpected word; expected \(word)")
        }
        pos += n
    }

    private mutating func object(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        pos += 1
        var members: [(String, JSONValue)] = []
        skipSpace()
        if pos < end && b[pos] == UInt8(ascii: "}") {
            pos += 1
            return .object(members)
        }
        while true {
            skipSpace()
            guard pos < end, b[pos] == UInt8(ascii: "\"") else { throw fail("expected a quoted key") }
            let key = try string()
            skipSpace()
            guard pos < end, b[pos] == UInt8(ascii: ":") else { throw fail("expected ':' after key \"\(key)\"") }
            pos += 1
            skipSpace()
            let v = try value(depth: depth + 1)
            members.append((key, v))
            skipSpace()
            guard pos < end else { throw fail("the text ends inside an object (missing '}')") }
            if b[pos] == UInt8(ascii: ",") {
                pos += 1
                continue
            }
            if b[pos] == UInt8(ascii: "}") {
                pos += 1
                return .object(members)
            }
            throw fail("expected ',' or '}' in an object, found \(describe(b[pos]))")
        }
    }

    private mutating func array(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        pos += 1
        var items: [JSONValue] = []
        skipSpace()
        if pos < end && b[pos] == UInt8(ascii: "]") {
            pos += 1
            return .array(items)
        }
        while true {
            skipSpace()
            items.append(try value(depth: depth + 1))
            skipSpace()
            guard pos < end else { throw fail("the text ends inside a list (missing ']')") }
            if b[pos] == UInt8(ascii: ",") {
                pos += 1
                continue
            }
            if b[pos] == UInt8(ascii: "]") {
                pos += 1
                return .array(items)
            }
            throw fail("expected ',' or ']' in a list, found \(describe(b[pos]))")
        }
    }

    private mutating func string() throws(JSONSyntaxError) -> String {
        pos += 1
        let start = pos
        // Fast path: no escapes, valid UTF-8 checked by String(validating:).
        while pos < end {
            let c = b[pos]
            if c == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: b[start..<pos])
                pos += 1
                guard let s = String(validating: slice, as: UTF8.self) else {
                    pos = start
                    throw fail("text is not valid UTF-8")
                }
                return s
            }
            if c == UInt8(ascii: "\\") { break }
            if c < 0x20 { throw fail("control character inside text (newlines must be written \\n)") }
            pos += 1
        }
        var out = [UInt8](UnsafeBufferPointer(rebasing: b[start..<pos]))
        while pos < end {
            let c = b[pos]
            if c == UInt8(ascii: "\"") {
                pos += 1
                guard let s = String(validating: out, as: UTF8.self) else { throw fail("text is not valid UTF-8") }
                return s
            }
            if c < 0x20 { throw fail("control character inside text (newlines must be written \\n)") }
            if c != UInt8(ascii: "\\") {
                out.append(c)
                pos += 1
                continue
            }
            pos += 1
            guard pos < end else { break }
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
                var scalar = try hex4()
                if scalar >= 0xD800 && scalar < 0xDC00 {
                    // A surrogate pair: the low half must follow as another \u escape.
                    guard end - pos >= 6, b[pos] == UInt8(ascii: "\\"), b[pos + 1] == UInt8(ascii: "u") else {
                        throw fail("unpaired surrogate in \\u escape")
                    }
                    pos += 2
                    let low = try hex4()
                    guard low >= 0xDC00 && low < 0xE000 else { throw fail("unpaired surrogate in \\u escape") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if scalar >= 0xDC00 && scalar < 0xE000 {
                    throw fail("unpaired surrogate in \\u escape")
                }
                guard let u = Unicode.Scalar(scalar) else { throw fail("invalid \\u escape") }
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default:
                pos -= 1
                throw fail("unknown escape \\\(describe(e))")
            }
        }
        throw fail("the text ends inside a string (missing closing quote)")
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard end - pos >= 4 else { throw fail("short \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = b[pos]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - 0x30)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - 0x61 + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - 0x41 + 10)
            default: throw fail("bad hex digit in \\u escape")
            }
            v = v << 4 | d
            pos += 1
        }
        return v
    }

    private mutating func number() throws(JSONSyntaxError) -> Double {
        let start = pos
        var integral = true
        var neg = false
        if b[pos] == UInt8(ascii: "-") {
            neg = true
            pos += 1
        }
        let digitsStart = pos
        var acc: Int64 = 0
        while pos < end, b[pos] >= 0x30, b[pos] <= 0x39 {
            if pos - digitsStart < 18 { acc = acc * 10 + Int64(b[pos] - 0x30) }
            pos += 1
        }
        if pos == digitsStart { throw fail("expected digits in a number") }
        if b[digitsStart] == 0x30 && pos - digitsStart > 1 { throw fail("numbers cannot start with 0") }
        if pos - digitsStart >= 18 { integral = false }
        if pos < end && b[pos] == UInt8(ascii: ".") {
            integral = false
            pos += 1
            let f = pos
            while pos < end, b[pos] >= 0x30, b[pos] <= 0x39 { pos += 1 }
            if pos == f { throw fail("expected digits after the decimal point") }
        }
        if pos < end && (b[pos] == UInt8(ascii: "e") || b[pos] == UInt8(ascii: "E")) {
            integral = false
            pos += 1
            if pos < end && (b[pos] == UInt8(ascii: "+") || b[pos] == UInt8(ascii: "-")) { pos += 1 }
            let f = pos
            while pos < end, b[pos] >= 0x30, b[pos] <= 0x39 { pos += 1 }
            if pos == f { throw fail("expected digits in the exponent") }
        }
        if integral { return Double(neg ? -acc : acc) }
        // strtod needs a NUL-terminated copy; numbers are short.
        var tmp = [CChar](repeating: 0, count: pos - start + 1)
        for i in start..<pos { tmp[i - start] = CChar(bitPattern: b[i]) }
        return strtod(tmp, nil)
    }
}
