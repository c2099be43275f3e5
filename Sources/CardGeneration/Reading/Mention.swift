/// Something a later pronoun may stand for: the subject of a sentence, the article's topic.
struct Mention: Sendable, Hashable {
    enum Kind: Sendable, Hashable { case person, thing }
    /// As a card writes it: "Edwin P. Hubble", "the press".
    var text: String
    var kind: Kind
    var plural: Bool
    var gender: Gender?
    /// A thing for certain: a place, an organisation, a common noun phrase; not a name
    /// of unknown kind, which may be a person's.
    var isKnownThing = false
}

/// What the reader remembers from the sentences before: who or what the last one was
/// about.
struct ReadingState: Sendable {
    var previousSubject: Mention? = nil
    /// The sentence before had a subject we could not read (a name of unknown kind, a
    /// pronoun left open): what a pronoun here stands for is anyone's guess.
    var previousSubjectUnread = false
    /// People named in the sentence before (and names that may be people's).
    var previousPersons: [String] = []
    var firstInParagraph = true
    /// The years the sentence before names, for "the same year", "the following year".
    var previousYears: [Int] = []
    /// Places the sentence before names, for "the country", "the city".
    var previousPlaces: [String] = []
    var paragraph = -1
}
