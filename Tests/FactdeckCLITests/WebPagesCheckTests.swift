import Foundation
import Testing

/// The shared check over 44 real saved pages (Mozilla Readability's test pages, with the
/// article Firefox's reader view finds in each), run on the binary under test. Needs
/// ../shared and python3.
@Suite struct WebPagesCheckTests {
    static let tool = CLI.sharedRoot.appendingPathComponent("tools/web_pages_check.py").path
    static let pages = CLI.sharedRoot.appendingPathComponent("data/web-pages").path
    static var available: Bool {
        FileManager.default.fileExists(atPath: tool) && FileManager.default.fileExists(atPath: pages)
            && FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
    }

    @Test(.enabled(if: available))
    func realPagesGiveDecksRightTitlesAndCardsFromTheArticle() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        p.arguments = [Self.tool, CLI.binary, Self.pages]
        // The report goes to a file: a pipe read can be cut short by a signal.
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("web-pages-check-\(UUID().uuidString).txt")
        _ = FileManager.default.createFile(atPath: report.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: report) }
        let out = try FileHandle(forWritingTo: report)
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        try out.close()
        let data = try Data(contentsOf: report)
        #expect(p.terminationStatus == 0)
        // Last line: pages=44 decks=N title_ok=N inside=0.xxx foreign_refused=K/4 cards=N
        let last = String(decoding: data, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
        var figures: [String: String] = [:]
        for part in last.split(separator: " ") {
            let kv = part.split(separator: "=", maxSplits: 1)
            if kv.count == 2 { figures[String(kv[0])] = String(kv[1]) }
        }
        let pages = try #require(figures["pages"].flatMap { Int($0) }, "\(last)")
        #expect(pages == 44)
        // Ten of the 44 give no deck, rightly: three hold nothing but lorem ipsum
        // (hidden-nodes, missing-paragraphs, data-url-image), and four hold no fact a card can
        // be trusted with (mathjax: two sentences of a demo; wikipedia-4: a list of films with
        // three sentences of prose; table-style-attributes: a first-person rant; tmz-1:
        // gossip in the first person and pronouns; ehow-1: instructions, and its one statement
        // has its verb read as a noun ("plants that don't require a lot of light work best"),
        // so only a relative clause is finite; lazy-image-1: a post about Node.js whose few
        // statements name nothing the article knows; breitbart: quotations, tweets and claims
        // about what others believe). Five more since the generator refuses lines without a
        // full stop and undated forecasts (issue 16): what cards they gave came from headlines
        // of other stories and bullet teasers (bbc-1, yahoo-3's "Antarctica 'Penguin Post
        // Office' ____."), a "Note:" aside (ars-1), an unresolved "that" (cnn), fiction
        // (royal-road) and advice to the reader (lifehacker). The generator writes no card
        // when unsure.
        let decks = figures["decks"].flatMap { Int($0) } ?? 0
        #expect(decks >= pages - 15, "\(last)")
        // every deck's title right but one: v8-blog's real <h1> is longer than Readability's
        #expect(figures["title_ok"].flatMap { Int($0) } ?? 0 >= decks - 1, "\(last)")
        // Issue 14's bar. A card quotes its sentence as the page has it (reference marks and
        // pronunciations kept), so the check finds it in Readability's text; what is still
        // counted outside is the check's own reading (a drop cap split from its word, "W hale";
        // a word split by a link, "D ata"; an entity Readability left undecoded) and a mark
        // Readability dropped. Measured: 0.995 (BENCHMARKS.md, reading web pages).
        #expect(figures["inside"].flatMap { Double($0) } ?? 0 >= 0.97, "\(last)")
        #expect(figures["foreign_refused"] == "4/4", "\(last)")
    }
}
