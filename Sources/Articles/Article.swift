/// The format an article was read as.
public enum ArticleFormat: String, Sendable, Hashable {
    case text, markdown, html, pdf
}

/// One sentence of an article, with where it sits.
public struct Sentence: Sendable, Hashable {
    /// Clean text: markup, control characters, escape sequences and citation marks removed.
    /// What cards are made from, and what their ids are computed from.
    public var text: String
    /// The sentence as the page or file has it, whitespace collapsed: reference marks
    /// ("[12]", "[citation needed]") and pronunciation text ("( listen)") kept, markup
    /// removed. What a card quotes as its source. Equal to `text` when nothing was removed.
    public var original: String
    /// Zero-based index among all kept sentences of the article.
    public var index: Int
    /// Zero-based index of its paragraph in the article.
    public var paragraph: Int
    /// The heading of the section it sits in, if any.
    public var section: String?
    /// UTF-8 byte offset of the sentence within its cleaned paragraph text.
    public var offset: Int

    public init(text: String, index: Int, paragraph: Int, section: String?, offset: Int) {
        self.init(text: text, original: text, index: index, paragraph: paragraph, section: section, offset: offset)
    }

    public init(text: String, original: String, index: Int, paragraph: Int, section: String?, offset: Int) {
        self.text = text
        self.original = original
        self.index = index
        self.paragraph = paragraph
        self.section = section
        self.offset = offset
    }
}

/// A paragraph of running text, split into sentences.
public struct Paragraph: Sendable, Hashable {
    public var index: Int
    public var section: String?
    public var text: String
    public var sentences: [Sentence]

    public init(index: Int, section: String?, text: String, sentences: [Sentence]) {
        self.index = index
        self.section = section
        self.text = text
        self.sentences = sentences
    }
}

/// An article reduced to what cards can be made from: title, sections, paragraphs, sentences.
/// Boilerplate (bios, "Leave a Comment", navigation, copyright) is already dropped.
public struct Article: Sendable, Hashable {
    public var title: String
    public var format: ArticleFormat
    public var paragraphs: [Paragraph]
    /// Lines that were dropped as boilerplate, with the reason (for `--verbose`).
    public var dropped: [(text: String, reason: String)] {
        get { droppedStorage.map { ($0.text, $0.reason) } }
        set { droppedStorage = newValue.map { DroppedLine(text: $0.text, reason: $0.reason) } }
    }
    /// Warnings for the user (invalid UTF-8 replaced, ...), without the file name.
    public var warnings: [String]

    private var droppedStorage: [DroppedLine]

    public init(title: String, format: ArticleFormat, paragraphs: [Paragraph], dropped: [(text: String, reason: String)] = [], warnings: [String] = []) {
        self.title = title
        self.format = format
        self.paragraphs = paragraphs
        self.droppedStorage = dropped.map { DroppedLine(text: $0.text, reason: $0.reason) }
        self.warnings = warnings
    }

    /// All kept sentences in reading order.
    public var sentences: [Sentence] { paragraphs.flatMap(\.sentences) }

    /// Section headings in order of appearance.
    public var sections: [String] {
        var seen: [String] = []
        for p in paragraphs { if let s = p.section, seen.last != s { seen.append(s) } }
        return seen
    }
}

struct DroppedLine: Sendable, Hashable {
    var text: String
    var reason: String
}
