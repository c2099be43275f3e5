/// How close two normalised answers are.
enum AnswerMatch: Int, Comparable, Sendable {
    case none = 0, almost = 1, exact = 2
    static func < (lhs: AnswerMatch, rhs: AnswerMatch) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// How many typing slips an answer of a given length may carry and still count.
public struct TypoTolerance: Sendable, Hashable {
    /// Words (and answers) shorter than this must be exact: in short words one letter
    /// is often another word ("Iran"/"Iraq", "UK"/"US").
    public var minimumLength: Int
    /// From this many letters on, two slips are tolerated; below it, one.
    public var twoSlipLength: Int

    public init(minimumLength: Int = 5, twoSlipLength: Int = 9) {
        self.minimumLength = minimumLength
        self.twoSlipLength = twoSlipLength
    }

    public static let standard = TypoTolerance()
    /// Never tolerate a slip.
    public static let off = TypoTolerance(minimumLength: .max, twoSlipLength: .max)

    /// Slips allowed for an answer whose shorter side has `letters` letters.
    public func allowedSlips(letters: Int) -> Int {
        letters < minimumLength ? 0 : letters < twoSlipLength ? 1 : 2
    }
}

/// Compares normalised answers (`AnswerText`).
struct AnswerMatcher: Sendable {
    var tolerance: TypoTolerance

    /// Words that hedge or frame a quantity without changing it ("about 85%", "in 1969",
    /// "over 5 billion"). Dropped from both sides when numbers are compared, because the
    /// quantity is the fact being tested; "over" vs "under" is thereby not checked, a
    /// price paid for accepting "1 million" when the card says "over 1 million".
    static let quantityFillers: Set<String> = [
        "about", "around", "approximately", "approx", "roughly", "circa", "ca", "c", "nearly",
        "almost", "some", "just", "over", "under", "more", "less", "fewer", "than", "at", "least",
        "most", "in", "on", "by", "of", "the", "a", "an", "year", "exactly", "precisely", "only",
        "up", "to", "and",
    ]

    /// Unit spellings that mean the same unit, for the words after a number.
    static let unitSynonyms: [String: String] = [
        "metre": "m", "metres": "m", "meter": "m", "meters": "m",
        "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km", "kms": "km",
        "centimetre": "cm", "centimetres": "cm", "centimeter": "cm", "centimeters": "cm",
        "millimetre": "mm", "millimetres": "mm", "millimeter": "mm", "millimeters": "mm",
        "mile": "mi", "miles": "mi", "foot": "ft", "feet": "ft", "inch": "in", "inches": "in",
        "kilogram": "kg", "kilograms": "kg", "kilo": "kg", "kilos": "kg", "kgs": "kg",
        "gram": "g", "grams": "g", "tonne": "t", "tonnes": "t", "ton": "t", "tons": "t",
        "litre": "l", "litres": "l", "liter": "l", "liters": "l",
        "celsius": "c", "centigrade": "c", "fahrenheit": "f", "degree": "deg", "degrees": "deg",
        "hour": "h", "hours": "h", "hr": "h", "hrs": "h", "minute": "min", "minutes": "min",
        "mins": "min", "seconds": "second", "sec": "second", "secs": "second",
        "year": "yr", "years": "yr", "yrs": "yr",
        "bce": "bc", "ce": "ad",
    ]

    func compare(expected: AnswerText, typed: AnswerText) -> AnswerMatch {
        if expected.atoms == typed.atoms { return .exact }
        if !expected.hasNumbers && !typed.hasNumbers {
            return compareWords(expected.words, typed.words)
        }
        return compareQuantities(expected: expected.atoms, typed: typed.atoms)
    }

    // MARK: Words

    /// Word lists: equal; equal but for spacing ("ice cream" / "icecream": almost, the
    /// letters are all there); or within the typo tolerance.
    ///
    /// Same word count: word by word, each pair judged by its own length, so that a
    /// short word never absorbs a slip ("UK Army" is not "US Army"). Otherwise the
    /// whole strings, judged by the shorter one's letter count. Either way the first
    /// letter must match: a different first letter is more often a different word
    /// ("Prussia" / "Russia") than a slip.
    func compareWords(_ expected: [String], _ typed: [String]) -> AnswerMatch {
        if expected == typed { return .exact }
        if expected.isEmpty || typed.isEmpty { return .none }
        if expected.joined() == typed.joined() { return .almost }
        if expected.count == typed.count {
            var slips = 0
            for (e, t) in zip(expected, typed) where e != t {
                guard let s = slipsBetween(e, t) else { return .none }
                slips += s
            }
            let letters = min(expected.joined().count, typed.joined().count)
            return slips <= tolerance.allowedSlips(letters: letters) ? .almost : .none
        }
        return slipsBetween(expected.joined(separator: " "), typed.joined(separator: " ")) == nil ? .none : .almost
    }

    /// Slips between two strings when within tolerance, else nil.
    private func slipsBetween(_ expected: String, _ typed: String) -> Int? {
        guard expected.first == typed.first else { return nil }
        let letters = min(expected.filter { $0 != " " }.count, typed.filter { $0 != " " }.count)
        let allowed = tolerance.allowedSlips(letters: letters)
        guard allowed > 0 else { return nil }
        let distance = EditDistance.damerauLevenshtein(Array(expected), Array(typed), limit: allowed)
        return distance <= allowed ? distance : nil
    }

    // MARK: Quantities

    /// Answers with numbers. The numbers (and dates) must agree exactly, in order: a
    /// number is never "almost" right. Words between them are compared as words (typos
    /// allowed in long ones). After the last number:
    /// - a unit may be left out when the card wrote the number in digits ("4.5 billion"
    ///   for "4.5 billion years"); not for number words ("five" is not "Five Eyes");
    /// - a short unit may be added when the card has none ("4.5 billion years" for
    ///   "4.5 billion"), at most two words, so that a sentence of hedging stays wrong.
    private func compareQuantities(expected: [AnswerAtom], typed: [AnswerAtom]) -> AnswerMatch {
        let e = segments(expected.filter { !isFiller($0) })
        let t = segments(typed.filter { !isFiller($0) })
        guard e.quantities.count == t.quantities.count, !e.quantities.isEmpty else { return .none }
        for (a, b) in zip(e.quantities, t.quantities) where !sameQuantity(a, b) { return .none }
        var result = AnswerMatch.exact
        // Words before and between numbers: required.
        for (a, b) in zip(e.words.dropLast(), t.words.dropLast()) {
            result = min(result, compareWords(a, b))
            if result == .none { return .none }
        }
        let tailExpected = e.words.last!
        let tailTyped = t.words.last!
        if tailExpected.map(unit) == tailTyped.map(unit) { return result }
        if tailTyped.isEmpty {
            let lastNumber = e.quantities.last!
            if case .number(let n) = lastNumber, n.fromDigits { return result }
            if case .date = lastNumber { return result }
            return .none
        }
        if tailExpected.isEmpty { return tailTyped.count <= 2 ? result : .none }
        return min(result, compareWords(tailExpected, tailTyped))
    }

    private func isFiller(_ atom: AnswerAtom) -> Bool {
        atom.word.map { Self.quantityFillers.contains($0) } ?? false
    }

    private func unit(_ word: String) -> String { Self.unitSynonyms[word] ?? word }

    private func sameQuantity(_ a: AnswerAtom, _ b: AnswerAtom) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): return x.sameQuantity(as: y)
        case (.date(let y1, let m1, let d1), .date(let y2, let m2, let d2)):
            return y1 == y2 && m1 == m2 && d1 == d2
        default: return false
        }
    }

    /// Numbers and dates, and the word runs around them: `words.count == quantities.count + 1`.
    private func segments(_ atoms: [AnswerAtom]) -> (quantities: [AnswerAtom], words: [[String]]) {
        var quantities: [AnswerAtom] = []
        var words: [[String]] = [[]]
        for atom in atoms {
            if let w = atom.word {
                words[words.count - 1].append(w)
            } else {
                quantities.append(atom)
                words.append([])
            }
        }
        return (quantities, words)
    }
}
