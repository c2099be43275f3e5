/// Cleans one block of text: collapses whitespace, removes citation and footnote marks
/// ("[1]", "[note 1]", "[citation needed]") and pronunciation leftovers ("( listen)",
/// IPA transcriptions, empty "( )" or "(; )"), and repairs the spacing they leave.
enum InlineCleaner {
    static func clean(_ raw: [UInt8]) -> [UInt8] {
        var b = ByteText.collapseSpaces(raw)
        var changed = false
        if b.contains(0x5B) {
            let r = removeBracketMarks(b)
            if r.count != b.count { b = r; changed = true }
        }
        if b.contains(0x28) {
            for _ in 0..<2 {
                let r = cleanParentheses(b)
                if r == b { break }
                b = r
                changed = true
            }
        }
        if changed { b = fixSpacing(b) }
        return b
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

    static func removeBracketMarks(_ b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
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
            out.append(b[i])
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

    static func cleanParentheses(_ b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
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
                        out.append(contentsOf: b[i...j])
                    } else if !kept.isEmpty {
                        out.append(0x28)
                        for (k, seg) in kept.enumerated() {
                            if k > 0 { out.append(contentsOf: [0x3B, 0x20]) }
                            out.append(contentsOf: MarkdownParser.trimmed(seg))
                        }
                        out.append(0x29)
                    }
                    i = j + 1
                    continue
                }
            }
            out.append(b[i])
            i += 1
        }
        return out
    }

    // MARK: - Spacing

    /// Collapses spaces, removes spaces before , . ; : ! ? ) and after (, trims.
    static func fixSpacing(_ b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        for c in b {
            if c == 0x20 {
                if out.isEmpty || out.last == 0x20 || out.last == 0x28 { continue }
                out.append(c)
                continue
            }
            if c == 0x2C || c == 0x2E || c == 0x3B || c == 0x3A || c == 0x21 || c == 0x3F || c == 0x29 {
                if out.last == 0x20 { out.removeLast() }
                // ", ." or ",." left by a removal: keep the stronger mark
                if c != 0x29, let l = out.last, l == 0x2C, c == 0x2E || c == 0x3B || c == 0x3A { out.removeLast() }
            }
            out.append(c)
        }
        while out.last == 0x20 { out.removeLast() }
        return out
    }
}
