/// A sentence of a treebank in CoNLL-U: its words with gold annotation.
public struct TreebankSentence: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var form: String
        public var lemma: String
        public var upos: String
        public var xpos: String
        /// 1-based index of the head word, 0 for the root (CoNLL-U's numbering).
        public var head: Int
        public var relation: String
        public var spaceAfter: Bool

        public init(form: String, lemma: String, upos: String, xpos: String, head: Int, relation: String, spaceAfter: Bool) {
            self.form = form
            self.lemma = lemma
            self.upos = upos
            self.xpos = xpos
            self.head = head
            self.relation = relation
            self.spaceAfter = spaceAfter
        }
    }

    /// `# sent_id`, if given.
    public var id: String?
    /// `# text`, if given.
    public var text: String?
    public var words: [Entry]

    public init(id: String? = nil, text: String? = nil, words: [Entry]) {
        self.id = id
        self.text = text
        self.words = words
    }
}
