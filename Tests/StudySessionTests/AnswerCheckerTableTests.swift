import DeckModel
import Testing

@testable import StudySession

/// The verdict a table row expects; `.almost` may name the spelling shown to the learner.
enum ExpectedVerdict: Sendable, CustomStringConvertible {
    case correct, wrong, empty
    case almost(String? = nil)

    func matches(_ verdict: AnswerVerdict) -> Bool {
        switch (self, verdict) {
        case (.correct, .correct), (.wrong, .wrong), (.empty, .empty): true
        case (.almost(let spelling), .almostCorrect(let expected)): spelling.map { $0 == expected } ?? true
        default: false
        }
    }

    var description: String {
        switch self {
        case .correct: "correct"
        case .wrong: "wrong"
        case .empty: "empty"
        case .almost(let s): "almost(\(s ?? "any"))"
        }
    }
}

struct CheckerCase: Sendable, CustomTestStringConvertible {
    var type: CardType = .question
    var answer: String
    var accept: [String] = []
    var choices: [String] = []
    var typed: String
    var expected: ExpectedVerdict

    var testDescription: String { "\(type.rawValue) \"\(answer)\" <- \"\(typed)\": \(expected)" }

    var card: Card {
        Card(
            id: "c1", type: type, question: "Q?", answer: answer, accept: accept, choices: choices,
            source: CardSource(sentence: "S."))
    }
}

private func typedCase(_ answer: String, _ typed: String, _ expected: ExpectedVerdict, accept: [String] = []) -> CheckerCase {
    CheckerCase(answer: answer, accept: accept, typed: typed, expected: expected)
}

private let capitals = ["Paris", "London", "Berlin", "Madrid"]
private func choiceCase(_ typed: String, _ expected: ExpectedVerdict, answer: String = "Paris", choices: [String] = capitals) -> CheckerCase {
    CheckerCase(type: .choice, answer: answer, choices: choices, typed: typed, expected: expected)
}
private func truthCase(_ answer: String, _ typed: String, _ expected: ExpectedVerdict) -> CheckerCase {
    CheckerCase(type: .truefalse, answer: answer, typed: typed, expected: expected)
}

@Suite("AnswerChecker: table")
struct AnswerCheckerTableTests {
    static let words: [CheckerCase] = [
        typedCase("Paris", "paris", .correct),
        typedCase("Paris", "  PARIS!  ", .correct),
        typedCase("The Nile", "nile", .correct),
        typedCase("Nile", "the Nile", .correct),
        typedCase("an apple", "Apple", .correct),
        typedCase("The Who", "the", .wrong),
        typedCase("Gödel", "godel", .correct),
        typedCase("São Paulo", "sao paulo", .correct),
        typedCase("Ångström", "angstrom", .correct),
        typedCase("Straße", "strasse", .correct),
        typedCase("U.S.", "US", .correct),
        typedCase("U.S.", "u. s.", .correct),
        typedCase("the U.S.", "us", .correct),
        typedCase("U.S.A.", "usa", .correct),
        typedCase("USA", "U.S.", .wrong),
        typedCase("United States", "United   States", .correct),
        typedCase("J.K. Rowling", "JK Rowling", .correct),
        typedCase("O'Brien", "OBrien", .correct),
        typedCase("O’Brien", "o'brien", .correct),
        typedCase("rock and roll", "rock & roll", .correct),
        typedCase("Newton's laws", "newtons laws", .correct),
        typedCase("mitochondria", "Mitochondria.", .correct),
        typedCase("Paris", "London", .wrong),
        typedCase("Paris", "Paris, France", .wrong),
        typedCase("Isaac Newton", "Newton", .wrong),
        typedCase("Newton", "Isaac Newton", .wrong),
        typedCase("Marie Curie", "Pierre Curie", .wrong),
        typedCase("US", "UK", .wrong),
        typedCase("US Army", "UK Army", .wrong),
        typedCase("Iran", "Iraq", .wrong),
        typedCase("Australia", "Austria", .wrong),
        typedCase("Russia", "Prussia", .wrong),
        typedCase("United States", "America", .wrong),
        typedCase("Seven Years' War", "seven", .wrong),
        typedCase("Mt Everest", "Mount Everest", .correct),
        typedCase("St. Petersburg", "Saint Petersburg", .correct),
        typedCase("Mount Everest", "Everest", .wrong),
        typedCase("DNA", "D.N.A.", .correct),
        typedCase("Jean-Paul Sartre", "Jean Paul Sartre", .correct),
        typedCase("Pluto", "I think Pluto", .wrong),
        typedCase("“Hamlet”", "Hamlet", .correct),
    ]

    static let typos: [CheckerCase] = [
        typedCase("Mississippi", "Missisippi", .almost("Mississippi")),
        typedCase("Mississippi", "Misisipi", .wrong),
        typedCase("Einstein", "Einstien", .almost("Einstein")),
        typedCase("Photosynthesis", "photosynthsis", .almost()),
        typedCase("Photosynthesis", "photosinthsis", .almost()),
        typedCase("Photosynthesis", "fotosynthesis", .wrong),
        typedCase("Marie Curie", "Marie Cuire", .almost("Marie Curie")),
        typedCase("Tokyo", "Tokio", .almost("Tokyo")),
        typedCase("Rome", "Rom", .wrong),
        typedCase("Rome", "Rome", .correct),
        typedCase("Charlemagne", "Charlmagne", .almost()),
        typedCase("ice cream", "icecream", .almost("ice cream")),
        typedCase("September 1939", "Septmber 1939", .almost()),
        typedCase("4.5 billion years", "4.5 billion yeras", .almost()),
        typedCase("Kilimanjaro", "Kilimanjaro mountain range here", .wrong),
    ]

    static let numbers: [CheckerCase] = [
        typedCase("85%", "85", .correct),
        typedCase("85%", "85 %", .correct),
        typedCase("85%", "85 percent", .correct),
        typedCase("85%", "85 per cent", .correct),
        typedCase("85%", "eighty-five percent", .correct),
        typedCase("85%", "eighty five", .correct),
        typedCase("85 percent", "85%", .correct),
        typedCase("85%", "58%", .wrong),
        typedCase("85%", "85 dollars", .wrong),
        typedCase("85%", "86%", .wrong),
        typedCase("1,300", "1300", .correct),
        typedCase("1300", "1,300", .correct),
        typedCase("1300", "one thousand three hundred", .correct),
        typedCase("1,300", "1.300", .wrong),
        typedCase("0.82", ".82", .correct),
        typedCase(".82", "0.820", .correct),
        typedCase("3.14", "3.15", .wrong),
        typedCase("$5 billion", "5,000,000,000", .correct),
        typedCase("5 billion", "$5 billion", .correct),
        typedCase("$5 billion", "5bn", .correct),
        typedCase("$5 billion", "five billion dollars", .correct),
        typedCase("$5 billion", "5 million", .wrong),
        typedCase("$5 billion", "€5 billion", .wrong),
        typedCase("$2.5 million", "$2.5m", .correct),
        typedCase("100m", "100 metres", .correct),
        typedCase("3 million", "3,000,000", .correct),
        typedCase("first", "1st", .correct),
        typedCase("1st", "first", .correct),
        typedCase("21st", "twenty-first", .correct),
        typedCase("third", "3rd", .correct),
        typedCase("third", "2nd", .wrong),
        typedCase("12", "twelve", .correct),
        typedCase("105", "one hundred and five", .correct),
        typedCase("1,000", "a thousand", .correct),
        typedCase("5", "five hundred", .wrong),
        typedCase("eighty-five", "eighty-fiv", .wrong),
        typedCase("1969", "1969", .correct),
        typedCase("1969", "nineteen sixty-nine", .correct),
        typedCase("2020", "twenty twenty", .correct),
        typedCase("1905", "nineteen oh five", .correct),
        typedCase("1900", "nineteen hundred", .correct),
        typedCase("1969", "in 1969", .correct),
        typedCase("1969", "1968", .wrong),
        typedCase("1969", "1996", .wrong),
        typedCase("1969", "July 1969", .wrong),
        typedCase("1915", "1914 1915 1916", .wrong),
        typedCase("1915", "1915 or 1916", .wrong),
        typedCase("1960s", "the 1960s", .correct),
        typedCase("1960s", "1960", .wrong),
        typedCase("500 BC", "500 BCE", .correct),
        typedCase("500 BC", "500 AD", .wrong),
        typedCase("-40", "minus 40", .correct),
        typedCase("-40", "40", .wrong),
        typedCase("1914-1918", "1914 to 1918", .correct),
        typedCase("about 4.5 billion years", "4.5 billion", .correct),
        typedCase("4.5 billion", "4.5 billion years", .correct),
        typedCase("4.5 billion", "4.5 billion years old and counting", .wrong),
        typedCase("100 km", "100 kilometres", .correct),
        typedCase("100 km", "100 miles", .wrong),
        typedCase("July 20, 1969", "20 July 1969", .correct),
        typedCase("July 20, 1969", "20th of July, 1969", .correct),
        typedCase("July 20, 1969", "Jul 20 1969", .correct),
        typedCase("July 20, 1969", "July 21, 1969", .wrong),
        typedCase("July 20, 1969", "July 1969", .wrong),
        typedCase("July 1969", "jul 1969", .correct),
        typedCase("World War II", "World War 2", .correct),
        typedCase("World War II", "world war two", .correct),
        typedCase("World War II", "World War I", .wrong),
        typedCase("Henry VIII", "Henry the Eighth", .correct),
        typedCase("Apollo 11", "11", .wrong),
        typedCase("Apollo 11", "Apollo eleven", .correct),
        typedCase("1,000,000", "1 000 000", .correct),
        typedCase("1,300", "1 300", .correct),
        typedCase("1914 1918", "1914-1918", .correct),
        typedCase("US$5 billion", "5 billion", .correct),
        typedCase("US$5 billion", "$5bn", .correct),
        typedCase("A$20", "$20", .wrong),
        typedCase("85%", "0.85", .correct),
        typedCase("100%", "1", .wrong),
        typedCase("85", "0.85", .wrong),
        typedCase("8,848 m", "8848", .correct),
        typedCase("8,848 m", "8848 meters", .correct),
        typedCase("3rd century BC", "third century BC", .correct),
        typedCase("19th century", "the nineteenth century", .correct),
    ]

    static let alternatives: [CheckerCase] = [
        typedCase("United States", "america", .correct, accept: ["USA", "America"]),
        typedCase("United States", "U.S.A.", .correct, accept: ["USA", "America"]),
        typedCase("Sweden", "kingdom of sweden", .correct, accept: ["Kingdom of Sweden"]),
        typedCase("Beijing", "Pekin", .almost("Peking"), accept: ["Peking"]),
        typedCase("Beijing", "Bejing", .almost("Beijing"), accept: ["Peking"]),
        typedCase("Beijing", "Shanghai", .wrong, accept: ["Peking"]),
        typedCase("85%", "85 percent", .correct, accept: ["eighty-five percent"]),
    ]

    static let empties: [CheckerCase] = [
        typedCase("Paris", "", .empty),
        typedCase("Paris", "   ", .empty),
        typedCase("Paris", "?", .empty),
        typedCase("Paris", "...", .empty),
        choiceCase("", .empty),
        truthCase("true", " ", .empty),
    ]

    static let choices: [CheckerCase] = [
        choiceCase("a", .correct),
        choiceCase("A", .correct),
        choiceCase("a)", .correct),
        choiceCase("(A)", .correct),
        choiceCase("a.", .correct),
        choiceCase("b", .wrong),
        choiceCase("D", .wrong),
        choiceCase("paris", .correct),
        choiceCase("PARIS.", .correct),
        choiceCase("london", .wrong),
        choiceCase("Pariss", .almost("Paris")),
        choiceCase("e", .wrong),
        choiceCase("c", .correct, answer: "Berlin"),
        // A slip that is as close to a distractor as to the answer is not given.
        choiceCase("Austraia", .wrong, answer: "Australia", choices: ["Austria", "Australia", "Germany", "Hungary"]),
        choiceCase("Australla", .almost("Australia"), answer: "Australia", choices: ["Austria", "Australia", "Germany", "Hungary"]),
        // Choices that are letters themselves: a letter is read as the text.
        choiceCase("a", .correct, answer: "A", choices: ["B", "C", "D", "A"]),
        choiceCase("b", .wrong, answer: "A", choices: ["B", "C", "D", "A"]),
        // Numeric choices: letter, digits or words.
        choiceCase("b", .correct, answer: "1969", choices: ["1965", "1969", "1972", "1980"]),
        choiceCase("1969", .correct, answer: "1969", choices: ["1965", "1969", "1972", "1980"]),
        choiceCase("nineteen sixty-nine", .correct, answer: "1969", choices: ["1965", "1969", "1972", "1980"]),
        choiceCase("1972", .wrong, answer: "1969", choices: ["1965", "1969", "1972", "1980"]),
    ]

    static let truths: [CheckerCase] = [
        truthCase("true", "t", .correct),
        truthCase("true", "T", .correct),
        truthCase("true", "true", .correct),
        truthCase("true", "Yes", .correct),
        truthCase("true", "y", .correct),
        truthCase("true", "TRUE.", .correct),
        truthCase("true", "f", .wrong),
        truthCase("true", "no", .wrong),
        truthCase("true", "n", .wrong),
        truthCase("true", "maybe", .wrong),
        truthCase("True", "yes", .correct),
        truthCase("False", "f", .correct),
        truthCase("False", "false", .correct),
        truthCase("False", "No", .correct),
        truthCase("False", "true", .wrong),
        truthCase("False", "y", .wrong),
    ]

    @Test("words, case, articles, diacritics, punctuation", arguments: words)
    func wordAnswers(_ c: CheckerCase) { check(c) }

    @Test("typos in long words are almost right; in short words and first letters, wrong", arguments: typos)
    func typoAnswers(_ c: CheckerCase) { check(c) }

    @Test("numbers compare as numbers", arguments: numbers)
    func numberAnswers(_ c: CheckerCase) { check(c) }

    @Test("accepted alternatives count", arguments: alternatives)
    func alternativeAnswers(_ c: CheckerCase) { check(c) }

    @Test("an empty answer flips the card", arguments: empties)
    func emptyAnswers(_ c: CheckerCase) { check(c) }

    @Test("multiple choice: a letter or the text", arguments: choices)
    func choiceAnswers(_ c: CheckerCase) { check(c) }

    @Test("true/false: t/f/true/false/yes/no/y/n", arguments: truths)
    func truthAnswers(_ c: CheckerCase) { check(c) }

    private func check(_ c: CheckerCase) {
        let verdict = AnswerChecker().check(c.typed, against: c.card)
        #expect(c.expected.matches(verdict), "got \(verdict)")
    }

    @Test func typoToleranceOffMakesSlipsWrong() {
        let card = typedCase("Mississippi", "Missisippi", .wrong).card
        #expect(AnswerChecker(typoTolerance: .off).check("Missisippi", against: card) == .wrong)
        #expect(AnswerChecker(typoTolerance: .off).check("mississippi", against: card) == .correct)
    }

    @Test func checkingAgainstAPlainListOfAnswers() {
        let checker = AnswerChecker()
        #expect(checker.check("85 percent", alternatives: ["85%"]) == .correct)
        #expect(checker.check("", alternatives: ["85%"]) == .empty)
        #expect(checker.check("Einstien", alternatives: ["Bohr", "Einstein"]) == .almostCorrect(expected: "Einstein"))
    }

    @Test func verdictSaysWhetherTheLearnerKnewIt() {
        #expect(AnswerVerdict.correct.isRight)
        #expect(AnswerVerdict.almostCorrect(expected: "x").isRight)
        #expect(!AnswerVerdict.wrong.isRight)
        #expect(!AnswerVerdict.empty.isRight)
    }
}
