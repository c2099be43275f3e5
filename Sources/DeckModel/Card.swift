/// The kinds of question a card asks.
public enum CardType: String, Sendable, Hashable, CaseIterable {
    case cloze, question, choice, truefalse
}

/// Where a card's fact came from in its article.
public struct CardSource: Sendable, Hashable {
    /// The sentence the fact was taken from, as the article states it.
    public var sentence: String
    /// The section heading the sentence sits under, if any.
    public var section: String?
    /// Zero-based index of the paragraph within the article.
    public var paragraph: Int?
    /// Zero-based index of the sentence within the article.
    public var index: Int?

    public init(sentence: String, section: String? = nil, paragraph: Int? = nil, index: Int? = nil) {
        self.sentence = sentence
        self.section = section
        self.paragraph = paragraph
        self.index = index
    }
}

/// One question card of a deck.
public struct Card: Sendable, Hashable, Identifiable {
    /// Stable across regeneration of the same fact: progress is keyed by it.
    public var id: String
    public var type: CardType
    public var question: String
    public var answer: String
    /// Other answers that count as right ("85 percent" for "85%").
    public var accept: [String]
    /// Multiple-choice options, the answer among them; empty for other types.
    public var choices: [String]
    public var source: CardSource
    /// 0...1: the generator's own judgement of how good a card this is.
    public var score: Double
    /// What kind of fact the answer is (year, percent, person, term ...), when known.
    public var factType: String?
    /// What the fact states, for comparing it with other cards' facts (conflicting
    /// sources); nil on decks written before claims and on cards the learner re-answered.
    public var claim: Claim?

    public init(
        id: String, type: CardType, question: String, answer: String, accept: [String] = [],
        choices: [String] = [], source: CardSource, score: Double = 0.5, factType: String? = nil, claim: Claim? = nil
    ) {
        self.id = id
        self.type = type
        self.question = question
        self.answer = answer
        self.accept = accept
        self.choices = choices
        self.source = source
        self.score = score
        self.factType = factType
        self.claim = claim
    }
}
