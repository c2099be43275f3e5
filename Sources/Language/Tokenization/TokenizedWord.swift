/// A word as the tokenizer cut it: its text and where it sits in the sentence.
public struct TokenizedWord: Sendable, Hashable {
    public var form: String
    /// UTF-8 byte offsets in the text that was tokenized.
    public var utf8Range: Range<Int>
    public var spaceAfter: Bool

    public init(form: String, utf8Range: Range<Int>, spaceAfter: Bool) {
        self.form = form
        self.utf8Range = utf8Range
        self.spaceAfter = spaceAfter
    }
}
