import ArticleTestSupport
import DeckModel
import Foundation
import Testing

/// `factdeck generate` on a web address, a PDF, and an article in another language.
@Suite struct GenerateSourcesCLITests {
    static let server: LoopbackHTTPServer = {
        // A server that cannot start is a broken test machine: fail loudly.
        try! LoopbackHTTPServer(routes: [
            "/story": .html(SampleArticle.html),
            "/old-address": .redirect(to: "/story"),
            "/loop": .redirect(to: "/loop"),
            "/gone": .init(status: 404, headers: ["Content-Type": "text/html"], body: Array("<p>Gone</p>".utf8)),
            "/data.json": .init(headers: ["Content-Type": "application/json"], body: Array(#"{"a": 1}"#.utf8)),
            "/slow": .init(headers: ["Content-Type": "text/html"], body: Array(SampleArticle.html.utf8), delay: 5),
        ])
    }()

    static var hasPdftotext: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/pdftotext")
        }
    }

    func workspace() throws -> (root: String, out: String) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("factdeck-src-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        return (root, root + "/decks")
    }

    func deckFiles(_ dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".json") }
    }

    func deck(_ path: String) throws -> Deck {
        try DeckCodec.decode([UInt8](Data(contentsOf: URL(fileURLWithPath: path))), path: path)
    }

    @Test func aWebPageBecomesADeckNamedAfterItsTitle() throws {
        let (root, out) = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let address = Self.server.url("/old-address")
        let r = try CLI.run(["generate", address, "--output", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(deckFiles(out) == ["the-wendover-arm-restoration.json"])
        let d = try deck(out + "/the-wendover-arm-restoration.json")
        #expect(d.title == SampleArticle.title)
        #expect(d.source.path == address)
        #expect(d.cards.count >= 3)
        // Every card comes from the story, none from the menu, sidebar or footer.
        #expect(d.cards.allSatisfy { card in SampleArticle.paragraphs.contains { $0.contains(card.source.sentence) } })
    }

    @Test(arguments: [
        ("/gone", "the server answered 404 Not Found"),
        ("/loop", "redirects more than 10 times (a redirect loop?)"),
        ("/data.json", "is application/json, not a web page (HTML), a PDF or plain text"),
        ("/slow", "did not answer within 1 s"),
    ])
    func aPageThatCannotBeReadGivesOneLineAndWritesNothing(path: String, message: String) throws {
        let (root, out) = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let address = Self.server.url(path)
        let r = try CLI.run(["generate", address, "--output", out, "--timeout", "1"])
        #expect(r.status == 1)
        #expect(r.stderr == "factdeck: \(address): \(message)\n")
        #expect(deckFiles(out).isEmpty)
    }

    @Test(.enabled(if: hasPdftotext))
    func aPDFGivesTheSameCardsAsTheSameTextInATextFile() throws {
        let (root, out) = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data(SampleArticle.pdf).write(to: URL(fileURLWithPath: root + "/bulletin.pdf"))
        try SampleArticle.text.write(toFile: root + "/bulletin-text.txt", atomically: true, encoding: .utf8)
        let r = try CLI.run(["generate", root + "/bulletin.pdf", root + "/bulletin-text.txt", "--output", out])
        #expect(r.status == 0, "\(r.stderr)")
        let fromPDF = try deck(out + "/bulletin.json"), fromText = try deck(out + "/bulletin-text.json")
        #expect(fromPDF.title == SampleArticle.title)
        #expect(fromPDF.cards.count >= 3)
        func shape(_ d: Deck) -> [String] { d.cards.map { "\($0.id) \($0.type) \($0.question) = \($0.answer) \($0.choices)" } }
        #expect(shape(fromPDF) == shape(fromText))
    }

    @Test func withoutPdftotextAPDFIsRefusedNamingThePackage() throws {
        let (root, out) = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data(SampleArticle.pdf).write(to: URL(fileURLWithPath: root + "/bulletin.pdf"))
        let r = try CLI.run(["generate", root + "/bulletin.pdf", "--output", out], env: ["PATH": "/nonexistent"])
        #expect(r.status == 1)
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(r.stderr.contains("bulletin.pdf: reading PDFs needs pdftotext from poppler-utils"))
        #expect(deckFiles(out).isEmpty)
    }

    @Test(.enabled(if: hasPdftotext))
    func aScannedOrBrokenPDFGivesOneLine() throws {
        let (root, out) = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data(MinimalPDF(pages: [[]]).bytes).write(to: URL(fileURLWithPath: root + "/scan.pdf"))
        try Data("%PDF-1.4\nnot really\n".utf8).write(to: URL(fileURLWithPath: root + "/broken.pdf"))
        let r = try CLI.run(["generate", root + "/scan.pdf", root + "/broken.pdf", "--output", out])
        #expect(r.status == 1)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.contains { $0.contains("scan.pdf: has no text to read (a scanned PDF?") })
        #expect(lines.contains { $0.contains("broken.pdf: is not a readable PDF (pdftotext: ") })
        #expect(deckFiles(out).isEmpty)
    }

    @Test func anArticleInAnotherLanguageIsRefusedAndNothingWritten() throws {
        let (root, out) = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let french = "Le canal de Wendover\n\nLe canal a été rouvert aux bateaux en 2024 après une restauration qui a duré deux ans et coûté 4,2 millions de livres. Il avait été construit en 1797 pour porter de l'eau et des marchandises jusqu'à la ville, et il a été fermé en 1904.\n"
        try french.write(toFile: root + "/canal.txt", atomically: true, encoding: .utf8)
        let r = try CLI.run(["generate", root + "/canal.txt", "--output", out])
        #expect(r.status == 1)
        #expect(r.stderr == "factdeck: \(root)/canal.txt: is in French, not English: factdeck writes English cards only; nothing written\n")
        #expect(deckFiles(out).isEmpty)
    }
}
