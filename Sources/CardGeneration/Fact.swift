/// What kind of fact an answer is.
public enum FactType: String, Sendable, Hashable, CaseIterable {
    case year, date, number, percent, money, person, place, organisation, term

    var isNumeric: Bool { [.year, .date, .number, .percent, .money].contains(self) }
}

/// An answer candidate inside a sentence: a token span with its type and how concrete it is.
struct Fact: Sendable, Hashable {
    /// Word range of the answer in the sentence's tokens.
    var start: Int
    var end: Int
    var type: FactType
    var answer: String
    var accept: [String] = []
    /// 0...1: how concrete and checkable the fact is.
    var concreteness: Double
    /// Start of the span including a leading approximator ("more than", "around").
    var outerStart: Int
    /// Wording of the approximator for a question ("About", "More than").
    var approximator: String? = nil
    /// Counted noun phrase after a number ("nations"), as token range.
    var nounEnd: Int? = nil
    /// Numeric value, for perturbing distractors.
    var value: Double? = nil
    /// A list answer ("Uganda and Zimbabwe") and how many items it has.
    var listCount: Int = 1
    /// Subtype for wording: "decade", "century", "country", "ordinal", "score", "unit".
    var detail: String? = nil
    /// The type rests on evidence (a title, "who", a known expansion), not on the shape of the name alone.
    var confident = true
}

/// Article-wide knowledge the sentence rules need.
struct ArticleContext: Sendable {
    /// Normalised names of the article's own subject (from the title): never an answer.
    var topics: Set<String> = []
    /// Display form of each topic, most frequent first.
    var topicNames: [String] = []
    /// Lower-case words seen in lower case in the body (so "Technology" at a sentence start is a common word).
    var lowerVocabulary: Set<String> = []
    /// Words seen capitalised away from a sentence start (names).
    var midCaps: Set<String> = []
    /// How often each name is mentioned.
    var mentions: [String: Int] = [:]
    /// Acronym -> expansion and expansion -> acronym, from "Expansion (ACR)".
    var acronyms: [String: String] = [:]
    var expansions: [String: String] = [:]
    /// Single-word surname -> full name ("Chopin" -> "Frédéric Chopin").
    var surnames: [String: String] = [:]
    /// Entity type seen for a name anywhere in the article.
    var entityTypes: [String: FactType] = [:]

    func isTopic(_ answer: String) -> Bool {
        let n = CardID.normalize(answer)
        if topics.contains(n) { return true }
        // "North Korea's" or "the North Korean" variants
        for t in topics where n.hasPrefix(t) && n.count <= t.count + 2 { return true }
        return false
    }

    var topicCountry: String? {
        topicNames.first { Geography.isCountry($0) }
    }
}

enum Geography {
    static func isCountry(_ name: String) -> Bool {
        let n = CardID.normalize(name)
        if Lexicon.countries.contains(n) { return true }
        return Lexicon.countryPhrases.contains(String(n.map { $0 == " " ? "_" : $0 }))
    }
}
