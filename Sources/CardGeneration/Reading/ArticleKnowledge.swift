import Language

/// A person's grammatical gender as the article's pronouns show it.
enum Gender: Sendable, Hashable { case male, female }

/// What the whole article says about its names, read before any card is written: how
/// often each is mentioned, what kind of thing it is, its acronym, and the article's topic.
struct ArticleKnowledge: Sendable {
    /// Evidence for a name's kind, summed over the article.
    struct NameEvidence: Sendable {
        var mentions = 0
        var person = 0, place = 0, organisation = 0, thing = 0
        var male = 0, female = 0
        /// Mentions written "the X" ("the Danube", "the Hansa").
        var withThe = 0
    }

    var names: [String: NameEvidence] = [:]
    /// "IAEA" -> "International Atomic Energy Agency", and back.
    var acronyms: [String: String] = [:]
    var expansions: [String: String] = [:]
    /// Normalised names of the article's topic (its title, the title's name, its acronym):
    /// never an answer, since every card of the deck is about it.
    var topics: Set<String> = []
    /// The title's head noun, lower-case singular ("war" for "The Second World War"):
    /// "the war" in the article means the topic.
    var topicHeadNoun: String?
    /// The title as a name a card can use in place of "the agency" or "it".
    var topicName: String = ""
    /// The name the title is about, as the article writes it ("North Korea" for the title
    /// "Is North Korea Globalized?"): what a card writes for "the country"; nil when the
    /// title names nothing the article names.
    var topicEntity: String?
    var topicKind: FactType?
    /// Lemmas of the nouns the article uses, by sentence, for "the + noun" read as a
    /// reference back ("the canal" after "the Panama Canal").
    var nounLemmasBySentence: [Set<String>] = []
    /// How often the article uses each noun (by lemma): a term it keeps coming back to is
    /// one of its key terms.
    var nounCounts: [String: Int] = [:]
    /// Names and modified noun phrases by sentence, by their head noun (lower case,
    /// singular): what "the garden" names when a sentence before said "the Saxon Garden".
    var namedHeadsBySentence: [[String: Set<String>]] = []
    /// Words the article capitalises away from the start of a sentence.
    var capitalisedMidSentence: Set<String> = []
    /// Every answer candidate's normalised text, counted over the article.
    var answerCounts: [String: Int] = [:]

    func kind(of name: String) -> FactType? {
        if let e = names[name] { return Self.kind(e) }
        // a name known by its last word ("Hubble" for "Edwin P. Hubble")
        return nil
    }

    static func kind(_ e: NameEvidence) -> FactType? {
        let scores: [(FactType, Int)] = [(.person, e.person), (.place, e.place), (.organisation, e.organisation)]
        let best = scores.max { $0.1 < $1.1 }!
        let second = scores.filter { $0.0 != best.0 }.map(\.1).max() ?? 0
        guard best.1 >= 2, best.1 >= 2 * second + 1 else { return nil }
        // "it" after a name argues against a person, not against a place or a body
        if best.0 == .person, e.thing >= best.1 { return nil }
        return best.0
    }

    /// How the article writes a name in running text: "the Danube", "Newcastle".
    func written(_ name: String) -> String {
        guard !name.lowercased().hasPrefix("the "), let e = names[name], e.mentions > 0 else { return name }
        return e.withThe > 0 ? "the " + name : name
    }

    /// How often the article says `answer` (normalised), names and other words alike.
    func mentions(of answer: String) -> Int {
        let n = CardID.normalize(answer)
        guard !n.isEmpty else { return 0 }
        return answerCounts[n] ?? 0
    }

    func gender(of name: String) -> Gender? {
        guard let e = names[name] else { return nil }
        if e.male > e.female { return .male }
        if e.female > e.male { return .female }
        return nil
    }

    /// The one fuller name for "the <noun>" in the sentences just before `sentence`, if
    /// exactly one: "the mall" -> "the Fulton Mall".
    func fullerName(for noun: String, before sentence: Int) -> String? {
        var found = Set<String>()
        let from = max(0, sentence - 5), to = min(sentence, namedHeadsBySentence.count)
        guard from < to else { return nil }
        for k in from..<to {
            found.formUnion(namedHeadsBySentence[k][noun] ?? [])
        }
        return found.count == 1 ? found.first : nil
    }

    func isTopic(_ answer: String) -> Bool {
        let n = CardID.normalize(answer)
        if n.isEmpty { return false }
        if topics.contains(n) { return true }
        // "Huguenots" in the article "Huguenot", "the Wright brothers" ...
        if n.hasSuffix("s"), topics.contains(String(n.dropLast())) { return true }
        if topics.contains(n + "s") { return true }
        if let a = acronyms[answer], topics.contains(CardID.normalize(a)) { return true }
        if let x = expansions[answer], topics.contains(CardID.normalize(x)) { return true }
        return false
    }

    /// Whether the answer holds the topic's name with little else ("Tour de France Femmes"
    /// in the Tour de France deck): guessed from the deck's title alone.
    func mostlyTopic(_ answer: String) -> Bool {
        let n = " " + CardID.normalize(answer) + " "
        for t in topics where t.contains(" ") && n.contains(" " + t + " ") {
            if n.count <= t.count + 14 { return true }
        }
        return false
    }
}
