import DeckModel
import Foundation
import Scheduling

/// Turns a checked answer and how long it took into one of the scheduler's four ratings,
/// so that the typed answer grades the card (no honour system), and reads the
/// learner's override on the feedback line.
///
/// - wrong -> Again (never Hard: Hard is a pass in FSRS, and grading a failure Hard
///   corrupts the memory model);
/// - disputed (what another source says) -> Hard: the learner remembered a figure a
///   source gives, so it is no lapse, but the card is not settled either;
/// - right -> Good; Easy when fast; Hard when a typo was tolerated or it was slow
///   (a tolerated typo is a pass, but a shaky one). Multiple choice and true/false
///   answered right are Good at most: recognising an answer among a few is easier than
///   recalling it, and a guess is right one time in four (or two), so speed there says
///   little about memory. Easy by speed is for typed recall only;
/// - empty -> no rating: the card was flipped and the learner grades it.
///
/// "Fast" and "slow" scale with the length of what had to be typed: the time allowed is
/// `base + perCharacter * characters`. Response time here means from the question
/// being shown to the answer being entered, so the bases include reading time.
public struct GradePolicy: Sendable, Hashable {
    /// At or under `fastBase + fastPerCharacter * characters` seconds: Easy.
    public var fastBase: TimeInterval
    public var fastPerCharacter: TimeInterval
    /// Over `slowBase + slowPerCharacter * characters` seconds: Hard.
    public var slowBase: TimeInterval
    public var slowPerCharacter: TimeInterval
    /// Whether a fast right answer may be rated Easy at all (some learners never want Easy).
    public var allowsEasy: Bool

    public init(
        fastBase: TimeInterval = 3, fastPerCharacter: TimeInterval = 0.25,
        slowBase: TimeInterval = 15, slowPerCharacter: TimeInterval = 0.6, allowsEasy: Bool = true
    ) {
        self.fastBase = fastBase
        self.fastPerCharacter = fastPerCharacter
        self.slowBase = slowBase
        self.slowPerCharacter = slowPerCharacter
        self.allowsEasy = allowsEasy
    }

    public static let standard = GradePolicy()

    /// Seconds within which a right answer of `characters` characters counts as fast.
    public func fastThreshold(characters: Int) -> TimeInterval {
        fastBase + fastPerCharacter * Double(max(0, characters))
    }

    /// Seconds after which a right answer of `characters` characters counts as slow.
    public func slowThreshold(characters: Int) -> TimeInterval {
        slowBase + slowPerCharacter * Double(max(0, characters))
    }

    /// The automatic rating, or nil when the learner must grade (an empty answer).
    ///
    /// `answerCharacters` is how much had to be typed: the answer's length for typed
    /// cards, 1 for a letter or t/f (see `answerCharacters(for:)`). A negative or
    /// non-finite response time (a clock jump) is treated as neither fast nor slow.
    public func rating(for verdict: AnswerVerdict, responseTime: TimeInterval, answerCharacters: Int) -> Rating? {
        let known = responseTime.isFinite && responseTime >= 0
        switch verdict {
        case .empty: return nil
        case .wrong: return .again
        case .almostCorrect, .disputed: return .hard
        case .correct:
            if known, responseTime > slowThreshold(characters: answerCharacters) { return .hard }
            if known, allowsEasy, responseTime <= fastThreshold(characters: answerCharacters) { return .easy }
            return .good
        }
    }

    /// `rating(for:responseTime:answerCharacters:)` with the length taken from the card;
    /// a recognition card (multiple choice, true/false) is never rated Easy by speed.
    public func rating(for verdict: AnswerVerdict, responseTime: TimeInterval, card: Card) -> Rating? {
        let rating = rating(for: verdict, responseTime: responseTime, answerCharacters: Self.answerCharacters(for: card))
        if rating == .easy && Self.isRecognition(card.type) { return .good }
        return rating
    }

    /// Whether answering means picking among offered answers rather than recalling one.
    public static func isRecognition(_ type: CardType) -> Bool {
        type == .choice || type == .truefalse
    }

    /// Characters a learner types to answer `card`: one for a choice letter or t/f,
    /// otherwise the answer's letters and digits (spaces and punctuation are not typed
    /// by someone answering fast, and the checker does not need them).
    public static func answerCharacters(for card: Card) -> Int {
        switch card.type {
        case .choice, .truefalse: 1
        case .cloze, .question: card.answer.filter { $0.isLetter || $0.isNumber }.count
        }
    }

    /// The learner's override typed on the feedback line: "1"-"4", "a"/"h"/"g"/"e", or
    /// "again"/"hard"/"good"/"easy", in any case with surrounding spaces. Anything else
    /// (including an empty line, which keeps the automatic grade) is nil.
    public static func parseOverride(_ input: String) -> Rating? {
        switch input.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() {
        case "1", "a", "again": .again
        case "2", "h", "hard": .hard
        case "3", "g", "good": .good
        case "4", "e", "easy": .easy
        default: nil
        }
    }
}
