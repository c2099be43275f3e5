import ArticleTestSupport
import Articles
import Foundation
import Testing
@testable import ArticleSources

/// Downloads against a server on 127.0.0.1 that the tests start themselves.
@Suite struct WebPageFetcherTests {
    static let latin1Page: [UInt8] = Array("<html><body><p>The caf".utf8) + [0xE9]
        + Array(" on the harbour opened in 1921 and still serves tea to the fishermen every morning.</p></body></html>".utf8)

    static let server: LoopbackHTTPServer = {
        // A server that cannot start is a broken test machine: fail loudly.
        try! LoopbackHTTPServer(routes: [
            "/article": .html(SampleArticle.html),
            "/moved": .redirect(to: "/article"),
            "/loop": .redirect(to: "/loop"),
            "/missing-page": .init(status: 404, headers: ["Content-Type": "text/html"], body: Array("<p>Not here</p>".utf8)),
            "/broken": .init(status: 500, headers: ["Content-Type": "text/html"], body: Array("<p>Oops</p>".utf8)),
            "/picture.png": .init(headers: ["Content-Type": "image/png"], body: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
            "/slow": .init(headers: ["Content-Type": "text/html"], body: Array("<p>Too late.</p>".utf8), delay: 4),
            "/huge": .init(headers: ["Content-Type": "text/html", "Content-Length": "\(30 << 20)"], body: Array("<p>".utf8)),
            "/latin1": .init(headers: ["Content-Type": "text/html; charset=ISO-8859-1"], body: latin1Page),
            "/notes.txt": .init(headers: ["Content-Type": "text/plain; charset=utf-8"], body: Array(SampleArticle.text.utf8)),
        ])
    }()

    // Generous: the machine may be busy; only the timeout test waits for it.
    let fetcher = WebPageFetcher(timeout: 20)

    @Test func aPageIsFetchedWithItsTypeAndCharset() throws {
        let page = try fetcher.fetch(URL(string: Self.server.url("/article"))!)
        #expect(page.mediaType == "text/html")
        #expect(page.charset?.lowercased() == "utf-8")
        #expect(String(decoding: page.bytes, as: UTF8.self) == SampleArticle.html)
    }

    @Test func redirectsAreFollowed() throws {
        let page = try fetcher.fetch(URL(string: Self.server.url("/moved"))!)
        #expect(page.url.path == "/article")
        #expect(page.bytes.count == SampleArticle.html.utf8.count)
    }

    @Test(arguments: [
        ("/loop", ArticleSourceError.tooManyRedirects(10)),
        ("/missing-page", .httpStatus(404, "Not Found")),
        ("/broken", .httpStatus(500, "Internal Server Error")),
        ("/picture.png", .unsupportedType("image/png")),
        ("/huge", .tooLarge(limitBytes: 20 << 20)),
    ])
    func whatGoesWrongIsSaidInOneLine(path: String, expected: ArticleSourceError) {
        #expect(throws: expected) { try fetcher.fetch(URL(string: Self.server.url(path))!) }
        #expect(!expected.description.contains("\n"))
    }

    @Test func aSlowServerTimesOut() {
        let impatient = WebPageFetcher(timeout: 1)
        #expect(throws: ArticleSourceError.timedOut(seconds: 1)) { try impatient.fetch(URL(string: Self.server.url("/slow"))!) }
    }

    @Test func aBodyLargerThanTheCapIsRefused() {
        let small = WebPageFetcher(timeout: 20, maxBytes: 1000)
        #expect(throws: ArticleSourceError.tooLarge(limitBytes: 1000)) { try small.fetch(URL(string: Self.server.url("/article"))!) }
    }

    @Test func aClosedPortIsANetworkError() throws {
        // A port nothing listens on: bind a server, note its port, stop it.
        let gone = try LoopbackHTTPServer(routes: [:])
        let url = URL(string: gone.url("/"))!
        gone.stop()
        #expect {
            try fetcher.fetch(url)
        } throws: { error in
            guard case .network = error as? ArticleSourceError else { return false }
            return true
        }
    }

    @Test(arguments: ["ftp://example.org/a.html", "file:///etc/passwd", "http://"])
    func onlyWebAddressesAreFetched(address: String) {
        #expect(throws: ArticleSourceError.notAWebAddress) { try fetcher.fetch(URL(string: address) ?? URL(fileURLWithPath: "/")) }
    }

    @Test func theLoaderReadsTheStoryNotThePage() throws {
        let loaded = try ArticleLoader(fetcher: fetcher).load(Self.server.url("/article"))
        #expect(loaded.isWebPage)
        #expect(loaded.article.title == SampleArticle.title)
        #expect(loaded.article.paragraphs.map(\.text) == SampleArticle.paragraphs)
    }

    @Test func theServersCharsetReachesTheReader() throws {
        let loaded = try ArticleLoader(fetcher: fetcher).load(Self.server.url("/latin1"))
        #expect(loaded.article.sentences.first?.text == "The café on the harbour opened in 1921 and still serves tea to the fishermen every morning.")
    }

    @Test func plainTextFromTheWebIsReadAsText() throws {
        let loaded = try ArticleLoader(fetcher: fetcher).load(Self.server.url("/notes.txt"))
        #expect(loaded.article.format == .text)
        #expect(loaded.article.title == SampleArticle.title)
    }
}
