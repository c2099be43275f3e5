import Foundation
import Testing
@testable import Articles

/// A page's text with the sentences it should give: the clean `text` cards are made from,
/// and the `original` the page shows (reference marks and pronunciation kept).
struct OriginalCase: CustomTestStringConvertible, Sendable {
    let name: String
    let body: String
    let expected: [(text: String, original: String)]
    var testDescription: String { name }
}

/// Each sentence's `original`: the sentence as the page or file has it, cut at the same
/// place as its clean text.
@Suite struct SentenceOriginalTests {
    static let ref = ##"<sup id="cite_ref-1" class="reference"><a href="#cite_note-1">"##

    static let htmlCases: [OriginalCase] = [
        OriginalCase(name: "a reference mark mid-sentence",
                     body: "<p>The bridge opened in 1838\(ref)[1]</a></sup> and carried the main road until 1974. It was listed in 1951.</p>",
                     expected: [("The bridge opened in 1838 and carried the main road until 1974.", "The bridge opened in 1838[1] and carried the main road until 1974."),
                                ("It was listed in 1951.", "It was listed in 1951.")]),
        OriginalCase(name: "reference marks after the full stop go with the sentence before them",
                     body: "<p>The bridge carried the main road until 1974.\(ref)[2]</a></sup>\(ref)[3]</a></sup> It was listed in 1951.\(ref)[4]</a></sup></p>",
                     expected: [("The bridge carried the main road until 1974.", "The bridge carried the main road until 1974.[2][3]"),
                                ("It was listed in 1951.", "It was listed in 1951.[4]")]),
        OriginalCase(name: "a mark after the space that follows the full stop",
                     body: "<p>The bridge carried the main road until 1974. \(ref)[5]</a></sup> It was listed in 1951.</p>",
                     expected: [("The bridge carried the main road until 1974.", "The bridge carried the main road until 1974. [5]"),
                                ("It was listed in 1951.", "It was listed in 1951.")]),
        OriginalCase(name: "a footnote mark without brackets is the page's mark too",
                     body: ##"<p>The engineer Thomas Telford<sup class="footnote"><a href="#fn3">3</a></sup> designed the aqueduct in 1795.</p>"##,
                     expected: [("The engineer Thomas Telford designed the aqueduct in 1795.", "The engineer Thomas Telford3 designed the aqueduct in 1795.")]),
        OriginalCase(name: "[citation needed]",
                     body: ##"<p>The lock keeper lived on the site until 1962.<sup class="noprint Inline-Template Template-Fact">&#91;<i><a href="/wiki/Citation_needed"><span>citation needed</span></a></i>&#93;</sup> The cottage was sold in 1965.</p>"##,
                     expected: [("The lock keeper lived on the site until 1962.", "The lock keeper lived on the site until 1962.[citation needed]"),
                                ("The cottage was sold in 1965.", "The cottage was sold in 1965.")]),
        OriginalCase(name: "inline furniture mid-sentence leaves the sentence whole",
                     body: ##"<p>The claim<sup class="noprint Inline-Template">[<i><a href="/wiki/Citation_needed">citation needed</a></i>]</sup> about the harbour was made in 1990. The <a href="/h">harbour<span class="sr-only"> (opens in a new tab)</span></a> was dredged in 1907.</p>"##,
                     expected: [("The claim about the harbour was made in 1990.", "The claim[citation needed] about the harbour was made in 1990."),
                                ("The harbour was dredged in 1907.", "The harbour was dredged in 1907.")]),
        OriginalCase(name: "( listen) and an IPA transcription",
                     body: ##"<p><b>Aotearoa</b> (<span class="IPA">/aɔˈtɛaɾɔa/</span>; <span class="haudio">( <a href="/a.ogg">listen</a>)</span>) is the Māori name for New Zealand, used since the 1850s.</p>"##,
                     expected: [("Aotearoa is the Māori name for New Zealand, used since the 1850s.",
                                 "Aotearoa (/aɔˈtɛaɾɔa/; ( listen)) is the Māori name for New Zealand, used since the 1850s.")]),
        OriginalCase(name: "a parenthesis that keeps part of itself",
                     body: ##"<p>Wellington (/ˈwɛlɪŋtən/; Māori: Te Whanganui-a-Tara) became the capital in 1865.</p>"##,
                     expected: [("Wellington (Māori: Te Whanganui-a-Tara) became the capital in 1865.",
                                 "Wellington (/ˈwɛlɪŋtən/; Māori: Te Whanganui-a-Tara) became the capital in 1865.")]),
        OriginalCase(name: "a mark before a comma, and one in the next sentence",
                     body: "<p>Wool was the main export\(ref)[6]</a></sup>, then meat and butter. By 1900 dairy farming\(ref)[7]</a></sup> had grown fast.</p>",
                     expected: [("Wool was the main export, then meat and butter.", "Wool was the main export[6], then meat and butter."),
                                ("By 1900 dairy farming had grown fast.", "By 1900 dairy farming[7] had grown fast.")]),
        OriginalCase(name: "nothing removed: the same text",
                     body: "<p>The harbour was dredged in 1907.   It took two years.</p>",
                     expected: [("The harbour was dredged in 1907.", "The harbour was dredged in 1907."), ("It took two years.", "It took two years.")]),
    ]

    static func page(_ body: String) -> String {
        "<!DOCTYPE html><html lang=\"en\"><head><title>Harbour notes</title></head><body><article>\(body)</article></body></html>"
    }

    @Test(arguments: htmlCases)
    func htmlSentencesKeepThePagesMarksInTheirOriginal(_ c: OriginalCase) throws {
        let a = try ArticleReader.read(text: Self.page(c.body), fileName: "page.html")
        #expect(a.sentences.map(\.text) == c.expected.map(\.text))
        #expect(a.sentences.map(\.original) == c.expected.map(\.original))
    }

    @Test(arguments: [
        (ArticleFormat.text, "Harbour notes\n\nThe tower was finished in 1889.[4] It is 330 metres tall [citation needed] and painted every seven years.\n",
         [("The tower was finished in 1889.", "The tower was finished in 1889.[4]"),
          ("It is 330 metres tall and painted every seven years.", "It is 330 metres tall [citation needed] and painted every seven years.")]),
        // Markup goes from both; the marks stay in the original only.
        (ArticleFormat.markdown, "# Harbour notes\n\nThe **tower** was finished in [1889](https://example.org/1889).[4] It is *330 metres* tall.\n",
         [("The tower was finished in 1889.", "The tower was finished in 1889.[4]"), ("It is 330 metres tall.", "It is 330 metres tall.")]),
    ])
    func textAndMarkdownKeepTheFilesOwnSentence(_ format: ArticleFormat, _ source: String, _ expected: [(String, String)]) throws {
        let a = try ArticleReader.read(text: source, format: format)
        #expect(a.sentences.map(\.text) == expected.map(\.0))
        #expect(a.sentences.map(\.original) == expected.map(\.1))
    }

    /// Property: a reference mark put after any word of a paragraph changes neither the clean
    /// sentences nor where they split, and the sentence holding it quotes it.
    @Test(arguments: ["orchard.txt", "lighthouse.md", "harbour.html", "newsroom.html"])
    func aMarkAnywhereLeavesTheSentencesAndLandsInOne(_ name: String) throws {
        let plain = try ArticleReader.read(bytes: try fixture(name), fileName: name)
        let escaped = { (t: String) in t.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;") }
        // The first paragraphs of the fixture, as one page of paragraphs.
        let paragraphs = plain.paragraphs.prefix(3).map { escaped($0.text) }
        let page = { (ps: [String]) in Self.page(ps.map { "<p>\($0)</p>" }.joined()) }
        let base = try ArticleReader.read(text: page(paragraphs), fileName: "page.html")
        #expect(base.sentences.map(\.text) == base.sentences.map(\.original))
        for (p, paragraph) in paragraphs.enumerated() {
            let words = paragraph.split(separator: " ", omittingEmptySubsequences: false)
            for w in words.indices {
                var marked = words.map(String.init)
                marked[w] += "\(Self.ref)[\(w + 1)]</a></sup>"
                var ps = paragraphs
                ps[p] = marked.joined(separator: " ")
                let a = try ArticleReader.read(text: page(ps), fileName: "page.html")
                #expect(a.sentences.map(\.text) == base.sentences.map(\.text), "mark after word \(w) of paragraph \(p)")
                let holding = a.sentences.filter { $0.original.contains("[\(w + 1)]") }
                #expect(holding.count == 1, "mark after word \(w) of paragraph \(p)")
                for s in a.sentences {
                    #expect(s.original.replacingOccurrences(of: "[\(w + 1)]", with: "") == s.text, "\(s.original)")
                }
            }
        }
    }

    /// The fixtures read as before: with no mark in them, each sentence is its own original;
    /// where a page has marks, the original is the clean text plus its marks.
    @Test func fixturesKeepTheirSentencesAndTheEncyclopediaItsMarks() throws {
        for name in ["orchard.txt", "lighthouse.md", "newsroom.html", "ansi.txt"] {
            let a = try ArticleReader.read(bytes: try fixture(name), fileName: name)
            for s in a.sentences { #expect(s.original == s.text, "\(name): \(s.original)") }
        }
        let harbour = try ArticleReader.read(bytes: try fixture("harbour.html"), fileName: "harbour.html")
        let marked = harbour.sentences.filter { $0.original != $0.text }
        #expect(marked.map(\.original) == ["The railway reached the town in 1869, and sea trade fell quickly after that.[3]"])
        #expect(marked.map(\.text) == ["The railway reached the town in 1869, and sea trade fell quickly after that."])
        let a = try ArticleReader.read(bytes: try fixture("encyclopedia.html"), fileName: "encyclopedia.html")
        let originals = Dictionary(a.sentences.map { ($0.text, $0.original) }, uniquingKeysWith: { first, _ in first })
        #expect(originals["Saltmarsh Bridge is a cast-iron bridge over the River Welland in Lincolnshire, England."]
                == "Saltmarsh Bridge is a cast-iron bridge over the River Welland in Lincolnshire, England.[1]")
        #expect(originals["The bridge was designed by the engineer Thomas Example, who had worked under Thomas Telford."]
                == "The bridge was designed by the engineer Thomas Example, who had worked under Thomas Telford.[2][citation needed]")
        #expect(originals["It was opened in 1839 and carried the turnpike road from Spalding to the coast."]
                == "It was opened in 1839 and carried the turnpike road from Spalding to the coast.")
    }

    @Test func theOlderInitialisersOriginalIsItsText() {
        let s = Sentence(text: "The dam opened in 1936.", index: 0, paragraph: 0, section: nil, offset: 0)
        #expect(s.original == s.text)
    }
}
