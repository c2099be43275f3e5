/// Small helpers over UTF-8 bytes. Everything in this target works on `[UInt8]`
/// and only builds `String`s for finished pieces (titles, paragraphs, sentences).
enum ByteText {
    @inline(__always) static func isASCIISpace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C || c == 0x0B
    }
    @inline(__always) static func isASCIILetter(_ c: UInt8) -> Bool {
        (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A
    }
    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    @inline(__always) static func isUpperASCII(_ c: UInt8) -> Bool { c >= 0x41 && c <= 0x5A }
    @inline(__always) static func isLowerASCII(_ c: UInt8) -> Bool { c >= 0x61 && c <= 0x7A }
    @inline(__always) static func lower(_ c: UInt8) -> UInt8 { isUpperASCII(c) ? c | 0x20 : c }

    /// A whitespace scalar (what `Unicode.Scalar.Properties.isWhitespace` says, without its table lookup).
    @inline(__always) static func isSpace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        return v == 0x85 || v == 0xA0 || v == 0x1680 || (v >= 0x2000 && v <= 0x200A) || v == 0x2028 || v == 0x2029
            || v == 0x202F || v == 0x205F || v == 0x3000
    }

    /// Length in bytes of a Unicode space at `i` (ASCII whitespace, NBSP, U+2000-U+200A,
    /// U+202F, U+205F, U+3000), or 0.
    @inline(__always) static func spaceLength(_ b: [UInt8], _ i: Int) -> Int {
        let c = b[i]
        if c < 0x80 { return isASCIISpace(c) ? 1 : 0 }
        let n = b.count
        if c == 0xC2, i + 1 < n, b[i + 1] == 0xA0 { return 2 }
        if c == 0xE2, i + 2 < n {
            let d = b[i + 1], e = b[i + 2]
            if d == 0x80 && (e <= 0x8A || e == 0xAF) { return 3 }
            if d == 0x81 && e == 0x9F { return 3 }
        }
        if c == 0xE3, i + 2 < n, b[i + 1] == 0x80, b[i + 2] == 0x80 { return 3 }
        return 0
    }

    /// Decodes the scalar starting at `i` (input is valid UTF-8). Returns the scalar and its length.
    @inline(__always) static func scalar(_ b: [UInt8], _ i: Int) -> (Unicode.Scalar, Int) {
        let c = b[i]
        if c < 0x80 { return (Unicode.Scalar(c), 1) }
        let n = b.count
        var v: UInt32
        var len: Int
        if c < 0xE0 { v = UInt32(c & 0x1F); len = 2 } else if c < 0xF0 { v = UInt32(c & 0x0F); len = 3 } else { v = UInt32(c & 0x07); len = 4 }
        if i + len > n { return ("\u{FFFD}", 1) }
        for k in 1..<len { v = (v << 6) | UInt32(b[i + k] & 0x3F) }
        return (Unicode.Scalar(v) ?? "\u{FFFD}", len)
    }

    /// Start index of the scalar that ends just before `i`.
    @inline(__always) static func previousScalarStart(_ b: [UInt8], _ i: Int) -> Int {
        var j = i - 1
        while j > 0 && b[j] & 0xC0 == 0x80 { j -= 1 }
        return j
    }

    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return isASCIILetter(UInt8(s.value)) }
        return s.properties.isAlphabetic
    }

    static func isUppercaseStart(_ b: [UInt8], _ i: Int) -> Bool {
        guard i < b.count else { return false }
        if b[i] < 0x80 { return isUpperASCII(b[i]) }
        let (s, _) = scalar(b, i)
        return s.properties.isUppercase || s.properties.generalCategory == .titlecaseLetter
    }

    static func isLowercaseStart(_ b: [UInt8], _ i: Int) -> Bool {
        guard i < b.count else { return false }
        if b[i] < 0x80 { return isLowerASCII(b[i]) }
        let (s, _) = scalar(b, i)
        return s.properties.isLowercase
    }

    /// Does the byte range contain at least one letter?
    static func hasLetter<C: Collection>(_ b: C) -> Bool where C.Element == UInt8 {
        for c in b {
            if isASCIILetter(c) { return true }
            if c >= 0xC3 { return true }  // non-ASCII lead byte beyond Latin-1 controls/symbols: count as letter
        }
        return false
    }

    /// Collapses all Unicode whitespace runs to one ASCII space, drops remaining C0 controls, trims.
    static func collapseSpaces<C: Collection>(_ input: C) -> [UInt8] where C.Element == UInt8, C.Index == Int {
        let b = Array(input)
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var pendingSpace = false
        var i = 0
        let n = b.count
        while i < n {
            let sl = spaceLength(b, i)
            if sl > 0 { pendingSpace = true; i += sl; continue }
            let c = b[i]
            if c < 0x20 || c == 0x7F { i += 1; continue }
            if pendingSpace && !out.isEmpty { out.append(0x20) }
            pendingSpace = false
            out.append(c)
            i += 1
        }
        return out
    }

    /// Lower-cased ASCII copy with curly apostrophes folded to `'` (for matching rules).
    static func folded<C: Collection>(_ b: C, limit: Int = 400) -> [UInt8] where C.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(Swift.min(b.count, limit))
        var it = b.makeIterator()
        var count = 0
        var pending: [UInt8] = []
        while let c = it.next(), count < limit {
            count += 1
            if !pending.isEmpty {
                pending.append(c)
                if pending.count == 3 {
                    if pending == [0xE2, 0x80, 0x99] || pending == [0xE2, 0x80, 0x98] { out.append(0x27) }
                    else if pending == [0xE2, 0x80, 0x9C] || pending == [0xE2, 0x80, 0x9D] { out.append(0x22) }
                    else if pending == [0xE2, 0x80, 0x93] || pending == [0xE2, 0x80, 0x94] { out.append(0x2D) }
                    else { out.append(contentsOf: pending) }
                    pending.removeAll(keepingCapacity: true)
                }
                continue
            }
            if c == 0xE2 { pending.append(c); continue }
            out.append(lower(c))
        }
        out.append(contentsOf: pending)
        return out
    }

    /// Counts words (runs of non-space bytes), stopping early past `limit`.
    static func wordCount(_ b: [UInt8], limit: Int = Int.max) -> Int {
        var count = 0
        var inWord = false
        for c in b {
            if c == 0x20 { inWord = false } else if !inWord { inWord = true; count += 1; if count > limit { return count } }
        }
        return count
    }

    static func string<C: Collection>(_ b: C) -> String where C.Element == UInt8 {
        String(decoding: b, as: UTF8.self)
    }

    static func hasPrefix(_ b: [UInt8], _ p: String) -> Bool {
        let u = Array(p.utf8)
        return b.count >= u.count && b[0..<u.count].elementsEqual(u)
    }

    static func contains(_ b: [UInt8], _ p: String) -> Bool {
        let u = Array(p.utf8)
        guard !u.isEmpty, b.count >= u.count else { return u.isEmpty }
        let first = u[0]
        var i = 0
        let last = b.count - u.count
        while i <= last {
            if b[i] == first {
                var k = 1
                while k < u.count && b[i + k] == u[k] { k += 1 }
                if k == u.count { return true }
            }
            i += 1
        }
        return false
    }

    /// Index of the first occurrence of `needle` at or after `from`.
    static func find(_ b: [UInt8], _ needle: String, from: Int) -> Int? {
        let u = Array(needle.utf8)
        guard !u.isEmpty else { return from }
        var i = from
        while i + u.count <= b.count {
            if b[i] == u[0] && b[i..<(i + u.count)].elementsEqual(u) { return i }
            i += 1
        }
        return nil
    }

    /// Index of the first ASCII-case-insensitive occurrence of `needle` at or after `from`.
    static func findCI(_ b: [UInt8], _ needle: String, from: Int) -> Int? {
        var i = from
        let count = needle.utf8.count
        while i + count <= b.count {
            if matchesCI(b, i, needle) { return i }
            i += 1
        }
        return nil
    }

    /// Does `s` (ASCII-case-insensitively) start at `at`?
    static func matchesCI(_ b: [UInt8], _ at: Int, _ s: String) -> Bool {
        var i = at
        for u in s.utf8 {
            guard i < b.count, lower(b[i]) == lower(u) else { return false }
            i += 1
        }
        return true
    }

    /// A preview of at most `max` bytes, cut at a scalar boundary, with an ellipsis when cut.
    static func preview(_ b: [UInt8], max: Int = 160) -> String {
        if b.count <= max { return string(b) }
        var end = max
        while end > 0 && b[end] & 0xC0 == 0x80 { end -= 1 }
        return string(b[0..<end]) + "…"
    }
}
