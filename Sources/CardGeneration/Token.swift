/// One token of a sentence: a word, a number or a punctuation mark.
struct Word: Sendable, Hashable {
    enum Kind: Sendable, Hashable { case word, number, punct }

    var text: String
    var lower: String
    var kind: Kind
    /// Whether whitespace preceded the token in the source text.
    var spaceBefore: Bool
    /// Inserted by referent resolution ("It" -> "North Korea"): never part of an answer.
    var synthetic = false
    /// A common word capitalised only because it opens the sentence ("Tension with Paris
    /// led to ..."): lower-cased when a question moves it after "did".
    var commonAtStart = false

    /// Starts with an upper-case letter.
    let isCapitalized: Bool

    init(_ text: String, kind: Kind, spaceBefore: Bool) {
        self.text = text
        self.kind = kind
        self.spaceBefore = spaceBefore
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var hasUpper = false
            for b in text.utf8 where b >= 0x41 && b <= 0x5A { hasUpper = true; break }
            self.lower = hasUpper ? String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self) : text
            let f = text.utf8.first ?? 0
            self.isCapitalized = f >= 0x41 && f <= 0x5A
        } else {
            self.lower = text.lowercased()
            self.isCapitalized = text.unicodeScalars.first?.properties.isUppercase ?? false
        }
    }

    var isWord: Bool { kind == .word }
    var isNumber: Bool { kind == .number }
    var isPunct: Bool { kind == .punct }
    /// Two or more letters, all upper case ("ASEAN", "WTO", "U.S.").
    var isAcronym: Bool {
        var letters = 0
        for u in text.unicodeScalars {
            if u.properties.isAlphabetic {
                if !u.properties.isUppercase { return false }
                letters += 1
            } else if u != "." && u != "&" && !("0"..."9").contains(u) {
                return false
            }
        }
        return letters >= 2
    }
    /// Starts with a digit ("3D", "19th", "1990s", "2018").
    var startsWithDigit: Bool {
        guard let f = text.unicodeScalars.first else { return false }
        return ("0"..."9").contains(f)
    }
}

/// Splits a sentence into tokens without regular expressions.
/// Keeps decimals ("91.6"), thousands ("1,300"), abbreviations ("U.S."), hyphenated and
/// apostrophe words together; splits the possessive clitic ("Korea's" -> "Korea", "'s").
enum WordSplitter {
    static func tokenize(_ text: String) -> [Word] {
        let s = Array(text.unicodeScalars)
        let bytes = Array(text.utf8)
        let n = s.count
        // per scalar: its UTF-8 offset and class (1 letter/mark, 2 digit, 3 space, 0 other); ASCII without tables
        var off = [Int](repeating: 0, count: n + 1)
        var cls = [UInt8](repeating: 0, count: n)
        var o = 0
        for (k, u) in s.enumerated() {
            off[k] = o
            let v = u.value
            if v < 0x80 {
                o += 1
                if (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) { cls[k] = 1 }
                else if v >= 0x30 && v <= 0x39 { cls[k] = 2 }
                else if v == 0x20 || v == 0x09 || v == 0x0A || v == 0x0D || v == 0x0B || v == 0x0C { cls[k] = 3 }
            } else {
                o += v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
                if u.properties.isAlphabetic || u.properties.generalCategory == .nonspacingMark { cls[k] = 1 }
                else if u.properties.isWhitespace || v == 0xAD { cls[k] = 3 }
            }
        }
        off[n] = o
        @inline(__always) func str(_ a: Int, _ b: Int) -> String { String(decoding: bytes[off[a]..<off[b]], as: UTF8.self) }
        var tokens: [Word] = []
        tokens.reserveCapacity(n / 5 + 1)
        var i = 0
        var space = false
        @inline(__always) func isAlnumAt(_ k: Int) -> Bool { cls[k] == 1 || cls[k] == 2 }
        @inline(__always) func isDigitAt(_ k: Int) -> Bool { cls[k] == 2 }
        @inline(__always) func isAlpha(_ u: Unicode.Scalar) -> Bool { u.value < 0x80 ? ((u.value | 0x20) >= 0x61 && (u.value | 0x20) <= 0x7A) : u.properties.isAlphabetic }
        while i < n {
            let u = s[i]
            if cls[i] == 3 {
                space = true; i += 1; continue
            }
            if isAlnumAt(i) {
                var j = i + 1
                var allDigits = isDigitAt(i)
                while j < n {
                    if isAlnumAt(j) {
                        if !isDigitAt(j) { allDigits = false }
                        j += 1; continue
                    }
                    let c = s[j]
                    let hasNext = j + 1 < n
                    // decimal point or thousands separator inside a number
                    if (c == "." || c == ","), allDigits, hasNext, isDigitAt(j + 1) {
                        if c == "," {
                            // exactly three digits follow
                            var k = j + 1, d = 0
                            while k < n, isDigitAt(k) { d += 1; k += 1 }
                            if d != 3 { break }
                        }
                        j += 1; continue
                    }
                    // abbreviation with inner periods: U.S., e.g., a.m.
                    if c == ".", hasNext, isAlpha(s[j + 1]), j + 2 < n, s[j + 2] == "." , j - i == 1 || s[j - 2] == "." {
                        j += 1; continue
                    }
                    // hyphenated word
                    if (c == "-" || c == "\u{2011}"), hasNext, isAlnumAt(j + 1), j > i {
                        j += 1; allDigits = false; continue
                    }
                    // apostrophe inside a word (don't, O'Brien) but not the possessive clitic
                    if (c == "'" || c == "\u{2019}"), hasNext, isAlpha(s[j + 1]) {
                        let nx = s[j + 1]
                        let isClitic = (nx == "s" || nx == "S") && (j + 2 >= n || !isAlnumAt(j + 2))
                        if isClitic { break }
                        j += 1; allDigits = false; continue
                    }
                    break
                }
                // trailing period of an abbreviation like "U.S." (letter.letter.) or "St."
                if j < n, s[j] == ".", j - i >= 3, s[j - 2] == "." {
                    j += 1
                } else if j < n, s[j] == ".", j - i <= 4, cls[i] == 1, s[i].value < 0x80, Self.abbreviations.contains(str(i, j)) {
                    j += 1
                }
                tokens.append(Word(str(i, j), kind: allDigits ? .number : .word, spaceBefore: space))
                space = false
                i = j
                continue
            }
            // possessive clitic
            if (u == "'" || u == "\u{2019}"), i + 1 < n, s[i + 1] == "s" || s[i + 1] == "S",
               i + 2 >= n || !isAlnumAt(i + 2), !tokens.isEmpty, !space {
                tokens.append(Word(String(u) + "s", kind: .word, spaceBefore: false))
                i += 2
                continue
            }
            tokens.append(Word(String(u), kind: .punct, spaceBefore: space))
            space = false
            i += 1
        }
        return tokens
    }

    static let abbreviations: Set<String> = ["St", "Mt", "Dr", "Mr", "Mrs", "Ms", "Jr", "Sr", "Rev", "Gen", "Inc", "Ltd",
                                             "Co", "No", "vs", "Prof", "Gov", "Sen", "Capt", "Col", "Lt", "Sgt", "Ft", "Bros", "Corp"]

    /// Joins tokens back into text, spacing as in the source.
    static func join(_ tokens: some Collection<Word>) -> String {
        var out = ""
        var first = true
        for t in tokens {
            if !first && t.spaceBefore { out += " " }
            out += t.text
            first = false
        }
        return out
    }
}
