/// HTML bytes to what `ArticleReader` assembles: the headline, the page's declared
/// language, and the article's blocks (page furniture already left out).
enum HTMLReader {
    struct Result {
        var title: String?
        var language: String?
        var blocks: [RawBlock]
        var warnings: [String]
    }

    /// Reads a whole page. `charset` is the one the server declared, if any.
    static func read(_ bytes: [UInt8], charset: String? = nil) -> Result {
        let (tree, warnings) = parse(bytes, charset: charset)
        let meta = PageMetadata(tree)
        let title = HeadlineFinder.headline(meta)
        let found = MainContentFinder.find(in: tree, title: title)
        let dataTables = Set(found.tree.all(["table"], under: found.content).filter(found.tree.isDataTable))
        var blocks = found.bylines.filter { !$0.isEmpty }.map { RawBlock(kind: .paragraph, bytes: Array($0.utf8.prefix(400)), dropReason: "byline") }
        blocks += HTMLBlockWriter.blocks(of: found.tree, root: found.content, dataTables: dataTables)
        return Result(title: title, language: meta.language, blocks: blocks, warnings: warnings)
    }

    /// Blocks of an HTML fragment read as is, with no search for the article (HTML inside Markdown).
    static func fragmentBlocks(_ bytes: [UInt8]) -> [RawBlock] {
        let (tree, _) = parse(bytes, charset: "utf-8")
        let body = tree.first("body", under: tree.root) ?? tree.root
        let dataTables = Set(tree.all(["table"], under: body).filter(tree.isDataTable))
        return HTMLBlockWriter.blocks(of: tree, root: body, dataTables: dataTables)
    }

    /// The text of inline HTML (tags stripped, references decoded): Markdown's inline HTML.
    static func inlineText(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        for block in fragmentBlocks(bytes) where block.dropReason == nil {
            if !out.isEmpty { out.append(0x20) }
            out.append(contentsOf: block.unmarkedBytes)
        }
        return out
    }

    private static func parse(_ bytes: [UInt8], charset: String?) -> (HTMLTree, [String]) {
        let detected = HTMLCharset.detect(bytes, declared: charset)
        var input = detected.bomLength > 0 ? Array(bytes.dropFirst(detected.bomLength)) : bytes
        var warnings: [String] = []
        if detected.isUTF8 && !Sanitizer.isValidUTF8(input) {
            // libxml2 would switch to Latin-1 at the first bad byte and garble the rest.
            let decoded = String(decoding: input, as: UTF8.self)
            let replaced = decoded.unicodeScalars.reduce(0) { $0 + ($1 == "\u{FFFD}" ? 1 : 0) }
            warnings.append("is not valid UTF-8: \(replaced) invalid byte sequence\(replaced == 1 ? "" : "s") replaced with \u{FFFD}")
            input = Array(decoded.utf8)
        }
        let tree = HTMLTreeBuilder.parse(input, encoding: detected.name)
            ?? HTMLTreeBuilder.parse(input, encoding: "WINDOWS-1252")
            ?? HTMLTree()
        return (tree, warnings)
    }
}
