import ArticleTestSupport
import Articles
import Foundation
import Testing
@testable import ArticleSources

/// PDFs made by the tests, read through poppler's pdftotext (installed by .ci/run).
@Suite struct PDFTextExtractorTests {
    static let extractor = PDFTextExtractor()
    static var hasPdftotext: Bool { extractor.executable != nil }

    static func write(_ bytes: [UInt8], name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("factdeck-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(.enabled(if: hasPdftotext))
    func aPDFReadsAsTheSameArticleAsItsText() throws {
        let pdf = try Self.write(SampleArticle.pdf, name: "wendover.pdf")
        let txt = try Self.write(Array(SampleArticle.text.utf8), name: "wendover.txt")
        let fromPDF = try ArticleLoader().load(pdf).article
        let fromText = try ArticleLoader().load(txt).article
        #expect(fromPDF.format == .pdf)
        #expect(fromPDF.title == SampleArticle.title)
        #expect(fromPDF.sentences.map(\.text) == fromText.sentences.map(\.text))
        #expect(fromPDF.paragraphs.map(\.text) == SampleArticle.paragraphs)
    }

    @Test(.enabled(if: hasPdftotext))
    func twoColumnsComeInReadingOrder() throws {
        let left = ["The harbour at Port Elwyn was dug", "by hand between 1798 and 1803.", "", "Fishermen used it to land herring", "and coal from the northern pits."]
        let right = ["The pier at Skerry was finished in", "1811 by the same masons.", "", "Its lamp was first lit in 1816 and", "burned whale oil until 1902."]
        var texts = [MinimalPDF.Text(x: 72, y: 720, "Harbours of the North Coast")]
        for (k, line) in left.enumerated() where !line.isEmpty { texts.append(.init(x: 72, y: 690 - Double(k) * 12, line)) }
        for (k, line) in right.enumerated() where !line.isEmpty { texts.append(.init(x: 330, y: 690 - Double(k) * 12, line)) }
        texts.append(.init(x: 300, y: 40, "1"))
        let path = try Self.write(MinimalPDF(pages: [texts]).bytes, name: "columns.pdf")
        let article = try ArticleReader.read(pdfText: try Self.extractor.text(ofFileAt: path), fileName: path)
        #expect(article.title == "Harbours of the North Coast")
        #expect(article.paragraphs.map(\.text) == [
            "The harbour at Port Elwyn was dug by hand between 1798 and 1803.",
            "Fishermen used it to land herring and coal from the northern pits.",
            "The pier at Skerry was finished in 1811 by the same masons.",
            "Its lamp was first lit in 1816 and burned whale oil until 1902.",
        ])
    }

    @Test(.enabled(if: hasPdftotext))
    func aScannedPDFWithoutTextSaysSo() throws {
        let path = try Self.write(MinimalPDF(pages: [[], []]).bytes, name: "scan.pdf")
        #expect(throws: ArticleError.noTextLayer) { try ArticleLoader().load(path) }
        #expect(ArticleError.noTextLayer.description.contains("scanned"))
    }

    @Test(.enabled(if: hasPdftotext), arguments: [
        Array("%PDF-1.4\nthis is not really a PDF\n".utf8),
        Array(SampleArticle.pdf.prefix(400)),
    ])
    func aBrokenPDFSaysSoInOneLine(bytes: [UInt8]) throws {
        let path = try Self.write(bytes, name: "broken.pdf")
        #expect {
            try ArticleLoader().load(path)
        } throws: { error in
            guard case .unreadablePDF(let why) = error as? ArticleSourceError else { return false }
            return why.hasPrefix("pdftotext: ") && !why.contains("\n")
        }
    }

    @Test func withoutPdftotextTheMessageNamesThePackage() throws {
        let path = try Self.write(SampleArticle.pdf, name: "any.pdf")
        let loader = ArticleLoader(pdf: PDFTextExtractor(searchPath: "/nonexistent"))
        #expect(throws: ArticleSourceError.pdfToolMissing) { try loader.load(path) }
        #expect(ArticleSourceError.pdfToolMissing.description.contains("poppler-utils"))
    }

    @Test func aPDFIsKnownByItsSignatureToo() {
        #expect(ArticleLoader.isPDF(SampleArticle.pdf, name: "download"))
        #expect(!ArticleLoader.isPDF(Array("plain text".utf8), name: "notes.txt"))
    }
}
