#if canImport(Glibc)
import Glibc
#endif

/// One JSON number: its grammar and its Double, in one place for `JSONParser`, `JSONScanner`
/// and the review-log scanner, so the three accept the same numbers and give the same values.
public enum JSONNumber {
    /// Why a number is invalid, in the words the parsers report, and the offset it concerns.
    public struct Problem: Error {
        public let message: String
        public let at: Int
        @usableFromInline init(_ message: String, at: Int) {
            self.message = message
            self.at = at
        }
    }

    /// Reads the number starting at `pos` (`pos < end`) and moves `pos` past it. Short
    /// decimals take Clinger's fast path (an exact mantissa divided by an exact power of ten
    /// is correctly rounded, so it equals strtod); the rest go through strtod.
    @inlinable public static func read(_ b: UnsafePointer<UInt8>, _ pos: inout Int, end: Int) throws(Problem) -> Double {
        let start = pos
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
        if pos == digitsStart { throw Problem("expected digits in a number", at: pos) }
        if b[digitsStart] == 0x30 && pos - digitsStart > 1 { throw Problem("numbers cannot start with 0", at: pos) }
        let intDigits = pos - digitsStart
        var fracDigits = 0
        var simple = intDigits < 18
        if pos < end && b[pos] == UInt8(ascii: ".") {
            pos += 1
            let f = pos
            while pos < end, b[pos] >= 0x30, b[pos] <= 0x39 {
                if intDigits + (pos - f) < 16 { acc = acc * 10 + Int64(b[pos] - 0x30) } else { simple = false }
                pos += 1
            }
            if pos == f { throw Problem("expected digits after the decimal point", at: pos) }
            fracDigits = pos - f
        }
        if pos < end && (b[pos] == UInt8(ascii: "e") || b[pos] == UInt8(ascii: "E")) {
            simple = false
            pos += 1
            if pos < end && (b[pos] == UInt8(ascii: "+") || b[pos] == UInt8(ascii: "-")) { pos += 1 }
            let f = pos
            while pos < end, b[pos] >= 0x30, b[pos] <= 0x39 { pos += 1 }
            if pos == f { throw Problem("expected digits in the exponent", at: pos) }
        }
        if simple {
            if fracDigits == 0 { return Double(neg ? -acc : acc) }
            if acc < (1 << 53) && fracDigits <= 22 {
                let v = Double(acc) / exactPowers[fracDigits]
                return neg ? -v : v
            }
        }
        // Past Double's range strtod gives an infinity, which no writer can write back (it
        // would become null): a number too large to hold is not read as one.
        let value = strtodSpan(b, start, pos)
        if !value.isFinite { throw Problem("the number is too large", at: start) }
        return value
    }

    @usableFromInline static let exactPowers: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    @usableFromInline static func strtodSpan(_ b: UnsafePointer<UInt8>, _ start: Int, _ stop: Int) -> Double {
        // strtod needs a NUL-terminated copy; numbers are short.
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: stop - start + 1) { tmp in
            for i in start..<stop { tmp[i - start] = CChar(bitPattern: b[i]) }
            tmp[stop - start] = 0
            return strtod(tmp.baseAddress!, nil)
        }
    }
}
