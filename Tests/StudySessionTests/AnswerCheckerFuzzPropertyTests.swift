import SeededRandom
import DeckModel
import FuzzInputs
import Testing

@testable import StudySession

/// Typed answers and card answers damaged every way a fuzzer would damage them: the checker
/// never crashes, takes a card's own answer typed as it stands, grades a card as its list
/// of answers, and never grades better with typo tolerance off.
@Suite struct AnswerCheckerFuzzPropertyTests {
    static let seeds: [[UInt8]] = [
        "1,300", "eighty-five percent", "85%", "July 20, 1969", "20 July 1969", "Isaac Newton", "$5 billion", "5bn", "1st",
        "U.S.", "the Pacific Ocean", "Ångström", "4.5 billion years", ".82", "nineteen sixty-nine", "b", "True", "no",
        "3/4", "−40 °C", "mid-1990s", "2,000,000,000,000,000,000,000", "東京", "Zürich", "e\u{301}", "Mt. St. Helens",
    ].map { Array($0.utf8) }

    static let tokens = [" ", "-", ",", ".", "%", "$", "percent", "billion", "hundred", "and", "the", "a)", "1969", "0", "½", "Ⅻ"]

    /// Wrong (or empty) 0, almost 1, right 2.
    static func rank(_ verdict: AnswerVerdict) -> Int { verdict == .correct ? 2 : verdict.isRight ? 1 : 0 }

    @Test func mutatedAnswersAreGradedConsistently() {
        let inputs = MutatedInputs(seeds: Self.seeds, count: 2000, seed: 22, maxLength: 256, tokens: Self.tokens)
        var ownRight = 0
        for i in 0..<inputs.count {
            let typed = String(decoding: inputs.input(at: i), as: UTF8.self)
            let answer = String(decoding: inputs.input(at: (i * 7 + 1) % inputs.count), as: UTF8.self)
            let other = String(decoding: inputs.input(at: (i * 13 + 2) % inputs.count), as: UTF8.self)
            let type = CardType.allCases[i % CardType.allCases.count]
            var rng = SeededGenerator(seed: UInt64(i))
            let card = Card(id: "c\(i)", type: type, question: "?", answer: answer, accept: i % 3 == 0 ? [other] : [],
                            choices: type == .choice ? [other, answer, typed].shuffled(using: &rng) : [],
                            source: CardSource(sentence: answer))
            var verdicts: [AnswerVerdict] = []
            for checker in [AnswerChecker(), AnswerChecker(typoTolerance: .off)] {
                let verdict = checker.check(typed, against: card)
                verdicts.append(verdict)
                guard type == .question || type == .cloze else { continue }
                #expect(verdict == checker.check(typed, alternatives: [answer] + card.accept), "input \(i)")
                let own = checker.check(answer, against: card)
                #expect(own == .correct || own == .empty, "input \(i): the answer \(answer.debugDescription) typed as it stands gives \(own)")
                if own == .correct { ownRight += 1 }
            }
            // Tolerating no typo never grades an answer better.
            #expect(Self.rank(verdicts[1]) <= Self.rank(verdicts[0]), "input \(i): \(typed.debugDescription) for \(answer.debugDescription)")
        }
        #expect(ownRight >= 600)
    }
}

