/// A sentence with its words, tags, lemmas and dependency tree, and the spans the tree gives.
public struct ParsedSentence: Sendable, Hashable {
    /// The text the words' `utf8Range`s point into.
    public let text: String
    public let words: [Word]

    public init(text: String, words: [Word]) {
        self.text = text
        self.words = words
    }

    /// The word the tree hangs from.
    public var root: Int? { words.firstIndex { $0.head == nil } }

    /// Direct dependents of a word, left to right.
    public func children(of index: Int) -> [Int] {
        words.indices.filter { words[$0].head == index }
    }

    /// Dependents of a word with a given relation (compared on the universal part).
    public func children(of index: Int, _ relation: DependencyRelation) -> [Int] {
        words.indices.filter { words[$0].head == index && words[$0].relation.isKind(of: relation) }
    }

    /// The text of a range of words, cut from the original sentence (spaces and all).
    public func text(of span: Range<Int>) -> Substring {
        let r = utf8Range(of: span)
        let u = text.utf8
        return Substring(u[u.index(u.startIndex, offsetBy: r.lowerBound)..<u.index(u.startIndex, offsetBy: r.upperBound)])
    }

    /// UTF-8 offsets of a range of words in `text`.
    public func utf8Range(of span: Range<Int>) -> Range<Int> {
        guard !span.isEmpty else { return 0..<0 }
        return words[span.lowerBound].utf8Range.lowerBound..<words[span.upperBound - 1].utf8Range.upperBound
    }
}
