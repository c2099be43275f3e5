import DeckModel
import Foundation
import Glibc
import StudySession
import TerminalKit

/// How cards and answers look in the terminal, for `study` and `quiz` alike: the question
/// with its options, the verdict on an answer, the source sentence. Lines wider than the
/// terminal are wrapped.
struct CardScreen {
    let style: Style
    let width: Int
    /// Whether to write to stderr: when stdout carries a JSON result (`quiz --json`).
    let toStderr: Bool

    init(style: Style, width: Int, toStderr: Bool = false) {
        self.style = style
        self.width = width
        self.toStderr = toStderr
    }

    /// Prints, wrapping any line wider than the terminal (deck text can be long).
    func say(_ text: String = "") {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let s = String(line)
            guard TerminalText.width(TerminalText.clean(s)) > width else { return s }
            let indent = String(s.prefix { $0 == " " })
            return indent + TerminalText.wrapped(s, width: width - indent.count, indent: "  " + indent)
        }
        let text = lines.joined(separator: "\n")
        if toStderr {
            fflush(nil)
            FileHandle.standardError.write(Data((text + "\n").utf8))
        } else {
            print(text)
            fflush(nil)
        }
    }

    /// The question, then the lettered options of a multiple-choice card or the
    /// true-or-false hint.
    func question(_ card: Card) {
        say(style.bold(TerminalText.wrapped(card.question, width: width)))
        switch card.type {
        case .choice:
            for (i, choice) in card.choices.enumerated() {
                say("  \(Character(UnicodeScalar(UInt8(97 + i))))) \(TerminalText.clean(choice))")
            }
        case .truefalse:
            say(style.dim("  true or false?"))
        default: break
        }
    }

    /// "✓ Correct", "≈ Almost" or "✗ Not quite" with the card's answer; nothing for an
    /// empty answer unless `emptyIsMiss` (a quiz, where not knowing is a miss).
    func verdict(_ verdict: AnswerVerdict, card: Card, emptyIsMiss: Bool = false) {
        let answer = TerminalText.clean(card.answer)
        switch verdict {
        case .correct: say(style.green("✓ Correct: \(answer)"))
        case .almostCorrect(let expected): say(style.yellow("≈ Almost: check the spelling: \(TerminalText.clean(expected))"))
        case .wrong: say(style.red("✗ Not quite. The answer is: ") + style.bold(answer))
        case .disputed: say(style.yellow("≠ Disputed: that is what another source says. This card says: ") + style.bold(answer))
        case .empty: if emptyIsMiss { say(style.red("✗ The answer is: ") + style.bold(answer)) }
        }
    }

    /// "Another source says 40 percent — Where Coffee Grows, Growing regions", one line
    /// per card that disagrees with the one answered. A true/false
    /// card's answer says nothing about the figure, so its sentence stands in for it.
    func otherSources(_ others: [ConflictCard]) {
        for other in others {
            let says = other.card.type == .truefalse
                ? "Another source says: \"\(TerminalText.clean(other.card.source.sentence))\""
                : "Another source says " + style.bold(TerminalText.clean(other.card.answer))
            say(style.yellow("⚠ ") + says + " — " + TerminalText.clean(other.place))
        }
    }

    /// "Source (section, deck): sentence", dimmed.
    func source(_ card: Card, deckTitle: String, indent: String = "") {
        var parts: [String] = []
        if let s = card.source.section { parts.append(TerminalText.clean(s)) }
        parts.append(TerminalText.clean(deckTitle))
        let label = "Source (" + parts.joined(separator: ", ") + ")"
        say(style.dim(indent + TerminalText.wrapped("\(label): \(card.source.sentence)", width: width - indent.count, indent: indent + "  ")))
    }
}
