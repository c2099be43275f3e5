/// A stretch of words built around one head word: a noun phrase, a name.
public struct Phrase: Sendable, Hashable {
    /// The word the phrase is built around ("Dryden" in "Hugh L. Dryden" is not the head:
    /// UD makes the first word of a name its head).
    public var head: Int
    /// Word indices, contiguous.
    public var words: Range<Int>

    public init(head: Int, words: Range<Int>) {
        self.head = head
        self.words = words
    }
}
