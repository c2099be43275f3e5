import Foundation
import WordTables

/// A number as an answer states it, after reading digits, number words, scales and units.
struct AnswerNumber: Hashable, Sendable {
    var value: Double
    var isOrdinal = false
    var isPercent = false
    /// ISO-ish currency code ("usd", "eur", "gbp", "jpy") when a symbol or word gave one.
    var currency: String?
    /// "1960s": a decade, not the year 1960.
    var isDecade = false
    /// Written with digits ("4.5 billion"), as opposed to words ("seven").
    var fromDigits = false

    /// Same quantity, and no unit contradicts the other side's unit. A missing unit is
    /// fine ("85" for "85%", "5 billion" for "$5 billion": the question usually names
    /// the unit), a different one is not ("85 dollars" for "85%").
    func sameQuantity(as other: AnswerNumber) -> Bool {
        guard Self.equal(value, other.value) || isProportion(of: other) || other.isProportion(of: self) else {
            return false
        }
        if isPercent && other.currency != nil || other.isPercent && currency != nil { return false }
        if let mine = currency, let theirs = other.currency, mine != theirs { return false }
        // "1960s" and "1960" name different things; ordinal vs cardinal ("1st" / "1") does not.
        return isDecade == other.isDecade
    }

    private static func equal(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
    }

    /// "0.85" for "85%": a bare fraction strictly between 0 and 1 equal to the percentage
    /// (not "1" for "100%", where a whole number more likely means one percent).
    private func isProportion(of percent: AnswerNumber) -> Bool {
        percent.isPercent && !isPercent && currency == nil && value > 0 && value < 1
            && Self.equal(value * 100, percent.value)
    }
}

/// One unit of meaning in a normalised answer.
enum AnswerAtom: Hashable, Sendable {
    case word(String)
    case number(AnswerNumber)
    /// A calendar date with at least a month and a day ("July 20, 1969", "20 July 1969").
    case date(year: Int?, month: Int, day: Int)

    var word: String? {
        if case .word(let w) = self { return w }
        return nil
    }
    var isNumeric: Bool {
        if case .word = self { return false }
        return true
    }
}

/// The normalised form of an answer: what both the card's answer and the typed text
/// are reduced to before comparing.
///
/// Folding (why each step):
/// - case, diacritics ("Gödel" = "Godel", Anki's `type:nc`), ligatures and width:
///   typing them is hard on many keyboards and they rarely change the fact;
/// - punctuation: separators, except a decimal point and a thousands comma inside
///   digits, and apostrophes, which join ("O'Brien" = "OBrien");
/// - runs of single letters merge ("U.S." = "U S" = "US", "J.K." = "JK"), so dotted and
///   undotted acronyms agree without a synonym list;
/// - a leading "a", "an" or "the" goes ("The Nile" = "Nile") unless it is all there is;
/// - numbers become values (see `AnswerNumber`).
struct AnswerText: Hashable, Sendable {
    var atoms: [AnswerAtom]

    var isBlank: Bool { atoms.isEmpty }
    var hasNumbers: Bool { atoms.contains { $0.isNumeric } }
    var words: [String] { atoms.compactMap(\.word) }

    init(atoms: [AnswerAtom]) { self.atoms = atoms }

    init(_ text: String) {
        atoms = AnswerText.atoms(from: AnswerText.tokens(from: AnswerText.fold(text)))
    }

    // MARK: Folding

    /// Letters that Unicode does not decompose into a base letter plus a mark.
    private static let letterFolds: [Character: String] = [
        "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i",
        "’": "'", "‘": "'", "ʼ": "'", "`": "'",
        "–": "-", "—": "-", "‒": "-", "−": "-", "‐": "-", "‑": "-",
    ]

    static func fold(_ text: String) -> String {
        let decomposed = text.lowercased().decomposedStringWithCompatibilityMapping
        var out = String.UnicodeScalarView()
        for scalar in decomposed.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: continue
            default: out.append(scalar)
            }
        }
        var result = ""
        for character in String(out) {
            if let replacement = letterFolds[character] { result += replacement } else { result.append(character) }
        }
        return result
    }

    // MARK: Tokens

    enum Token: Hashable {
        case word(String)
        case number(Double)
        case symbol(Character)
    }

    static func tokens(from folded: String) -> [Token] {
        let chars = Array(folded)
        var tokens: [Token] = []
        var i = 0
        func isDigit(_ k: Int) -> Bool { k >= 0 && k < chars.count && chars[k].isASCII && chars[k].isNumber }
        func isLetter(_ k: Int) -> Bool { k >= 0 && k < chars.count && chars[k].isLetter }
        /// Exactly three digits after position `k`, then no digit.
        func threeDigitsFollow(_ k: Int) -> Bool {
            isDigit(k + 1) && isDigit(k + 2) && isDigit(k + 3) && !isDigit(k + 4)
        }
        while i < chars.count {
            let c = chars[i]
            if isLetter(i) {
                var word = ""
                while i < chars.count {
                    if isLetter(i) {
                        word.append(chars[i])
                        i += 1
                    } else if chars[i] == "'", isLetter(i + 1) {
                        i += 1  // apostrophes join: "o'brien", "newton's"
                    } else {
                        break
                    }
                }
                tokens.append(.word(word))
            } else if isDigit(i) || (c == "." && isDigit(i + 1) && !isDigit(i - 1)) {
                // A minus sign only at the start of a number ("-40"), not in a range ("1914-1918").
                let negative = i > 0 && chars[i - 1] == "-"
                    && (i == 1 || !(chars[i - 2].isLetter || chars[i - 2].isNumber))
                var literal = ""
                var seenPoint = false
                var groupedBySpace = false
                while i < chars.count {
                    if isDigit(i) {
                        literal.append(chars[i])
                        i += 1
                    } else if chars[i] == ",", !seenPoint, !groupedBySpace, threeDigitsFollow(i) {
                        i += 1  // thousands separator: exactly three digits follow
                    } else if chars[i] == " ", !seenPoint, threeDigitsFollow(i),
                        groupedBySpace || (1...3).contains(literal.count)
                    {
                        // SI-style grouping ("1 300 000", also from thin spaces after NFKD): only
                        // 1-3 digits then groups of exactly three, so "1914 1918" stays two numbers.
                        groupedBySpace = true
                        i += 1
                    } else if chars[i] == ".", !seenPoint, isDigit(i + 1) {
                        seenPoint = true
                        literal.append(".")
                        i += 1
                    } else {
                        break
                    }
                }
                if literal.hasPrefix(".") { literal = "0" + literal }
                let value = Double(literal) ?? 0
                tokens.append(.number(negative ? -value : value))
            } else if c == "%" || c == "°" || Currency.bySymbol[c] != nil {
                tokens.append(.symbol(c))
                i += 1
            } else if c == "&" {
                tokens.append(.word("and"))
                i += 1
            } else {
                i += 1  // any other character separates
            }
        }
        return tokens
    }

    // MARK: Atoms

    /// Abbreviations read as the word they stand for, when another word follows
    /// ("Mt Everest", "St. Petersburg"; a final "St" may be "Street").
    static let wordAbbreviations: [String: String] = ["mt": "mount", "st": "saint"]
    /// Scale abbreviations that are unambiguous anywhere ("5bn").
    static let scaleAbbreviations: [String: Double] = ["bn": 1e9, "mn": 1e6, "tn": 1e12]
    /// Ambiguous scale letters, read as scales only after a currency ("$5m"); "100m" is metres.
    static let moneyScaleLetters: [String: Double] = ["k": 1e3, "m": 1e6, "b": 1e9, "t": 1e12]
    static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th"]
    /// Punctuation is gone by now, so "jan" (from "Jan." or "Jan") is January.
    static let months = Months.numbers(abbreviationSuffix: "")
    static let articles: Set<String> = ["a", "an", "the"]

    static func atoms(from tokens: [Token]) -> [AnswerAtom] {
        var atoms: [AnswerAtom] = []
        var i = 0
        var pendingCurrency: String?
        var pendingNegative = false

        func word(at k: Int) -> String? {
            guard k < tokens.count, case .word(let w) = tokens[k] else { return nil }
            return w
        }
        /// Reads scales and units after a number that starts before `k`.
        func finishNumber(_ start: AnswerNumber, at k: inout Int, allowDigitSuffixes: Bool) -> AnswerNumber {
            var number = start
            number.currency = pendingCurrency
            pendingCurrency = nil
            if pendingNegative { number.value = -number.value }
            pendingNegative = false
            // Scales: "5 billion", "1.5 million", "5bn", "$5m", "two hundred thousand".
            var lastScale = Double.infinity
            while let w = word(at: k) {
                let scale = NumberWords.scales[w] ?? scaleAbbreviations[w]
                    ?? (number.currency != nil ? moneyScaleLetters[w] : nil)
                guard let scale, scale < lastScale, allowDigitSuffixes || NumberWords.scales[w] == nil else { break }
                number.value *= scale
                lastScale = scale
                k += 1
            }
            // Suffixes and units, in any order: "1st", "1960s", "85%", "85 percent", "5 dollars", "5€".
            while k < tokens.count {
                if case .symbol(let s) = tokens[k] {
                    if s == "%" {
                        number.isPercent = true
                    } else if let code = Currency.bySymbol[s]?.code, number.currency == nil {
                        number.currency = code
                    } else {
                        break
                    }
                    k += 1
                    continue
                }
                guard let w = word(at: k) else { break }
                if allowDigitSuffixes, ordinalSuffixes.contains(w), !number.isOrdinal {
                    number.isOrdinal = true
                } else if allowDigitSuffixes, w == "s", number.value.truncatingRemainder(dividingBy: 10) == 0 {
                    number.isDecade = true
                } else if w == "percent" || w == "pct" || w == "percentage" {
                    number.isPercent = true
                } else if w == "per", word(at: k + 1) == "cent" {
                    number.isPercent = true
                    k += 1
                } else if let code = Currency.byWord[w]?.code, number.currency == nil || number.currency == code {
                    number.currency = code
                } else {
                    break
                }
                k += 1
            }
            return number
        }

        while i < tokens.count {
            switch tokens[i] {
            case .symbol(let s):
                if let code = Currency.bySymbol[s]?.code {
                    pendingCurrency = code
                } else if s == "%", case .number(var last)? = atoms.last {
                    // "85 %": a detached percent sign still belongs to the number.
                    last.isPercent = true
                    atoms[atoms.count - 1] = .number(last)
                }
                i += 1
            case .number(let value):
                i += 1
                let number = AnswerNumber(value: value, fromDigits: true)
                atoms.append(.number(finishNumber(number, at: &i, allowDigitSuffixes: true)))
            case .word(let w):
                if let code = Currency.dollarPrefixes[w], i + 2 < tokens.count, tokens[i + 1] == .symbol("$") {
                    // "US$5 billion", "A$20", "HK$1": the letters name the dollar.
                    if case .number = tokens[i + 2] {
                        pendingCurrency = code
                        i += 2
                        continue
                    }
                }
                if w == "minus" || w == "negative" {
                    let numberFollows: Bool
                    if i + 1 < tokens.count, case .number = tokens[i + 1] {
                        numberFollows = true
                    } else {
                        numberFollows = word(at: i + 1).map(NumberWords.isNumberWord) ?? false
                    }
                    if numberFollows {
                        pendingNegative = true
                        i += 1
                        continue
                    }
                }
                // "second(s)" right after a number is the time unit, not the ordinal.
                let afterNumber: Bool = {
                    if case .number? = atoms.last { return true }
                    return false
                }()
                if afterNumber, w == "second" || w == "seconds" {
                    atoms.append(.word("second"))
                    i += 1
                    continue
                }
                var run: [String] = []
                var k = i
                while let next = word(at: k) { run.append(next); k += 1 }
                if let match = NumberWords.parse(run, from: 0) {
                    i += match.length
                    let number = AnswerNumber(value: match.value, isOrdinal: match.isOrdinal)
                    atoms.append(.number(finishNumber(number, at: &i, allowDigitSuffixes: false)))
                    continue
                }
                if let roman = romanValue(w), case .word? = atoms.last {
                    // "World War II", "Henry VIII", "Louis XIV": only after a word, and only
                    // i/v/x numerals, so that "mix", "civil" or "Xi Jinping" stay words.
                    atoms.append(.number(AnswerNumber(value: Double(roman))))
                } else {
                    pendingCurrency = nil
                    let expanded = word(at: i + 1) != nil && !afterNumber ? wordAbbreviations[w] : nil
                    atoms.append(.word(expanded ?? w))
                }
                i += 1
            }
        }
        return tidy(atoms)
    }

    /// Merges single letters, names dates, drops a leading article.
    private static func tidy(_ input: [AnswerAtom]) -> [AnswerAtom] {
        // "u s a" -> "usa": runs of two or more single letters are an acronym.
        var atoms: [AnswerAtom] = []
        var k = 0
        while k < input.count {
            if let w = input[k].word, w.count == 1 {
                var end = k
                var merged = ""
                while end < input.count, let next = input[end].word, next.count == 1 {
                    merged += next
                    end += 1
                }
                if end - k >= 2 {
                    atoms.append(.word(merged))
                    k = end
                    continue
                }
            }
            atoms.append(input[k])
            k += 1
        }
        atoms = namingDates(atoms)
        if atoms.count > 1, let first = atoms.first?.word, articles.contains(first) {
            atoms.removeFirst()
        }
        return atoms
    }

    /// "July 20, 1969", "20 July 1969", "20th of July 1969", "July 20" -> one date atom, so
    /// the two common orders agree. A month with a year only ("July 1969") stays as it is.
    private static func namingDates(_ atoms: [AnswerAtom]) -> [AnswerAtom] {
        func day(_ atom: AnswerAtom) -> Int? {
            guard case .number(let n) = atom, !n.isPercent, n.currency == nil, !n.isDecade,
                n.value >= 1, n.value <= 31, n.value == n.value.rounded()
            else { return nil }
            return Int(n.value)
        }
        func year(_ atom: AnswerAtom?) -> Int? {
            guard let atom, case .number(let n) = atom, !n.isOrdinal, !n.isPercent, n.currency == nil,
                !n.isDecade, n.value == n.value.rounded(), abs(n.value) < 100_000
            else { return nil }
            return Int(n.value)
        }
        func month(_ atom: AnswerAtom?) -> Int? { atom?.word.flatMap { months[$0] } }
        var out: [AnswerAtom] = []
        var k = 0
        while k < atoms.count {
            let at = { (j: Int) -> AnswerAtom? in j < atoms.count ? atoms[j] : nil }
            // Month day [year]
            if let m = month(atoms[k]), let next = at(k + 1), let d = day(next) {
                if let y = year(at(k + 2)) {
                    out.append(.date(year: y, month: m, day: d))
                    k += 3
                } else {
                    out.append(.date(year: nil, month: m, day: d))
                    k += 2
                }
                continue
            }
            // Day [of] Month [year]
            if let d = day(atoms[k]) {
                let monthIndex = at(k + 1)?.word == "of" ? k + 2 : k + 1
                if let m = month(at(monthIndex)) {
                    if let y = year(at(monthIndex + 1)) {
                        out.append(.date(year: y, month: m, day: d))
                        k = monthIndex + 2
                    } else {
                        out.append(.date(year: nil, month: m, day: d))
                        k = monthIndex + 1
                    }
                    continue
                }
            }
            // A month abbreviation next to a number is that month ("Jul 1969" = "July 1969").
            if let m = month(atoms[k]), at(k + 1)?.isNumeric == true || (k > 0 && atoms[k - 1].isNumeric) {
                out.append(.word(Months.names[m - 1]))
                k += 1
                continue
            }
            out.append(atoms[k])
            k += 1
        }
        return out
    }

    /// Value of a canonical roman numeral of two or more letters made of i, v and x (2...39).
    static func romanValue(_ word: String) -> Int? {
        guard word.count >= 2, word.allSatisfy({ "ivx".contains($0) }) else { return nil }
        let values: [Character: Int] = ["i": 1, "v": 5, "x": 10]
        var total = 0
        let letters = Array(word)
        for (index, letter) in letters.enumerated() {
            let value = values[letter]!
            if index + 1 < letters.count, value < values[letters[index + 1]]! { total -= value } else { total += value }
        }
        // Canonical only: re-encode and compare, which rejects "iix", "vv", "xxxx".
        guard (1...39).contains(total), romanString(total) == word else { return nil }
        return total
    }

    private static func romanString(_ value: Int) -> String {
        let table: [(Int, String)] = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        var rest = value
        var out = ""
        for (amount, letters) in table {
            while rest >= amount {
                out += letters
                rest -= amount
            }
        }
        return out
    }
}
