/// Cleans one block of text: collapses whitespace, removes citation and footnote marks
/// ("[1]", "[note 1]", "[citation needed]") and pronunciation leftovers ("( listen)",
/// IPA transcriptions, empty "( )" or "(; )"), and repairs the spacing they leave.
///
/// Every step keeps, for each byte it writes, the index in the block's bytes it came from,
/// so a sentence of the clean text can be cut from the page's own text too (`CleanedText`).
enum InlineCleaner {
    /// Bytes with, for each, the index in the block's bytes it came from.
    struct Mapped {
        var bytes: [UInt8] = []
        var origin: [Int32] = []

        init(capacity: Int) {
            bytes.reserveCapacity(capacity)
            origin.reserveCapacity(capacity)
        }

        var count: Int { bytes.count }
        var last: UInt8? { bytes.last }

        @inline(__always) mutating func append(_ c: UInt8, from i: Int32) {
            bytes.append(c)
            origin.append(i)
        }

        @inline(__always) mutating func append(_ other: Mapped, _ range: Range<Int>) {
            bytes.append(contentsOf: other.bytes[range])
            origin.append(contentsOf: other.origin[range])
        }

        mutating func removeLast() {
            bytes.removeLast()
            origin.removeLast()
        }
    }

    /// The clean text of `raw` (titles, headings: where only the clean text is wanted).
    static func clean(_ raw: [UInt8]) -> [UInt8] { cleaned(raw).text }

    /// The clean text of `raw` tied to `raw`. `marks` are sorted, non-overlapping ranges of
    /// `raw` the page itself marks as references (`<sup class="reference">`): they are left
    /// out of the clean text whatever they hold.
    static func cleaned(_ raw: [UInt8], marks: [Range<Int>] = []) -> CleanedText {
        var b = collapseSpaces(raw, skipping: marks)
        var changed = false
        if b.bytes.contains(0x5B) {
            let r = removeBracketMarks(b)
            if r.count != b.count { b = r; changed = true }
        }
        if b.bytes.contains(0x28) {
            for _ in 0..<2 {
                let r = cleanParentheses(b)
                if r.bytes == b.bytes { break }
                b = r
                changed = true
            }
        }
        if changed { b = fixSpacing(b) }
        // Only whitespace changed: each sentence reads the same in the page, no map needed.
        if !changed && marks.allSatisfy(\.isEmpty) { return CleanedText(text: b.bytes) }
        return CleanedText(text: b.bytes, raw: raw, origin: b.origin)
    }

    /// `ByteText.collapseSpaces` of `raw` with the `marks` left out, as if they were not there.
    static func collapseSpaces(_ raw: [UInt8], skipping marks: [Range<Int>]) -> Mapped {
        var out = Mapped(capacity: raw.count)
        var pendingSpace = false
        var spaceAt = 0
        var m = 0
        var i = 0
        let n = raw.count
        while i < n {
            if m < marks.count && i >= marks[m].lowerBound {
                i = max(i, marks[m].upperBound)
                m += 1
                continue
            }
            let sl = ByteText.spaceLength(raw, i)
            if sl > 0 {
                if !pendingSpace { pendingSpace = true; spaceAt = i }
                i += sl
                continue
            }
            let c = raw[i]
            if c < 0x20 || c == 0x7F { i += 1; continue }
            if pendingSpace && out.count > 0 { out.append(0x20, from: Int32(spaceAt)) }
            pendingSpace = false
            out.append(c, from: Int32(i))
            i += 1
        }
        return out
    }

    // MARK: - Square brackets

    static let editorialWords: [String] = [
        "citation", "needed", "update", "clarif", "verif", "dubious", "disputed", "discuss", "source",
        "original research", "by whom", "according to whom", "edit", "page", "weasel", "vague", "specify",
        "attribution", "unreliable", "not in", "dead link", "neutrality", "contradict", "irrelevant", "failed",
        "who?", "when?", "which?", "where?", "why?", "how?", "sic", "year", "example", "further explanation",
        "improper synthesis", "quotation", "pronunciation", "note", "nb ", "fn ", "ref",
    ]

    static func isCitationMark(_ content: ArraySlice<UInt8>) -> Bool {
        let t = MarkdownParser.trimmed(content)
        if t.isEmpty { return true }
        if t.count > 50 { return false }
        // Numbers, number lists and ranges: [1], [12, 13], [4-6], [p. 4]
        if t.allSatisfy({ ByteText.isDigit($0) || $0 == 0x2C || $0 == 0x20 || $0 == 0x2D || $0 == 0xE2 || $0 == 0x80 || $0 == 0x93 }) && t.contains(where: ByteText.isDigit) {
            return true
        }
        let f = ByteText.folded(t)
        // A single letter or a lettered/numbered note: [a], [note 1], [nb 2], [n 3], [lower-alpha 1]
        if f.count == 1 && ByteText.isASCIILetter(f[0]) { return true }
        if f.count <= 3 && f.allSatisfy({ ByteText.isLowerASCII($0) }) && (f == Array("i".utf8) || f == Array("ii".utf8) || f == Array("iii".utf8) || f == Array("iv".utf8)) { return true }
        for w in editorialWords where ByteText.contains(f, w) { return true }
        if ByteText.hasPrefix(f, "p.") || ByteText.hasPrefix(f, "pp.") { return true }
        return false
    }

    /// Is `b` (whitespace collapsed) one bracketed citation mark and nothing else: "[12]",
    /// "[citation needed]", "[note 3]"?
    static func isBracketedMark(_ b: [UInt8]) -> Bool {
        guard b.count >= 2, b.first == 0x5B, b.last == 0x5D else { return false }
        let inner = b[1..<(b.count - 1)]
        return !inner.contains(0x5B) && !inner.contains(0x5D) && isCitationMark(inner)
    }

    static func removeBracketMarks(_ t: Mapped) -> Mapped {
        let b = t.bytes
        var out = Mapped(capacity: b.count)
        var i = 0
        let n = b.count
        while i < n {
            if b[i] == 0x5B {
                var j = i + 1
                let limit = min(n, i + 60)
                while j < limit && b[j] != 0x5D && b[j] != 0x5B { j += 1 }
                if j < limit && b[j] == 0x5D && isCitationMark(b[(i + 1)..<j]) {
                    i = j + 1
                    continue
                }
            }
            out.append(b[i], from: t.origin[i])
            i += 1
        }
        return out
    }

    // MARK: - Parentheses

    @inline(__always) static func isIPAScalar(_ v: UInt32) -> Bool {
        (v >= 0x0250 && v <= 0x02FF) || (v >= 0x1D00 && v <= 0x1DBF)
    }

    /// Should this `;`-separated part of a parenthetical go?
    static func isPronunciationSegment(_ s: ArraySlice<UInt8>) -> Bool {
        let t = MarkdownParser.trimmed(s)
        // Nothing but punctuation and spaces.
        if !t.contains(where: { ByteText.isASCIILetter($0) || ByteText.isDigit($0) || $0 >= 0x80 }) { return true }
        let f = ByteText.folded(t)
        if f == Array("listen".utf8) || ByteText.hasPrefix(f, "listen ") || ByteText.hasPrefix(f, "help") && ByteText.contains(f, "info") { return true }
        if ByteText.hasPrefix(f, "pronounced") || ByteText.hasPrefix(f, "pronunciation") { return true }
        // An IPA transcription between slashes or brackets.
        if t.contains(0x2F) || t.contains(0x5B) {
            let arr = Array(t)
            var i = 0
            while i < arr.count {
                if arr[i] >= 0xC9 {
                    let (sc, len) = ByteText.scalar(arr, i)
                    if isIPAScalar(sc.value) { return true }
                    i += len
                } else {
                    i += 1
                }
            }
        }
        return false
    }

    static func cleanParentheses(_ t: Mapped) -> Mapped {
        let b = t.bytes
        var out = Mapped(capacity: b.count)
        var i = 0
        let n = b.count
        while i < n {
            if b[i] == 0x28 {
                var j = i + 1
                let limit = min(n, i + 1000)
                while j < limit && b[j] != 0x29 && b[j] != 0x28 { j += 1 }
                if j < limit && b[j] == 0x29 {
                    let content = b[(i + 1)..<j]
                    // Split on ';' and decide per segment.
                    var segments: [ArraySlice<UInt8>] = []
                    var s = content.startIndex
                    for k in content.indices where content[k] == 0x3B {
                        segments.append(content[s..<k])
                        s = k + 1
                    }
                    segments.append(content[s..<content.endIndex])
                    let kept = segments.filter { !isPronunciationSegment($0) }
                    if kept.count == segments.count {
                        out.append(t, i..<(j + 1))
                    } else if !kept.isEmpty {
                        out.append(0x28, from: t.origin[i])
                        for (k, seg) in kept.enumerated() {
                            // A kept part has a letter or digit, so it is never empty once trimmed.
                            let part = MarkdownParser.trimmed(seg)
                            // "; " between kept parts is written anew: it stands where the part starts.
                            if k > 0 { out.append(0x3B, from: t.origin[part.startIndex]); out.append(0x20, from: t.origin[part.startIndex]) }
                            out.append(t, part.startIndex..<part.endIndex)
                        }
                        out.append(0x29, from: t.origin[j])
                    }
                    i = j + 1
                    continue
                }
            }
            out.append(b[i], from: t.origin[i])
            i += 1
        }
        return out
    }

    // MARK: - Spacing

    /// Collapses spaces, removes spaces before , . ; : ! ? ) and after (, trims.
    static func fixSpacing(_ t: Mapped) -> Mapped {
        var out = Mapped(capacity: t.count)
        for (k, c) in t.bytes.enumerated() {
            if c == 0x20 {
                if out.count == 0 || out.last == 0x20 || out.last == 0x28 { continue }
                out.append(c, from: t.origin[k])
                continue
            }
            if c == 0x2C || c == 0x2E || c == 0x3B || c == 0x3A || c == 0x21 || c == 0x3F || c == 0x29 {
                if out.last == 0x20 { out.removeLast() }
                // ", ." or ",." left by a removal: keep the stronger mark
                if c != 0x29, let l = out.last, l == 0x2C, c == 0x2E || c == 0x3B || c == 0x3A { out.removeLast() }
            }
            out.append(c, from: t.origin[k])
        }
        while out.last == 0x20 { out.removeLast() }
        return out
    }
}
