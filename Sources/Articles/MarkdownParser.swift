/// A line-based Markdown reader (CommonMark's common cases): headings (ATX and setext),
/// paragraphs, lists, block quotes, code (dropped), tables (dropped), front matter,
/// HTML blocks, and inline markup (links, images, emphasis, code spans, inline HTML).
enum MarkdownParser {
    struct Result {
        var title: String?
        var blocks: [RawBlock]
    }

    /// No `#` title: a first short line without a full stop, followed by a blank line, is the title,
    /// as in plain text ("The Water Cycle\n\nThe water cycle is ...").
    static func promoteTitleLine(_ result: inout Result, lines: ArraySlice<Range<Int>>, in b: [UInt8], firstBlockLines: Int) {
        guard result.title == nil, result.blocks.count >= 2, firstBlockLines == 1, result.blocks[0].kind == .paragraph,
              result.blocks[0].dropReason == nil,
              !result.blocks.contains(where: { $0.kind == .heading(1) }) else { return }
        // the first non-blank line, then a blank line
        guard let first = lines.firstIndex(where: { !trimmed(b[$0]).isEmpty }), first + 1 < lines.endIndex,
              trimmed(b[lines[first + 1]]).isEmpty, PlainTextParser.isHeadingLike(Array(trimmed(b[lines[first]]))) else { return }
        let text = result.blocks[0].bytes
        guard PlainTextParser.isHeadingLike(text) else { return }
        result.blocks[0] = RawBlock(kind: .heading(1), bytes: PlainTextParser.trimHeading(text))
    }

    static func parse(_ input: [UInt8]) -> Result {
        let b = input.contains(0x3C) ? removeRawHTML(input) : input
        var result = Result(title: nil, blocks: [])
        var lines: [Range<Int>] = []
        var start = 0
        for (i, c) in b.enumerated() where c == 0x0A {
            lines.append(start..<i)
            start = i + 1
        }
        if start < b.count { lines.append(start..<b.count) }

        var acc: [UInt8] = []
        var bodyStart = 0
        var accKind: RawBlock.Kind = .paragraph
        var accLines = 0
        var inList = false
        var previousBlank = true

        func flush() {
            if accLines > 0 {
                if result.blocks.isEmpty { firstBlockLines = accLines }
                result.blocks.append(RawBlock(kind: accKind, bytes: inline(acc)))
            }
            acc.removeAll(keepingCapacity: true)
            accLines = 0
            accKind = .paragraph
        }
        func add(_ text: ArraySlice<UInt8>) {
            if accLines > 0 { acc.append(0x20) }
            acc.append(contentsOf: text)
            accLines += 1
        }

        var li = 0
        var firstBlockLines = 0
        // Front matter.
        if let first = lines.first, trimmed(b[first]).elementsEqual("---".utf8) {
            var k = 1
            while k < lines.count {
                let t = trimmed(b[lines[k]])
                if t.elementsEqual("---".utf8) || t.elementsEqual("...".utf8) { break }
                let f = ByteText.folded(t)
                if ByteText.hasPrefix(f, "title:") {
                    var v = Array(trimmed(t.dropFirst(6)))
                    if v.count >= 2, (v.first == 0x22 || v.first == 0x27), v.last == v.first { v = Array(v.dropFirst().dropLast()) }
                    result.title = ByteText.string(ByteText.collapseSpaces(v))
                }
                k += 1
            }
            if k < lines.count { li = k + 1 } else { result.title = nil }
        }

        bodyStart = li
        while li < lines.count {
            var line = b[lines[li]]
            li += 1
            let indent = indentation(line)
            let t = trimmed(line)
            if t.isEmpty {
                flush()
                previousBlank = true
                continue
            }
            defer { previousBlank = false }
            // Indented code block.
            if indent >= 4 && accLines == 0 && previousBlank && !inList {
                var code: [UInt8] = Array(t)
                while li < lines.count {
                    let next = b[lines[li]]
                    if trimmed(next).isEmpty || indentation(next) >= 4 { code.append(0x20); code.append(contentsOf: trimmed(next)); li += 1 } else { break }
                }
                result.blocks.append(RawBlock(kind: .paragraph, bytes: Array(code.prefix(400)), dropReason: "code block"))
                continue
            }
            // Block quotes: strip the markers and read what is inside as a line.
            if indent < 4 && t.first == 0x3E {
                var q = t[...]
                while let f = q.first, f == 0x3E || f == 0x20 { q = q.dropFirst() }
                line = q
            }
            let s = trimmed(line)
            if s.isEmpty { flush(); continue }
            // Fenced code.
            if indent < 4, let fence = s.first, fence == 0x60 || fence == 0x7E, s.prefix(3).allSatisfy({ $0 == fence }), s.count >= 3 {
                flush()
                let fenceLen = s.prefix { $0 == fence }.count
                var code: [UInt8] = []
                while li < lines.count {
                    let l = trimmed(b[lines[li]])
                    li += 1
                    if l.count >= fenceLen && l.prefix(fenceLen).allSatisfy({ $0 == fence }) && l.dropFirst(fenceLen).allSatisfy({ $0 == fence }) { break }
                    if code.count < 400 { code.append(contentsOf: l.prefix(400)); code.append(0x20) }
                }
                result.blocks.append(RawBlock(kind: .paragraph, bytes: code, dropReason: "code block"))
                continue
            }
            // ATX heading.
            if indent < 4 && s.first == 0x23 {
                let hashes = s.prefix { $0 == 0x23 }.count
                if hashes <= 6 && (s.count == hashes || s[s.startIndex + hashes] == 0x20 || s[s.startIndex + hashes] == 0x09) {
                    flush()
                    var h = trimmed(s.dropFirst(hashes))
                    while let l = h.last, l == 0x23 { h = h.dropLast() }
                    result.blocks.append(RawBlock(kind: .heading(hashes), bytes: inline(Array(trimmed(h)))))
                    inList = false
                    continue
                }
            }
            // Setext underline, or a thematic break.
            if indent < 4, let f = s.first, f == 0x3D || f == 0x2D, s.allSatisfy({ $0 == f }) {
                if accLines > 0 && accKind == .paragraph {
                    accKind = .heading(f == 0x3D ? 1 : 2)
                    flush()
                    continue
                }
                if f == 0x2D && s.count >= 3 { flush(); continue }
            }
            if indent < 4, isThematicBreak(s) { flush(); continue }
            // Tables.
            if s.first == 0x7C || (s.contains(0x7C) && s.allSatisfy({ $0 == 0x7C || $0 == 0x2D || $0 == 0x3A || $0 == 0x20 })) {
                flush()
                result.blocks.append(RawBlock(kind: .paragraph, bytes: Array(s.prefix(400)), dropReason: "table"))
                continue
            }
            // Link reference definitions and footnote definitions.
            if indent < 4 && s.first == 0x5B, let close = s.firstIndex(of: 0x5D), close + 1 < s.endIndex, s[close + 1] == 0x3A {
                flush()
                let isFootnote = s.count > 1 && s[s.startIndex + 1] == 0x5E
                result.blocks.append(RawBlock(kind: .paragraph, bytes: Array(s.prefix(400)), dropReason: isFootnote ? "footnote" : "link reference"))
                continue
            }
            // HTML block.
            if accLines == 0 && s.first == 0x3C && s.count > 1 && (ByteText.isASCIILetter(s[s.startIndex + 1]) || s[s.startIndex + 1] == 0x2F) {
                var html: [UInt8] = Array(s)
                while li < lines.count, !trimmed(b[lines[li]]).isEmpty {
                    html.append(0x0A)
                    html.append(contentsOf: b[lines[li]])
                    li += 1
                }
                let parsed = HTMLReader.fragmentBlocks(html)
                result.blocks.append(contentsOf: parsed)
                continue
            }
            // List items.
            if let markerEnd = listMarkerEnd(s) {
                flush()
                accKind = .listItem
                add(trimmed(s[markerEnd...]))
                inList = true
                continue
            }
            if inList && previousBlank && indent == 0 { inList = false }
            if previousBlank && accLines == 0 && !inList { accKind = .paragraph }
            add(s)
        }
        flush()
        promoteTitleLine(&result, lines: lines[min(bodyStart, lines.count)...], in: b, firstBlockLines: firstBlockLines)
        return result
    }

    // MARK: - Inline markup

    /// Removes inline Markdown: links keep their text, images vanish, emphasis and code
    /// markers go, backslash escapes resolve, inline HTML is stripped and references decoded.
    static func inline(_ b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        inlineInto(b[...], &out, depth: 0)
        if out.contains(0x3C) || out.contains(0x26) { out = HTMLReader.inlineText(out) }
        return out
    }

    private static func inlineInto(_ b: ArraySlice<UInt8>, _ out: inout [UInt8], depth: Int) {
        var i = b.startIndex
        let end = b.endIndex
        while i < end {
            let c = b[i]
            switch c {
            case 0x5C:  // backslash escape
                if i + 1 < end, b[i + 1] < 0x80, isASCIIPunctuation(b[i + 1]) {
                    out.append(b[i + 1] == 0x3C ? 0x20 : b[i + 1])
                    i += 2
                    continue
                }
            case 0x60:  // code span
                let run = b[i...].prefix { $0 == 0x60 }.count
                if let close = findRun(b, of: 0x60, length: run, from: i + run) {
                    var code = b[(i + run)..<close]
                    if code.count >= 2, code.first == 0x20, code.last == 0x20 { code = code.dropFirst().dropLast() }
                    out.append(contentsOf: code)
                    i = close + run
                    continue
                }
                out.append(contentsOf: b[i..<(i + run)])
                i += run
                continue
            case 0x21:  // image
                if i + 1 < end, b[i + 1] == 0x5B, let (_, after) = linkParts(b, openBracket: i + 1) {
                    i = after
                    continue
                }
            case 0x5B:  // link, or footnote reference
                if i + 1 < end, b[i + 1] == 0x5E, let close = b[i...].prefix(64).firstIndex(of: 0x5D) {
                    i = close + 1
                    continue
                }
                if let (text, after) = linkParts(b, openBracket: i) {
                    if depth < 4 { inlineInto(text, &out, depth: depth + 1) } else { out.append(contentsOf: text) }
                    i = after
                    continue
                }
            case 0x2A, 0x7E:  // '*' emphasis, '~~' strikethrough
                let run = b[i...].prefix { $0 == c }.count
                if c == 0x7E && run < 2 { break }
                let before: UInt8 = i > b.startIndex ? b[i - 1] : 0x20
                let after: UInt8 = i + run < end ? b[i + run] : 0x20
                if ByteText.isASCIISpace(before) && ByteText.isASCIISpace(after) { break }  // "2 * 3"
                i += run
                continue
            case 0x5F:  // '_' emphasis only at word boundaries
                let run = b[i...].prefix { $0 == 0x5F }.count
                let before: UInt8 = i > b.startIndex ? b[i - 1] : 0x20
                let after: UInt8 = i + run < end ? b[i + run] : 0x20
                let alnumBefore = ByteText.isASCIILetter(before) || ByteText.isDigit(before) || before >= 0x80
                let alnumAfter = ByteText.isASCIILetter(after) || ByteText.isDigit(after) || after >= 0x80
                if alnumBefore && alnumAfter {
                    out.append(contentsOf: b[i..<(i + run)])
                } else if !(ByteText.isASCIISpace(before) && ByteText.isASCIISpace(after)) {
                    // emphasis marker: drop
                } else {
                    out.append(contentsOf: b[i..<(i + run)])
                }
                i += run
                continue
            default:
                break
            }
            out.append(c)
            i += 1
        }
    }

    /// For `[text](url)`, `[text][ref]` and `[text][]` starting at `openBracket`,
    /// the text and the index after the whole construct.
    private static func linkParts(_ b: ArraySlice<UInt8>, openBracket: Int) -> (ArraySlice<UInt8>, Int)? {
        let end = b.endIndex
        var depth = 0
        var j = openBracket
        let limit = min(end, openBracket + 2000)
        var close: Int? = nil
        while j < limit {
            let c = b[j]
            if c == 0x5C { j += 2; continue }
            if c == 0x5B { depth += 1 } else if c == 0x5D { depth -= 1; if depth == 0 { close = j; break } }
            j += 1
        }
        guard let close, close + 1 < end else { return nil }
        let text = b[(openBracket + 1)..<close]
        let next = b[close + 1]
        if next == 0x28 {  // (url "title")
            var d = 0
            var k = close + 1
            let lim = min(end, k + 4000)
            while k < lim {
                if b[k] == 0x28 { d += 1 } else if b[k] == 0x29 { d -= 1; if d == 0 { return (text, k + 1) } }
                k += 1
            }
            return nil
        }
        if next == 0x5B {
            guard let c2 = b[(close + 1)...].prefix(400).firstIndex(of: 0x5D) else { return nil }
            return (text, c2 + 1)
        }
        return nil
    }

    private static func findRun(_ b: ArraySlice<UInt8>, of c: UInt8, length: Int, from: Int) -> Int? {
        var i = from
        while i < b.endIndex {
            if b[i] == c {
                let run = b[i...].prefix { $0 == c }.count
                if run == length { return i }
                i += run
            } else {
                i += 1
            }
        }
        return nil
    }

    // MARK: - Line helpers

    static func trimmed(_ s: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var s = s
        while let f = s.first, ByteText.isASCIISpace(f) { s = s.dropFirst() }
        while let l = s.last, ByteText.isASCIISpace(l) { s = s.dropLast() }
        return s
    }

    static func indentation(_ s: ArraySlice<UInt8>) -> Int {
        var n = 0
        for c in s {
            if c == 0x20 { n += 1 } else if c == 0x09 { n += 4 } else { break }
        }
        return n
    }

    static func isThematicBreak(_ s: ArraySlice<UInt8>) -> Bool {
        guard let f = s.first, f == 0x2A || f == 0x2D || f == 0x5F else { return false }
        var count = 0
        for c in s {
            if c == f { count += 1 } else if c != 0x20 { return false }
        }
        return count >= 3
    }

    /// End of a list marker (`- `, `* `, `+ `, `1. `, `1) `), or nil.
    static func listMarkerEnd(_ s: ArraySlice<UInt8>) -> Int? {
        guard let f = s.first else { return nil }
        let i = s.startIndex
        if f == 0x2D || f == 0x2A || f == 0x2B {
            if i + 1 < s.endIndex, s[i + 1] == 0x20 || s[i + 1] == 0x09 { return i + 2 }
            return nil
        }
        var j = i
        while j < s.endIndex && ByteText.isDigit(s[j]) && j - i < 9 { j += 1 }
        if j > i, j + 1 < s.endIndex, s[j] == 0x2E || s[j] == 0x29, s[j + 1] == 0x20 { return j + 2 }
        return nil
    }

    static func isASCIIPunctuation(_ c: UInt8) -> Bool {
        (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E)
    }

    /// Removes HTML comments and script/style elements from Markdown source.
    static func removeRawHTML(_ b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        let n = b.count
        while i < n {
            if b[i] == 0x3C {
                if ByteText.matchesCI(b, i, "<!--") {
                    i = ByteText.find(b, "-->", from: i + 4).map { $0 + 3 } ?? n
                    continue
                }
                var skippedTo: Int? = nil
                for name in ["script", "style"] where ByteText.matchesCI(b, i + 1, name) {
                    let after = i + 1 + name.count
                    if after < n, b[after] == 0x3E || ByteText.isASCIISpace(b[after]) {
                        if let close = ByteText.findCI(b, "</" + name, from: after) {
                            skippedTo = (b[close...].firstIndex(of: 0x3E) ?? (n - 1)) + 1
                        } else {
                            skippedTo = n
                        }
                    }
                }
                if let skippedTo { i = skippedTo; continue }
            }
            out.append(b[i])
            i += 1
        }
        return out
    }
}
