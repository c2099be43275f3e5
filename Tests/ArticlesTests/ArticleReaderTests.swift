import Foundation
import Testing
@testable import Articles

func fixture(_ name: String) throws -> [UInt8] {
    let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
    return [UInt8](try Data(contentsOf: url))
}

func hasControlOrEscape(_ s: String) -> Bool {
    s.unicodeScalars.contains { $0.value < 0x20 || ($0.value >= 0x7F && $0.value <= 0x9F) || $0 == "\u{200B}" || $0 == "\u{202E}" }
}

@Suite struct FormatFixtureTests {
    @Test func markdownFixture() throws {
        let a = try ArticleReader.read(bytes: try fixture("lighthouse.md"), fileName: "lighthouse.md")
        #expect(a.format == .markdown)
        #expect(a.title == "The Lighthouse Keepers of Skerry Point")
        #expect(a.sections == ["Keepers and Their Duties", "Automation"])
        let texts = a.sentences.map(\.text)
        // Links keep their text, emphasis and code markers go, images and footnote marks vanish.
        #expect(texts.contains("It was built by the Northern Lights Board at a cost of £9,400, a large sum for the time."))
        #expect(texts.contains("Its lamp burned paraffin oil until 1925."))
        #expect(texts.contains("Keepers used a winding handle to drive the clockwork that turned the lens, and the rotation period was 30 seconds."))
        #expect(texts.contains("Each keeper polished the brass lens fittings every morning."))
        let all = texts.joined(separator: " ")
        for leak in ["tracker", "editorial note", "log_entry", "tower.jpg", "https://", "|", "*", "`", "[^1]", "Ten lighthouses", "annual report"] {
            #expect(!all.contains(leak), "leaked: \(leak)")
        }
        #expect(a.dropped.contains { $0.reason == "code block" })
        #expect(a.dropped.contains { $0.reason == "table" })
        #expect(a.dropped.contains { $0.text.contains("Related posts") })
        // The head keeper sentence keeps "Mr." inside.
        #expect(texts.contains("The head keeper, Mr. Angus Reid, kept the log from 1871 to 1902."))
    }

    @Test func htmlFixture() throws {
        let a = try ArticleReader.read(bytes: try fixture("harbour.html"), fileName: "harbour.html")
        #expect(a.format == .html)
        #expect(a.title == "The Old Harbour of Port Elwyn")
        #expect(a.sections == ["Trade in the Époque of Sail", "Decline"])
        let texts = a.sentences.map(\.text)
        #expect(texts.first == "The harbour at Port Elwyn was dug by hand between 1798 and 1803.")
        #expect(texts.contains("Fishermen & traders used it to land herring, slate and coal."))
        #expect(texts.contains("Its stone pier is 310 metres long."))
        #expect(texts.contains("The town’s records call it “the finest pier on the coast” — a claim nobody has checked."))
        #expect(texts.contains("Herring was salted and shipped in barrels to the Baltic."))
        #expect(texts.contains("The railway reached the town in 1869, and sea trade fell quickly after that."))
        let all = texts.joined(separator: " ")
        for leak in ["script text", "style text", "font-family", "cookies", "Share on", "Tweet", "Advertisement", "freelance writer",
                     "Leave a Reply", "email address", "All rights reserved", "©", "Home", "By Morgan", "&amp;", "&nbsp;", "[3]", "<"] {
            #expect(!all.contains(leak), "leaked: \(leak)")
        }
        // Navigation, the cookie banner, the bio, comments and the footer lie outside the
        // article the content search finds; the byline inside it is recorded as dropped.
        #expect(a.dropped.contains { $0.reason == "byline" && $0.text.contains("Morgan Example") })
    }

    @Test func plainTextFixture() throws {
        let a = try ArticleReader.read(bytes: try fixture("orchard.txt"), fileName: "orchard.txt")
        #expect(a.format == .text)
        #expect(a.title == "A Short History of the Kelby Orchard")
        #expect(a.sections == ["Planting", "Harvests"])
        let texts = a.sentences.map(\.text)
        #expect(texts == [
            "The Kelby orchard was planted in 1932 by the Hale family.",
            "Its first trees were 240 Bramley apple trees, bought from a nursery in Kent.",
            "By 1950, the orchard covered 12 hectares.",
            "Dr. Hale, who ran it after the war, added pears and plums.",
            "The best harvest on record came in 1976, when 91.6 tonnes of fruit were picked.",
            "The orchard sold most of it to a cider maker, Brook & Sons Ltd. in Hereford.",
        ])
        let reasons = Dictionary(a.dropped.map { ($0.text, $0.reason) }, uniquingKeysWith: { a, _ in a })
        #expect(reasons["Leave a Comment"] != nil)
        #expect(reasons["Copyright 2023 Kelby Heritage Trust"] == "copyright")
        #expect(reasons["Facebook Twitter Email"] == "share links")
        #expect(a.dropped.contains { $0.reason == "author bio" && $0.text.hasPrefix("Jamie Example is an English journalist") })
        // Sections and paragraph indices are attached to each sentence.
        #expect(a.sentences[0].section == "Planting")
        #expect(a.sentences[2].paragraph == 1)
        #expect(a.sentences[4].section == "Harvests")
        #expect(a.sentences.map(\.index) == Array(0..<6))
    }

    @Test func escapeSequencesAndControlCharactersAreStripped() throws {
        let a = try ArticleReader.read(bytes: try fixture("ansi.txt"), fileName: "ansi.txt")
        #expect(a.title == "Terminal Colours")
        #expect(a.sentences.map(\.text) == [
            "The red warning light came on at 9 p.m. on the first night.",
            "An engineer checked the wiring the next morning.",
            "The fault was a loose cable in panel 7.",
            "Nothing else was wrong with it.",
        ])
        for s in a.sentences { #expect(!hasControlOrEscape(s.text)) }
        for p in a.paragraphs { #expect(!hasControlOrEscape(p.text)) }
        #expect(!hasControlOrEscape(a.title))
        #expect(!a.title.contains("window title"))
    }

    @Test func sentenceOffsetsPointIntoParagraphText() throws {
        for name in ["lighthouse.md", "harbour.html", "orchard.txt"] {
            let a = try ArticleReader.read(bytes: try fixture(name), fileName: name)
            for p in a.paragraphs {
                let bytes = Array(p.text.utf8)
                for s in p.sentences {
                    #expect(s.paragraph == p.index)
                    #expect(s.section == p.section)
                    let slice = bytes[s.offset..<(s.offset + s.text.utf8.count)]
                    #expect(String(decoding: slice, as: UTF8.self) == s.text)
                }
            }
        }
    }
}

@Suite struct FormatDetectionTests {
    @Test(arguments: [
        ("a.txt", ArticleFormat.text), ("notes.TXT", .text), ("a.md", .markdown), ("b.markdown", .markdown),
        ("c.html", .html), ("d.HTM", .html), ("dir.v2/plain", nil as ArticleFormat?), ("noext", nil),
    ])
    func byExtension(_ name: String, _ expected: ArticleFormat?) {
        #expect(ArticleReader.format(forFileName: name) == expected)
    }

    @Test(arguments: [
        ("<!DOCTYPE html><html><body><p>Hi there.</p></body></html>", ArticleFormat.html),
        ("<div><p>One line.</p><p>Two lines.</p><br></div>", .html),
        ("# Heading\n\nSome text with a [link](http://x.org).\n", .markdown),
        ("Intro\n\n## Part\n\n**Bold** claims and `code`.\n", .markdown),
        ("A title\n\nJust a paragraph of text. Another sentence.\n", .text),
    ])
    func bySniffing(_ content: String, _ expected: ArticleFormat) throws {
        #expect(ArticleReader.sniffFormat(Array(content.utf8)) == expected)
        let a = try ArticleReader.read(text: content)
        #expect(a.format == expected)
    }

    @Test func overrideBeatsExtension() throws {
        let a = try ArticleReader.read(text: "# Not a heading\n\nPlain words here.", fileName: "x.md", format: .text)
        #expect(a.format == .text)
        // Read as plain text, "#" is just a character: the line is not a Markdown heading.
        #expect(a.sentences.map(\.text) == ["# Not a heading", "Plain words here."])
        #expect(a.sections.isEmpty)
    }
}

@Suite struct BadInputTests {
    @Test func emptyIsRejected() {
        #expect(throws: ArticleError.empty) { try ArticleReader.read(bytes: []) }
        #expect(throws: ArticleError.empty) { try ArticleReader.read(text: " \n\t\r\n  ") }
        #expect(throws: ArticleError.empty) { try ArticleReader.read(text: "\u{1B}[0m\u{7}\n") }
        #expect(ArticleError.empty.description == "is empty")
    }

    @Test func binaryIsRejected() {
        var bytes = Array("Some text that looks fine at first.".utf8)
        bytes += [0, 0, 0, 1, 2, 3, 0xFF, 0xFE]
        #expect(throws: ArticleError.binary) { try ArticleReader.read(bytes: bytes, fileName: "x.txt") }
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0x41, count: 100)
        #expect(throws: ArticleError.binary) { try ArticleReader.read(bytes: png) }
        let noise = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) | 0x80 }
        #expect(throws: ArticleError.binary) { try ArticleReader.read(bytes: noise) }
        #expect(ArticleError.binary.description == "looks like binary data, not an article")
    }

    @Test func noSentencesIsRejected() {
        #expect(throws: ArticleError.noSentences) { try ArticleReader.read(text: "Just A Title\n\nLeave a Comment\n", fileName: "t.txt") }
        #expect(throws: ArticleError.noSentences) { try ArticleReader.read(text: "<html><body><nav>Home</nav><script>x()</script></body></html>") }
        #expect(ArticleError.noSentences.description == "has no sentences")
    }

    @Test func invalidUTF8IsReplacedWithAWarning() throws {
        var bytes = Array("Caf".utf8) + [0xE9] + Array(" prices rose in 1999. The mill closed in 2001.".utf8)
        bytes.insert(0xC3, at: 0)  // a truncated sequence at the start
        let a = try ArticleReader.read(bytes: bytes, fileName: "x.txt")
        #expect(a.warnings.count == 1)
        #expect(a.warnings.first?.contains("UTF-8") == true)
        #expect(a.sentences.map(\.text).last == "The mill closed in 2001.")
        #expect(a.sentences.first?.text.contains("\u{FFFD}") == true)
        let clean = try ArticleReader.read(text: "Café prices rose in 1999.")
        #expect(clean.warnings.isEmpty)
    }

    @Test func fiveMegabyteSingleLine() throws {
        let unit = "The canal carried 1,200 boats a year by 1840, according to Mr. Dale of Hull. "
        let text = "Canal Traffic\n\n" + String(repeating: unit, count: 5_000_000 / unit.utf8.count)
        let a = try ArticleReader.read(text: text, fileName: "big.txt")
        #expect(a.title == "Canal Traffic")
        #expect(a.paragraphs.count == 1)
        #expect(a.sentences.count == 5_000_000 / unit.utf8.count)
        #expect(a.sentences[1].text == "The canal carried 1,200 boats a year by 1840, according to Mr. Dale of Hull.")
    }

    @Test func titleFallsBackToFileName() throws {
        let a = try ArticleReader.read(text: "The river froze in 1963. Nobody crossed it for a month.", fileName: "/tmp/river_history.txt")
        #expect(a.title == "river history")
        #expect(a.sentences.count == 2)
    }

    @Test func sanitizerStripsEscapesFromAnyString() {
        #expect(Sanitizer.strip("a\u{1B}[31mb\u{1B}[0mc\u{1B}]8;;http://x\u{7}d\u{1B}]8;;\u{7}e\u{7}\u{0}f") == "abcdef")
        #expect(Sanitizer.strip("line\none\ttab") == "line one tab")
        #expect(Sanitizer.strip("line\none", keepNewlines: true) == "line\none")
        #expect(Sanitizer.strip("c1\u{9B}1mx\u{85}y") == "c1xy")
    }
}

@Suite struct PlainTextLayoutTests {
    @Test func hardWrappedParagraphsAreJoined() throws {
        let text = """
            The Mill at Millbrook

            The mill at Millbrook was built in 1780 on the site of an
            older wooden mill. It ground wheat for the village until
            1935, when the last miller retired.

            History

            In 1802 the mill was bought by T. E. Harding, who added a
            second pair of stones.

            - It had four sails.
            - The cap was turned by a fantail.
            """
        let a = try ArticleReader.read(text: text, fileName: "m.txt")
        #expect(a.title == "The Mill at Millbrook")
        #expect(a.sections == ["History"])
        #expect(a.sentences.map(\.text) == [
            "The mill at Millbrook was built in 1780 on the site of an older wooden mill.",
            "It ground wheat for the village until 1935, when the last miller retired.",
            "In 1802 the mill was bought by T. E. Harding, who added a second pair of stones.",
            "It had four sails.",
            "The cap was turned by a fantail.",
        ])
        #expect(a.paragraphs.count == 4)
    }

    @Test func underlinedHeadingsAndSeparators() throws {
        let text = "Canals\n======\n\nThe first canal opened in 1761.\n\n-----\n\nLocks\n-----\n\nA lock raises boats between levels.\n"
        let a = try ArticleReader.read(text: text, fileName: "c.txt")
        #expect(a.title == "Canals")
        #expect(a.sections == ["Locks"])
        #expect(a.sentences.count == 2)
    }
}
