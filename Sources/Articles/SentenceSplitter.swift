import WordTables

/// Splits a cleaned paragraph into sentences. Linear in the input; works on UTF-8 bytes.
///
/// A boundary is a run of `.`, `!`, `?` or `…`, then optional closing quotes or brackets,
/// then a space and something that is not lower-case. A lone full stop is not a boundary
/// after an initial ("J. R. R. Tolkien"), a title ("Dr.", "Mr."), "e.g."/"i.e."/"vs.",
/// a reference abbreviation before a number ("No. 5", "pp. 12"), and after ambiguous
/// abbreviations ("U.S.", "Inc.", "etc.", "a.m.", "St.") unless the next word is a
/// typical sentence opener ("The", "In", "He", ...). Decimals never split (no space follows).
public enum SentenceSplitter {
    /// Sentences of `text` with their UTF-8 byte offsets in `text`.
    public static func split(_ text: String) -> [(text: String, offset: Int)] {
        let b = Array(text.utf8)
        return ranges(b).map { (ByteText.string(b[$0]), $0.lowerBound) }
    }

    /// Byte ranges of the sentences in `b` (trimmed, never empty).
    static func ranges(_ b: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        let n = b.count
        var start = 0
        var i = 0
        while start < n && b[start] == 0x20 { start += 1 }
        while i < n {
            let tl = terminatorLength(b, i)
            if tl == 0 { i += 1; continue }
            let termStart = i
            var j = i
            var terminators = 0
            var onlyDot = true
            while j < n {
                let l = terminatorLength(b, j)
                if l == 0 { break }
                if !(l == 1 && b[j] == 0x2E) { onlyDot = false }
                terminators += 1
                j += l
            }
            // CJK full stops need no following space.
            if b[termStart] == 0xE3 || b[termStart] == 0xEF {
                var k = j
                k = skipClosers(b, k)
                result.append(start..<k)
                start = k
                while start < n && b[start] == 0x20 { start += 1 }
                i = start
                continue
            }
            let k = skipClosers(b, j)
            if k >= n {
                break
            }
            if b[k] != 0x20 { i = max(j, termStart + 1); continue }
            let m = k + 1
            if m >= n { break }
            if isBoundary(b, sentenceStart: start, termStart: termStart, singleDot: onlyDot && terminators == 1, next: m) {
                var end = k
                while end > start && b[end - 1] == 0x20 { end -= 1 }
                if end > start { result.append(start..<end) }
                start = m
            }
            i = k
        }
        var end = n
        while end > start && b[end - 1] == 0x20 { end -= 1 }
        if end > start { result.append(start..<end) }
        return result
    }

    /// Length of a terminator at `i`: `.`, `!`, `?`, `…`, `。`, `！`, `？`; else 0.
    @inline(__always) static func terminatorLength(_ b: [UInt8], _ i: Int) -> Int {
        let c = b[i]
        if c == 0x2E || c == 0x21 || c == 0x3F { return 1 }
        if c >= 0xE2, i + 2 < b.count {
            if c == 0xE2 && b[i + 1] == 0x80 && b[i + 2] == 0xA6 { return 3 }  // …
            if c == 0xE3 && b[i + 1] == 0x80 && b[i + 2] == 0x82 { return 3 }  // 。
            if c == 0xEF && b[i + 1] == 0xBC && (b[i + 2] == 0x81 || b[i + 2] == 0x9F) { return 3 }  // ！？
        }
        return 0
    }

    /// Skips closing quotes and brackets: " ' ) ] ” ’ » and footnote-like digits are not included.
    @inline(__always) static func skipClosers(_ b: [UInt8], _ from: Int) -> Int {
        var k = from
        let n = b.count
        while k < n {
            let c = b[k]
            if c == 0x22 || c == 0x27 || c == 0x29 || c == 0x5D { k += 1; continue }
            if c == 0xE2, k + 2 < n, b[k + 1] == 0x80, b[k + 2] == 0x9D || b[k + 2] == 0x99 || b[k + 2] == 0xBA { k += 3; continue }
            if c == 0xC2, k + 1 < n, b[k + 1] == 0xBB { k += 2; continue }
            break
        }
        return k
    }

    static func isBoundary(_ b: [UInt8], sentenceStart: Int, termStart: Int, singleDot: Bool, next m: Int) -> Bool {
        let n = b.count
        // First letter or digit of the next sentence, skipping opening quotes and brackets.
        var p = m
        while p < n {
            let c = b[p]
            if c == 0x22 || c == 0x27 || c == 0x28 || c == 0x5B { p += 1; continue }
            if c == 0xE2, p + 2 < n, b[p + 1] == 0x80, b[p + 2] == 0x9C || b[p + 2] == 0x98 { p += 3; continue }
            if c == 0xC2, p + 1 < n, b[p + 1] == 0xAB { p += 2; continue }
            break
        }
        guard p < n else { return true }
        let c = b[p]
        if ByteText.isLowercaseStart(b, p) { return false }
        if c == 0x2C || c == 0x3B || c == 0x3A || c == 0x2D || c == 0x29 { return false }
        if !singleDot { return true }

        // The word before the full stop.
        var ws = termStart
        let limit = max(sentenceStart, termStart - 40)
        while ws > limit && b[ws - 1] != 0x20 { ws -= 1 }
        while ws < termStart && (b[ws] == 0x22 || b[ws] == 0x27 || b[ws] == 0x28 || b[ws] == 0x5B) { ws += 1 }
        if ws < termStart, b[ws] == 0xE2, termStart - ws >= 3 { ws += 3 }  // opening curly quote
        guard ws < termStart else { return true }
        let word = b[ws..<termStart]
        let nextWord = wordAt(b, p)
        let nextIsOpener = openers.contains(nextWord)

        // A single capital letter: an initial, unless a clear opener follows ("Vitamin C. It ...").
        let (firstScalar, firstLen) = ByteText.scalar(b, ws)
        if firstLen == word.count, firstScalar.properties.isUppercase {
            return strongOpeners.contains(nextWord)
        }
        // Dotted abbreviations: U.S., e.g., a.m., Ph.D.
        if word.contains(0x2E) {
            var allShort = true
            var hasLetter = false
            for seg in word.split(separator: 0x2E, omittingEmptySubsequences: true) {
                if seg.count > 3 || !seg.allSatisfy(ByteText.isASCIILetter) { allShort = false; break }
                hasLetter = true
            }
            if allShort && hasLetter {
                let w = String(decoding: word.map(ByteText.lower), as: UTF8.self)
                if w == "e.g" || w == "i.e" || w == "cf" || w == "viz" || w == "et al" { return false }
                return nextIsOpener
            }
            return true
        }
        let w = String(decoding: word, as: UTF8.self)
        // Numbered list marker at the start of a sentence: "1. First ..."
        if ws == sentenceStart && word.count <= 2 && word.allSatisfy(ByteText.isDigit) { return false }
        if titles.contains(w) { return false }
        if neverSplit.contains(w) { return false }
        if beforeNumbers.contains(w) {
            if ByteText.isDigit(c) || isRomanNumeral(nextWord) { return false }
        }
        if ambiguous.contains(w) {
            // after "the" or "a" it is a noun, not an abbreviation: "closest to the Sun."
            var pe = ws
            while pe > sentenceStart && b[pe - 1] == 0x20 { pe -= 1 }
            var ps = pe
            while ps > sentenceStart && ByteText.isASCIILetter(b[ps - 1]) { ps -= 1 }
            let before = String(decoding: b[ps..<pe].map(ByteText.lower), as: UTF8.self)
            if pe < ws, ["the", "a", "an"].contains(before) { return true }
            return nextIsOpener
        }
        return true
    }

    static func wordAt(_ b: [UInt8], _ p: Int) -> String {
        var e = p
        let n = b.count
        while e < n && e - p < 24 && (ByteText.isASCIILetter(b[e]) || b[e] >= 0x80 || b[e] == 0x27) { e += 1 }
        return String(decoding: b[p..<e], as: UTF8.self)
    }

    static func isRomanNumeral(_ w: String) -> Bool {
        !w.isEmpty && w.count <= 6 && w.allSatisfy { "IVXLC".contains($0) }
    }

    /// Titles before names: never the end of a sentence.
    static let titles: Set<String> = [
        "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Rev", "Hon", "Fr", "Gen", "Col", "Lt", "Capt", "Cpt", "Sgt", "Maj",
        "Cmdr", "Adm", "Gov", "Sen", "Rep", "Pres", "Supt", "Insp", "Messrs", "Mme", "Mlle", "Mgr", "Msgr", "Pvt",
        "Cpl", "Amb", "Atty", "Brig", "Cdr", "Comdr", "Lieut", "Rt", "Revd", "Sra", "Srta", "Dra",
    ]
    /// Lower-case abbreviations always followed by more of the sentence.
    static let neverSplit: Set<String> = [
        "vs", "Vs", "v", "cf", "Cf", "viz", "Viz", "approx", "Approx", "ca", "c", "ff", "incl", "Incl", "esp", "Esp",
        "resp", "appx", "Appx", "e.g", "i.e",
    ]
    /// Abbreviations that come before a number: "No. 5", "pp. 12", "Vol. II".
    static let beforeNumbers: Set<String> = [
        "No", "Nos", "no", "nos", "Vol", "Vols", "vol", "vols", "pp", "p", "Fig", "Figs", "fig", "figs", "Art", "art",
        "Sec", "sec", "Ch", "ch", "Chap", "chap", "Eq", "eq", "Op", "op", "Ex", "ex", "Pt", "pt", "Para", "para", "Nr", "Tab",
        // "Murad I (r. 1362–1389)", "(b. 1867)", "(d. 1934)", "(fl. 1420)"
        "r", "b", "d", "fl",
    ]
    /// Abbreviations that may end a sentence: a boundary only when a typical opener follows.
    /// Case-sensitive, so that ordinary words ("sun", "no") are not mistaken for them.
    static let ambiguous: Set<String> = Set([
        "Inc", "Ltd", "Co", "Corp", "Bros", "LLC", "Plc", "PLC", "etc", "al", "Jr", "Sr", "St", "Ave", "Blvd", "Rd", "Mt",
        "Ft", "Mon", "Tue", "Tues",
        "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", "Dept", "Univ", "Assn", "Bldg", "Govt", "Mfg", "Intl", "Natl",
        "Assoc", "Esq", "Jnr", "Snr", "Ed", "Eds", "ed", "eds", "est", "hr", "hrs", "min", "sq", "oz", "lb", "lbs", "ft",
        "yd", "yds", "mi", "gal", "ms", "Ref", "Dist",
    ]).union(Months.abbreviations.keys.map { $0.prefix(1).uppercased() + $0.dropFirst() })  // "Jan", "Sept"
    /// Words that typically open a sentence.
    static let openers: Set<String> = [
        "The", "A", "An", "In", "On", "At", "As", "By", "For", "From", "To", "Of", "With", "He", "She", "It", "They",
        "We", "I", "You", "This", "That", "These", "Those", "There", "Their", "His", "Her", "Its", "Our", "My", "Your",
        "But", "And", "Or", "So", "Yet", "However", "Although", "Though", "After", "Before", "During", "When", "While",
        "Since", "Because", "If", "Many", "Most", "Some", "Several", "Other", "Others", "Both", "Each", "All", "One",
        "Two", "Three", "Another", "Then", "Today", "Now", "Also", "Later", "Meanwhile", "Instead", "Such", "Despite",
        "According", "Under", "Over", "Following", "Here", "What", "Who", "Why", "How", "Where", "Which", "Not", "No",
        "Only", "Even", "More", "Less", "Further", "Moreover", "Additionally", "Furthermore", "Finally", "Still", "Thus",
        "Therefore", "Hence", "Similarly", "Between", "Among", "Until", "Unlike", "Once", "Like", "Its", "Their",
        "First", "Second", "Third", "Last", "Next", "Overall", "Indeed", "Nevertheless", "Nonetheless", "Whether",
    ]
    /// Openers strong enough to end a sentence after a single capital letter.
    static let strongOpeners: Set<String> = [
        "The", "This", "It", "In", "He", "She", "They", "These", "That", "There", "However", "Its", "Their", "His", "We",
    ]
}
