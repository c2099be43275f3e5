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
        default: throw fail("unexpected character \(JSONEscape.describe(b[pos])) where a value was expected")
        }
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
            throw fail("expected ',' or '}' in an object, found \(JSONEscape.describe(b[pos]))")
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
            throw fail("expected ',' or ']' in a list, found \(JSONEscape.describe(b[pos]))")
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
            do {
                try JSONEscape.decode(b.baseAddress!, &pos, end: end, into: &out)
            } catch {
                pos = error.at
                throw fail(error.message)
            }
        }
        throw fail("the text ends inside a string (missing closing quote)")
    }

    private mutating func number() throws(JSONSyntaxError) -> Double {
        do {
            return try JSONNumber.read(b.baseAddress!, &pos, end: end)
        } catch {
            pos = error.at
            throw fail(error.message)
        }
    }
}
