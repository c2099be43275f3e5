/// Turns the article's part of an `HTMLTree` into blocks of text: headings, paragraphs,
/// list items. Parts that are not running text become dropped blocks with the reason
/// (`--verbose` lists them): data tables, captions and figures, code, formulas, and
/// elements whose class names say byline, share bar, comments, related links, cookie
/// notice and the like. Reference marks ("[12]") are written into the block but marked, so
/// the clean text leaves them out and the page's own sentence keeps them.
struct HTMLBlockWriter {
    let tree: HTMLTree
    private(set) var blocks: [RawBlock] = []
    /// The block being written, control characters already stripped (so `marks` hold).
    private var buffer: [UInt8] = []
    /// Reference marks in `buffer`.
    private var marks: [Range<Int>] = []
    private var kind: RawBlock.Kind = .paragraph
    /// The block being written has a formula in it: its sentences would read with holes.
    private var hasFormula = false

    /// Elements after which inline text starts a new block.
    static let blockElements: Set<String> = [
        "p", "div", "section", "article", "main", "header", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4",
        "h5", "h6", "blockquote", "table", "tr", "td", "th", "thead", "tbody", "tfoot", "hr", "address", "details",
        "summary", "center", "hgroup", "body", "html", "form", "fieldset", "legend", "figure", "nav", "aside", "footer",
        "menu", "dialog", "option", "caption", "figcaption", "pre", "title", "noscript",
    ]
    /// Elements never read, with the reason.
    static let droppedElements: [String: String] = [
        "figure": "caption", "figcaption": "caption", "caption": "caption", "math": "formula",
        "nav": "navigation", "aside": "aside", "footer": "footer", "form": "form", "button": "form", "select": "form",
        "textarea": "form", "label": "form", "dialog": "dialog", "menu": "navigation", "head": "page head",
        "title": "page head", "script": "script",
    ]

    init(tree: HTMLTree) { self.tree = tree }

    /// Blocks of the subtree at `root` (the root itself is never dropped for its class).
    static func blocks(of tree: HTMLTree, root: Int, dataTables: Set<Int>) -> [RawBlock] {
        var writer = HTMLBlockWriter(tree: tree)
        writer.write(root, isRoot: true, dataTables: dataTables)
        writer.flush()
        return writer.blocks
    }

    private mutating func write(_ i: Int, isRoot: Bool, dataTables: Set<Int>) {
        let node = tree.nodes[i]
        if node.isText {
            Sanitizer.appendStripped(Array(node.text.utf8), to: &buffer)
            return
        }
        let name = node.name
        // A formula inside a sentence leaves holes in it: the whole block goes. A formula
        // on its own is dropped by itself below.
        if name == "math" && !isAlone(i) {
            hasFormula = true
            return
        }
        if let reason = isRoot ? nil : dropReason(i, name: name, dataTables: dataTables) {
            let text = ByteText.collapseSpaces(Array(tree.innerText(i).utf8))
            let inline = !Self.blockElements.contains(name) && !isAlone(i)
            // Inline furniture (screen-reader text, an edit link, a "[citation needed]" kept
            // off paper) leaves its sentence whole: no new block. A bracketed note is the
            // page's own text, kept in its sentence as a mark.
            if inline && InlineCleaner.isBracketedMark(text) {
                writeMark(i)
                return
            }
            if !inline { flush() }
            if ByteText.hasLetter(text) { blocks.append(RawBlock(kind: .paragraph, bytes: Array(text.prefix(400)), dropReason: reason)) }
            return
        }
        if Self.isCitationMark(tree, i) {
            writeMark(i)
            return
        }
        if name == "pre" && !isRoot {
            // Preformatted prose (a plain-text document put in a page, like an RFC) is read
            // as plain text; preformatted code is not (see dropReason).
            flush()
            blocks += PlainTextParser.parse(Sanitizer.stripBytes(Array(tree.textContent(i).utf8)))
            return
        }
        switch name {
        case "br":
            if isBoldLineBeforeBreak(i) {
                // "<b>Collecting</b><br>" in old hand-made pages: a heading.
                kind = .heading(3)
                flush()
            } else if endsSentence(unmarkedBuffer) {
                flush()
            } else {
                buffer.append(0x20)
            }
            return
        case "img", "wbr", "input":
            return
        default:
            break
        }
        let isBlock = Self.blockElements.contains(name)
        if isBlock { flush() }
        if name.count == 2, name.first == "h", let level = Int(String(name.last!)), (1...6).contains(level) {
            kind = .heading(level)
        } else if name == "li" || name == "dd" || name == "dt" {
            kind = .listItem
        }
        for c in node.children {
            write(c, isRoot: false, dataTables: dataTables)
        }
        if isBlock { flush() }
    }

    /// Writes the text of `i` into the block as a reference mark: the page's sentence keeps
    /// it, the clean text does not.
    private mutating func writeMark(_ i: Int) {
        let start = buffer.count
        Sanitizer.appendStripped(Array(tree.textContent(i).utf8), to: &buffer)
        if buffer.count > start { marks.append(start..<buffer.count) }
    }

    private mutating func flush() {
        if unmarkedBuffer.contains(where: { !ByteText.isASCIISpace($0) }) {
            blocks.append(RawBlock(kind: kind, bytes: buffer, dropReason: hasFormula ? "formula" : nil, marks: marks))
        }
        buffer.removeAll(keepingCapacity: true)
        marks.removeAll(keepingCapacity: true)
        kind = .paragraph
        hasFormula = false
    }

    /// The block so far without its reference marks: what its text will read.
    private var unmarkedBuffer: [UInt8] {
        marks.isEmpty ? buffer : RawBlock(kind: kind, bytes: buffer, marks: marks).unmarkedBytes
    }

    /// A `<br>` right after a short bold run that is all the text since the last break.
    private func isBoldLineBeforeBreak(_ br: Int) -> Bool {
        let p = tree.nodes[br].parent
        guard p >= 0, let k = tree.nodes[p].children.firstIndex(of: br) else { return false }
        // "<b>High availability<br></b> The service is ...": the break inside the bold run,
        // at its end
        if ["b", "strong"].contains(tree.name(p)), tree.nodes[p].children[(k + 1)...].allSatisfy({ tree.nodes[$0].isBlank }) {
            let bold = tree.innerText(p)
            let pending = HTMLTree.collapsed(String(decoding: unmarkedBuffer, as: UTF8.self))
            if !bold.isEmpty && pending == bold && bold.split(separator: " ").count <= 10 && !endsSentence(Array(bold.utf8)) { return true }
        }
        var j = k - 1
        while j >= 0, tree.nodes[tree.nodes[p].children[j]].isBlank { j -= 1 }
        guard j >= 0 else { return false }
        let previous = tree.nodes[p].children[j]
        guard ["b", "strong"].contains(tree.name(previous)) else { return false }
        let bold = tree.innerText(previous)
        let pending = HTMLTree.collapsed(String(decoding: unmarkedBuffer, as: UTF8.self))
        return !bold.isEmpty && pending == bold && bold.split(separator: " ").count <= 10 && !endsSentence(Array(bold.utf8))
    }

    private func endsSentence(_ b: [UInt8]) -> Bool {
        var k = b.count - 1
        while k >= 0 && ByteText.isASCIISpace(b[k]) { k -= 1 }
        guard k >= 0 else { return false }
        return b[k] == 0x2E || b[k] == 0x21 || b[k] == 0x3F || b[k] == 0x3A
    }

    private func dropReason(_ i: Int, name: String, dataTables: Set<Int>) -> String? {
        if name == "pre" { return Self.isProse(tree, i) ? nil : "code block" }
        if let r = Self.droppedElements[name] { return r }
        if name == "table" && dataTables.contains(i) { return "table" }
        guard let reason = ClassHints.furnitureReason(tree.classAndID(i)) else { return nil }
        // Class names count on blocks; inline, an `<a class="author">` is part of its
        // sentence, but screen-reader text and edit links never are.
        return Self.blockElements.contains(name) || reason == "page furniture" || isAlone(i) ? reason : nil
    }

    /// An inline element that is the only thing in its block (a `<span class="credit">` on its own).
    private func isAlone(_ i: Int) -> Bool {
        let p = tree.nodes[i].parent
        guard p >= 0, Self.blockElements.contains(tree.name(p)) else { return false }
        return tree.nodes[p].children.allSatisfy { c in
            c == i || (tree.nodes[c].isText && tree.nodes[c].isBlank)
        }
    }

    /// Preformatted text that reads as prose: no `<code>` inside or code-like class name,
    /// lines of several words, sentences, and hardly any of the symbols code is made of.
    static func isProse(_ tree: HTMLTree, _ pre: Int) -> Bool {
        let names = ClassHints.words(tree.classAndID(pre))
        if names.contains(where: { ["code", "highlight", "sourcecode", "prettyprint", "lang", "language", "console", "shell"].contains($0) }) { return false }
        if tree.first("code", under: pre) != nil { return false }
        let text = tree.textContent(pre)
        var letters = 0, symbols = 0
        for ch in text.unicodeScalars {
            if ch.properties.isAlphabetic { letters += 1 } else if "{}[]<>=;|\\_*#$@^~`+".unicodeScalars.contains(ch) { symbols += 1 }
        }
        let lines = text.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }
        guard letters >= 200, !lines.isEmpty else { return false }
        let wordsPerLine = Double(lines.reduce(0) { $0 + $1.split(separator: " ").count }) / Double(lines.count)
        let sentenceEnds = text.contains(". ") || text.contains(".\n")
        return Double(symbols) < Double(letters) * 0.02 && wordsPerLine >= 4 && sentenceEnds
    }

    /// A footnote or reference mark: `<sup class="reference">`, or a `<sup>` holding only a
    /// link to a note on the same page.
    static func isCitationMark(_ tree: HTMLTree, _ i: Int) -> Bool {
        guard tree.name(i) == "sup" else { return false }
        let words = ClassHints.words(tree.classAndID(i))
        if words.contains("reference") || words.contains("footnote") || words.contains("noteref") || words.contains("cite") { return true }
        let kids = tree.elementChildren(i)
        guard kids.count == 1, tree.name(kids[0]) == "a", let href = tree.attribute("href", of: kids[0]) else { return false }
        return href.hasPrefix("#")
    }
}
