import DeckModel
import Scheduling
import Testing

@testable import StudySession

@Suite("GradePolicy")
struct GradePolicyTests {
    let policy = GradePolicy(fastBase: 3, fastPerCharacter: 0.25, slowBase: 15, slowPerCharacter: 0.6)

    @Test func wrongIsAgainHoweverFast() {
        #expect(policy.rating(for: .wrong, responseTime: 0.5, answerCharacters: 5) == .again)
        #expect(policy.rating(for: .wrong, responseTime: 500, answerCharacters: 5) == .again)
    }

    @Test func emptyLeavesTheGradeToTheLearner() {
        #expect(policy.rating(for: .empty, responseTime: 2, answerCharacters: 5) == nil)
    }

    @Test func toleratedTypoIsHardEvenWhenFast() {
        #expect(policy.rating(for: .almostCorrect(expected: "Einstein"), responseTime: 1, answerCharacters: 8) == .hard)
    }

    @Test("right: Easy when fast, Good in between, Hard when slow", arguments: [
        (4.0, 4, Rating.easy),  // threshold 3 + 1 = 4 s: at the threshold is fast
        (4.1, 4, Rating.good),
        (10.0, 4, Rating.good),
        (17.3, 4, Rating.good),  // slow threshold 15 + 2.4 = 17.4 s
        (17.5, 4, Rating.hard),
        (60.0, 4, Rating.hard),
    ])
    func rightAnswerSpeed(seconds: Double, characters: Int, expected: Rating) {
        #expect(policy.rating(for: .correct, responseTime: seconds, answerCharacters: characters) == expected)
    }

    @Test func thresholdsGrowWithTheAnswerLength() {
        // 6 s is slow-ish for "1969" but fast for "Mount Kilimanjaro National Park".
        #expect(policy.rating(for: .correct, responseTime: 6, answerCharacters: 4) == .good)
        #expect(policy.rating(for: .correct, responseTime: 6, answerCharacters: 28) == .easy)
        #expect(policy.fastThreshold(characters: 0) == 3)
        #expect(policy.fastThreshold(characters: 8) == 5)
        #expect(policy.slowThreshold(characters: 10) == 21)
    }

    @Test func easyCanBeSwitchedOff() {
        var noEasy = policy
        noEasy.allowsEasy = false
        #expect(noEasy.rating(for: .correct, responseTime: 1, answerCharacters: 4) == .good)
    }

    @Test func anUnknownResponseTimeGivesGood() {
        #expect(policy.rating(for: .correct, responseTime: -3, answerCharacters: 4) == .good)
        #expect(policy.rating(for: .correct, responseTime: .nan, answerCharacters: 4) == .good)
        #expect(policy.rating(for: .correct, responseTime: .infinity, answerCharacters: 4) == .good)
    }

    @Test func lengthComesFromTheCard() {
        let source = CardSource(sentence: "S.")
        let typed = Card(id: "1", type: .cloze, question: "____ won.", answer: "Marie Curie", source: source)
        let choice = Card(id: "2", type: .choice, question: "Q?", answer: "Marie Curie", choices: ["Marie Curie", "X"], source: source)
        let truth = Card(id: "3", type: .truefalse, question: "Q?", answer: "true", source: source)
        #expect(GradePolicy.answerCharacters(for: typed) == 10)
        #expect(GradePolicy.answerCharacters(for: choice) == 1)
        #expect(GradePolicy.answerCharacters(for: truth) == 1)
        // 5 s: fast for ten letters (3 + 2.5), not for one (3.25).
        #expect(policy.rating(for: .correct, responseTime: 5, card: typed) == .easy)
        #expect(policy.rating(for: .correct, responseTime: 5, card: choice) == .good)
    }

    @Test("recognition cards answered right are Good at most, however fast", arguments: [CardType.choice, .truefalse])
    func recognitionIsNeverEasyBySpeed(type: CardType) {
        let source = CardSource(sentence: "S.")
        let card = Card(id: "r", type: type, question: "Q?", answer: "true", choices: type == .choice ? ["true", "x"] : [], source: source)
        for seconds in [0.1, 0.5, 1.0, 3.0] {
            #expect(policy.rating(for: .correct, responseTime: seconds, card: card) == .good)
        }
        // Slow stays Hard and wrong stays Again: only Easy is taken away.
        #expect(policy.rating(for: .correct, responseTime: 60, card: card) == .hard)
        #expect(policy.rating(for: .wrong, responseTime: 0.5, card: card) == .again)
        // Typed recall still earns Easy when quick.
        let typed = Card(id: "t", type: .question, question: "Q?", answer: "true", source: source)
        #expect(policy.rating(for: .correct, responseTime: 0.5, card: typed) == .easy)
    }

    @Test("the learner's override", arguments: [
        ("1", Rating.again), ("2", .hard), ("3", .good), ("4", .easy),
        ("a", .again), ("h", .hard), ("g", .good), ("e", .easy),
        ("A", .again), (" G ", .good), ("again", .again), ("Hard", .hard), ("GOOD", .good), ("easy\n", .easy),
    ])
    func override(input: String, expected: Rating) {
        #expect(GradePolicy.parseOverride(input) == expected)
    }

    @Test("not an override", arguments: ["", " ", "0", "5", "x", "goo", "1 2", ":undo", "againn", "b"])
    func notAnOverride(input: String) {
        #expect(GradePolicy.parseOverride(input) == nil)
    }
}
