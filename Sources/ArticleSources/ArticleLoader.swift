import Articles
import Foundation

/// An article read from where the user pointed: a file (text, Markdown, HTML, PDF) or a
/// web address.
public struct LoadedArticle: Sendable {
    public var article: Article
    /// The bytes read (file or download), for the deck's checksum.
    public var bytes: [UInt8]
    /// True when the article came from a web address.
    public var isWebPage: Bool
}

/// The IO edge in front of `ArticleReader`: reads files, downloads pages, runs pdftotext,
/// and hands bytes or text to the pure reader.
public struct ArticleLoader: Sendable {
    public var fetcher: WebPageFetcher
    public var pdf: PDFTextExtractor

    public init(fetcher: WebPageFetcher = WebPageFetcher(), pdf: PDFTextExtractor = PDFTextExtractor()) {
        self.fetcher = fetcher
        self.pdf = pdf
    }

    /// Does the argument name a web page rather than a file?
    public static func isWebAddress(_ argument: String) -> Bool {
        let lower = argument.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    public func load(_ argument: String) throws -> LoadedArticle {
        Self.isWebAddress(argument) ? try loadWebPage(argument) : try loadFile(argument)
    }

    private func loadFile(_ path: String) throws -> LoadedArticle {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw ArticleSourceError.unreadableFile("no such file") }
        if isDirectory.boolValue { throw ArticleSourceError.unreadableFile("is a directory") }
        guard let data = FileManager.default.contents(atPath: path) else { throw ArticleSourceError.unreadableFile("permission denied or read error") }
        let bytes = [UInt8](data)
        if Self.isPDF(bytes, name: path) {
            let article = try ArticleReader.read(pdfText: try pdf.text(ofFileAt: path), fileName: path)
            return LoadedArticle(article: article, bytes: bytes, isWebPage: false)
        }
        return LoadedArticle(article: try ArticleReader.read(bytes: bytes, fileName: path), bytes: bytes, isWebPage: false)
    }

    private func loadWebPage(_ address: String) throws -> LoadedArticle {
        guard let url = URL(string: address) else { throw ArticleSourceError.notAWebAddress }
        let page = try fetcher.fetch(url)
        let name = page.url.lastPathComponent
        let article: Article
        if page.mediaType == "application/pdf" || Self.isPDF(page.bytes, name: "") {
            // pdftotext needs a file it can seek in.
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("factdeck-\(UUID().uuidString).pdf")
            try Data(page.bytes).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            article = try ArticleReader.read(pdfText: try pdf.text(ofFileAt: file.path), fileName: name)
        } else if page.mediaType == "text/plain" || page.mediaType == "text/markdown" {
            article = try ArticleReader.read(bytes: page.bytes, fileName: name, format: page.mediaType == "text/plain" ? .text : .markdown)
        } else {
            article = try ArticleReader.read(bytes: page.bytes, fileName: name, format: page.mediaType.isEmpty ? nil : .html, charset: page.charset)
        }
        return LoadedArticle(article: article, bytes: page.bytes, isWebPage: true)
    }

    /// A `.pdf` name, or the `%PDF-` signature in the first kilobyte.
    static func isPDF(_ bytes: [UInt8], name: String) -> Bool {
        if name.lowercased().hasSuffix(".pdf") { return true }
        let head = bytes.prefix(1024)
        let signature = Array("%PDF-".utf8)
        guard head.count >= signature.count else { return false }
        for i in head.startIndex...(head.endIndex - signature.count) where head[i..<(i + signature.count)].elementsEqual(signature) { return true }
        return false
    }
}
