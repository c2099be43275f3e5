import Foundation
import Testing

@testable import Articles

/// Pages the fuzzers found crashing the reader, kept as files.
@Suite struct ArticleFuzzFindingTests {
    /// Found by fuzzing: after a <script>, libxml2 leaves an unknown element and its text in
    /// <head> and makes no <body>, so the search ran under the root, climbed past it (it
    /// stopped only at an element named body) and indexed node -1. The text is in <head>,
    /// which is never article, so the page has no sentences.
    @Test func aPageWithNoBodyIsReadUnderItsRoot() throws {
        let bytes = try fixture("fuzz-crashes/text-in-head.html")
        #expect(throws: ArticleError.noSentences) { try ArticleReader.read(bytes: bytes, fileName: "text-in-head.html") }
        // The same text in a body is read.
        let inBody = try ArticleReader.read(bytes: Array("<body>".utf8) + bytes, fileName: "in-body.html")
        #expect(inBody.sentences.map(\.text) == [
            "Ships cross the Panama Canal in about ten hours, and the locks lift them 26 metres above the sea.",
        ])
    }
}
