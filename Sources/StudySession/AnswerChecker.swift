import DeckModel

/// What the checker made of a typed answer.
public enum AnswerVerdict: Sendable, Hashable {
    /// Right, after the lenient normalisation of `AnswerChecker`.
    case correct
    /// Right but for a spelling slip; `expected` is the spelling the card (or the
    /// accepted alternative, or the choice) has, to show as "almost: check the spelling".
    case almostCorrect(expected: String)
    case wrong
    /// Wrong for this card, but right for a card of another source that disagrees with
    /// it (a conflict): the learner knows what that source says. A pass (graded Hard),
    /// with the card flagged for the learner to settle.
    case disputed(ConflictCard)
    /// Nothing typed (or only punctuation, such as "?"): flip the card and ask for a self-grade.
    case empty

    /// Whether the learner knew the answer (a tolerated typo counts).
    public var isRight: Bool {
        switch self {
        case .correct, .almostCorrect, .disputed: true
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

    /// `check(_:against:)`, except that a wrong answer that is right for one of
    /// `otherSources` (cards of other sources that disagree with this card) is
    /// `.disputed`. The other card's answer is checked as this card's would be
    /// ("85%" = "85 percent"); a multiple-choice letter stands for its option. True/false
    /// cards, on either side, answer "true" or "false" and so dispute nothing.
    public func check(_ typed: String, against card: Card, otherSources: [ConflictCard]) -> AnswerVerdict {
        let verdict = check(typed, against: card)
        guard verdict == .wrong, card.type != .truefalse else { return verdict }
        var given = typed
        if card.type == .choice, !Self.lettersAreAmbiguous(card), let i = Self.choiceIndex(typed), i < card.choices.count {
            given = card.choices[i]
        }
        for other in otherSources where other.card.type != .truefalse {
            if check(given, alternatives: [other.card.answer] + other.card.accept) == .correct { return .disputed(other) }
        }
        return verdict
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
        if !Self.lettersAreAmbiguous(card), let index = Self.choiceIndex(raw), index < card.choices.count {
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

    /// Whether a choice is itself a single letter, so that a typed letter is read as text.
    static func lettersAreAmbiguous(_ card: Card) -> Bool {
        card.choices.contains { choice in
            let text = AnswerText(choice)
            return text.atoms.count == 1 && text.words.count == 1 && text.words[0].count == 1
        }
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
