/// Turns the text poppler's `pdftotext -layout` prints for a PDF (pages separated by form
/// feeds, columns side by side, lines as set on the page) into plain text with one
/// paragraph per block: running headers and footers and page numbers dropped, two columns
/// read left then right, lines of a paragraph joined, and words hyphenated at a line end
/// put back together.
enum PDFLayoutText {
    static func clean(_ raw: String) -> String {
        var pages = raw.split(separator: "\u{0C}", omittingEmptySubsequences: false).map { page in
            page.split(separator: "\n", omittingEmptySubsequences: false).map { expandTabs(String($0)) }
        }
        while let last = pages.last, last.allSatisfy({ $0.trimmingSpaces.isEmpty }) { pages.removeLast() }
        dropRunningLines(&pages)
        var flow: [Line] = []
        for (k, page) in pages.enumerated() {
            // Blank lines at a page's top and bottom are margins, not paragraph breaks.
            var lines = readingOrder(page)
            while lines.first?.isBlank == true { lines.removeFirst() }
            while lines.last?.isBlank == true { lines.removeLast() }
            flow += lines
            if k < pages.count - 1 { flow.append(Line(text: "", indent: 0, isPageBreak: true)) }
        }
        return paragraphs(flow).joined(separator: "\n\n")
    }

    struct Line {
        var text: String
        var indent: Int
        var isPageBreak = false
        var isBlank: Bool { text.isEmpty && !isPageBreak }
    }

    private static func expandTabs(_ s: String) -> String {
        guard s.contains("\t") else { return s }
        var out = ""
        for ch in s {
            if ch == "\t" { repeat { out.append(" ") } while out.count % 8 != 0 } else { out.append(ch) }
        }
        return out
    }

    // MARK: - Running headers, footers, page numbers

    /// Drops the first and last two lines of a page when they are a page number, or when
    /// the same line (digits aside) heads or foots at least half the pages.
    static func dropRunningLines(_ pages: inout [[String]]) {
        func edges(_ page: [String]) -> [Int] {
            let filled = page.indices.filter { !page[$0].trimmingSpaces.isEmpty }
            return Array(Set(filled.prefix(2) + filled.suffix(2))).sorted()
        }
        var counts: [String: Int] = [:]
        for page in pages {
            for key in Set(edges(page).map { runningKey(page[$0]) }) { counts[key, default: 0] += 1 }
        }
        let needed = max(2, (pages.count + 1) / 2)
        for p in pages.indices {
            for i in edges(pages[p]) {
                let line = pages[p][i]
                if isPageNumber(line) || (pages.count >= 2 && counts[runningKey(line), default: 0] >= needed) { pages[p][i] = "" }
            }
        }
    }

    private static func runningKey(_ line: String) -> String {
        String(line.lowercased().unicodeScalars.compactMap { c -> Character? in
            if c.properties.numericType != nil { return "#" }
            return c.properties.isWhitespace ? nil : Character(c)
        })
    }

    /// "12", "- 12 -", "Page 12", "12 of 40", "xii".
    static func isPageNumber(_ line: String) -> Bool {
        var t = line.lowercased().trimmingSpaces
        t = String(t.drop { $0 == "-" || $0 == "–" || $0 == " " })
        while let l = t.last, l == "-" || l == "–" || l == " " { t.removeLast() }
        if t.hasPrefix("page ") { t.removeFirst(5) }
        if t.isEmpty { return false }
        let parts = t.split(separator: " ").filter { $0 != "of" && $0 != "/" }
        if parts.count <= 2 && parts.allSatisfy({ $0.allSatisfy(\.isNumber) || $0.split(separator: "/").allSatisfy { $0.allSatisfy(\.isNumber) && !$0.isEmpty } }) { return true }
        return parts.count == 1 && t.count <= 6 && t.allSatisfy { "ivxlc".contains($0) }
    }

    // MARK: - Columns

    /// The page's lines in reading order: where the page is set in two columns, the left
    /// column's lines of a stretch come before the right column's.
    static func readingOrder(_ page: [String]) -> [Line] {
        let lines = page.map { Array($0) }
        guard let gutter = gutter(lines) else {
            return lines.map(line(from:))
        }
        var out: [Line] = []
        var left: [Line] = [], right: [Line] = []
        func endStretch() {
            out += left
            if !right.isEmpty { out.append(Line(text: "", indent: 0)); out += right }
            left = []; right = []
        }
        for l in lines {
            switch split(l, gutter: gutter) {
            case .blank:
                left.append(Line(text: "", indent: 0)); right.append(Line(text: "", indent: 0))
            case .columns(let a, let b):
                left.append(a.map(line(from:)) ?? Line(text: "", indent: 0))
                right.append(b.map(line(from:)) ?? Line(text: "", indent: 0))
            case .spanning:
                endStretch()
                out.append(line(from: l))
            }
        }
        endStretch()
        return out
    }

    private static func line(from chars: [Character]) -> Line {
        let indent = chars.prefix { $0 == " " }.count
        return Line(text: String(chars).trimmingSpaces, indent: indent)
    }

    private enum Split {
        case blank
        case columns([Character]?, [Character]?)
        case spanning
    }

    private static func split(_ l: [Character], gutter: Int) -> Split {
        let first = l.firstIndex { $0 != " " }
        guard let first else { return .blank }
        let last = l.lastIndex { $0 != " " }!
        if first >= gutter - 4 { return .columns(nil, Array(l[first...])) }
        if last < gutter - 1 { return .columns(Array(l[...last]), nil) }
        // A gap of two or more spaces ending near the gutter splits the line.
        var best: (start: Int, end: Int)? = nil
        var k = first
        while k <= last {
            if l[k] == " " {
                var e = k
                while e <= last && l[e] == " " { e += 1 }
                if e - k >= 2 && abs(e - gutter) <= 4 && (best == nil || abs(e - gutter) < abs(best!.end - gutter)) { best = (k, e) }
                k = e
            } else {
                k += 1
            }
        }
        guard let best else { return .spanning }
        return .columns(Array(l[..<best.start]), Array(l[best.end...last]))
    }

    /// Where a second column starts, if the page has two: the column at which text most
    /// often resumes after a run of three or more spaces, in the middle of the page, on at
    /// least three lines and a third of the lines with text.
    static func gutter(_ lines: [[Character]]) -> Int? {
        let filled = lines.filter { $0.contains { $0 != " " } }
        guard filled.count >= 3 else { return nil }
        let width = filled.map(\.count).max() ?? 0
        var starts = Array(repeating: 0, count: width + 1)
        for l in filled {
            guard let first = l.firstIndex(where: { $0 != " " }) else { continue }
            var k = first
            while k < l.count {
                if l[k] == " " {
                    var e = k
                    while e < l.count && l[e] == " " { e += 1 }
                    if e < l.count && e - k >= 3 { starts[e] += 1 }
                    k = e
                } else {
                    k += 1
                }
            }
            // A line of the right column alone starts far in.
            if first >= width / 3 { starts[first] += 1 }
        }
        var best: (col: Int, support: Int)? = nil
        for c in (width / 4)...(width * 3 / 4) where c + 2 < starts.count && c >= 2 {
            let support = starts[(c - 2)...(c + 2)].reduce(0, +)
            if best == nil || support > best!.support { best = (c, support) }
        }
        guard let best, best.support >= 3, best.support * 3 >= filled.count else { return nil }
        // The column with the most starts in that window.
        let window = (best.col - 2)...(best.col + 2)
        return window.max { starts[$0] < starts[$1] }
    }

    // MARK: - Paragraphs

    static func paragraphs(_ lines: [Line]) -> [String] {
        let lengths = lines.filter { !$0.text.isEmpty }.map(\.text.count).sorted()
        // A full line: the length most lines of running text reach.
        let full = lengths.isEmpty ? 0 : lengths[lengths.count * 3 / 4]
        let margin = lines.filter { !$0.text.isEmpty }.map(\.indent).min() ?? 0
        var out: [String] = []
        var current = ""
        var previous: Line? = nil
        func end() {
            if !current.isEmpty { out.append(current) }
            current = ""
        }
        var pageBreak = false
        for line in lines {
            if line.isPageBreak { pageBreak = true; continue }
            if line.isBlank {
                end()
                previous = nil
                continue
            }
            if let prev = previous, !current.isEmpty {
                // A sentence that ends a page, and a capital that starts the next: most
                // likely a new paragraph (a paragraph that runs on usually breaks mid-sentence).
                let newPage = pageBreak && (prev.text.last.map { ".!?\"”".contains($0) } ?? false) && line.text.first?.isUppercase == true
                if newPage || startsNewParagraph(line, after: prev, full: full, margin: margin) { end() }
            }
            pageBreak = false
            current = current.isEmpty ? line.text : join(current, line.text)
            previous = line
        }
        end()
        return out
    }

    private static func startsNewParagraph(_ line: Line, after prev: Line, full: Int, margin: Int) -> Bool {
        let p = prev.text
        let endsSentence = p.last.map { ".!?:\"”’)".contains($0) } ?? false
        let short = Double(p.count) < Double(full) * 0.8
        if endsSentence && short { return true }
        if endsSentence && line.indent >= margin + 2 && line.indent > prev.indent { return true }
        if PlainTextParser.bulletEnd(Array(line.text.utf8)) != nil { return true }
        // A short line with no closing punctuation over a capitalised line: a heading.
        let hyphenated = p.last == "-" || p.last == "\u{AD}"
        if !endsSentence && !hyphenated && Double(p.count) < Double(full) * 0.6
            && p.split(separator: " ").count <= 12 && line.text.first?.isUppercase == true {
            return true
        }
        return false
    }

    /// Joins two lines of a paragraph, putting back a word hyphenated at the line end
    /// ("her-" + "ring" = "herring"); a hyphen before a capital or a digit stays ("COVID-19").
    static func join(_ a: String, _ b: String) -> String {
        if a.last == "\u{AD}" { return String(a.dropLast()) + b }
        if a.last == "-", a.count >= 2, a[a.index(a.endIndex, offsetBy: -2)].isLetter, let f = b.first {
            if f.isLowercase { return String(a.dropLast()) + b }
            return a + b
        }
        return a + " " + b
    }
}
