import DeckModel
import FuzzSupport
import StudySession

@_cdecl("fuzz_answer_main")
public func fuzzAnswerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, check: AnswerTarget.check)
}

/// A typed answer against a card through `AnswerChecker`, as a study session grades it.
///
/// Input: mode byte 0-3 picks the card type (question when absent), then four fields cut at
/// 0xFF: what the learner typed, the card's answer, its accepted answers and its choices
/// (one per line).
enum AnswerTarget {
    /// Wrong (or empty) 0, almost 1, right 2.
    static func rank(_ verdict: AnswerVerdict) -> Int { verdict == .correct ? 2 : verdict.isRight ? 1 : 0 }

    static func check(_ input: [UInt8]) {
        let fuzz = FuzzInput(input, modes: UInt8(CardType.allCases.count))
        let fields = fuzz.fields(4).map { String(decoding: $0, as: UTF8.self) }
        let type = fuzz.mode.map { CardType.allCases[Int($0)] } ?? .question
        func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }
        let card = Card(id: "fuzz", type: type, question: "?", answer: fields[1], accept: lines(fields[2]),
                        choices: lines(fields[3]), source: CardSource(sentence: fields[1]))
        var verdicts: [AnswerVerdict] = []
        for checker in [AnswerChecker(), AnswerChecker(typoTolerance: .off)] {
            let verdict = checker.check(fields[0], against: card)
            verdicts.append(verdict)
            if type == .question || type == .cloze {
                let plain = checker.check(fields[0], alternatives: [card.answer] + card.accept)
                Invariant.require(verdict == plain, "the card gives \(verdict), its answers alone \(plain)")
                // The card's own answer, typed as it stands, is right (or nothing to grade).
                let own = checker.check(card.answer, against: card)
                Invariant.require(own == .correct || own == .empty, "typing the answer \(card.answer.debugDescription) gives \(own)")
            }
        }
        // Tolerating no typo never grades an answer better.
        Invariant.require(rank(verdicts[1]) <= rank(verdicts[0]), "tolerance off gives \(verdicts[1]), the standard one \(verdicts[0])")
    }
}
