import FuzzInputs
import Testing

@testable import Articles

/// Articles damaged every way a fuzzer would damage them, read as text, Markdown, HTML, PDF
/// text and by content: `ArticleReader` never crashes, refuses with a typed error, and gives clean
/// sentences that sit where they say, no more text than the input holds.
@Suite struct ArticleReaderFuzzPropertyTests {
    static let seeds: [[UInt8]] = ["ansi.txt", "encyclopedia.html", "harbour.html", "lighthouse.md", "newsroom.html", "orchard.txt"].map { try! fixture($0) }
        + ProjectFiles.files(in: "decks/sources", endingIn: "").map(ProjectFiles.bytes)

    static let tokens = [
        "<p>", "</p>", "<h1>", "</h1>", "<title>", "<script>", "</script>", "<!--", "-->", "<![CDATA[", "<br>", "<a href=\"x\">",
        "&amp;", "&#8212;", "&#x1F600;", "&bogus;", "# ", "## ", "```", "> ", "* ", "1. ", "[x](", ")", "**", "---", "===",
        "\n\n", ". ", "? ", "Dr. ", "U.S. ", "[1]", "[citation needed]", "Leave a Comment", "©",
    ]

    @Test func mutatedArticlesGiveCleanSentencesOrATypedError() {
        let formats: [ArticleFormat?] = [nil, .text, .markdown, .html, .pdf]
        var sentences = 0
        for (i, bytes) in MutatedInputs(seeds: Self.seeds, count: 2000, seed: 22, maxLength: 4096, tokens: Self.tokens).enumerated() {
            let article: Article
            do {
                if i % 7 == 6 {
                    article = try ArticleReader.read(pdfText: String(decoding: bytes, as: UTF8.self), fileName: "mutated.pdf")
                } else {
                    article = try ArticleReader.read(bytes: bytes, fileName: "mutated", format: formats[i % formats.count])
                }
            } catch {
                if case .unreadable = error { Issue.record("input \(i): a reader of bytes cannot fail to read") }
                continue
            }
            var index = 0
            var textBytes = 0
            for (p, paragraph) in article.paragraphs.enumerated() {
                #expect(paragraph.index == p, "input \(i)")
                for sentence in paragraph.sentences {
                    #expect(sentence.index == index && sentence.paragraph == p, "input \(i)")
                    #expect(!sentence.text.isEmpty && !hasControlOrEscape(sentence.text), "input \(i): \(sentence.text.debugDescription)")
                    #expect(sentence.offset >= 0 && sentence.offset + sentence.text.utf8.count <= paragraph.text.utf8.count,
                            "input \(i): \(sentence.text.debugDescription) at \(sentence.offset) in \(paragraph.text.debugDescription)")
                    index += 1
                    textBytes += sentence.text.utf8.count
                }
            }
            // Decoding can grow a byte to U+FFFD (three bytes), never more.
            #expect(textBytes <= 3 * bytes.count, "input \(i): \(textBytes) bytes of sentences from \(bytes.count)")
            sentences += index
        }
        #expect(sentences >= 5000)
    }
}
