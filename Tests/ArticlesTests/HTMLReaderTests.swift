import Foundation
import Testing
@testable import Articles

/// HTML through libxml2 and the content search: the article, not the page around it.
@Suite struct HTMLReaderTests {
    @Test func aNewsPageGivesItsStoryAndNoneOfThePageAroundIt() throws {
        let a = try ArticleReader.read(bytes: try fixture("newsroom.html"), fileName: "newsroom.html")
        #expect(a.format == .html)
        #expect(a.title == "Canal reopens after two-year restoration")
        #expect(a.sections == ["Volunteers did most of the work", "Traffic on the arm"])
        let texts = a.sentences.map(\.text)
        #expect(texts.first == "The Wendover Arm of the Grand Union Canal reopened to boats on Saturday after a restoration that took two years and cost 4.2 million pounds.")
        for sentence in [
            "The arm was built in 1797 to carry water and goods to the town of Wendover, and it was closed in 1904 because its bed leaked badly.",
            "More than 300 volunteers relined a mile of channel with clay, and the trust says they gave about 60,000 hours of work.",
            "The trust expects around 2,000 boat movements a year once the summer season starts.",
            "A second phase would extend the navigable section by another two miles towards Halton.",
        ] {
            #expect(texts.contains(sentence), "missing: \(sentence)")
        }
        let all = texts.joined(separator: " ")
        for leak in ["cookies", "Accept", "oak gates", "Sport", "Weather", "Priya", "4 May", "Boats queue", "Photograph", "Share on", "Read more",
                     "Boat movements", "140", "hidden paragraph", "1066", "JavaScript", "Boatman", "grandfather", "Most popular",
                     "bridge over the river", "newsletter", "oldest lock", "All rights", "Privacy", "script text", "color"] {
            #expect(!all.contains(leak), "leaked: \(leak)")
        }
        let reasons = Set(a.dropped.map(\.reason))
        #expect(reasons.contains("caption"))
        #expect(reasons.contains("table"))
        #expect(reasons.contains("byline"))
    }

    @Test func anEncyclopediaPageLosesItsReferenceMarksInfoboxAndReferences() throws {
        let a = try ArticleReader.read(bytes: try fixture("encyclopedia.html"), fileName: "encyclopedia.html")
        #expect(a.title == "Saltmarsh Bridge")
        #expect(a.sections == ["History", "Restoration"])
        let texts = a.sentences.map(\.text)
        #expect(texts.first == "Saltmarsh Bridge is a cast-iron bridge over the River Welland in Lincolnshire, England.")
        #expect(texts.contains("The bridge was designed by the engineer Thomas Example, who had worked under Thomas Telford."))
        #expect(texts.contains("The ironwork was cast at Butterley in Derbyshire and brought to the site by barge in 1838."))
        let all = texts.joined(separator: " ") + " " + a.sections.joined(separator: " ")
        for leak in ["[", "edit", "For the village", "Crosses", "Cast iron", "Smith", "Fenland", "Deeping", "last edited", "Creative Commons", "Navigation menu"] {
            #expect(!all.contains(leak), "leaked: \(leak)")
        }
    }

    @Test(arguments: [
        // (bytes as Latin-1 or UTF-8, server charset, expected sentence)
        (Array("<html><head><meta charset=\"windows-1252\"></head><body><p>The caf".utf8) + [0xE9] + Array(" opened in 1921 and its owner said it was ".utf8) + [0x93] + Array("the best in town".utf8) + [0x94] + Array(".</p></body></html>".utf8),
         nil as String?, "The café opened in 1921 and its owner said it was “the best in town”."),
        (Array("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><body><p>The caf".utf8) + [0xE9] + Array(" opened in 1921 on the main square of the town.</p></body></html>".utf8),
         nil, "The café opened in 1921 on the main square of the town."),
        // The server's charset wins over the page's own.
        (Array("<html><head><meta charset=\"utf-8\"></head><body><p>The caf".utf8) + [0xE9] + Array(" opened in 1921 on the main square of the town.</p></body></html>".utf8),
         "iso-8859-1", "The café opened in 1921 on the main square of the town."),
        // A byte order mark wins over both.
        ([0xEF, 0xBB, 0xBF] + Array("<html><head><meta charset=\"iso-8859-1\"></head><body><p>The café opened in 1921 on the main square of the town.</p></body></html>".utf8),
         "iso-8859-1", "The café opened in 1921 on the main square of the town."),
        // No declaration and not UTF-8: the web's legacy default.
        (Array("<html><body><p>The caf".utf8) + [0xE9] + Array(" opened in 1921 on the main square of the town.</p></body></html>".utf8),
         nil, "The café opened in 1921 on the main square of the town."),
    ])
    func encodingsComeFromTheBOMTheServerOrTheMetaTag(bytes: [UInt8], charset: String?, expected: String) throws {
        let a = try ArticleReader.read(bytes: bytes, fileName: "page.html", charset: charset)
        #expect(a.sentences.map(\.text) == [expected])
        #expect(a.warnings.isEmpty)
    }

    @Test func utf16WithAByteOrderMarkIsRead() throws {
        let page = "<html><body><p>The bridge was opened in 1839 and carried the turnpike road to the coast.</p></body></html>"
        let bytes: [UInt8] = [0xFF, 0xFE] + page.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let a = try ArticleReader.read(bytes: bytes, fileName: "page.html")
        #expect(a.sentences.map(\.text) == ["The bridge was opened in 1839 and carried the turnpike road to the coast."])
    }

    @Test func referencesOfHTML4AndHTML5AreDecoded() throws {
        let page = """
            <html><head><meta property="og:title" content="Prices rose 4&percnt; &amp; rents 3&percnt;"></head>
            <body><p>Prices rose by 4&percnt; in 2023 &mdash; the caf&eacute; said so &#8212; and rents rose 3&#x25; while &lt;wages&gt; stayed flat.</p></body></html>
            """
        let a = try ArticleReader.read(text: page, fileName: "page.html")
        #expect(a.title == "Prices rose 4% & rents 3%")
        #expect(a.sentences.map(\.text) == ["Prices rose by 4% in 2023 — the café said so — and rents rose 3% while <wages> stayed flat."])
    }

    @Test func hiddenNodesScriptsAndStylesAreNeverRead() throws {
        let page = """
            <html><body><article>
            <p>The lighthouse was first lit in 1851 and its lamp burned whale oil for many years.</p>
            <p hidden>The hidden attribute hides this sentence from 1900.</p>
            <p style="display: none">The style hides this sentence from 1901.</p>
            <p style="visibility:hidden">The visibility hides this sentence from 1902.</p>
            <div aria-hidden="true"><p>The aria attribute hides this sentence from 1903.</p></div>
            <script>document.write("A script sentence from 1904.")</script>
            <style>p::after { content: "A style sentence from 1905." }</style>
            <noscript><p>A noscript sentence from 1906.</p></noscript>
            <template><p>A template sentence from 1907.</p></template>
            <p>The keepers left the rock in 1987, when the light was automated.</p>
            </article></body></html>
            """
        let a = try ArticleReader.read(text: page, fileName: "page.html")
        #expect(a.sentences.map(\.text) == [
            "The lighthouse was first lit in 1851 and its lamp burned whale oil for many years.",
            "The keepers left the rock in 1987, when the light was automated.",
        ])
    }

    @Test func preformattedProseIsReadAndCodeIsNot() throws {
        let prose = (1...6).map { "   The working group met in 19\($0 + 90) and agreed that every server must\n   answer within thirty seconds of a request." }.joined(separator: "\n\n")
        let page = """
            <html><body><article><pre>Introduction

            \(prose)</pre>
            <pre class="language-swift">let answer = servers.map { $0.respond(within: 30) }.filter { $0.ok }; print(answer)</pre>
            </article></body></html>
            """
        let a = try ArticleReader.read(text: page, fileName: "draft.html")
        #expect(a.sentences.count == 6)
        #expect(a.sentences.first?.text == "The working group met in 1991 and agreed that every server must answer within thirty seconds of a request.")
        #expect(a.dropped.contains { $0.reason == "code block" && $0.text.contains("servers.map") })
    }

    @Test func aSentenceWithAFormulaInItGivesNoCard() throws {
        let page = """
            <html><body><article>
            <p>When <math><mi>a</mi><mo>≠</mo><mn>0</mn></math>, there are two solutions, found by Example in 1820.</p>
            <p>The formula was printed in a textbook in 1840 and taught in schools for a century.</p>
            </article></body></html>
            """
        let a = try ArticleReader.read(text: page, fileName: "maths.html")
        #expect(a.sentences.map(\.text) == ["The formula was printed in a textbook in 1840 and taught in schools for a century."])
        #expect(a.dropped.contains { $0.reason == "formula" })
    }

    @Test func aBoldLineBeforeALineBreakIsAHeading() throws {
        let page = """
            <HTML><BODY><TABLE><TR><TD><A HREF="/">Home</A><BR><A HREF="/s">Stamps</A></TD><TD>
            The Penny Black was issued in the United Kingdom on 1 May 1840.<BR><BR>
            <B>Collecting</B><BR>
            A used Penny Black is not rare, because about 68 million were printed.<BR><BR>
            </TD></TR></TABLE></BODY></HTML>
            """
        let a = try ArticleReader.read(text: page, fileName: "stamps.html")
        #expect(a.sections == ["Collecting"])
        #expect(a.sentences.map(\.text) == [
            "The Penny Black was issued in the United Kingdom on 1 May 1840.",
            "A used Penny Black is not rare, because about 68 million were printed.",
        ])
    }

    /// "<b>High availability<br></b> The service is ...": the break inside the bold run ends
    /// a run-in heading, which must not become the start of the sentence after it.
    @Test func aBoldRunEndedByABreakInsideItIsAHeading() throws {
        let page = """
            <html><body><article><h1>How the task framework works</h1>
            <p>The framework runs tasks for other services in three data centres since 2019.</p>
            <p><b>Delivery latency<br /></b> Most tasks begin within five seconds of their scheduled time.</p>
            <p><b>High availability for task scheduling<br /></b> The service is 99.9% available to accept scheduling requests.</p>
            </article></body></html>
            """
        let a = try ArticleReader.read(text: page, fileName: "tasks.html")
        #expect(a.sentences.map(\.text).contains("The service is 99.9% available to accept scheduling requests."))
        #expect(!a.sentences.contains { $0.text.hasPrefix("High availability") && $0.text.contains("99.9%") })
    }

    @Test func aClassNameInsideASentenceLeavesNoHoleInIt() throws {
        let page = """
            <html><body><article>
            <p>The bridge was opened in 1839 by <span class="social-link">the Spalding Turnpike Trust</span>, which charged a toll of one penny.</p>
            <div class="social-share"><a href="#">Share on Facebook</a></div>
            </article></body></html>
            """
        let a = try ArticleReader.read(text: page, fileName: "bridge.html")
        #expect(a.sentences.map(\.text) == ["The bridge was opened in 1839 by the Spalding Turnpike Trust, which charged a toll of one penny."])
    }

    @Test func brokenMarkupIsRecovered() throws {
        let page = "<html><body><div><p>The mill was built in 1820 <b>by the river<p>It ground corn until 1931.<div><p>Its wheel is 6 metres across"
        let a = try ArticleReader.read(text: page, fileName: "page.html")
        #expect(a.sentences.map(\.text) == ["The mill was built in 1820 by the river", "It ground corn until 1931.", "Its wheel is 6 metres across"])
    }
}

/// The headline: metadata first, site names off, never the site's name alone.
@Suite struct HeadlineTests {
    @Test(arguments: [
        (PageMetadata(metaTitles: ["Obama admits gun laws are his biggest frustration - BBC News"], documentTitle: "x", siteNames: ["BBC News"]),
         "Obama admits gun laws are his biggest frustration"),
        (PageMetadata(metaTitles: ["Breitbart: Snopes fact-checker quits"], siteNames: ["Breitbart"]), "Breitbart: Snopes fact-checker quits"),
        (PageMetadata(documentTitle: "Get your code covered | Code | Jane Doe", headings: ["Hi, I'm Jane."]), "Get your code covered"),
        (PageMetadata(documentTitle: "New Zealand - Wikipedia", headings: ["New Zealand"]), "New Zealand"),
        (PageMetadata(metaTitles: ["Quanta Magazine"], documentTitle: "Quanta Magazine", siteNames: ["Quanta Magazine"], headings: ["The Hidden Heroines of Chaos"]),
         "The Hidden Heroines of Chaos"),
        (PageMetadata(metaTitles: ["How we designed the task framework - an async story"]), "How we designed the task framework - an async story"),
        (PageMetadata(metaTitles: ["Friday Facts #282 - 0.17 in sight | Factorio"], siteNames: ["Factorio.com"]), "Friday Facts #282 - 0.17 in sight"),
        (PageMetadata(documentTitle: "Lupita's dress -- STOLEN!!! | TMZ.com"), "Lupita's dress -- STOLEN!!!"),
        (PageMetadata(metaTitles: ["Vision Pro hands-on"], siteNames: ["Vision Pro hands-on: a page title put where the site name goes"]), "Vision Pro hands-on"),
    ])
    func headline(meta: PageMetadata, expected: String) {
        #expect(HeadlineFinder.headline(meta) == expected)
    }

    @Test func jsonLDNameOrHeadlineWhicheverIsCloserToTheTitle() throws {
        let block = #"{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},{"@type":"Article","name":"Saltmarsh Bridge","headline":"bridge in Lincolnshire","publisher":{"name":"Example Foundation"}}]}"#
        let found = PageMetadata.jsonLD("<![CDATA[" + block + "]]>")
        #expect(found.titles.count == 1)
        #expect(found.publishers == ["Example Foundation"])
        let page = "<html><head><title>Saltmarsh Bridge - Example</title><script type=\"application/ld+json\">\(block)</script></head><body></body></html>"
        let tree = try #require(HTMLTreeBuilder.parse(Array(page.utf8), encoding: "UTF-8"))
        #expect(PageMetadata(tree).metaTitles.first == "Saltmarsh Bridge")
    }
}
