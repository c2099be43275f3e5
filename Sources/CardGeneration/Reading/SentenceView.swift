import Language

/// A parsed sentence as a card will show it: some words replaced (a pronoun by the name it
/// stands for), some removed (a leading "However,", a parenthesis), one span turned into the
/// gap. Word indices stay those of the parse, so the tree can still be read.
struct SentenceView: Sendable {
    let parse: ParsedSentence
    /// Text to show instead of a word; "" is never used (see `removed`).
    var replaced: [Int: String] = [:]
    var removed: Set<Int> = []
    /// Words inside a reference filled in with what it stands for ("the country" -> "China").
    var filled: Set<Int> = []

    init(parse: ParsedSentence) { self.parse = parse }

    var words: [Language.Word] { parse.words }

    /// Whether a word is still shown as written.
    func isIntact(_ i: Int) -> Bool { replaced[i] == nil && !removed.contains(i) }

    /// Whether every word of `span` is shown as written.
    func isIntact(_ span: Range<Int>) -> Bool { span.allSatisfy(isIntact) }

    /// The sentence as shown, with `gap` written as `gapText`; a full sentence: capitalised
    /// and ending with a full stop.
    func text(gap: Range<Int>? = nil, gapText: String = "____") -> String {
        var pieces: [Piece] = []
        var previous: Int? = nil
        var k = 0
        while k < words.count {
            if let gap, k == gap.lowerBound {
                pieces.append(Piece(text: gapText, index: k, end: gap.upperBound - 1))
                previous = gap.upperBound - 1
                k = gap.upperBound
                continue
            }
            if removed.contains(k) { k += 1; continue }
            pieces.append(Piece(text: replaced[k] ?? words[k].form, index: k, end: k))
            previous = k
            k += 1
        }
        _ = previous
        return Self.sentence(join(pieces))
    }

    /// Words `span` as shown (replacements applied, removed words left out), without
    /// sentence capitalisation.
    func text(of span: Range<Int>) -> String {
        join(span.compactMap { k in removed.contains(k) ? nil : Piece(text: replaced[k] ?? words[k].form, index: k, end: k) })
    }

    struct Piece {
        var text: String
        var index: Int
        /// Last word index the piece covers (a gap covers several).
        var end: Int
    }

    /// Pieces joined with the spacing the sentence had; where words were left out between
    /// two pieces, one space unless the right one is closing punctuation.
    func join(_ pieces: [Piece]) -> String {
        var out = ""
        for (n, p) in pieces.enumerated() {
            if n > 0 {
                let left = pieces[n - 1]
                let adjacent = left.end + 1 == p.index
                // where words were left out, the spacing after the last of them: "Island
                // (Te Waipounamu)—and" loses its aside as "Island—and"
                let space = adjacent ? words[left.end].spaceAfter : !Self.closesWithoutSpace(p.text) && (p.index <= 0 || p.index > words.count || words[p.index - 1].spaceAfter)
                if space { out += " " }
            }
            out += p.text
        }
        return out
    }

    static func closesWithoutSpace(_ s: String) -> Bool {
        guard let f = s.first else { return true }
        if [",", ".", ";", ":", "!", "?", ")", "]", "”", "’"].contains(f) { return true }
        return s == "'s" || s == "’s" || s == "n't" || s == "'"
    }

    /// Capitalised, stray punctuation at the ends dropped, ending with a full stop.
    static func sentence(_ raw: String) -> String {
        var s = Substring(raw)
        while let f = s.first, [",", ";", ":", " ", "-", "–", "—"].contains(f) { s = s.dropFirst() }
        var out = String(s)
        while let l = out.last, [",", ";", ":", " ", "-", "–", "—"].contains(l) { out.removeLast() }
        if let l = out.last, !".?!\"”’')".contains(l) { out += "." }
        return capitalisingFirst(out)
    }

    static func capitalisingFirst(_ s: String) -> String {
        guard let i = s.firstIndex(where: { $0.isLetter || $0.isNumber || $0 == "_" }) else { return s }
        guard s[i].isLowercase else { return s }
        // a code name keeps its case ("musl_writev", "npm", "iPhone")
        let word = s[i...].prefix { !$0.isWhitespace }
        if word.contains(where: { $0 == "_" || $0.isNumber || $0.isUppercase }) { return s }
        return String(s[..<i]) + s[i].uppercased() + String(s[s.index(after: i)...])
    }
}
