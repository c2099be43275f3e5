/// Plain text: a title line, section headings as short lines without a full stop,
/// paragraphs separated by blank lines (or one per line when lines are not hard-wrapped),
/// bulleted lines as list items.
enum PlainTextParser {
    static func parse(_ b: [UInt8]) -> [RawBlock] {
        var lines: [Range<Int>] = []
        var start = 0
        var maxLen = 0
        var i = 0
        let n = b.count
        while i < n {
            if b[i] == 0x0A {
                lines.append(start..<i)
                maxLen = max(maxLen, i - start)
                start = i + 1
            }
            i += 1
        }
        if start < n { lines.append(start..<n); maxLen = max(maxLen, n - start) }

        // Group into blocks separated by blank lines.
        var blocks: [[Range<Int>]] = []
        var current: [Range<Int>] = []
        var multiLineBlocks = 0
        for r in lines {
            if isBlank(b[r]) {
                if !current.isEmpty { if current.count > 1 { multiLineBlocks += 1 }; blocks.append(current); current = [] }
            } else {
                current.append(r)
            }
        }
        if !current.isEmpty { if current.count > 1 { multiLineBlocks += 1 }; blocks.append(current) }
        // Hard-wrapped text: no long line anywhere and several multi-line blocks.
        let wrapped = maxLen <= 100 && multiLineBlocks >= 1

        var out: [RawBlock] = []
        var headingsSeen = 0
        for block in blocks {
            var k = 0
            var acc: [UInt8] = []
            var accKind: RawBlock.Kind = .paragraph
            func flush() {
                if !acc.isEmpty { out.append(RawBlock(kind: accKind, bytes: acc)) }
                acc = []
                accKind = .paragraph
            }
            while k < block.count {
                let line = ByteText.collapseSpaces(b[block[k]])
                // "Title" underlined with === or ---.
                if k + 1 < block.count, isUnderline(b[block[k + 1]]), !line.isEmpty, line.count <= 120 {
                    flush()
                    out.append(RawBlock(kind: .heading(headingsSeen == 0 ? 1 : 2), bytes: line))
                    headingsSeen += 1
                    k += 2
                    continue
                }
                k += 1
                if line.isEmpty || isSeparator(line) { flush(); continue }
                if let markerEnd = bulletEnd(line) {
                    flush()
                    accKind = .listItem
                    acc = Array(line[markerEnd...])
                    if !wrapped { flush() }
                    continue
                }
                let alone = block.count == 1
                if (alone || !wrapped) && isHeadingLike(line) {
                    flush()
                    out.append(RawBlock(kind: .heading(headingsSeen == 0 ? 1 : 2), bytes: trimHeading(line)))
                    headingsSeen += 1
                    continue
                }
                if wrapped {
                    if !acc.isEmpty { acc.append(0x20) }
                    acc.append(contentsOf: line)
                } else {
                    flush()
                    out.append(RawBlock(kind: .paragraph, bytes: line))
                }
            }
            flush()
        }
        return out
    }

    static func isBlank(_ s: ArraySlice<UInt8>) -> Bool { s.allSatisfy(ByteText.isASCIISpace) }

    static func isUnderline(_ s: ArraySlice<UInt8>) -> Bool {
        let t = MarkdownParser.trimmed(s)
        guard t.count >= 3, let f = t.first, f == 0x3D || f == 0x2D else { return false }
        return t.allSatisfy { $0 == f }
    }

    /// A line made only of -, =, *, _, ~, #, or box-drawing dashes.
    static func isSeparator(_ s: [UInt8]) -> Bool {
        guard s.count >= 3 else { return false }
        return s.allSatisfy { $0 == 0x2D || $0 == 0x3D || $0 == 0x2A || $0 == 0x5F || $0 == 0x7E || $0 == 0x23 || $0 == 0x20 || $0 == 0xE2 || $0 == 0x80 || $0 == 0x94 || $0 == 0x95 }
    }

    /// End of a bullet marker: "- ", "* ", "• ", "· ", "– ", "1. ", "1) ", "a) ".
    static func bulletEnd(_ s: [UInt8]) -> Int? {
        guard s.count >= 3 else { return nil }
        if (s[0] == 0x2D || s[0] == 0x2A || s[0] == 0x2B) && s[1] == 0x20 { return 2 }
        if s.count >= 4 && s[0] == 0xE2 && s[3] == 0x20 {
            let mark = (s[1], s[2])
            if mark == (0x80, 0xA2) || mark == (0x80, 0x93) || mark == (0x96, 0xAA) || mark == (0x97, 0x8F) || mark == (0x80, 0xA3) { return 4 }
        }
        if s.count >= 3 && s[0] == 0xC2 && s[1] == 0xB7 && s[2] == 0x20 { return 3 }
        var j = 0
        while j < s.count && j < 3 && ByteText.isDigit(s[j]) { j += 1 }
        if j > 0 && j + 1 < s.count && (s[j] == 0x2E || s[j] == 0x29) && s[j + 1] == 0x20 {
            // "1. Something" but not "1990. The" (years are not list markers: at most 3 digits)
            return j + 2
        }
        if ByteText.isLowerASCII(s[0]) && s[1] == 0x29 && s[2] == 0x20 { return 3 }
        return nil
    }

    /// A short line without a full stop that starts with a capital or digit: a heading.
    static func isHeadingLike(_ s: [UInt8]) -> Bool {
        guard !s.isEmpty, s.count <= 120, ByteText.hasLetter(s) else { return false }
        let words = ByteText.wordCount(s, limit: 15)
        guard words <= 14 else { return false }
        // Last meaningful byte (skip closing quotes/brackets).
        var end = s.count - 1
        while end > 0 && (s[end] == 0x22 || s[end] == 0x27 || s[end] == 0x29 || s[end] == 0x5D || (s[end] >= 0x80 && s[end] & 0xC0 == 0x80 && end >= 2 && s[end - 2] == 0xE2 && s[end - 1] == 0x80 && (s[end] == 0x9D || s[end] == 0x99))) {
            if s[end] >= 0x80 { end -= 3 } else { end -= 1 }
            if end < 0 { return false }
        }
        let last = s[max(end, 0)]
        if last == 0x2E || last == 0x2C || last == 0x3B { return false }
        if last == 0xA6 && end >= 2 && s[end - 2] == 0xE2 { return false }  // ellipsis
        if (last == 0x3F || last == 0x21) && words > 12 { return false }
        // First meaningful character must be a capital, a digit or a non-cased letter.
        var i = 0
        while i < s.count && (s[i] == 0x22 || s[i] == 0x27 || s[i] == 0x28) { i += 1 }
        if i < s.count && s[i] == 0xE2 && i + 2 < s.count && s[i + 1] == 0x80 && (s[i + 2] == 0x9C || s[i + 2] == 0x98) { i += 3 }
        guard i < s.count else { return false }
        if ByteText.isDigit(s[i]) || ByteText.isUppercaseStart(s, i) { return true }
        let (sc, _) = ByteText.scalar(s, i)
        return sc.value >= 0x80 && sc.properties.isAlphabetic && !sc.properties.isLowercase
    }

    /// Drops a trailing colon from a heading.
    static func trimHeading(_ s: [UInt8]) -> [UInt8] {
        var t = s
        while let l = t.last, l == 0x3A || l == 0x20 { t.removeLast() }
        return t.isEmpty ? s : t
    }
}
