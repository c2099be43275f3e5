import Testing
@testable import CardGeneration

/// Answer candidates found in a sentence, with their type and accepted alternatives.
@Suite("Fact extraction")
struct FactExtractionTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var sentence: String
        var answer: String
        var type: FactType
        var accept: [String] = []
        var testDescription: String { "\(answer) in \(sentence)" }
    }

    static let cases: [Case] = [
        Case(sentence: "In 2020, the index was published.", answer: "2020", type: .year),
        Case(sentence: "In October of 2018, the nation joined the league.", answer: "October of 2018", type: .date, accept: ["October 2018"]),
        Case(sentence: "The bank opened on August 15, 1914.", answer: "August 15, 1914", type: .date),
        Case(sentence: "China accounts for around 85% of the trade.", answer: "85%", type: .percent, accept: ["85 percent"]),
        Case(sentence: "The share rose to 91.6 percent last year.", answer: "91.6 percent", type: .percent, accept: ["91.6%"]),
        Case(sentence: "China spent more than $5 billion on roads.", answer: "$5 billion", type: .money, accept: ["5 billion dollars"]),
        Case(sentence: "There are more than 1,300 students at the school.", answer: "1,300", type: .number),
        Case(sentence: "It has an economic score of only 0.82 out of 10 this year.", answer: "0.82", type: .number, accept: ["0.82 out of 10"]),
        Case(sentence: "After its sixth nuclear test, the talks stopped.", answer: "sixth", type: .number, accept: ["6th"]),
        Case(sentence: "The park covers 76 ha of land.", answer: "76 ha", type: .number),
        Case(sentence: "The garden dates back to the 17th century.", answer: "17th century", type: .date),
        Case(sentence: "Prices fell sharply in the 1990s.", answer: "1990s", type: .date),
        Case(sentence: "Nepal became a member of the International Telecommunications Union last year.",
             answer: "International Telecommunications Union", type: .organisation),
        Case(sentence: "Laos sent a representative to the Association of Southeast Asian Nations (ASEAN) summit.",
             answer: "Association of Southeast Asian Nations", type: .organisation, accept: ["ASEAN"]),
        Case(sentence: "The report came from the Stockholm International Peace Research Institute.",
             answer: "Stockholm International Peace Research Institute", type: .organisation),
        Case(sentence: "Trade agreements were signed with Uganda and Zimbabwe.", answer: "Uganda and Zimbabwe", type: .place),
        Case(sentence: "The firm is using new technologies, such as 3D printing, in its plants.", answer: "3D printing", type: .term),
        Case(sentence: "A decision problem is a special type of computational problem.", answer: "decision problem", type: .term),
    ]

    @Test("finds the fact", arguments: cases)
    func findsFact(_ c: Case) throws {
        let facts = FactFinder.find(WordSplitter.tokenize(c.sentence), context: ArticleContext())
        let f = try #require(facts.first { $0.answer == c.answer }, "found \(facts.map(\.answer))")
        #expect(f.type == c.type)
        for a in c.accept { #expect(f.accept.contains(a), "accept \(f.accept) lacks \(a)") }
    }

    @Test("stop words, sentence-initial common words and adjectives are no answers", arguments: [
        "However, the council met again.",
        "Technology is playing a major role.",
        "The North Korean government tested a rocket.",
        "Most people think of it as isolated.",
    ])
    func noTrivialFacts(_ sentence: String) {
        var ctx = ArticleContext()
        ctx.lowerVocabulary = ["technology", "government", "people"]
        let facts = FactFinder.find(WordSplitter.tokenize(sentence), context: ctx)
        #expect(facts.isEmpty, "unexpected \(facts.map(\.answer))")
    }

    @Test("tokens keep decimals, thousands, abbreviations and split the possessive")
    func tokenizer() {
        let t = WordSplitter.tokenize("The U.S. paid 1,300 dollars, 91.6% of Korea's debt.")
        #expect(t.map(\.text) == ["The", "U.S.", "paid", "1,300", "dollars", ",", "91.6", "%", "of", "Korea", "'s", "debt", "."])
        #expect(WordSplitter.join(t) == "The U.S. paid 1,300 dollars, 91.6% of Korea's debt.")
    }
}
