import DeckModel
import SeededRandom
import Testing

@testable import StudySession

private func questionCard(_ answer: String) -> Card {
    Card(id: "p", type: .question, question: "Q?", answer: answer, source: CardSource(sentence: "S."))
}

/// English words for 0...999_999_999, as a learner might type them.
func spelledOutNumber(_ n: Int, hyphen: Bool = true, and: Bool = false) -> String {
    let ones = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
    let tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    func below100(_ n: Int) -> String {
        if n < 20 { return ones[n] }
        return n % 10 == 0 ? tens[n / 10] : tens[n / 10] + (hyphen ? "-" : " ") + ones[n % 10]
    }
    func below1000(_ n: Int) -> String {
        if n < 100 { return below100(n) }
        let rest = n % 100
        return ones[n / 100] + " hundred" + (rest == 0 ? "" : (and ? " and " : " ") + below100(rest))
    }
    if n == 0 { return "zero" }
    var parts: [String] = []
    let millions = n / 1_000_000, thousands = (n / 1000) % 1000, rest = n % 1000
    if millions > 0 { parts.append(below1000(millions) + " million") }
    if thousands > 0 { parts.append(below1000(thousands) + " thousand") }
    if rest > 0 { parts.append(below1000(rest)) }
    return parts.joined(separator: " ")
}

/// "1234567" -> "1,234,567".
func groupedDigits(_ n: Int) -> String {
    let digits = Array(String(n))
    var out = ""
    for (i, d) in digits.enumerated() {
        if i > 0, (digits.count - i) % 3 == 0 { out += "," }
        out.append(d)
    }
    return out
}

@Suite("AnswerChecker: properties")
struct AnswerCheckerPropertyTests {
    /// Right answers, each with its card answer and a correct typed form.
    static let rightAnswers: [(answer: String, typed: String)] = [
        ("Paris", "Paris"), ("The Nile", "Nile"), ("Marie Curie", "marie curie"), ("U.S.", "U.S."),
        ("85%", "85 percent"), ("1,300", "1300"), ("$5 billion", "5 billion"), ("July 20, 1969", "20 July 1969"),
        ("World War II", "world war 2"), ("São Paulo", "sao paulo"), ("4.5 billion years", "4.5 billion years"),
        ("first", "1st"), ("Mount Kilimanjaro", "mount kilimanjaro"), ("0.82", "0.82"),
    ]

    /// Case flips anywhere, punctuation and spaces only at word boundaries and the ends
    /// (inside a word or a number they would change it: "1,300" is not "1.300").
    static func addNoise(_ text: String, using rng: inout SeededGenerator) -> String {
        let marks = [" ", "  ", "\t", ".", ",", "!", "?", ";", ":", "\"", "(", ")", " - "]
        var out = ""
        if Bool.random(using: &rng) { out += marks.randomElement(using: &rng)! + " " }
        for character in text {
            let flipped = Bool.random(using: &rng) ? character.uppercased() : character.lowercased()
            if character == " " {
                out += " " + (Bool.random(using: &rng) ? marks.randomElement(using: &rng)! : "") + " "
            } else {
                out += flipped
            }
        }
        if Bool.random(using: &rng) { out += " " + marks.randomElement(using: &rng)! }
        return out
    }

    @Test("a right answer with case, punctuation and space noise is still right")
    func noiseDoesNotMatter() {
        var rng = SeededGenerator(seed: 42)
        let checker = AnswerChecker()
        for _ in 0..<40 {
            for (answer, typed) in Self.rightAnswers {
                let noisy = Self.addNoise(typed, using: &rng)
                let verdict = checker.check(noisy, against: questionCard(answer))
                #expect(verdict == .correct, "\"\(noisy)\" for \"\(answer)\": \(verdict)")
            }
        }
    }

    @Test("a different number is wrong, however it is written")
    func differentNumbersAreWrong() {
        var rng = SeededGenerator(seed: 7)
        let checker = AnswerChecker()
        for _ in 0..<300 {
            let n = Int.random(in: 0...50_000_000, using: &rng)
            var m = n
            while m == n { m = Bool.random(using: &rng) ? n + Int.random(in: -9...9, using: &rng) : Int.random(in: 0...50_000_000, using: &rng) }
            m = abs(m)
            if m == n { continue }
            let card = questionCard(groupedDigits(n))
            for typed in [String(m), groupedDigits(m), spelledOutNumber(m)] {
                let verdict = checker.check(typed, against: card)
                #expect(verdict == .wrong, "\"\(typed)\" for \"\(groupedDigits(n))\": \(verdict)")
            }
            let percentCard = questionCard("\(n % 101)%")
            if m % 101 != n % 101 {
                #expect(checker.check("\(m % 101) percent", against: percentCard) == .wrong)
            }
        }
    }

    @Test("the same number is right in digits, with separators, or in words")
    func sameNumbersAreRight() {
        var rng = SeededGenerator(seed: 11)
        let checker = AnswerChecker()
        for _ in 0..<300 {
            let n = Int.random(in: 0...999_999_999, using: &rng)
            let card = questionCard(String(n))
            let forms = [groupedDigits(n), spelledOutNumber(n), spelledOutNumber(n, hyphen: false, and: true)]
            for typed in forms {
                let verdict = checker.check(typed, against: card)
                #expect(verdict == .correct, "\"\(typed)\" for \(n): \(verdict)")
            }
        }
    }

    private static let longWords = [
        "photosynthesis", "mitochondrion", "Charlemagne", "Mediterranean", "Constantinople",
        "chlorophyll", "Mississippi", "Copernicus", "hemoglobin", "parliament",
    ]
    private static let mediumWords = ["Einstein", "Darwin", "Tokyo", "Nairobi", "Brazil", "Newton", "Kepler"]
    private static let shortWords = ["Rome", "Oslo", "Nile", "Mars", "Iron", "gold"]

    /// One random slip, never on the first letter: substitute, delete, insert or swap.
    static func slip(_ word: String, kinds: [Int], using rng: inout SeededGenerator) -> String {
        var letters = Array(word.lowercased())
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz")
        let position = Int.random(in: 1..<letters.count, using: &rng)
        switch kinds.randomElement(using: &rng)! {
        case 0:
            var replacement = alphabet.randomElement(using: &rng)!
            while replacement == letters[position] { replacement = alphabet.randomElement(using: &rng)! }
            letters[position] = replacement
        case 1: letters.remove(at: position)
        case 2: letters.insert(alphabet.randomElement(using: &rng)!, at: position)
        default:
            let p = min(position, letters.count - 2)
            if p >= 1 { letters.swapAt(p, p + 1) }
        }
        return String(letters)
    }

    @Test("one slip in a long word is almost right, never wrong")
    func slipsInLongWords() {
        var rng = SeededGenerator(seed: 3)
        let checker = AnswerChecker()
        for _ in 0..<30 {
            for word in Self.longWords {
                let typed = Self.slip(word, kinds: [0, 1, 2, 3], using: &rng)
                let verdict = checker.check(typed, against: questionCard(word))
                #expect(verdict == .almostCorrect(expected: word) || verdict == .correct, "\"\(typed)\" for \(word): \(verdict)")
            }
        }
    }

    @Test("one substitution or swap in a 5-8 letter word is almost right")
    func slipsInMediumWords() {
        var rng = SeededGenerator(seed: 5)
        let checker = AnswerChecker()
        for _ in 0..<30 {
            for word in Self.mediumWords {
                let typed = Self.slip(word, kinds: [0, 3], using: &rng)
                let verdict = checker.check(typed, against: questionCard(word))
                #expect(verdict == .almostCorrect(expected: word) || verdict == .correct, "\"\(typed)\" for \(word): \(verdict)")
            }
        }
    }

    @Test("a slip in a short word is wrong")
    func slipsInShortWords() {
        var rng = SeededGenerator(seed: 9)
        let checker = AnswerChecker()
        for _ in 0..<30 {
            for word in Self.shortWords {
                let typed = Self.slip(word, kinds: [0, 1, 2, 3], using: &rng)
                let verdict = checker.check(typed, against: questionCard(word))
                let expected: AnswerVerdict = typed == word.lowercased() ? .correct : .wrong
                #expect(verdict == expected, "\"\(typed)\" for \(word): \(verdict)")
            }
        }
    }

    @Test("two slips in a 5-8 letter word are wrong")
    func twoSlipsInMediumWords() {
        var rng = SeededGenerator(seed: 13)
        let checker = AnswerChecker()
        for _ in 0..<30 {
            for word in Self.mediumWords {
                let once = Self.slip(word, kinds: [0], using: &rng)
                var twice = Self.slip(once, kinds: [0], using: &rng)
                while EditDistance.damerauLevenshtein(twice, word.lowercased()) < 2 { twice = Self.slip(twice, kinds: [0], using: &rng) }
                let verdict = checker.check(twice, against: questionCard(word))
                #expect(verdict == .wrong, "\"\(twice)\" for \(word): \(verdict)")
            }
        }
    }
}
