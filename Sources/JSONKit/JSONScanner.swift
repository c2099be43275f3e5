#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A byte cursor for schema-specific JSON decoders that build their model straight from the
/// bytes, with no `JSONValue` tree in between (10-100k objects a file make the tree the cost).
///
/// It accepts exactly the grammar `JSONParser` does, but never explains a problem: any
/// syntax error or unexpected shape throws `Mismatch`, and the caller is expected to fall
/// back to `JSONParser` plus its validation, which words the error for the user.
/// Strings and numbers decode to the very same values `JSONParser` gives.
public struct JSONScanner {
    /// The input is not what the fast path expects (or not valid JSON): use the generic path.
    public struct Mismatch: Error, Sendable {
        @inlinable public init() {}
    }

    public let b: UnsafeBufferPointer<UInt8>
    public var pos: Int
    public let end: Int

    @inlinable public init(_ b: UnsafeBufferPointer<UInt8>) {
        self.b = b
        self.pos = 0
        self.end = b.count
    }

    @inlinable @inline(__always) public mutating func skipSpace() {
        while pos < end {
            let c = b[pos]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { pos += 1 } else { break }
        }
    }

    /// The next non-space byte (not consumed), nil at the end.
    @inlinable @inline(__always) public mutating func peek() -> UInt8? {
        skipSpace()
        return pos < end ? b[pos] : nil
    }

    /// Only white space may follow.
    @inlinable @inline(__always) public mutating func finish() throws(Mismatch) {
        skipSpace()
        if pos < end { throw Mismatch() }
    }

    // MARK: Objects and lists

    /// Consumes `{`; false when the object is empty (its `}` consumed too).
    @inlinable @inline(__always) public mutating func beginObject() throws(Mismatch) -> Bool {
        guard peek() == UInt8(ascii: "{") else { throw Mismatch() }
        pos += 1
        skipSpace()
        if pos < end && b[pos] == UInt8(ascii: "}") {
            pos += 1
            return false
        }
        return true
    }

    /// Reads a member key and its `:`, returning the raw key bytes. Keys with escapes throw
    /// (they would need decoding to compare); use `keyString()` where keys are data.
    @inlinable @inline(__always) public mutating func key() throws(Mismatch) -> UnsafeBufferPointer<UInt8> {
        skipSpace()
        guard pos < end, b[pos] == UInt8(ascii: "\"") else { throw Mismatch() }
        pos += 1
        let start = pos
        var ascii = true
        while true {
            pos = plainRun(from: pos)
            guard pos < end else { throw Mismatch() }
            let c = b[pos]
            if c == UInt8(ascii: "\"") { break }
            if c == UInt8(ascii: "\\") || c < 0x20 { throw Mismatch() }
            if c >= 0x80 { ascii = false }
            pos += 1
        }
        let k = UnsafeBufferPointer(rebasing: b[start..<pos])
        pos += 1
        if !ascii && String(validating: k, as: UTF8.self) == nil { throw Mismatch() }
        try colon()
        return k
    }

    /// Reads a member key as text (escapes decoded) and its `:`.
    @inlinable public mutating func keyString() throws(Mismatch) -> String {
        skipSpace()
        guard pos < end, b[pos] == UInt8(ascii: "\"") else { throw Mismatch() }
        let s = try string()
        try colon()
        return s
    }

    @inlinable @inline(__always) mutating func colon() throws(Mismatch) {
        skipSpace()
        guard pos < end, b[pos] == UInt8(ascii: ":") else { throw Mismatch() }
        pos += 1
    }

    /// After a member's value: true when another member follows (`,`), false at `}`.
    @inlinable @inline(__always) public mutating func nextMember() throws(Mismatch) -> Bool {
        skipSpace()
        guard pos < end else { throw Mismatch() }
        let c = b[pos]
        pos += 1
        if c == UInt8(ascii: ",") { return true }
        if c == UInt8(ascii: "}") { return false }
        throw Mismatch()
    }

    /// Consumes `[`; false when the list is empty (its `]` consumed too).
    @inlinable public mutating func beginArray() throws(Mismatch) -> Bool {
        guard peek() == UInt8(ascii: "[") else { throw Mismatch() }
        pos += 1
        skipSpace()
        if pos < end && b[pos] == UInt8(ascii: "]") {
            pos += 1
            return false
        }
        return true
    }

    /// After an item: true when another item follows (`,`), false at `]`.
    @inlinable public mutating func nextItem() throws(Mismatch) -> Bool {
        skipSpace()
        guard pos < end else { throw Mismatch() }
        let c = b[pos]
        pos += 1
        if c == UInt8(ascii: ",") { return true }
        if c == UInt8(ascii: "]") { return false }
        throw Mismatch()
    }

    /// The first index from `i` holding a quote, a backslash, a control character or a
    /// non-ASCII byte (or `end`), eight bytes at a time: ids, deck names and dates are long
    /// runs of plain ASCII, and a million log lines go through here.
    @inlinable @inline(__always)
    public func plainRun(from start: Int) -> Int {
        var i = start
        while i + 8 <= end {
            let v = UInt64(littleEndian: UnsafeRawPointer(b.baseAddress.unsafelyUnwrapped + i).loadUnaligned(as: UInt64.self))
            let ones: UInt64 = 0x0101_0101_0101_0101
            let q = v ^ (ones &* 0x22)
            let bs = v ^ (ones &* 0x5C)
            // A byte is flagged when it is a quote, a backslash, below 0x20 or above 0x7F; the
            // lowest flagged byte is a real one (borrows only reach higher bytes).
            let special = (((q &- ones) & ~q) | ((bs &- ones) & ~bs) | ((v &- ones &* 0x20) & ~v) | v) & 0x8080_8080_8080_8080
            if special != 0 { return i + special.trailingZeroBitCount >> 3 }
            i += 8
        }
        return i
    }

    /// Whether raw key bytes spell `name`.
    @inlinable public static func equals(_ k: UnsafeBufferPointer<UInt8>, _ name: StaticString) -> Bool {
        k.count == name.utf8CodeUnitCount && (k.count == 0 || memcmp(k.baseAddress!, name.utf8Start, k.count) == 0)
    }

    // MARK: Scalars

    /// Consumes `null` when it comes next.
    @inlinable @inline(__always) public mutating func null() -> Bool {
        skipSpace()
        if end - pos >= 4 && b[pos] == UInt8(ascii: "n") && b[pos + 1] == UInt8(ascii: "u")
            && b[pos + 2] == UInt8(ascii: "l") && b[pos + 3] == UInt8(ascii: "l")
        {
            pos += 4
            return true
        }
        return false
    }

    @inlinable public mutating func bool() throws(Mismatch) -> Bool {
        skipSpace()
        if end - pos >= 4 && b[pos] == UInt8(ascii: "t") && b[pos + 1] == UInt8(ascii: "r")
            && b[pos + 2] == UInt8(ascii: "u") && b[pos + 3] == UInt8(ascii: "e")
        {
            pos += 4
            return true
        }
        if end - pos >= 5 && b[pos] == UInt8(ascii: "f") && b[pos + 1] == UInt8(ascii: "a")
            && b[pos + 2] == UInt8(ascii: "l") && b[pos + 3] == UInt8(ascii: "s") && b[pos + 4] == UInt8(ascii: "e")
        {
            pos += 5
            return false
        }
        throw Mismatch()
    }

    /// The raw bytes of a string without escapes (quotes consumed), or nil (nothing consumed)
    /// when it has escapes. Throws when the next value is not a string.
    /// The bytes are not checked as UTF-8: only use them where ASCII is required anyway.
    @inlinable @inline(__always) public mutating func plainStringBytes() throws(Mismatch) -> UnsafeBufferPointer<UInt8>? {
        skipSpace()
        guard pos < end, b[pos] == UInt8(ascii: "\"") else { throw Mismatch() }
        var i = pos + 1
        while true {
            i = plainRun(from: i)
            guard i < end else { throw Mismatch() }
            let c = b[i]
            if c == UInt8(ascii: "\"") { break }
            if c == UInt8(ascii: "\\") { return nil }
            if c < 0x20 { throw Mismatch() }
            i += 1
        }
        let s = UnsafeBufferPointer(rebasing: b[(pos + 1)..<i])
        pos = i + 1
        return s
    }

    /// A string value, decoded exactly as `JSONParser` does.
    @inlinable @inline(__always) public mutating func string() throws(Mismatch) -> String {
        skipSpace()
        guard pos < end, b[pos] == UInt8(ascii: "\"") else { throw Mismatch() }
        pos += 1
        let start = pos
        var bits: UInt8 = 0
        while true {
            pos = plainRun(from: pos)
            guard pos < end else { break }
            let c = b[pos]
            if c == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: b[start..<pos])
                pos += 1
                // ASCII needs no validation (and String(validating:) costs a generic
                // metadata lookup a call): the same String either way.
                if bits < 0x80 { return String(decoding: slice, as: UTF8.self) }
                guard let s = String(validating: slice, as: UTF8.self) else { throw Mismatch() }
                return s
            }
            if c == UInt8(ascii: "\\") { return try escapedString(from: start) }
            if c < 0x20 { throw Mismatch() }
            bits |= c
            pos += 1
        }
        throw Mismatch()
    }

    @usableFromInline mutating func escapedString(from start: Int) throws(Mismatch) -> String {
        var out = [UInt8](UnsafeBufferPointer(rebasing: b[start..<pos]))
        while pos < end {
            let c = b[pos]
            if c == UInt8(ascii: "\"") {
                pos += 1
                guard let s = String(validating: out, as: UTF8.self) else { throw Mismatch() }
                return s
            }
            if c < 0x20 { throw Mismatch() }
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
                throw Mismatch()
            }
        }
        throw Mismatch()
    }

    /// A number value, as the same Double `JSONParser` gives.
    @inlinable @inline(__always) public mutating func number() throws(Mismatch) -> Double {
        skipSpace()
        guard pos < end else { throw Mismatch() }
        do {
            return try JSONNumber.read(b.baseAddress!, &pos, end: end)
        } catch {
            throw Mismatch()
        }
    }

    /// `JSONValue.intValue` of a number: the Int when it is integral and in range.
    @inlinable @inline(__always) public static func intValue(_ n: Double) -> Int? {
        guard n.rounded() == n, abs(n) < 9.0e15 else { return nil }
        return Int(n)
    }

    // MARK: Skipping

    /// Skips one value of any kind, checking it as strictly as `JSONParser` would.
    /// `depth` is the nesting depth of the value (the root is 0).
    public mutating func skipValue(depth: Int) throws(Mismatch) {
        guard depth < 512 else { throw Mismatch() }
        guard let c = peek() else { throw Mismatch() }
        switch c {
        case UInt8(ascii: "{"):
            guard try beginObject() else { return }
            repeat {
                skipSpace()
                guard pos < end, b[pos] == UInt8(ascii: "\"") else { throw Mismatch() }
                _ = try string()
                try colon()
                try skipValue(depth: depth + 1)
            } while try nextMember()
        case UInt8(ascii: "["):
            guard try beginArray() else { return }
            repeat { try skipValue(depth: depth + 1) } while try nextItem()
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"), UInt8(ascii: "f"): _ = try bool()
        case UInt8(ascii: "n"): guard null() else { throw Mismatch() }
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try number()
        default: throw Mismatch()
        }
    }
}
