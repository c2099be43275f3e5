/// One short English article used by the tests that read it from a text file, a PDF and a
/// web page, so the three can be compared.
public enum SampleArticle {
    public static let title = "The Wendover Arm Restoration"

    public static let paragraphs = [
        "The Wendover Arm of the Grand Union Canal reopened to boats in 2024 after a restoration that took two years and cost 4.2 million pounds.",
        "The arm was built in 1797 to carry water and goods to the town of Wendover, and it was closed in 1904 because its bed leaked badly into the chalk below.",
        "More than 300 volunteers relined a mile of channel with clay, and the restoration trust says they gave about 60,000 hours of their time to the work.",
        "The trust expects around 2,000 boat movements a year once the summer season starts, most of them by hire boats from the marina at Bulbourne.",
        "A second phase would extend the navigable section by another two miles towards Halton, where the arm once ended at a wharf beside the flour mill.",
    ]

    /// As a plain text file: the title line, then the paragraphs.
    public static var text: String { ([title] + paragraphs).joined(separator: "\n\n") + "\n" }

    /// As a web page, with the furniture of a news site around the story.
    public static var html: String {
        """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
        <title>\(title) | The Daily Example</title>
        <meta property="og:title" content="\(title)"><meta property="og:site_name" content="The Daily Example">
        </head><body>
        <nav class="menu"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
        <article><h1>\(title)</h1><p class="byline">By Sam Example</p>
        \(paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n"))
        </article>
        <aside class="sidebar"><h3>Most read</h3><ul><li><a href="/x">Council approves a new bridge in 2023</a></li></ul></aside>
        <footer><p>© 2024 The Daily Example. All rights reserved.</p></footer>
        </body></html>
        """
    }

    /// As a PDF set by a word processor: wrapped and hyphenated lines, a running header,
    /// page numbers, three pages.
    public static var pdf: [UInt8] {
        MinimalPDF.document(paragraphs: [title] + paragraphs, width: 46, linesPerPage: 12, header: "Canal Restoration Bulletin, issue 7").bytes
    }
}
