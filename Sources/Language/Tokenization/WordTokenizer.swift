/// Splits one sentence into words the way UD English (EWT) does, with each word's UTF-8
/// offsets in the text:
///
/// - clitics are their own words: "Korea's" -> "Korea" "'s", "don't" -> "do" "n't",
///   "can't" -> "ca" "n't", "cannot" -> "can" "not", "gonna" -> "gon" "na", "parents'" ->
///   "parents" "'";
/// - punctuation is split off, runs kept together ("...", "?!", "--"), except the full
///   stop of an abbreviation or initial ("U.S.", "Dr.", "Hugh L. Dryden", "etc.");
/// - hyphenated compounds are split ("long-term" -> "long" "-" "term") unless the first
///   part is a prefix ("non-profit", "e-mail", "re-elect") or both sides are numbers;
/// - numbers keep their inner "," "." "/" ":" ("1,300", "3.5", "9/11", "10:30"); "$5"
///   and "5%" are two words each, "5pm" too; URLs and e-mail addresses stay whole.
///
/// Conventions are the treebank's (its MWT lines and tokens), written down rather than
/// learned: they are a fixed standard, and the same for any text.
public enum WordTokenizer {
    public static func tokenize(_ text: String) -> [TokenizedWord] {
        var scanner = Scanner(text)
        return scanner.run()
    }

    fileprivate struct Scanner {
        let text: String
        let s: [Unicode.Scalar]
        /// UTF-8 offset of every scalar, and of the end.
        let offsets: [Int]
        var out: [TokenizedWord] = []

        init(_ text: String) {
            self.text = text
            var s: [Unicode.Scalar] = []
            var offsets: [Int] = []
            s.reserveCapacity(text.utf8.count)
            offsets.reserveCapacity(text.utf8.count + 1)
            var o = 0
            for u in text.unicodeScalars {
                s.append(u)
                offsets.append(o)
                o += UTF8.width(u)
            }
            offsets.append(o)
            self.s = s
            self.offsets = offsets
        }

        mutating func run() -> [TokenizedWord] {
            var chunks: [Range<Int>] = []
            var i = 0
            while i < s.count {
                while i < s.count && Self.isSpace(s[i]) { i += 1 }
                let start = i
                while i < s.count && !Self.isSpace(s[i]) { i += 1 }
                if i > start { chunks.append(start..<i) }
            }
            for (n, chunk) in chunks.enumerated() {
                let next = n + 1 < chunks.count ? chunks[n + 1] : nil
                let before = out.count
                split(chunk, next: next)
                // Words inside a chunk touch; the chunk's last word has a space after it
                // unless it ends the text.
                for k in before..<out.count { out[k].spaceAfter = k == out.count - 1 && next != nil }
            }
            if !out.isEmpty { out[out.count - 1].spaceAfter = true }
            return out
        }

        // MARK: - One whitespace-separated chunk

        private mutating func split(_ chunk: Range<Int>, next: Range<Int>?) {
            var lo = chunk.lowerBound, hi = chunk.upperBound
            if Self.emoticons.contains(string(lo, hi)) {
                emit(lo, hi)
                return
            }
            var openedSingleQuote = false
            // Opening punctuation.
            while lo < hi {
                let c = s[lo]
                if c == "`" || c == "-" || c == "*" || c == "<" || c == ">" {
                    // Runs stay together ("``", "--", "<<"); a lone hyphen before a number
                    // is a dash, as the treebank has it ("-" "0.39").
                    let end = run(of: c, from: lo, to: hi)
                    if end == hi && end - lo == 1 { break }
                    emit(lo, end)
                    lo = end
                } else if Self.openers.contains(c) {
                    emit(lo, lo + 1)
                    lo += 1
                } else if (c == "'" || c == "\u{2018}" || c == "\u{2019}") && hi - lo > 1 {
                    if isClitic(lo, hi) || Self.isDigit(s[lo + 1]) { break }  // "'s" alone, "'90s"
                    openedSingleQuote = true
                    emit(lo, lo + 1)
                    lo += 1
                } else if Self.currency.contains(c) && lo + 1 < hi && Self.isDigit(s[lo + 1]) {
                    emit(lo, lo + 1)
                    lo += 1
                } else {
                    break
                }
            }
            guard lo < hi else { return }
            // Closing punctuation, collected right to left.
            var trailing: [Range<Int>] = []
            let isURL = looksLikeURL(lo, hi)
            while hi > lo {
                let c = s[hi - 1]
                if Self.closers.contains(c) {
                    let start = c == ">" ? runBack(from: hi, to: lo) { $0 == ">" } : hi - 1
                    if start == lo { break }
                    trailing.append(start..<hi)
                    hi = start
                } else if c == "'" || c == "\u{2019}" {
                    // "parents'" is a possessive unless the chunk opened with a quote.
                    if !openedSingleQuote && hi - lo > 2 && (s[hi - 2] == "s" || s[hi - 2] == "S") && !isURL { break }
                    trailing.append(hi - 1..<hi)
                    hi -= 1
                } else if c == "!" || c == "?" || (c == "." && hi - lo >= 2 && (s[hi - 2] == "!" || s[hi - 2] == "?")) {
                    // "!!", "?!", "!." and ".?" are one mark each.
                    let start = runBack(from: hi, to: lo) { $0 == "!" || $0 == "?" || $0 == "." }
                    if start == lo { break }
                    trailing.append(start..<hi)
                    hi = start
                } else if c == "," || c == ";" || c == ":" || c == "\u{2026}" {
                    trailing.append(hi - 1..<hi)
                    hi -= 1
                } else if c == "-" || c == "*" {
                    let start = runBack(from: hi, to: lo) { $0 == c }
                    if start == lo { break }
                    trailing.append(start..<hi)
                    hi = start
                } else if c == "%" && hi - lo > 1 && Self.isDigit(s[hi - 2]) {
                    trailing.append(hi - 1..<hi)
                    hi -= 1
                } else if c == "." {
                    let start = runBack(from: hi, to: lo) { $0 == "." }
                    if hi - start >= 2 {
                        trailing.append(start..<hi)
                        hi = start
                    } else if start > lo && !isURL && isAbbreviation(lo, hi - 1, next: next) {
                        break
                    } else {
                        trailing.append(hi - 1..<hi)
                        hi -= 1
                    }
                } else {
                    break
                }
            }
            if hi > lo {
                if isURL { emit(lo, hi) } else { splitCore(lo, hi) }
            }
            for r in trailing.reversed() { emit(r.lowerBound, r.upperBound) }
        }

        /// Splits the middle of a chunk at inner punctuation, then splits off clitics.
        private mutating func splitCore(_ lo: Int, _ hi: Int) {
            var start = lo
            var i = lo
            func isDigitAt(_ k: Int) -> Bool { k >= lo && k < hi && Self.isDigit(s[k]) }
            func isLetterAt(_ k: Int) -> Bool { k >= lo && k < hi && s[k].properties.isAlphabetic }
            while i < hi {
                let c = s[i]
                var cut: Range<Int>?
                switch c {
                case "\"", "\u{201C}", "\u{201D}", "(", ")", "[", "]", "{", "}", ";", "!", "?", "\u{2026}":
                    let end = (c == "!" || c == "?") ? run(from: i, to: hi) { $0 == "!" || $0 == "?" } : i + 1
                    cut = i..<end
                case ",", ":":
                    if !(isDigitAt(i - 1) && isDigitAt(i + 1)) { cut = i..<i + 1 }
                case "/":
                    if isLetterAt(i - 1) && isLetterAt(i + 1) && !isDigitAt(start) { cut = i..<i + 1 }
                case ".":
                    let end = run(of: ".", from: i, to: hi)
                    if end - i >= 2 && i > start { cut = i..<end }
                case "-":
                    let end = run(of: "-", from: i, to: hi)
                    if end - i >= 2 {
                        cut = i..<end
                    } else if i > start && i + 1 < hi && splitsAtHyphen(start, i, hi) {
                        cut = i..<i + 1
                    }
                case "%":
                    if isDigitAt(i - 1) { cut = i..<i + 1 }
                default:
                    if Self.currency.contains(c) && isDigitAt(i + 1) { cut = i..<i + 1 }
                }
                if let cut {
                    if cut.lowerBound > start { word(start, cut.lowerBound) }
                    emit(cut.lowerBound, cut.upperBound)
                    start = cut.upperBound
                    i = cut.upperBound
                } else {
                    i += 1
                }
            }
            if hi > start { word(start, hi) }
        }

        /// A word without punctuation around it: split clitics and "5pm".
        private mutating func word(_ lo: Int, _ hi: Int) {
            let lower = normalised(lo, hi)
            let n = lower.count
            func at(_ k: Int) { emit(lo, lo + k); emit(lo + k, hi) }
            if n > 3 && lower.hasSuffix("n't") { return at(n - 3) }
            if n > 2 && (lower.hasSuffix("'s") || lower.hasSuffix("'m") || lower.hasSuffix("'d")) && isLetterOrDigit(hi - 3) {
                return at(n - 2)
            }
            if n > 3 && (lower.hasSuffix("'re") || lower.hasSuffix("'ve") || lower.hasSuffix("'ll")) { return at(n - 3) }
            if n > 2 && lower.hasSuffix("s'") { return at(n - 1) }
            if let k = Self.fusedWords[lower] { return at(k) }
            if n > 2, lower.hasSuffix("am") || lower.hasSuffix("pm"), lower.dropLast(2).allSatisfy(\.isNumber) { return at(n - 2) }
            emit(lo, hi)
        }

        // MARK: - Decisions

        /// Whether the full stop after s[lo..<hi] belongs to it.
        private func isAbbreviation(_ lo: Int, _ hi: Int, next: Range<Int>?) -> Bool {
            let core = string(lo, hi)
            let letters = core.unicodeScalars.filter { $0.properties.isAlphabetic }.count
            // An initial ("L."), unless it ends the sentence ("World War I.").
            if letters == 1 && hi - lo == 1 { return next != nil }
            // Letters with inner full stops: "U.S", "e.g", "Ph.D", "a.m".
            if core.contains("."), core.split(separator: ".").allSatisfy({ $0.count <= 3 && $0.allSatisfy(\.isLetter) }) {
                return true
            }
            let lower = core.lowercased()
            if Self.abbreviations.contains(lower) { return true }
            if Self.capitalisedAbbreviations.contains(core) { return true }
            if let next, Self.numberAbbreviations.contains(lower), Self.isDigit(s[next.lowerBound]) { return true }
            return false
        }

        /// "long-term" splits; "non-profit", "e-mail", "713-853-3989" do not.
        private func splitsAtHyphen(_ start: Int, _ hyphen: Int, _ hi: Int) -> Bool {
            if Self.isDigit(s[hyphen - 1]) && Self.isDigit(s[hyphen + 1]) { return false }
            if !s[hyphen + 1].properties.isAlphabetic && !Self.isDigit(s[hyphen + 1]) { return false }
            return !Self.hyphenPrefixes.contains(string(start, hyphen).lowercased())
        }

        private func isClitic(_ lo: Int, _ hi: Int) -> Bool {
            Self.clitics.contains(normalised(lo, hi))
        }

        private func looksLikeURL(_ lo: Int, _ hi: Int) -> Bool {
            let t = string(lo, hi).lowercased()
            if t.hasPrefix("http://") || t.hasPrefix("https://") || t.hasPrefix("ftp://") || t.hasPrefix("www.") { return true }
            if let at = t.firstIndex(of: "@"), at != t.startIndex {
                let domain = t[t.index(after: at)...]
                return domain.dropLast().contains(".") && domain.first?.isLetter == true
            }
            return false
        }

        // MARK: - Helpers

        private mutating func emit(_ lo: Int, _ hi: Int) {
            out.append(TokenizedWord(form: string(lo, hi), utf8Range: offsets[lo]..<offsets[hi], spaceAfter: false))
        }

        private func string(_ lo: Int, _ hi: Int) -> String {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: s[lo..<hi])
            return String(v)
        }

        /// Lower case, curly apostrophes straightened.
        private func normalised(_ lo: Int, _ hi: Int) -> String {
            var v = String.UnicodeScalarView()
            for c in s[lo..<hi] {
                if c == "\u{2019}" || c == "\u{2018}" {
                    v.append("'")
                } else if c.value >= 0x41 && c.value <= 0x5A {
                    v.append(Unicode.Scalar(c.value + 32)!)
                } else {
                    v.append(c)
                }
            }
            return String(v)
        }

        private func isLetterOrDigit(_ k: Int) -> Bool { k >= 0 && k < s.count && (s[k].properties.isAlphabetic || Self.isDigit(s[k])) }

        private func run(of c: Unicode.Scalar, from i: Int, to hi: Int) -> Int { run(from: i, to: hi) { $0 == c } }

        private func run(from i: Int, to hi: Int, _ member: (Unicode.Scalar) -> Bool) -> Int {
            var e = i
            while e < hi && member(s[e]) { e += 1 }
            return e
        }

        private func runBack(from hi: Int, to lo: Int, _ member: (Unicode.Scalar) -> Bool) -> Int {
            var b = hi
            while b > lo && member(s[b - 1]) { b -= 1 }
            return b
        }

        static func isSpace(_ c: Unicode.Scalar) -> Bool {
            c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{00A0}" || c == "\u{3000}"
                || (c.value >= 0x2000 && c.value <= 0x200B)
        }

        static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

        static let openers: Set<Unicode.Scalar> = ["\"", "\u{201C}", "(", "[", "{", "\u{00AB}", "\u{00BF}", "\u{00A1}"]
        static let closers: Set<Unicode.Scalar> = ["\"", "\u{201D}", ")", "]", "}", ">", "\u{00BB}"]
        static let currency: Set<Unicode.Scalar> = ["$", "\u{00A3}", "\u{20AC}", "\u{00A5}", "#"]
        static let emoticons: Set<String> = [":)", ":-)", ":(", ":-(", ";)", ";-)", ":D", ":-D", ":P", ":-P", ":/", "<3", "=)", ":o)"]
        static let clitics: Set<String> = ["'s", "'m", "'d", "'re", "'ve", "'ll", "n't"]

        /// Fused words and where they split ("cannot" -> "can" "not", "dont" -> "do" "nt").
        static let fusedWords: [String: Int] = {
            var table: [String: Int] = ["cannot": 3, "gonna": 3, "wanna": 3, "gotta": 3, "gimme": 3, "lemme": 3]
            for w in ["dont", "didnt", "doesnt", "isnt", "wasnt", "werent", "arent", "couldnt", "wouldnt", "shouldnt",
                "havent", "hasnt", "hadnt", "cant", "wont", "aint"]
            {
                table[w] = w.count - 2
            }
            return table
        }()

        /// Abbreviations whose full stop is always theirs (compared lower-cased).
        static let abbreviations: Set<String> = [
            "mr", "mrs", "ms", "dr", "prof", "gen", "gov", "sen", "rep", "reps", "rev", "lt", "col", "capt", "cpt", "sgt",
            "cmdr", "adm", "maj", "jr", "sr", "st", "mt", "ft", "ave", "blvd", "rd", "inc", "ltd", "corp", "bros", "vs",
            "etc", "approx", "cf", "al", "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec", "mon", "tue", "tues",
            "wed", "thu", "thur", "thurs", "fri", "sat", "dept", "univ", "assn", "est", "attn", "ext", "esp", "mins", "hrs",
            "yrs", "oz", "lb", "lbs", "pres", "supt", "messrs", "mme", "mlle", "viz",
        ]
        /// Capitalised only: "Co." and "Mar." are abbreviations, "co." and "mar." are not.
        static let capitalisedAbbreviations: Set<String> = ["Co", "Mar", "Apr", "Jun", "Jul", "Sun", "Va", "La", "Ga", "Fla", "Calif", "Mass", "Conn", "Penn", "Wash", "Ore", "Ariz", "Colo", "Tenn", "Ky", "Md", "Mich", "Minn", "Wis", "Ill", "Ind", "Okla", "Neb", "Nev", "Kan", "Ala", "Miss"]
        /// Abbreviations only before a number: "No. 5", "pp. 12", "Vol. 3".
        static let numberAbbreviations: Set<String> = ["no", "nos", "vol", "vols", "pp", "p", "fig", "figs", "art", "sec", "ch", "op", "nr"]

        /// Prefixes that keep their hyphen (UD English: "non-profit", "e-mail", "re-elect").
        static let hyphenPrefixes: Set<String> = [
            "a", "e", "anti", "auto", "bi", "co", "counter", "cross", "cyber", "de", "ex", "extra", "hyper", "infra",
            "inter", "intra", "macro", "mega", "meta", "micro", "mid", "mini", "mis", "multi", "neo", "non", "over", "pan",
            "para", "post", "pre", "pro", "pseudo", "re", "semi", "socio", "sub", "super", "supra", "trans", "tri",
            "ultra", "un", "under", "uni", "psycho", "bio", "geo", "eco",
        ]
    }
}
