/// Reads an article from bytes: detects the format, repairs the encoding, strips control
/// characters and escape sequences, parses text/Markdown/HTML, drops boilerplate,
/// removes citation marks and splits sentences. Pure: no IO, no printing.
public enum ArticleReader {
    /// The format a file name's extension implies, if any.
    public static func format(forFileName name: String) -> ArticleFormat? {
        guard let dot = name.lastIndex(of: "."), !name[name.index(after: dot)...].contains("/") else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "txt", "text": return .text
        case "md", "markdown", "mdown", "mkd": return .markdown
        case "html", "htm", "xhtml": return .html
        default: return nil
        }
    }

    /// Guesses the format from the content (first 64 KB).
    public static func sniffFormat(_ bytes: [UInt8]) -> ArticleFormat {
        let sample = Array(bytes.prefix(65_536))
        var i = 0
        while i < sample.count && (ByteText.isASCIISpace(sample[i]) || sample[i] >= 0xEF) { i += 1 }
        let head = ByteText.folded(sample[i...].prefix(200))
        if ByteText.hasPrefix(head, "<!doctype html") || ByteText.hasPrefix(head, "<html") || (ByteText.hasPrefix(head, "<?xml") && ByteText.contains(head, "html")) {
            return .html
        }
        let f = ByteText.folded(sample, limit: sample.count)
        var htmlScore = 0
        for tag in ["<p>", "<p ", "</p>", "<div", "<br", "<a href", "<h1", "<h2", "<h3", "<li>", "<body", "<head", "<span", "<article", "<title>"] {
            var from = 0
            while let at = ByteText.find(f, tag, from: from) { htmlScore += 1; from = at + tag.count; if htmlScore > 50 { break } }
        }
        var mdScore = 0
        var lineStart = true
        var k = 0
        while k < f.count {
            let c = f[k]
            if lineStart {
                if c == 0x23 {  // "# Heading"
                    var h = k
                    while h < f.count && f[h] == 0x23 { h += 1 }
                    if h - k <= 6 && h < f.count && f[h] == 0x20 { mdScore += 3 }
                } else if c == 0x60, k + 2 < f.count, f[k + 1] == 0x60, f[k + 2] == 0x60 {
                    mdScore += 3
                } else if c == 0x3E, k + 1 < f.count, f[k + 1] == 0x20 {
                    mdScore += 1
                } else if (c == 0x3D || c == 0x2D), k + 2 < f.count, f[k + 1] == c, f[k + 2] == c {
                    mdScore += 1
                }
            }
            if c == 0x5D, k + 1 < f.count, f[k + 1] == 0x28 { mdScore += 2 }  // "](" link
            if c == 0x2A, k + 1 < f.count, f[k + 1] == 0x2A { mdScore += 1 }  // "**"
            lineStart = c == 0x0A
            k += 1
        }
        if htmlScore >= 3 && htmlScore * 2 > mdScore { return .html }
        if mdScore >= 3 { return .markdown }
        return .text
    }

    /// Reads an article. `fileName` (base name or path) picks the format by extension and
    /// serves as a fallback title; `format` overrides both extension and sniffing.
    /// `charset` is the encoding a web server declared for the bytes (HTML only).
    /// Throws `.notEnglish` for a page or file in another language.
    public static func read(bytes: [UInt8], fileName: String? = nil, format: ArticleFormat? = nil, charset: String? = nil) throws(ArticleError) -> Article {
        if bytes.isEmpty { throw .empty }
        // UTF-16 with a byte order mark (Windows "Unicode" files): read as the UTF-8 it says.
        if let utf8 = Sanitizer.utf8(fromUTF16: bytes) { return try read(bytes: utf8, fileName: fileName, format: format, charset: nil) }
        if Sanitizer.looksBinary(bytes) { throw .binary }
        let fmt = format ?? fileName.flatMap { Self.format(forFileName: $0) } ?? sniffFormat(bytes)
        if fmt == .html {
            // libxml2 decodes the page's own encoding, so the bytes go in as they are.
            let page = HTMLReader.read(bytes, charset: charset)
            var blocks = page.blocks
            let article = try assemble(&blocks, format: .html, explicitTitle: page.title, firstH1: nil, fileName: fileName, warnings: page.warnings)
            try requireEnglish(article, declared: page.language)
            return article
        }
        var warnings: [String] = []
        var data: [UInt8]
        if Sanitizer.isValidUTF8(bytes) {
            data = Sanitizer.stripBytes(bytes)
        } else {
            let decoded = String(decoding: bytes, as: UTF8.self)
            var replaced = 0
            for s in decoded.unicodeScalars where s == "\u{FFFD}" { replaced += 1 }
            warnings.append("is not valid UTF-8: \(replaced) invalid byte sequence\(replaced == 1 ? "" : "s") replaced with \u{FFFD}")
            data = Sanitizer.stripBytes(Array(decoded.utf8))
        }
        if data.allSatisfy({ ByteText.isASCIISpace($0) }) { throw .empty }

        var explicitTitle: String? = nil
        var blocks: [RawBlock]
        switch fmt {
        case .markdown:
            let r = MarkdownParser.parse(data)
            explicitTitle = r.title
            blocks = r.blocks
        case .text, .pdf, .html:
            blocks = PlainTextParser.parse(data)
        }
        data = []
        let article = try assemble(&blocks, format: fmt, explicitTitle: explicitTitle, firstH1: nil, fileName: fileName, warnings: warnings)
        try requireEnglish(article, declared: nil)
        return article
    }

    /// Refuses an article in another language: its own words decide, and the language the
    /// page declares (`<html lang>`) decides when the text is too short to tell.
    static func requireEnglish(_ article: Article, declared: String?) throws(ArticleError) {
        var text = ""
        for p in article.paragraphs {
            text += p.text
            text += " "
            if text.utf8.count > 200_000 { break }
        }
        let guess = LanguageGuess.of(text)
        let declaredCode = declared.map { String($0.lowercased().prefix { $0.isLetter }) }.flatMap { $0.isEmpty ? nil : $0 }
        if let code = guess.code {
            if code == "en" { return }
            throw .notEnglish(LanguageGuess.name(code) ?? declared ?? code)
        }
        if let d = declaredCode, d != "en" { throw .notEnglish(LanguageGuess.name(d) ?? d) }
        // Undeclared, and hardly an English word in a long text: a language not profiled.
        if declaredCode == nil && guess.words >= 50 && guess.englishShare < 0.05 { throw .notEnglish(declaredCode.flatMap(LanguageGuess.name) ?? "another language") }
    }

    /// Reads an article from a string (convenience for tests and callers that hold text).
    public static func read(text: String, fileName: String? = nil, format: ArticleFormat? = nil) throws(ArticleError) -> Article {
        try read(bytes: Array(text.utf8), fileName: fileName, format: format)
    }

    // MARK: - Assembly

    private struct Candidate {
        var isHeading: Bool
        var level: Int
        /// The clean text, tied to the block's own text (for sentences as the page has them).
        var cleaned: CleanedText
        var text: [UInt8] { cleaned.text }
    }

    /// Consumes `blocks` (their bytes are released as they are used, to keep memory low).
    static func assemble(_ blocks: inout [RawBlock], format: ArticleFormat, explicitTitle: String?, firstH1: String?, fileName: String?, warnings: [String]) throws(ArticleError) -> Article {
        var dropped: [(text: String, reason: String)] = []
        var candidates: [Candidate] = []
        var skipLevel: Int? = nil
        var skipReason = ""

        for bi in blocks.indices {
            let block = blocks[bi]
            blocks[bi].bytes = []
            if let r = block.dropReason {
                dropped.append((ByteText.preview(ByteText.collapseSpaces(block.bytes)), r))
                continue
            }
            let cleaned = InlineCleaner.cleaned(block.bytes, marks: block.marks)
            let clean = cleaned.text
            guard ByteText.hasLetter(clean) || clean.contains(where: ByteText.isDigit) else { continue }
            switch block.kind {
            case .heading(let level):
                if let s = skipLevel {
                    if level <= s { skipLevel = nil } else { dropped.append((ByteText.preview(clean), Boilerplate.reason(clean) ?? skipReason)); continue }
                }
                if let r = Boilerplate.sectionReason(clean) {
                    skipLevel = format == .text || format == .pdf ? 0 : level
                    skipReason = "in a '\(ByteText.preview(clean, max: 40))' section (\(r))"
                    dropped.append((ByteText.preview(clean), r))
                    continue
                }
                if let r = Boilerplate.reason(clean) {
                    dropped.append((ByteText.preview(clean), r))
                    continue
                }
                let h = PlainTextParser.trimHeading(clean)
                candidates.append(Candidate(isHeading: true, level: level, cleaned: CleanedText(text: h)))
            case .paragraph, .listItem:
                if skipLevel != nil {
                    let own = Boilerplate.reason(clean) ?? (Boilerplate.looksLikeAuthorBio(clean) ? "author bio" : nil)
                    dropped.append((ByteText.preview(clean), own ?? skipReason))
                    continue
                }
                if let r = Boilerplate.reason(clean) {
                    dropped.append((ByteText.preview(clean), r))
                    continue
                }
                if isFragment(clean) {
                    dropped.append((ByteText.preview(clean), "fragment"))
                    continue
                }
                candidates.append(Candidate(isHeading: false, level: 0, cleaned: cleaned))
            }
        }

        // Title.
        var title: String? = nil
        func same(_ a: [UInt8], _ b: String) -> Bool {
            ByteText.folded(a, limit: 1000) == ByteText.folded(Array(b.utf8), limit: 1000)
        }
        switch format {
        case .text, .pdf:
            if let first = candidates.first, first.isHeading {
                title = ByteText.string(first.text)
                candidates.removeFirst()
            }
        case .markdown, .html:
            // A page's headline is already chosen (HeadlineFinder); a Markdown title may carry a site name.
            if let t = explicitTitle.map({ format == .html ? $0 : cleanTitle($0, firstH1: firstH1) }), !t.isEmpty { title = t }
            if title == nil, let h1 = candidates.first(where: { $0.isHeading && $0.level == 1 }) { title = ByteText.string(h1.text) }
            if title == nil, let first = candidates.first, first.isHeading { title = ByteText.string(first.text) }
            if let t = title, let idx = candidates.firstIndex(where: { $0.isHeading }), same(candidates[idx].text, t),
               !candidates[..<idx].contains(where: { !$0.isHeading }) {
                candidates.remove(at: idx)
            }
        }

        // Author bio at the end: the bio and anything after it go.
        let paragraphIndices = candidates.indices.filter { !candidates[$0].isHeading }
        if paragraphIndices.count >= 2 {
            for idx in paragraphIndices.suffix(3) where idx != paragraphIndices.first {
                if Boilerplate.looksLikeAuthorBio(candidates[idx].text) {
                    dropped.append((ByteText.preview(candidates[idx].text), "author bio"))
                    for rest in candidates[(idx + 1)...] { dropped.append((ByteText.preview(rest.text), "after author bio")) }
                    candidates.removeSubrange(idx...)
                    break
                }
            }
        }

        // Paragraphs and sentences.
        var paragraphs: [Paragraph] = []
        var section: String? = nil
        var sentenceIndex = 0
        blocks = []
        for ci in candidates.indices {
            let c = candidates[ci]
            candidates[ci].cleaned = CleanedText(text: [])
            if c.isHeading {
                section = ByteText.string(c.text)
                continue
            }
            let ranges = SentenceSplitter.ranges(c.text).filter { ByteText.hasLetter(c.text[$0]) }
            if ranges.isEmpty { continue }
            let pIndex = paragraphs.count
            var sentences: [Sentence] = []
            sentences.reserveCapacity(ranges.count)
            for r in ranges {
                let text = ByteText.string(c.text[r])
                let original = c.cleaned.hasRemovals ? ByteText.string(c.cleaned.original(of: r)) : text
                sentences.append(Sentence(text: text, original: original, index: sentenceIndex, paragraph: pIndex, section: section, offset: r.lowerBound))
                sentenceIndex += 1
            }
            paragraphs.append(Paragraph(index: pIndex, section: section, text: ByteText.string(c.text), sentences: sentences))
        }
        if paragraphs.isEmpty { throw .noSentences }
        return Article(title: title ?? fallbackTitle(fileName), format: format, paragraphs: paragraphs, dropped: dropped, warnings: warnings)
    }

    /// Fewer than four words and no closing punctuation: a menu item, a label, a caption.
    static func isFragment(_ b: [UInt8]) -> Bool {
        if ByteText.wordCount(b, limit: 4) >= 4 { return false }
        var end = b.count - 1
        while end >= 0 && (b[end] == 0x22 || b[end] == 0x27 || b[end] == 0x29 || b[end] >= 0x80 && b[end] != 0xA6) { end -= 1 }
        guard end >= 0 else { return true }
        let last = b[end]
        return !(last == 0x2E || last == 0x21 || last == 0x3F)
    }

    /// An HTML <title> without the site name: "Story | Site" -> "Story"; the <h1> when the title contains it.
    static func cleanTitle(_ raw: String, firstH1: String?) -> String {
        let t = ByteText.string(InlineCleaner.clean(Array(raw.utf8)))
        if let h1 = firstH1, !h1.isEmpty, t.lowercased().contains(h1.lowercased()) { return h1 }
        for sep in [" | ", " – ", " — ", " - ", " :: ", " · ", " » "] where t.contains(sep) {
            let parts = t.split(separator: sep).map { String($0).trimmingSpaces }
            return parts.max { $0.count < $1.count } ?? t
        }
        return t
    }

    static func fallbackTitle(_ fileName: String?) -> String {
        guard var name = fileName, !name.isEmpty else { return "Untitled" }
        if let slash = name.lastIndex(of: "/") { name = String(name[name.index(after: slash)...]) }
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = String(name[..<dot]) }
        let spaced = String(name.map { $0 == "_" || $0 == "-" ? " " : $0 }).trimmingSpaces
        return spaced.isEmpty ? "Untitled" : Sanitizer.strip(spaced)
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
