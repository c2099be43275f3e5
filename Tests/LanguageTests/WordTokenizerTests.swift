import Foundation
import Testing

@testable import Language

@Suite struct WordTokenizerTests {
    /// Hard cases of UD English tokenization (the conventions of the EWT treebank).
    static let cases: [(String, [String])] = [
        // Clitics
        ("Korea's economy grew.", ["Korea", "'s", "economy", "grew", "."]),
        ("I don't know.", ["I", "do", "n't", "know", "."]),
        ("We can't and won't go.", ["We", "ca", "n't", "and", "wo", "n't", "go", "."]),
        ("You cannot be serious.", ["You", "can", "not", "be", "serious", "."]),
        ("I'm sure they're here; you'll see, he'd say.", ["I", "'m", "sure", "they", "'re", "here", ";", "you", "'ll", "see", ",", "he", "'d", "say", "."]),
        ("The parents' meeting ended.", ["The", "parents", "'", "meeting", "ended", "."]),
        ("Korea’s curly apostrophe", ["Korea", "’s", "curly", "apostrophe"]),
        ("It's Jones's car.", ["It", "'s", "Jones", "'s", "car", "."]),
        // Initials and abbreviations stay whole
        ("Hugh L. Dryden led NASA.", ["Hugh", "L.", "Dryden", "led", "NASA", "."]),
        ("John F. Kennedy was born in the U.S. in 1917.", ["John", "F.", "Kennedy", "was", "born", "in", "the", "U.S.", "in", "1917", "."]),
        ("Dr. Smith met Mr. Jones at St. Paul's.", ["Dr.", "Smith", "met", "Mr.", "Jones", "at", "St.", "Paul", "'s", "."]),
        ("He moved to the U.S.", ["He", "moved", "to", "the", "U.S."]),
        ("It happened in World War I.", ["It", "happened", "in", "World", "War", "I", "."]),
        ("Apples, pears, etc. are fruit.", ["Apples", ",", "pears", ",", "etc.", "are", "fruit", "."]),
        ("See No. 5 and say no.", ["See", "No.", "5", "and", "say", "no", "."]),
        ("e.g. this, i.e. that", ["e.g.", "this", ",", "i.e.", "that"]),
        // Numbers, money, percentages, times
        ("It costs $5.50, or 3.5% more than 1,300 yen.", ["It", "costs", "$", "5.50", ",", "or", "3.5", "%", "more", "than", "1,300", "yen", "."]),
        ("Call 713-853-3989 at 5pm.", ["Call", "713-853-3989", "at", "5", "pm", "."]),
        ("Use and/or on 9/11 at 10:30.", ["Use", "and", "/", "or", "on", "9/11", "at", "10:30", "."]),
        ("The 1990s were the '90s.", ["The", "1990s", "were", "the", "'90s", "."]),
        // URLs and e-mail
        ("Visit https://example.com/a-b?x=1 or mail me@example.org.", ["Visit", "https://example.com/a-b?x=1", "or", "mail", "me@example.org", "."]),
        // Hyphens
        ("A long-term, non-profit e-mail plan.", ["A", "long", "-", "term", ",", "non-profit", "e-mail", "plan", "."]),
        ("Al-Zaman co-workers re-elected him.", ["Al", "-", "Zaman", "co-workers", "re-elected", "him", "."]),
        // Quotes, brackets, dashes, runs
        ("He said \"yes\" and left.", ["He", "said", "\"", "yes", "\"", "and", "left", "."]),
        ("“Hello,” she said.", ["“", "Hello", ",", "”", "she", "said", "."]),
        ("She called it 'odd' twice.", ["She", "called", "it", "'", "odd", "'", "twice", "."]),
        ("He paused... then left -- quickly!!", ["He", "paused", "...", "then", "left", "--", "quickly", "!!"]),
        ("(See the appendix.)", ["(", "See", "the", "appendix", ".", ")"]),
        ("Really?!", ["Really", "?!"]),
    ]

    @Test(arguments: cases)
    func splitsLikeTheTreebank(_ text: String, _ expected: [String]) {
        #expect(WordTokenizer.tokenize(text).map(\.form) == expected)
    }

    /// Every word is the exact slice of the text at its offsets, words come in order without
    /// overlapping, and only whitespace is left out.
    @Test(arguments: cases.map(\.0) + ["  leading and  double  spaces ", "ünïcödé café’s naïve—dash", "", "¿Qué? ¡Sí!"])
    func offsetsCutTheOriginalText(_ text: String) {
        let words = WordTokenizer.tokenize(text)
        let bytes = Array(text.utf8)
        var cursor = 0
        for w in words {
            #expect(w.utf8Range.lowerBound >= cursor)
            #expect(bytes[cursor..<w.utf8Range.lowerBound].allSatisfy { $0 == 0x20 })
            #expect(String(decoding: bytes[w.utf8Range], as: UTF8.self) == w.form)
            cursor = w.utf8Range.upperBound
        }
        #expect(bytes[cursor...].allSatisfy { $0 == 0x20 })
    }

    @Test func spaceAfterFollowsTheText() {
        let words = WordTokenizer.tokenize("I don't, really.")
        #expect(words.map(\.spaceAfter) == [true, false, false, true, false, true])
    }

    /// On sentences it was not written from (EWT dev), nearly every word is cut where the
    /// treebank cuts it; what is left is mostly web text's own spelling ("its" for "it's").
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu")))
    func matchesTheTreebankOnUnseenText() throws {
        let path = "../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu"
        let scores = TokenizerScores.evaluate(on: try CoNLLU.parse(String(contentsOfFile: path, encoding: .utf8), source: path))
        #expect(scores.sentences > 1900)
        #expect(scores.f1 > 0.985)
    }
}
