import DeckModel

/// What the checker made of a typed answer.
public enum AnswerVerdict: Sendable, Hashable {
    /// Right, after the lenient normalisation of `AnswerChecker`.
    case correct
    /// Right but for a spelling slip; `expected` is the spelling the card (or the
    /// accepted alternative, or the choice) has, to show as "almost: check the spelling".
    case almostCorrect(expected: String)
    case wrong
    /// Nothing typed (or only punctuation, such as "?"): flip the card and ask for a self-grade.
    case empty

    /// Whether the learner knew the answer (a tolerated typo counts).
    public var isRight: Bool {
        switch self {
        case .correct, .almostCorrect: true
        case .wrong, .empty: false
        }
    }
}

/// Grades a typed answer against a card, leniently but not gullibly.
///
/// Ignored: case, diacritics, punctuation, extra spaces, a leading article, dots in
/// acronyms ("U.S." = "US"). Numbers compare as values ("1,300" = "1300" =
/// "one thousand three hundred", ".82" = "0.82", "85%" = "85 percent" =
/// "eighty-five percent" = "85", "$5 billion" = "5,000,000,000" = "5bn",
/// "first" = "1st", "1969" = "nineteen sixty-nine", "20 July 1969" = "July 20, 1969").
/// Long words may carry a slip or two (Damerau-Levenshtein), reported as
/// `.almostCorrect`; numbers and short words never.
///
/// Not accepted, by design:
/// - answers that contain the right answer plus more ("Paris, France" for "Paris",
///   "1914 1915 1916" for "1915"): accepting containment would let a list of guesses
///   pass, and a typed answer is here to end the honour system. The learner can still
///   override the grade, and cards can list alternatives in `accept`;
/// - part of the answer ("Newton" for "Isaac Newton"), for the same reason; the one
///   exception is a unit after a number written in digits ("4.5 billion" for
///   "4.5 billion years"), since cloze questions often carry the unit in the sentence;
/// - synonyms and abbreviations ("United States" for "US"): no built-in thesaurus can
///   be right for every deck; `accept` is the place for them.
public struct AnswerChecker: Sendable {
    public var typoTolerance: TypoTolerance

    public init(typoTolerance: TypoTolerance = .standard) {
        self.typoTolerance = typoTolerance
    }

    public func check(_ typed: String, against card: Card) -> AnswerVerdict {
        let typedText = AnswerText(typed)
        if typedText.isBlank { return .empty }
        switch card.type {
        case .truefalse:
            if let expected = Self.truth(card.answer) {
                guard let given = Self.truth(typed) else { return .wrong }
                return given == expected ? .correct : .wrong
            }
            return checkText(typedText, alternatives: [card.answer] + card.accept)
        case .choice:
            return checkChoice(typed, typedText, card: card)
        case .cloze, .question:
            return checkText(typedText, alternatives: [card.answer] + card.accept)
        }
    }

    /// Checks `typed` against any list of right answers (best match wins).
    public func check(_ typed: String, alternatives: [String]) -> AnswerVerdict {
        let typedText = AnswerText(typed)
        if typedText.isBlank { return .empty }
        return checkText(typedText, alternatives: alternatives)
    }

    private func checkText(_ typed: AnswerText, alternatives: [String]) -> AnswerVerdict {
        let matcher = AnswerMatcher(tolerance: typoTolerance)
        var best = AnswerVerdict.wrong
        for alternative in alternatives {
            let expected = AnswerText(alternative)
            if expected.isBlank { continue }
            switch matcher.compare(expected: expected, typed: typed) {
            case .exact: return .correct
            case .almost: if best == .wrong { best = .almostCorrect(expected: alternative) }
            case .none: break
            }
        }
        return best
    }

    // MARK: Multiple choice

    /// A letter (a, b, c ... in the order of `choices`, any case, with or without ")" or
    /// ".") or the choice's text. Letters are read as text instead when a choice is
    /// itself a single letter ("Vitamin _": A, B, C, D), where a letter is ambiguous.
    /// A typed text that is exactly another choice is wrong, and a slip is tolerated
    /// only when the typed text is closer to the answer than to every other choice.
    private func checkChoice(_ raw: String, _ typed: AnswerText, card: Card) -> AnswerVerdict {
        let choiceTexts = card.choices.map { AnswerText($0) }
        let lettersAreAmbiguous = choiceTexts.contains { text in
            text.atoms.count == 1 && text.words.count == 1 && text.words[0].count == 1
        }
        if !lettersAreAmbiguous, let index = Self.choiceIndex(raw), index < card.choices.count {
            let chosen = card.choices[index]
            let verdict = checkText(AnswerText(chosen), alternatives: [card.answer] + card.accept)
            return verdict == .correct ? .correct : .wrong
        }
        let verdict = checkText(typed, alternatives: [card.answer] + card.accept)
        guard case .almostCorrect(let expected) = verdict else { return verdict }
        let answerText = AnswerText(card.answer)
        let others = zip(card.choices, choiceTexts).filter { $0.1 != answerText }
        if others.contains(where: { $0.1 == typed }) { return .wrong }
        let distanceToAnswer = Self.distance(typed, AnswerText(expected))
        if others.contains(where: { Self.distance(typed, $0.1) <= distanceToAnswer }) { return .wrong }
        return verdict
    }

    private static func distance(_ a: AnswerText, _ b: AnswerText) -> Int {
        EditDistance.damerauLevenshtein(a.words.joined(separator: " "), b.words.joined(separator: " "))
    }

    /// "b", "B", "b)", "(b)", "b." -> 1.
    static func choiceIndex(_ raw: String) -> Int? {
        let letters = raw.filter { !$0.isWhitespace && !"().:]".contains($0) }
        guard letters.count == 1, let scalar = letters.lowercased().unicodeScalars.first,
            scalar.value >= 97, scalar.value <= 122
        else { return nil }
        return Int(scalar.value - 97)
    }

    // MARK: True / false

    static let truthWords: [String: Bool] = [
        "t": true, "true": true, "y": true, "yes": true, "correct": true, "right": true,
        "f": false, "false": false, "n": false, "no": false, "incorrect": false, "wrong": false,
    ]

    /// true for t/true/y/yes, false for f/false/n/no (any case, surrounding punctuation ignored).
    static func truth(_ text: String) -> Bool? {
        let words = AnswerText(text).words
        guard words.count == 1 else { return nil }
        return truthWords[words[0]]
    }
}
