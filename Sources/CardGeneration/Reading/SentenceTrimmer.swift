import Language

/// Removes what a card does not need and cannot show on its own: a leading connective
/// ("However,", "In response,", "As a result,") that points at the sentence before, and
/// bracketed asides ("(IAEA)", "(born 1889)").
enum SentenceTrimmer {
    /// One-word connectives at the start of a sentence.
    static let connectives: Set<String> = [
        "however", "moreover", "also", "furthermore", "additionally", "meanwhile", "nevertheless", "nonetheless",
        "instead", "thus", "therefore", "consequently", "indeed", "finally", "still", "yet", "besides", "similarly",
        "likewise", "notably", "overall", "then", "later", "subsequently", "afterwards", "afterward", "hence",
        "accordingly", "eventually", "ultimately", "importantly", "interestingly", "surprisingly", "unfortunately",
        "fortunately", "initially", "originally", "today", "now", "again", "thereafter", "otherwise", "so", "and", "but",
    ]
    /// Multi-word connectives: the words up to the comma.
    static let phrases: [[String]] = [
        ["in", "addition"], ["for", "example"], ["for", "instance"], ["in", "fact"], ["as", "a", "result"],
        ["in", "response"], ["in", "contrast"], ["by", "contrast"], ["of", "course"], ["in", "particular"],
        ["at", "the", "same", "time"], ["on", "the", "other", "hand"], ["in", "turn"], ["as", "such"],
        ["in", "the", "end"], ["at", "first"], ["after", "that"], ["after", "this"], ["before", "that"],
        ["by", "then"], ["since", "then"], ["in", "this", "way"], ["to", "this", "end"], ["for", "this", "reason"],
        ["in", "other", "words"], ["even", "so"], ["in", "practice"], ["in", "general"], ["as", "well"],
        ["on", "the", "contrary"], ["at", "that", "time"], ["at", "the", "time"], ["in", "return"],
        ["before", "long"], ["in", "retaliation"], ["in", "reply"], ["in", "reaction"], ["in", "protest"], ["in", "comparison"],
    ]

    static func trim(_ view: inout SentenceView) {
        let p = view.parse
        let n = p.words.count
        guard n > 0 else { return }
        // a leading connective followed by a comma (or "And"/"But" without one)
        var cut = 0
        let first = p.lower(0)
        if connectives.contains(first), n > 3 {
            // ("So saying, Turkey rose": "so" belongs to the participle)
            if p.words[1].form == "," { cut = 2 } else if ["and", "but", "so", "also", "then", "yet", "still", "hence", "thus"].contains(first), p.words[1].pennTag != "VBG" { cut = 1 }
        } else {
            for ph in phrases where ph.count + 1 < n && (0..<ph.count).allSatisfy({ p.lower($0) == ph[$0] }) && [",", ":"].contains(p.words[ph.count].form) {
                cut = ph.count + 1
                break
            }
        }
        // a news dateline: "HOUSTON, July 21, 1969 --"
        if cut == 0, let f = p.words.first?.form, f.count >= 3, f == f.uppercased(), f.contains(where: \.isLetter),
           let dash = p.words.prefix(12).firstIndex(where: { ["--", "—", "–"].contains($0.form) }), dash + 3 < n {
            cut = dash + 1
        }
        for k in 0..<cut { view.removed.insert(k) }
        // bracketed asides, at any depth, with the space before them
        var k = 0
        while k < n {
            if p.words[k].form == "(" || p.words[k].form == "[" {
                let close = p.words[k].form == "(" ? ")" : "]"
                var depth = 0
                var j = k
                while j < n {
                    if p.words[j].form == p.words[k].form { depth += 1 }
                    if p.words[j].form == close { depth -= 1; if depth == 0 { break } }
                    j += 1
                }
                guard j < n else { break }
                for x in k...j { view.removed.insert(x) }
                k = j + 1
                continue
            }
            k += 1
        }
    }
}
