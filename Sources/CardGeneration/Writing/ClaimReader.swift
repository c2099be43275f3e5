import DeckModel
import Language

/// Reads what a numeric fact says, normalised so two articles stating it can be compared
/// (`Claim`, conflicting sources): the main clause's subject, the measured thing ("85% of
/// North Korea's total trade volume" -> "north korea|trade"; "total", "volume", "foreign"
/// say how it is counted, not what), the verb for dates and years ("founded in 1088" ->
/// "found"), the value with its unit, and what qualifies it: another year in the sentence,
/// an approximation, a change over time. No claim when the subject cannot be read.
struct ClaimReader {
    /// Words that say how a quantity is counted, not what it is of.
    static let genericHeads: Set<String> = ["volume", "amount", "total", "share", "level", "number", "value", "percentage", "proportion", "part", "portion", "majority", "sum", "figure", "rate"]
    static let genericAdjectives: Set<String> = ["total", "overall", "foreign", "international", "annual", "global", "whole", "entire", "combined", "aggregate", "yearly"]
    static let approximators: Set<String> = ["about", "around", "approximately", "roughly", "nearly", "almost", "some", "estimated", "over", "under", "circa", "c.", "approx", "than", "up", "least", "most", "upwards"]
    static let trendVerbs: Set<String> = ["rise", "fall", "increase", "decrease", "grow", "decline", "drop", "climb", "double", "triple", "halve", "shrink", "surge", "plunge", "jump", "soar", "expand", "reduce", "cut", "raise", "boost", "change"]

    func claim(for c: AnswerCandidate, in view: SentenceView) -> Claim? {
        guard c.type.isNumeric, let value = c.value, let r = view.parse.root else { return nil }
        let p = view.parse
        guard let s = p.subject(of: r), !c.span.contains(s) else { return nil }
        let subject = normalised(view.text(of: p.basePhrase(of: s).words))
        guard !subject.isEmpty, !["it", "they", "this", "he", "she"].contains(subject) else { return nil }
        let verb = p.words[r].tag == .verb ? p.words[r].lemma.lowercased() : (p.copula(of: r).map { _ in "be" } ?? p.words[r].lemma.lowercased())
        var quantity: String
        var unit: String
        switch c.type {
        case .percent:
            unit = "percent"
            quantity = measured(after: c.span, in: p, view: view) ?? verb
        case .year, .date:
            unit = c.detail == "decade" ? "decade" : c.detail == "century" ? "century" : "year"
            // when something happened is one fact only with everything else the sentence says
            // of it: its object and the other figures ("accounted for 85% in 2019" and "for
            // 70% in 2021" are two facts, not two dates for one)
            let others = p.words.indices.filter { k in
                !c.span.contains(k) && (p.words[k].tag == .num || p.words[k].tag == .noun && p.relation(k) == "obj")
            }.map { p.words[$0].lemma.lowercased() }
            quantity = ([verb] + others).joined(separator: "|")
        case .money:
            unit = (c.unit ?? "money").lowercased()
            quantity = verb + (objectHead(of: r, in: p).map { "|" + $0 } ?? "")
        default:
            unit = c.detail == "count" ? "count:" + (c.unit ?? "") : (c.unit ?? "")
            quantity = verb + (c.detail == "count" ? "" : objectHead(of: r, in: p).map { "|" + $0 } ?? "")
        }
        guard !quantity.isEmpty else { return nil }
        // what qualifies it: the other years of the sentence, an approximation, a change
        let years = p.words.indices.filter { k in
            !c.span.contains(k) && p.words[k].form.count == 4 && Int(p.words[k].form).map { (1000...2100).contains($0) } == true
        }.map { p.words[$0].form }
        let before = (max(0, c.span.lowerBound - 3)..<c.span.lowerBound).map { p.lower($0) }
        let approximate = before.contains { Self.approximators.contains($0) }
        let trend = Self.trendVerbs.contains(verb) || p.words.contains { Self.trendVerbs.contains($0.lemma.lowercased()) && $0.tag == .verb }
            || c.detail == "range" && before.contains("from")
        var claim = Claim(subject: subject, quantity: quantity, value: value, unit: unit, kind: c.type.rawValue,
                          approximate: approximate, time: years.isEmpty ? nil : years.sorted().joined(separator: "-"), trend: trend)
        if c.detail == "range" {
            let numbers = NumberOptions.numberRanges(in: c.answer).compactMap { ArticleNumber.value(c.answer[$0]) }
            if numbers.count >= 2 { claim.low = numbers.min(); claim.high = numbers.max() }
        }
        return claim
    }

    /// "85% of North Korea's total trade volume" -> "north korea|trade".
    func measured(after span: Range<Int>, in p: ParsedSentence, view: SentenceView) -> String? {
        guard span.upperBound + 1 < p.words.count, p.lower(span.upperBound) == "of" else { return nil }
        // the noun the "of" phrase is built on
        var k = span.upperBound + 1
        while k < p.words.count, p.words[k].tag != .noun && p.words[k].tag != .propn { k += 1 }
        guard k < p.words.count else { return nil }
        let head = p.phraseHead(k)
        let base = p.basePhrase(of: head)
        // the owner: "North Korea's" (a possessor) or "of North Korea" after the noun
        var ownerSpan: Range<Int>? = p.children(of: head).first { p.words[$0].relation.rawValue == "nmod:poss" }.map { p.subtree(of: $0) }
        if ownerSpan == nil, let of = p.children(of: head, in: ["nmod"]).first(where: { x in p.children(of: x, in: ["case"]).contains { p.lower($0) == "of" } }) {
            ownerSpan = p.basePhrase(of: of).words
        }
        var owner = ""
        if let o = ownerSpan {
            owner = normalised(o.filter { !["'s", "’s", "of"].contains(p.lower($0)) }.map { p.words[$0].form }.joined(separator: " "))
        }
        var words: [String] = []
        for x in base.words where !(ownerSpan?.contains(x) ?? false) {
            let w = p.words[x]
            guard w.tag == .noun || w.tag == .adj || w.tag == .propn else { continue }
            if Self.genericAdjectives.contains(w.form.lowercased()) || Self.genericHeads.contains(w.lemma.lowercased()) { continue }
            words.append(w.lemma.lowercased())
        }
        let what = words.joined(separator: " ")
        guard !what.isEmpty else { return nil }
        return owner.isEmpty ? what : owner + "|" + what
    }

    func objectHead(of r: Int, in p: ParsedSentence) -> String? {
        guard let o = p.children(of: r, in: ["obj"]).first else { return nil }
        return p.words[o].lemma.lowercased()
    }

    func normalised(_ s: String) -> String {
        var out = CardID.normalize(s)
        for det in ["the ", "a ", "an "] where out.hasPrefix(det) { out.removeFirst(det.count) }
        return out
    }
}
