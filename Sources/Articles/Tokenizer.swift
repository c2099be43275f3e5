/// A word, number, punctuation mark or symbol of a sentence.
public struct Token: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Letters (and digits mixed in: "3D", "COVID-19"), with inner apostrophes, hyphens
        /// and the dots of abbreviations ("U.S."). A possessive "'s" is its own word token.
        case word
        /// Digits with inner "," or "." ("1,300", "0.82", "91.6"), or an ordinal ("34th").
        case number
        /// . , ; : ! ? ( ) [ ] quotes, dashes, ellipsis
        case punctuation
        /// % $ £ € ¥ & + = / # @ ° and anything else
        case symbol
    }

    public var text: String
    /// UTF-8 byte offset of the token in the string it came from.
    public var offset: Int
    public var kind: Kind

    public init(text: String, offset: Int, kind: Kind) {
        self.text = text
        self.offset = offset
        self.kind = kind
    }

    /// UTF-8 length of the token.
    public var length: Int { text.utf8.count }
    /// Starts with an upper-case letter ("Korea", "ASEAN", "Ltd.").
    public var isCapitalized: Bool {
        guard kind == .word, let f = text.unicodeScalars.first else { return false }
        return f.properties.isUppercase || f.properties.generalCategory == .titlecaseLetter
    }
    /// Two or more letters, all upper-case ("ASEAN", "U.S.", "COVID-19").
    public var isAllCaps: Bool {
        guard kind == .word else { return false }
        var letters = 0
        for s in text.unicodeScalars where s.properties.isAlphabetic {
            if !s.properties.isUppercase { return false }
            letters += 1
        }
        return letters >= 2
    }
    /// The numeric value of a number token ("1,300" -> 1300, "34th" -> 34), if any.
    public var numericValue: Double? {
        guard kind == .number else { return nil }
        var s = ""
        for ch in text {
            if ch.isNumber || ch == "." { s.append(ch) } else if ch == "," { continue } else { break }
        }
        return Double(s)
    }
}

public enum Tokenizer {
    /// Splits text into tokens with their UTF-8 offsets. Spaces are not tokens.
    public static func tokenize(_ text: String) -> [Token] {
        let b = Array(text.utf8)
        var tokens: [Token] = []
        tokens.reserveCapacity(b.count / 5)
        let n = b.count
        var i = 0
        while i < n {
            let sl = ByteText.spaceLength(b, i)
            if sl > 0 { i += sl; continue }
            let (sc, len) = ByteText.scalar(b, i)
            if isWordScalar(sc) {
                let start = i
                var j = i + len
                var allDigits = ByteText.isDigit(b[i])
                var sawDot = false
                while j < n {
                    let (s2, l2) = ByteText.scalar(b, j)
                    if isWordScalar(s2) {
                        if !(s2.value >= 0x30 && s2.value <= 0x39) { allDigits = false }
                        j += l2
                        continue
                    }
                    // Inner joiners: apostrophe, hyphen, dot, comma (numbers), followed by a word character.
                    let joiner = s2 == "'" || s2 == "\u{2019}" || s2 == "-" || s2 == "." || s2 == "," || s2 == "\u{2010}" || s2 == "\u{2011}"
                    guard joiner, j + l2 < n else { break }
                    let (s3, _) = ByteText.scalar(b, j + l2)
                    guard isWordScalar(s3) else { break }
                    let nextIsDigit = s3.value >= 0x30 && s3.value <= 0x39
                    if s2 == "," {
                        // Thousands separator: "1,300" (digits on both sides).
                        if allDigits && nextIsDigit { j += l2; continue }
                        break
                    }
                    if s2 == "." {
                        // Decimals, or dotted abbreviations of single letters (U.S., e.g.).
                        if allDigits && nextIsDigit { j += l2; continue }
                        let segLen = j - lastSegmentStart(b, start, j)
                        if segLen == 1 && !nextIsDigit && !allDigits { sawDot = true; j += l2; continue }
                        break
                    }
                    if (s2 == "'" || s2 == "\u{2019}") {
                        // Possessive 's ends the word; it becomes its own token.
                        let (s4, _) = j + l2 + 1 < n ? ByteText.scalar(b, j + l2 + 1) : (" ", 1)
                        if (s3 == "s" || s3 == "S") && !isWordScalar(s4) { break }
                    }
                    if (s2 == "-" || s2 == "\u{2010}" || s2 == "\u{2011}") && allDigits { break }  // "2007-08" stays two numbers
                    allDigits = false
                    j += l2
                }
                // Dotted abbreviation keeps its final dot: "U.S."
                if sawDot, j < n, b[j] == 0x2E, j - lastSegmentStart(b, start, j) == 1 { j += 1 }
                let word = b[start..<j]
                var kind: Token.Kind = .word
                if ByteText.isDigit(b[start]) {
                    if word.allSatisfy({ ByteText.isDigit($0) || $0 == 0x2C || $0 == 0x2E }) {
                        kind = .number
                    } else if isOrdinal(word) {
                        kind = .number
                    }
                }
                tokens.append(Token(text: ByteText.string(word), offset: start, kind: kind))
                i = j
                continue
            }
            // Possessive or contraction tail after a word: 's
            if (sc == "'" || sc == "\u{2019}"), i + len < n, let last = tokens.last, last.kind == .word, last.offset + last.length == i {
                let (s3, l3) = ByteText.scalar(b, i + len)
                if s3 == "s" || s3 == "S" {
                    tokens.append(Token(text: ByteText.string(b[i..<(i + len + l3)]), offset: i, kind: .word))
                    i += len + l3
                    continue
                }
            }
            // Ellipsis written as dots.
            if sc == ".", i + 2 < n, b[i + 1] == 0x2E, b[i + 2] == 0x2E {
                tokens.append(Token(text: "...", offset: i, kind: .punctuation))
                i += 3
                continue
            }
            let kind: Token.Kind = sc.properties.generalCategory.isPunctuation && !symbolLike.contains(sc) ? .punctuation : .symbol
            tokens.append(Token(text: ByteText.string(b[i..<(i + len)]), offset: i, kind: kind))
            i += len
        }
        return tokens
    }

    /// Punctuation by Unicode category that reads as a symbol: % ‰ & # @ * / \\ † ‡ § ¶
    static let symbolLike: Set<Unicode.Scalar> = ["%", "\u{2030}", "&", "#", "@", "*", "/", "\\", "\u{2020}", "\u{2021}", "\u{A7}", "\u{B6}"]

    @inline(__always) static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 {
            let c = UInt8(s.value)
            return ByteText.isASCIILetter(c) || ByteText.isDigit(c)
        }
        let p = s.properties
        return p.isAlphabetic || p.numericType == .decimal || p.generalCategory == .nonspacingMark
    }

    static func lastSegmentStart(_ b: [UInt8], _ start: Int, _ j: Int) -> Int {
        var k = j
        while k > start && b[k - 1] != 0x2E { k -= 1 }
        return k
    }

    static func isOrdinal(_ w: ArraySlice<UInt8>) -> Bool {
        let digits = w.prefix(while: ByteText.isDigit)
        let suffix = String(decoding: w.dropFirst(digits.count).map(ByteText.lower), as: UTF8.self)
        return ["st", "nd", "rd", "th"].contains(suffix)
    }
}

extension Unicode.GeneralCategory {
    var isPunctuation: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }
}

extension Sentence {
    /// The sentence's tokens (computed on demand; offsets are within `text`).
    public var tokens: [Token] { Tokenizer.tokenize(text) }
}
