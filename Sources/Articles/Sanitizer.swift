/// Byte-level cleaning shared by all formats: binary detection, UTF-8 repair,
/// removal of control characters and terminal escape sequences.
public enum Sanitizer {
    /// Strips control characters and ANSI/terminal escape sequences (CSI, OSC, DCS, ...)
    /// from a string. Newlines and tabs become spaces when `keepNewlines` is false.
    /// Use it on anything that came from an article before writing it to a terminal.
    public static func strip(_ text: String, keepNewlines: Bool = false) -> String {
        var bytes = stripBytes(Array(text.utf8))
        if !keepNewlines {
            for i in bytes.indices where bytes[i] == 0x0A || bytes[i] == 0x09 { bytes[i] = 0x20 }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Does this look like binary data rather than text? Looks at a leading sample.
    /// The UTF-8 of UTF-16 bytes that start with a byte order mark (which is dropped), else nil.
    static func utf8(fromUTF16 bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= 2, bytes.count % 2 == 0 else { return nil }
        let little: Bool
        switch (bytes[0], bytes[1]) {
        case (0xFF, 0xFE): little = true
        case (0xFE, 0xFF): little = false
        default: return nil
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2 - 1)
        var i = 2
        while i + 1 < bytes.count {
            units.append(little ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
            i += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }

    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let n = min(bytes.count, 65_536)
        if n == 0 { return false }
        // Well-known binary signatures.
        let signatures: [[UInt8]] = [
            [0x25, 0x50, 0x44, 0x46, 0x2D],  // %PDF-
            [0x89, 0x50, 0x4E, 0x47],  // PNG
            [0x47, 0x49, 0x46, 0x38],  // GIF8
            [0x50, 0x4B, 0x03, 0x04],  // zip
            [0x1F, 0x8B],  // gzip
            [0x7F, 0x45, 0x4C, 0x46],  // ELF
            [0xFF, 0xD8, 0xFF],  // JPEG
        ]
        for sig in signatures where bytes.count >= sig.count && Array(bytes[0..<sig.count]) == sig {
            return true
        }
        var controls = 0
        var invalid = 0
        var i = 0
        while i < n {
            let b = bytes[i]
            if b == 0 { return true }
            if b < 0x20 {
                if b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x1B && b != 0x07 && b != 0x08 { controls += 1 }
                i += 1
                continue
            }
            if b < 0x80 { i += 1; continue }
            let len = utf8SequenceLength(bytes, i, limit: bytes.count)
            if len == 0 { invalid += 1; i += 1 } else { i += len }
        }
        if controls * 20 > n { return true }  // more than 5% control bytes
        if invalid * 5 > n { return true }  // more than 20% invalid UTF-8
        return false
    }

    /// Length of a valid UTF-8 sequence starting at `i`, or 0 when invalid.
    @inline(__always)
    static func utf8SequenceLength(_ b: [UInt8], _ i: Int, limit: Int) -> Int {
        let c = b[i]
        if c < 0x80 { return 1 }
        if c < 0xC2 { return 0 }
        if c < 0xE0 {
            return i + 1 < limit && b[i + 1] & 0xC0 == 0x80 ? 2 : 0
        }
        if c < 0xF0 {
            guard i + 2 < limit, b[i + 1] & 0xC0 == 0x80, b[i + 2] & 0xC0 == 0x80 else { return 0 }
            if c == 0xE0 && b[i + 1] < 0xA0 { return 0 }
            if c == 0xED && b[i + 1] >= 0xA0 { return 0 }
            return 3
        }
        if c < 0xF5 {
            guard i + 3 < limit, b[i + 1] & 0xC0 == 0x80, b[i + 2] & 0xC0 == 0x80, b[i + 3] & 0xC0 == 0x80 else { return 0 }
            if c == 0xF0 && b[i + 1] < 0x90 { return 0 }
            if c == 0xF4 && b[i + 1] >= 0x90 { return 0 }
            return 4
        }
        return 0
    }

    /// Is the whole buffer valid UTF-8?
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            if bytes[i] < 0x80 { i += 1; continue }
            let len = utf8SequenceLength(bytes, i, limit: n)
            if len == 0 { return false }
            i += len
        }
        return true
    }

    /// Removes escape sequences and control characters from valid UTF-8 bytes.
    /// Keeps `\n` and `\t`; turns `\r\n`, lone `\r`, form feed, vertical tab and
    /// U+2028/U+2029 into `\n`. Drops C1 controls, zero-width and bidi controls,
    /// soft hyphens and a byte-order mark.
    static func stripBytes(_ b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        appendStripped(b, to: &out)
        return out
    }

    /// `stripBytes(b)` appended to `out`.
    static func appendStripped(_ b: [UInt8], to out: inout [UInt8]) {
        let n = b.count
        var i = 0
        while i < n {
            let c = b[i]
            if c >= 0x20 && c < 0x7F { out.append(c); i += 1; continue }
            if c == 0x0A || c == 0x09 { out.append(c); i += 1; continue }
            if c == 0x0D {
                out.append(0x0A)
                i += (i + 1 < n && b[i + 1] == 0x0A) ? 2 : 1
                continue
            }
            if c == 0x0B || c == 0x0C { out.append(0x0A); i += 1; continue }
            if c == 0x1B { i = skipEscape(b, from: i + 1); continue }
            if c < 0x20 || c == 0x7F { i += 1; continue }
            // Multi-byte scalars.
            if c == 0xC2, i + 1 < n {
                let d = b[i + 1]
                if d == 0x9B { i = skipCSIParams(b, from: i + 2); continue }  // C1 CSI
                if d == 0x9D || d == 0x90 || d == 0x98 || d == 0x9E || d == 0x9F {  // C1 OSC, DCS, SOS, PM, APC
                    i = skipString(b, from: i + 2); continue
                }
                if d >= 0x80 && d <= 0x9F { i += 2; continue }  // other C1
                if d == 0xAD { i += 2; continue }  // soft hyphen
            }
            if c == 0xE2, i + 2 < n {
                let d = b[i + 1], e = b[i + 2]
                if d == 0x80 && (e >= 0x8B && e <= 0x8F) { i += 3; continue }  // ZW space/joiners, LRM/RLM
                if d == 0x80 && (e >= 0xAA && e <= 0xAE) { i += 3; continue }  // bidi embeddings
                if d == 0x80 && (e == 0xA8 || e == 0xA9) { out.append(0x0A); i += 3; continue }  // line/para sep
                if d == 0x81 && ((e >= 0xA0 && e <= 0xA4) || (e >= 0xA6 && e <= 0xA9)) { i += 3; continue }  // word joiner, isolates
            }
            if c == 0xEF, i + 2 < n, b[i + 1] == 0xBB, b[i + 2] == 0xBF { i += 3; continue }  // BOM / ZWNBSP
            out.append(c)
            i += 1
        }
    }

    /// Skips an escape sequence whose ESC was at `from - 1`; returns the index after it.
    private static func skipEscape(_ b: [UInt8], from: Int) -> Int {
        let n = b.count
        guard from < n else { return from }
        let c = b[from]
        switch c {
        case 0x5B:  // '[' CSI
            return skipCSIParams(b, from: from + 1)
        case 0x5D, 0x50, 0x58, 0x5E, 0x5F:  // ']' OSC, 'P' DCS, 'X' SOS, '^' PM, '_' APC
            return skipString(b, from: from + 1)
        default:
            var i = from
            // Intermediate bytes, then one final byte.
            while i < n && b[i] >= 0x20 && b[i] <= 0x2F { i += 1 }
            if i < n && b[i] >= 0x30 && b[i] <= 0x7E { i += 1 }
            return i
        }
    }

    /// CSI: parameter bytes 0x30-0x3F, intermediates 0x20-0x2F, final 0x40-0x7E.
    private static func skipCSIParams(_ b: [UInt8], from: Int) -> Int {
        let n = b.count
        var i = from
        var count = 0
        while i < n && b[i] >= 0x30 && b[i] <= 0x3F && count < 64 { i += 1; count += 1 }
        while i < n && b[i] >= 0x20 && b[i] <= 0x2F && count < 80 { i += 1; count += 1 }
        if i < n && b[i] >= 0x40 && b[i] <= 0x7E { i += 1 }
        return i
    }

    /// OSC/DCS/...: up to BEL, ESC \ or C1 ST, but never past a newline or 4 KB.
    private static func skipString(_ b: [UInt8], from: Int) -> Int {
        let n = b.count
        var i = from
        let limit = min(n, from + 4096)
        while i < limit {
            let c = b[i]
            if c == 0x07 { return i + 1 }
            if c == 0x1B { return (i + 1 < n && b[i + 1] == 0x5C) ? i + 2 : i + 1 }
            if c == 0xC2 && i + 1 < n && b[i + 1] == 0x9C { return i + 2 }
            if c == 0x0A { return i }
            i += 1
        }
        return i
    }
}
