/// English number words: "eighty-five", "one hundred and five", "two million",
/// "twenty-first", "nineteen sixty-nine", "a thousand".
///
/// Works on lower-case, diacritic-free words with hyphens already split off
/// ("twenty-five" arrives as "twenty", "five"), as `AnswerText` produces them.
public enum NumberWords {
    /// A number phrase found at the start of a word list.
    public struct Match: Sendable, Hashable {
        public var value: Double
        /// "first", "twenty-first", "hundredth".
        public var isOrdinal: Bool
        /// How many words the phrase used.
        public var length: Int
    }

    static let units: [String: Int] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
        "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
        "nineteen": 19,
    ]
    static let tens: [String: Int] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    static let ordinalUnits: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
        "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
        "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
        "eighteenth": 18, "nineteenth": 19,
    ]
    static let ordinalTens: [String: Int] = [
        "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
        "seventieth": 70, "eightieth": 80, "ninetieth": 90,
    ]
    /// Scale words that multiply what precedes them; also used after digits ("5 billion").
    public static let scales: [String: Double] = [
        "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    ]
    static let ordinalScales: [String: Double] = [
        "hundredth": 100, "thousandth": 1e3, "millionth": 1e6, "billionth": 1e9,
    ]

    /// Whether `word` can take part in a number phrase at all (a cheap pre-check).
    public static func isNumberWord(_ word: String) -> Bool {
        units[word] != nil || tens[word] != nil || ordinalUnits[word] != nil
            || ordinalTens[word] != nil || scales[word] != nil || ordinalScales[word] != nil
    }

    /// The longest number phrase starting at `words[start]`, or nil when none starts there.
    ///
    /// Years spoken in pairs ("nineteen sixty-nine", "twenty twenty", "nineteen oh five")
    /// are read as years, since a year is the most common number a card asks for and the
    /// pair reading is the only grammatical one.
    public static func parse(_ words: [String], from start: Int = 0) -> Match? {
        guard start < words.count else { return nil }
        guard let standard = parseCardinal(words, start) else { return nil }
        // Year form: a two-digit group 10...99 followed directly by another group
        // (which plain grammar cannot attach: "nineteen sixty" is not 19 + 60).
        if standard.length > 0, !standard.isOrdinal, standard.value >= 10, standard.value < 100 {
            let next = start + standard.length
            if next < words.count, words[next] == "oh", let unit = parseSmall(words, next + 1),
                unit.value < 10, !unit.isOrdinal
            {
                let length = standard.length + 1 + unit.length
                return Match(value: standard.value * 100 + unit.value, isOrdinal: false, length: length)
            }
            if let second = parseSmall(words, next), !second.isOrdinal, second.value >= 10 {
                let length = standard.length + second.length
                return Match(value: standard.value * 100 + second.value, isOrdinal: false, length: length)
            }
        }
        return standard
    }

    /// 0...99: "seven", "seventeen", "seventy", "seventy-seven", "seventy-seventh".
    private static func parseSmall(_ words: [String], _ i: Int) -> Match? {
        guard i < words.count else { return nil }
        let word = words[i]
        if let ten = tens[word] {
            if i + 1 < words.count {
                if let unit = units[words[i + 1]], unit >= 1, unit <= 9 {
                    return Match(value: Double(ten + unit), isOrdinal: false, length: 2)
                }
                if let unit = ordinalUnits[words[i + 1]], unit <= 9 {
                    return Match(value: Double(ten + unit), isOrdinal: true, length: 2)
                }
            }
            return Match(value: Double(ten), isOrdinal: false, length: 1)
        }
        if let ten = ordinalTens[word] { return Match(value: Double(ten), isOrdinal: true, length: 1) }
        if let unit = units[word] { return Match(value: Double(unit), isOrdinal: false, length: 1) }
        if let unit = ordinalUnits[word] { return Match(value: Double(unit), isOrdinal: true, length: 1) }
        return nil
    }

    /// Up to 9,999: "five", "a hundred", "one hundred and five", "nineteen hundred", "hundredth".
    private static func parseHundreds(_ words: [String], _ i: Int) -> Match? {
        guard i < words.count else { return nil }
        let first: Match
        if words[i] == "a" {
            // "a hundred", "a million": the article stands for one, but only before a scale.
            guard i + 1 < words.count, scales[words[i + 1]] != nil || ordinalScales[words[i + 1]] != nil else {
                return nil
            }
            first = Match(value: 1, isOrdinal: false, length: 1)
        } else {
            guard let small = parseSmall(words, i) else { return nil }
            first = small
        }
        var at = i + first.length
        guard !first.isOrdinal, first.value >= 1, at < words.count else { return first }
        if words[at] == "hundredth" {
            return Match(value: first.value * 100, isOrdinal: true, length: at + 1 - i)
        }
        guard words[at] == "hundred" else { return first }
        at += 1
        var value = first.value * 100
        // "and" only belongs to the number when a number follows it.
        var rest = at
        if rest < words.count, words[rest] == "and" { rest += 1 }
        if let tail = parseSmall(words, rest) {
            value += tail.value
            return Match(value: value, isOrdinal: tail.isOrdinal, length: rest + tail.length - i)
        }
        return Match(value: value, isOrdinal: false, length: at - i)
    }

    /// Any cardinal or ordinal: groups of hundreds joined by descending scales.
    private static func parseCardinal(_ words: [String], _ start: Int) -> Match? {
        var total = 0.0
        var at = start
        var lastScale = Double.infinity
        var isOrdinal = false
        var matchedAny = false
        while at < words.count {
            guard let group = parseHundreds(words, at) else { break }
            let afterGroup = at + group.length
            if !group.isOrdinal, afterGroup < words.count {
                let word = words[afterGroup]
                if let scale = scales[word], scale > 100, scale < lastScale {
                    total += group.value * scale
                    lastScale = scale
                    at = afterGroup + 1
                    matchedAny = true
                    // "one million and five": skip an "and" only if a number follows.
                    if at + 1 < words.count, words[at] == "and", parseHundreds(words, at + 1) != nil { at += 1 }
                    continue
                }
                if let scale = ordinalScales[word], scale > 100, scale < lastScale {
                    total += group.value * scale
                    at = afterGroup + 1
                    matchedAny = true
                    isOrdinal = true
                    break
                }
            }
            // A last group only attaches below the previous scale ("two million five").
            if group.value >= lastScale { break }
            total += group.value
            at = afterGroup
            matchedAny = true
            isOrdinal = group.isOrdinal
            break
        }
        guard matchedAny else { return nil }
        return Match(value: total, isOrdinal: isOrdinal, length: at - start)
    }
}
