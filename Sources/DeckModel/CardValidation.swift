/// What makes a card well-formed, for cards the learner writes (`factdeck edit`, `:edit`):
/// the deck file's rules, a little stricter where a hand edit can go wrong.
public enum CardValidation {
    /// The first thing wrong with `card`, worded for the learner; nil when it is fine.
    ///
    /// - question and answer are not blank, nor is any accepted alternative or choice;
    /// - a cloze question has exactly one gap (`____`: four or more underscores);
    /// - a multiple-choice card has two or more different choices, the answer among them;
    /// - a true/false card's answer is True or False.
    public static func problem(in card: Card) -> String? {
        func blank(_ s: String) -> Bool { s.allSatisfy(\.isWhitespace) }
        if blank(card.question) { return "the question is empty" }
        if blank(card.answer) { return "the answer is empty" }
        if card.accept.contains(where: blank) { return "an accepted answer is empty" }
        switch card.type {
        case .cloze:
            let gaps = gapCount(card.question)
            if gaps != 1 { return "a cloze question needs exactly one ____ gap (this one has \(gaps))" }
        case .choice:
            if card.choices.contains(where: blank) { return "a choice is empty" }
            if card.choices.count < 2 { return "a multiple-choice card needs at least two choices" }
            if Set(card.choices.map { $0.lowercased() }).count != card.choices.count { return "two choices are the same" }
            if !card.choices.contains(card.answer) {
                return "the answer \"\(card.answer)\" is not among the choices (\(card.choices.joined(separator: " | ")))"
            }
        case .truefalse:
            if !["true", "false"].contains(card.answer.lowercased()) { return "a true/false card's answer is True or False" }
        case .question:
            break
        }
        return nil
    }

    /// Runs of four or more underscores: the gaps of a cloze question.
    public static func gapCount(_ text: String) -> Int {
        var gaps = 0
        var run = 0
        for c in text.unicodeScalars {
            if c == "_" {
                run += 1
                if run == 4 { gaps += 1 }
            } else {
                run = 0
            }
        }
        return gaps
    }
}
