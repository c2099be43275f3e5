import DeckModel
import SeededRandom
import Testing

@testable import StudySession

@Suite("NumberWords and EditDistance")
struct NumberWordsTests {
    private static func words(_ phrase: String) -> [String] {
        phrase.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
    }

    @Test("number phrases", arguments: [
        ("zero", 0.0, false, 1), ("seven", 7, false, 1), ("seventeen", 17, false, 1), ("seventy", 70, false, 1),
        ("seventy-seven", 77, false, 2), ("a hundred", 100, false, 2), ("one hundred and five", 105, false, 4),
        ("nine hundred ninety-nine", 999, false, 4), ("two thousand and five", 2005, false, 4),
        ("three million two hundred thousand", 3_200_000, false, 5), ("a million", 1_000_000, false, 2),
        ("five billion", 5e9, false, 2), ("first", 1, true, 1), ("twenty-first", 21, true, 2),
        ("hundredth", 0, false, 0), ("one hundredth", 100, true, 2), ("two thousandth", 2000, true, 2),
        ("nineteen sixty-nine", 1969, false, 3), ("twenty twenty", 2020, false, 2), ("nineteen oh five", 1905, false, 3),
        ("nineteen hundred", 1900, false, 2), ("twelve hundred", 1200, false, 2),
        ("seven wonders", 7, false, 1), ("one hundred and", 100, false, 2),
    ])
    func phrases(phrase: String, value: Double, ordinal: Bool, length: Int) {
        let match = NumberWords.parse(Self.words(phrase))
        if length == 0 {
            #expect(match == nil)
        } else {
            #expect(match == NumberWords.Match(value: value, isOrdinal: ordinal, length: length))
        }
    }

    @Test("not numbers", arguments: ["", "paris", "a", "a cat", "thousand", "and five", "hundred"])
    func notNumbers(phrase: String) {
        #expect(NumberWords.parse(Self.words(phrase)) == nil)
    }

    @Test("Damerau-Levenshtein distance", arguments: [
        ("", "", 0), ("abc", "", 3), ("", "abc", 3), ("kitten", "sitting", 3), ("teh", "the", 1),
        ("einstein", "einstien", 1), ("abcdef", "abcdef", 0), ("ca", "abc", 3), ("flaw", "lawn", 2),
        ("mississippi", "missisippi", 1), ("österreich", "osterreich", 1),
    ])
    func distance(a: String, b: String, expected: Int) {
        #expect(EditDistance.damerauLevenshtein(a, b) == expected)
        #expect(EditDistance.damerauLevenshtein(b, a) == expected)
    }

    @Test func distanceStopsEarlyPastTheLimit() {
        #expect(EditDistance.damerauLevenshtein("abcdefgh", "zyxwvuts", limit: 2) == 3)
        #expect(EditDistance.damerauLevenshtein("short", "a much longer string", limit: 2) == 3)
        #expect(EditDistance.damerauLevenshtein("einstein", "einstien", limit: 1) == 1)
        // A transposition right after a costly row must not be cut off.
        #expect(EditDistance.damerauLevenshtein("xaby", "xbay", limit: 1) == 1)
    }

    @Test("roman numerals after a word", arguments: [("ii", 2), ("iv", 4), ("ix", 9), ("xiv", 14), ("xxxix", 39)])
    func romanNumerals(text: String, value: Int) {
        #expect(AnswerText.romanValue(text) == value)
    }

    @Test("not roman numerals", arguments: ["i", "iiii", "vv", "iix", "xxxx", "mix", "civil", "xl"])
    func notRomanNumerals(text: String) {
        #expect(AnswerText.romanValue(text) == nil)
    }

    @Test func randomTextNeverCrashesAndAlwaysMatchesItself() {
        var rng = SeededGenerator(seed: 99)
        let alphabet = Array("abcXYZ019 .,-'%$€£&()éüßøİ\u{301}\u{200B}🙂\t\nIIVXthstndrd")
        let checker = AnswerChecker()
        for _ in 0..<2000 {
            let length = Int.random(in: 0...14, using: &rng)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &rng)! })
            let card = Card(id: "x", type: .question, question: "Q?", answer: text, source: CardSource(sentence: "S."))
            let verdict = checker.check(text, against: card)
            if AnswerText(text).isBlank {
                #expect(verdict == .empty, "\"\(text)\"")
            } else {
                #expect(verdict == .correct, "\"\(text)\"")
            }
            _ = checker.check(text, against: Card(id: "y", type: .choice, question: "Q?", answer: "b", choices: ["a", text, "b"], source: CardSource(sentence: "S.")))
            _ = checker.check(text, against: Card(id: "z", type: .truefalse, question: "Q?", answer: text, source: CardSource(sentence: "S.")))
        }
    }
}
