import Language

/// Finds the answer candidates of a sentence on its tree: names whole ("Hugh L. Dryden"),
/// numbers with their unit or counted noun, dates, and noun phrases whose head is an
/// uncommon word. Never a part of a name, never an adjective alone, never a word frequent
/// in general English on its own.
struct AnswerFinder {
    let knowledge: ArticleKnowledge

    func candidates(in view: SentenceView) -> [AnswerCandidate] {
        let p = view.parse
        var out: [AnswerCandidate] = []
        var taken = Set<Int>()
        func add(_ c: AnswerCandidate) {
            guard !c.span.isEmpty, view.isIntact(c.span), c.span.allSatisfy({ !taken.contains($0) }) else { return }
            taken.formUnion(c.span)
            out.append(c)
        }
        for c in numbers(p) { add(c) }
        for n in p.wholeNames {
            let span = n.words
            let text = String(p.text(of: span))
            guard text.filter(\.isLetter).count >= 3, text.count <= 60, !Lexicon.months.keys.contains(text.lowercased()) else { continue }
            if span.count == 1, Lexicon.weekdays.contains(text.lowercased()) { continue }
            // a dateline or a heading word in capitals is no name to learn
            if text.count > 3, text == text.uppercased(), text.contains(where: \.isLetter), !text.contains(".") && text.count > 6 { continue }
            // "a Roman mile", "the French court": a one-word name modifying a noun is an adjective
            if span.count == 1, ["amod", "compound"].contains(p.relation(span.lowerBound)), let h = p.words[span.lowerBound].head, p.words[h].tag == .noun { continue }
            // "the North Korean government", "North Korean farmers": a people's adjective, not
            // a name to learn
            if let last = text.split(separator: " ").last?.lowercased(), ["an", "ese", "ish", "ian", "ic", "i"].contains(where: { last.hasSuffix($0) }),
               span.upperBound < p.words.count, p.words[span.upperBound].form.first?.isLowercase == true,
               p.words[span.upperBound].form.allSatisfy(\.isLetter), !Lexicon.stopWords.contains(p.lower(span.upperBound)) { continue }
            if let last = text.split(separator: " ").last?.lowercased(), ["an", "ese", "ish", "ian", "ic"].contains(where: { last.hasSuffix($0) }),
               let h = p.words[n.head].head, p.words[h].tag == .noun, h > span.upperBound - 1, ["amod", "compound"].contains(p.relation(n.head)) { continue }
            // a sentence's first word is a name only if the article capitalises it elsewhere
            // too, or it is no common word ("Begun in AD 122, ..." is not a name)
            if span == 0..<1, !knowledge.capitalisedMidSentence.contains(text), WordFrequency.zipf(text.lowercased()) >= 3.0 { continue }
            let kind = knowledge.kind(of: text)
            add(AnswerCandidate(span: span, type: kind ?? .organisation, head: n.head, detail: kind == nil ? "name" : nil,
                                confident: kind != nil, answer: text))
        }
        for c in terms(p, taken: taken) { add(c) }
        return out.sorted { $0.span.lowerBound < $1.span.lowerBound }
    }

    // MARK: numbers and dates

    func numbers(_ p: ParsedSentence) -> [AnswerCandidate] {
        var out: [AnswerCandidate] = []
        let w = p.words
        let n = w.count
        var i = 0
        func isYear(_ k: Int) -> Int? {
            guard k < n, w[k].form.count == 4, w[k].form.allSatisfy(\.isNumber), let y = Int(w[k].form), (1000...2100).contains(y) else { return nil }
            return y
        }
        func day(_ k: Int) -> Int? {
            guard k < n, w[k].form.count <= 2, let d = Int(w[k].form), (1...31).contains(d) else { return nil }
            return d
        }
        func month(_ k: Int) -> Bool { k < n && w[k].form.first?.isUppercase == true && Lexicon.months[w[k].form.lowercased()] != nil }
        func text(_ r: Range<Int>) -> String { String(p.text(of: r)) }
        while i < n {
            // month-led dates: "May 25, 1935", "October 1957", "25 May 1935"
            if month(i), !(w[i].form == "May" && w[i].tag != .propn) {
                var j = i + 1
                var hasDay = false
                if day(j) != nil { hasDay = true; j += 1 }
                if j < n, w[j].form == ",", hasDay { j += 1 }
                if let y = isYear(j) {
                    out.append(AnswerCandidate(span: i..<j + 1, type: .date, head: j, value: Double(y), answer: text(i..<j + 1)))
                    i = j + 1; continue
                } else if hasDay {
                    out.append(AnswerCandidate(span: i..<i + 2, type: .date, head: i, answer: text(i..<i + 2)))
                    i += 2; continue
                }
            }
            if day(i) != nil, month(i + 1) {
                var j = i + 2
                var value: Double? = nil
                if let y = isYear(j) { value = Double(y); j += 1 }
                out.append(AnswerCandidate(span: i..<j, type: .date, head: i, value: value, answer: text(i..<j)))
                i = j; continue
            }
            // decades and centuries: "the 1990s", "the 17th century"
            if w[i].form.count == 5, w[i].form.hasSuffix("s"), let y = Int(w[i].form.dropLast()), (1000...2100).contains(y) {
                out.append(AnswerCandidate(span: i..<i + 1, type: .date, head: i, value: Double(y), detail: "decade", answer: w[i].form))
                i += 1; continue
            }
            if i + 1 < n, ["century", "centuries"].contains(p.lower(i + 1)), let c = ordinal(w[i].form) {
                var j = i + 2
                if j < n, ["bc", "bce", "ad", "ce"].contains(p.lower(j)) { j += 1 }
                out.append(AnswerCandidate(span: i..<j, type: .date, head: i + 1, value: Double(c), detail: "century", answer: text(i..<j)))
                i = j; continue
            }
            // money: "$5 billion", "5 billion dollars"
            if ["$", "€", "£", "¥"].contains(w[i].form), i + 1 < n, let v = ArticleNumber.value(w[i + 1].form) {
                var j = i + 2
                var value = v
                if j < n, let s = Lexicon.scaleWords[p.lower(j)] { value *= s; j += 1 }
                if let r = range(from: j, in: p) { j = r }
                out.append(AnswerCandidate(span: i..<j, type: .money, head: i + 1, value: value, unit: w[i].form, answer: text(i..<j)))
                i = j; continue
            }
            guard w[i].tag == .num || ArticleNumber.value(w[i].form) != nil, let v = numberValue(w[i].form) else { i += 1; continue }
            if let y = isYear(i), !isCount(i, in: p) {
                var j = i + 1
                if j < n, ["bc", "bce", "ad", "ce"].contains(p.lower(j)) { j += 1 }
                // "from 1961 to 1964": one answer, never half of it
                if let r = range(from: j, in: p) {
                    out.append(AnswerCandidate(span: i..<r, type: .year, head: i, value: Double(y), detail: "range", answer: text(i..<r)))
                    i = r; continue
                }
                // the end of a range whose start is no answer ("between 20199...90 and 2020")
                if i >= 2, ["to", "-", "–", "and"].contains(p.lower(i - 1)), w[i - 2].tag == .num || w[i - 2].form.first?.isNumber == true { i = j; continue }
                out.append(AnswerCandidate(span: i..<j, type: .year, head: i, value: Double(y), answer: text(i..<j)))
                i = j; continue
            }
            // a score: "0.82 out of 10"
            if i + 3 < n, p.lower(i + 1) == "out", p.lower(i + 2) == "of", numberValue(w[i + 3].form) != nil {
                out.append(AnswerCandidate(span: i..<i + 4, type: .number, head: i, value: v, detail: "score", unit: "out of " + w[i + 3].form, answer: text(i..<i + 4)))
                i += 4; continue
            }
            // a number with what it measures: percent, scale, unit, currency word, counted noun
            var j = i + 1
            var value = v
            if j < n, ["dozen", "hundred", "thousand"].contains(p.lower(j)), let m = Lexicon.numberWords[p.lower(j)] ?? (p.lower(j) == "thousand" ? 1000 : nil) {
                value *= Double(m)
                j += 1
            } else if ["dozen", "hundred"].contains(p.lower(i)), i > 0, numberValue(w[i - 1].form) != nil {
                i += 1
                continue
            }
            if j < n, let s = Lexicon.scaleWords[p.lower(j)] { value *= s; j += 1 }
            var detail: String? = nil
            if let r = range(from: j, in: p) {
                j = r
                detail = "range"
                if j < n, Lexicon.scaleWords[p.lower(j)] != nil { j += 1 }
            }
            if i >= 2, ["to", "-", "–", "and"].contains(p.lower(i - 1)), numberValue(w[i - 2].form) != nil { i = j; continue }
            if j < n, w[j].form == "%" || p.lower(j) == "percent" || (p.lower(j) == "per" && j + 1 < n && p.lower(j + 1) == "cent") {
                let e = p.lower(j) == "per" ? j + 2 : j + 1
                out.append(AnswerCandidate(span: i..<e, type: .percent, head: i, value: value, detail: detail, unit: "percent", answer: text(i..<e)))
                i = e; continue
            }
            if j < n, Lexicon.currencyWords.contains(p.lower(j)) {
                out.append(AnswerCandidate(span: i..<j + 1, type: .money, head: i, value: value, detail: detail, unit: p.lower(j), answer: text(i..<j + 1)))
                i = j + 1; continue
            }
            if j < n, Lexicon.units.contains(p.lower(j)) || Lexicon.units.contains(w[j].form) {
                var e = j + 1
                if ["square", "cubic", "sq"].contains(p.lower(j)), e < n { e += 1 }
                if e < n, Lexicon.unitNames.contains(p.lower(e)) { e += 1 }
                out.append(AnswerCandidate(span: i..<e, type: .number, head: i, value: value, detail: detail ?? "unit", unit: p.lower(j), answer: text(i..<e)))
                i = e; continue
            }
            // "95 confirmed moons": the number is the answer, the noun stays in the card
            // counted in digits, or a word from three up: "two armies" is no fact to learn
            if isCount(i, in: p), w[i].form.first?.isNumber == true ? (v >= 2 || w[i].form.contains(".")) : v >= 3, let noun = w[i].head {
                out.append(AnswerCandidate(span: i..<j, type: .number, head: i, value: value, detail: detail ?? "count", unit: w[noun].lemma.lowercased(), answer: text(i..<j)))
            }
            i = j
        }
        return out
    }

    /// "... to 1964", "- 350": the end of a range that starts before `j`.
    func range(from j: Int, in p: ParsedSentence) -> Int? {
        guard j + 1 < p.words.count, ["to", "-", "–", "and"].contains(p.lower(j)), numberValue(p.words[j + 1].form) != nil else { return nil }
        if p.lower(j) == "and", !(j >= 2 && p.words[..<j].contains(where: { $0.form.lowercased() == "between" })) { return nil }
        return j + 2
    }

    /// A number counting the noun it modifies: "three moons".
    func isCount(_ i: Int, in p: ParsedSentence) -> Bool {
        guard p.relation(i) == "nummod", let h = p.words[i].head else { return false }
        return p.words[h].tag == .noun && p.words[h].pennTag == "NNS"
    }

    func numberValue(_ s: String) -> Double? {
        if let v = ArticleNumber.value(s) { return v }
        if let v = Lexicon.numberWords[s.lowercased()] { return Double(v) }
        return nil
    }

    func ordinal(_ s: String) -> Int? {
        let l = s.lowercased()
        if let v = Lexicon.ordinals[l] { return v }
        for suf in ["st", "nd", "rd", "th"] where l.hasSuffix(suf) {
            if let v = Int(l.dropLast(2)), v > 0, v < 100 { return v }
        }
        return nil
    }

    // MARK: terms

    /// Noun phrases around an uncommon head noun, without determiners: "metamorphic rock",
    /// "the mantle" -> "mantle".
    func terms(_ p: ParsedSentence, taken: Set<Int>) -> [AnswerCandidate] {
        var out: [AnswerCandidate] = []
        let roles: Set<Substring> = ["nsubj", "obj", "iobj", "obl", "nmod", "appos", "conj", "root", "xcomp"]
        for w in p.words where w.tag == .noun && ["NN", "NNS"].contains(w.pennTag) && roles.contains(w.relation.universal) && !taken.contains(w.index) {
            let lemma = w.lemma.lowercased()
            guard lemma.count >= 4, w.form.allSatisfy({ $0.isLetter || $0 == "-" }) else { continue }
            if lemma == knowledge.topicHeadNoun { continue }
            // "the Juno spacecraft": the noun is the kind of a name, not something to learn
            if p.children(of: w.index).contains(where: { p.words[$0].tag == .propn && ["compound", "flat"].contains(p.relation($0)) }) { continue }
            let headZipf = max(WordFrequency.zipf(lemma), WordFrequency.zipf(w.form))
            guard headZipf < WordFrequency.frequent else { continue }
            // the head with the adjectives and nouns that classify it, nothing before them
            // (no determiner, possessor or number): "metamorphic rock", "mantle"
            var lo = w.index
            while lo > 0 {
                let k = lo - 1
                let glued = p.words[k].form == "-" && !p.words[k].spaceAfter && k > 0 && !p.words[k - 1].spaceAfter
                let classifying = ["amod", "compound"].contains(p.relation(k)) && ([.adj, .noun].contains(p.words[k].tag) && !p.words[k].pennTag.hasPrefix("VB"))
                    && p.descends(k, from: w.index)
                guard glued || classifying else { break }
                if glued { lo = k - 1; continue }
                // an adjective of opinion or degree is no part of a term ("important", "large")
                if p.words[k].tag == .adj, WordFrequency.zipf(p.words[k].lemma) >= WordFrequency.frequent || Lexicon.evaluative.contains(p.lower(k)) { break }
                lo = k
            }
            let span = lo..<(w.index + 1)
            guard span.count <= 5, !span.contains(where: { taken.contains($0) || p.words[$0].tag == .propn }) else { continue }
            // a noun that is itself part of another noun's name ("sheep" in "sheep farming")
            if p.relation(w.index) == "compound" { continue }
            // a term cut out of a coordinated modifier ("an imaging and ____ instrument")
            if lo > 1, p.words[lo - 1].tag == .cconj, [.adj, .noun, .verb].contains(p.words[lo - 2].tag), p.words[lo - 2].head.map({ $0 >= lo }) == true { continue }
            // "printing" alone is a verb's noun; "3D printing" names a technique
            if span.count == 1, w.form.hasSuffix("ing") { continue }
            // the role before a name ("the Russian physicist Yuri Oganessian") or a
            // possessor ("the telescope's sensor") is no term to learn
            if w.index + 1 < p.words.count, p.words[w.index + 1].tag == .propn || ["'s", "’s"].contains(p.words[w.index + 1].form) { continue }
            if w.relation.rawValue == "nmod:poss" { continue }
            // people by their trade ("Geologists recognise ...") say who, not what
            if w.pennTag == "NNS", span.count == 1, ["ist", "ists", "ians", "ers"].contains(where: { w.form.lowercased().hasSuffix($0) }) { continue }
            // a verb the tagger took for a noun: "neither sinks easily"
            if span.count == 1, w.index + 1 < p.words.count, p.words[w.index + 1].pennTag.hasPrefix("RB") || [.det, .pron].contains(p.words[w.index + 1].tag) { continue }
            // specific: a rare head, or a head of middling frequency that a rare word classifies
            // ("metamorphic rock") or that the article keeps coming back to
            let rarestModifier = span.dropLast().map { WordFrequency.zipf(p.words[$0].lemma) }.min() ?? 9
            let uses = knowledge.nounCounts[lemma] ?? 0
            // a word of middling frequency the article keeps using is one of its key terms;
            // a frequent one ("organisation", "campus") stays a filler however often it comes
            guard headZipf < WordFrequency.specific || rarestModifier < 3.5 || uses >= 3 && headZipf < 3.8 else { continue }
            // a single word said once is a detail of one sentence, seldom what the article
            // teaches; an item of a list ("exports coal, iron ore and textiles") is a fact
            let listed = !p.children(of: w.index, in: ["conj"]).isEmpty || p.relation(w.index) == "conj"
            if span.count == 1 && uses < 2 && !listed { continue }
            let text = String(p.text(of: span))
            guard text.count >= 4, !knowledge.isTopic(text) else { continue }
            out.append(AnswerCandidate(span: span, type: .term, head: w.index, answer: text))
        }
        return out
    }
}
