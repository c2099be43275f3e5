import Testing

@testable import Language

/// Spans the card generator cuts from sentences, read off the shipped model's parse.
@Suite struct PhraseSpanTests {
    enum Span: Sendable, CustomStringConvertible {
        /// The whole phrase of the root's dependent with this relation.
        case phrase(DependencyRelation)
        /// Its base noun phrase (no prepositional phrase or clause after the noun).
        case base(DependencyRelation)
        /// The whole phrase of the first word anywhere with this relation.
        case anywhere(DependencyRelation)
        /// Every name, left to right, joined with " | ".
        case names

        var description: String {
            switch self {
            case .phrase(let r): "phrase(\(r))"
            case .base(let r): "base(\(r))"
            case .anywhere(let r): "anywhere(\(r))"
            case .names: "names"
            }
        }
    }

    static let cases: [(String, Span, String)] = [
        // Subjects
        ("The Apollo program was run by NASA.", .phrase(.nsubjPass), "The Apollo program"),
        ("Hugh L. Dryden was the deputy administrator of NASA.", .phrase(.nsubj), "Hugh L. Dryden"),
        ("North Korea plans to increase its efficiency.", .phrase(.nsubj), "North Korea"),
        ("The man who wrote the book is my friend.", .base(.nsubj), "The man"),
        ("The man who wrote the book is my friend.", .phrase(.nsubj), "The man who wrote the book"),
        // Objects
        ("Rhodoplasts have a double membrane with an intermembrane space.", .phrase(.obj), "a double membrane with an intermembrane space"),
        ("Rhodoplasts have a double membrane with an intermembrane space.", .base(.obj), "a double membrane"),
        ("Martin Luther received his master's degree in 1505.", .phrase(.obj), "his master's degree"),
        ("Marie Curie and Pierre Curie won the Nobel Prize in 1903.", .phrase(.obj), "the Nobel Prize"),
        // Prepositional phrases (the noun phrase without its preposition)
        ("The Apollo program was run by NASA.", .phrase(.obl), "NASA"),
        ("Marie Curie and Pierre Curie won the Nobel Prize in 1903.", .phrase(.obl), "1903"),
        ("The Amazon River flows through Brazil and Peru.", .phrase(.obl), "Brazil and Peru"),
        ("The treaty was signed in the city of Paris.", .phrase(.obl), "the city of Paris"),
        ("The treaty was signed in the city of Paris.", .base(.obl), "the city"),
        // Appositives
        ("John F. Kennedy, the 35th president, was born in Brookline.", .anywhere(.appos), "the 35th president"),
        ("John F. Kennedy, the 35th president, was born in Brookline.", .base(.nsubjPass), "John F. Kennedy"),
        // Relative clauses
        ("The man who wrote the book is my friend.", .anywhere(.relativeClause), "who wrote the book"),
        ("Athens is the city that hosted the games.", .anywhere(.relativeClause), "that hosted the games"),
        // Names, coordinated names, initials
        ("Marie Curie and Pierre Curie won the Nobel Prize in 1903.", .names, "Marie Curie | Pierre Curie | Nobel Prize"),
        ("Hugh L. Dryden was the deputy administrator of NASA.", .names, "Hugh L. Dryden | NASA"),
        ("The Amazon River flows through Brazil and Peru.", .names, "Amazon River | Brazil | Peru"),
        ("John F. Kennedy knew little about it.", .names, "John F. Kennedy"),
    ]

    @Test(arguments: cases)
    func spanReadOffTheTree(_ sentence: String, _ span: Span, _ expected: String) throws {
        let parsed = try SentenceAnalyzer.english().analyse(sentence)
        let root = try #require(parsed.root)
        let text: String
        switch span {
        case .phrase(let r):
            let w = try #require(parsed.children(of: root).first { Self.matches(parsed.words[$0].relation, r) })
            text = String(parsed.text(of: parsed.phrase(of: w).words))
        case .base(let r):
            let w = try #require(parsed.children(of: root).first { Self.matches(parsed.words[$0].relation, r) })
            text = String(parsed.text(of: parsed.basePhrase(of: w).words))
        case .anywhere(let r):
            let w = try #require(parsed.words.firstIndex { Self.matches($0.relation, r) })
            text = String(parsed.text(of: parsed.phrase(of: w).words))
        case .names:
            text = parsed.names.map { String(parsed.text(of: $0.words)) }.joined(separator: " | ")
        }
        #expect(text == expected, "\(CoNLLU.format(parsed))")
    }

    /// "obl" asks for any oblique ("obl:agent" too); "nsubj:pass" asks for exactly that.
    static func matches(_ relation: DependencyRelation, _ wanted: DependencyRelation) -> Bool {
        relation == wanted || (!wanted.rawValue.contains(":") && relation.isKind(of: wanted))
    }

    @Test(arguments: [
        ("When did John F. Kennedy die?", "wh-inverted"),
        ("Who founded Rome?", "wh"),
        ("In what year did Martin Luther receive his master's degree?", "wh-inverted"),
        ("Did Kennedy die in 1963?", "yes-no"),
        ("Is the Nile longer than the Amazon?", "yes-no"),
        ("Was Kennedy born in Brookline?", "yes-no"),
        ("Is Athens the capital of Greece?", "yes-no"),
        ("Kennedy died in 1963.", "statement"),
    ])
    func questionForms(_ sentence: String, _ expected: String) throws {
        let parsed = try SentenceAnalyzer.english().analyse(sentence)
        let form: String
        switch parsed.questionForm {
        case .wh(_, let inverted): form = inverted ? "wh-inverted" : "wh"
        case .yesNo: form = "yes-no"
        case .notQuestion: form = "statement"
        }
        #expect(form == expected, "\(CoNLLU.format(parsed))")
    }

    @Test func lemmasForDoSupportAndPlurals() throws {
        let parsed = try SentenceAnalyzer.english().analyse("The cities grew, the children played and the mice ran.")
        let lemmas = Dictionary(parsed.words.map { ($0.form, $0.lemma) }, uniquingKeysWith: { first, _ in first })
        #expect(lemmas["cities"] == "city")
        #expect(lemmas["children"] == "child")
        #expect(lemmas["mice"] == "mouse")
        #expect(lemmas["grew"] == "grow")
        #expect(lemmas["played"] == "play")
        #expect(lemmas["ran"] == "run")
        let question = try SentenceAnalyzer.english().analyse("Where did the Wright brothers fly in 1903?")
        #expect(question.words.first { $0.form == "did" }?.lemma == "do")
    }

    /// Known weaknesses of the greedy parser, kept here so a better model shows up as a
    /// failure to update: a main-clause copula after a relative clause whose predicate is a
    /// name is pulled into the clause, and the subject of a question opening with "Is" is not
    /// found (its question form is still right: it is read off the opening auxiliary).
    @Test func knownParserErrors() throws {
        let analyzer = try SentenceAnalyzer.english()
        withKnownIssue {
            let parsed = analyzer.analyse("The city that hosted the games is Athens.")
            let clause = try #require(parsed.words.firstIndex { $0.relation == .relativeClause })
            #expect(parsed.text(of: parsed.phrase(of: clause).words) == "that hosted the games")
        }
        withKnownIssue {
            let parsed = analyzer.analyse("Is Athens the capital of Greece?")
            #expect(parsed.words[1].relation == .nsubj)
        }
    }

    @Test func wordsPointIntoTheOriginalText() throws {
        let text = "Korea’s “Sunshine Policy” didn't last, Dr. Kim said."
        let parsed = try SentenceAnalyzer.english().analyse(text)
        let bytes = Array(text.utf8)
        for w in parsed.words {
            #expect(String(decoding: bytes[w.utf8Range], as: UTF8.self) == w.form)
        }
        #expect(parsed.words.filter { $0.head == nil }.count == 1)
    }
}
