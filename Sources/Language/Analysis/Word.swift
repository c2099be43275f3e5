/// One syntactic word of an analysed sentence (UD splits "don't" into "do" + "n't": two words).
public struct Word: Sendable, Hashable {
    /// Position in the sentence, from 0.
    public var index: Int
    /// The text as written (a slice of the sentence: "n’t" keeps its curly apostrophe).
    public var form: String
    /// UTF-8 byte offsets of `form` in `ParsedSentence.text`: the sentence as given, or, for
    /// words given already split, the text rebuilt from them.
    public var utf8Range: Range<Int>
    /// Dictionary form: "did" -> "do", "cities" -> "city", "n't" -> "not".
    public var lemma: String
    public var tag: UniversalTag
    /// Penn Treebank tag ("VBD", "NNS", "NNP", ...).
    public var pennTag: String
    /// Index of the head word; nil for the root of the sentence.
    public var head: Int?
    public var relation: DependencyRelation
    /// Whether a space follows in the text (false inside "don't" and before a comma).
    public var spaceAfter: Bool

    public init(
        index: Int, form: String, utf8Range: Range<Int>, lemma: String, tag: UniversalTag, pennTag: String,
        head: Int?, relation: DependencyRelation, spaceAfter: Bool
    ) {
        self.index = index
        self.form = form
        self.utf8Range = utf8Range
        self.lemma = lemma
        self.tag = tag
        self.pennTag = pennTag
        self.head = head
        self.relation = relation
        self.spaceAfter = spaceAfter
    }
}
