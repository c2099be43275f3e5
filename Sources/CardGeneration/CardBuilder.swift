import Articles
import DeckModel

enum Outcome {
    case hedged
    case none
    case cards([Draft])
}

extension Generator {
    struct Segment { var start: Int; var end: Int; var kind: String }

    /// "with an ____" and options that start with a consonant: the article would rule them
    /// out, so it becomes "a(n)" unless every option takes the same one.
    static func articleFittingAll(_ prompt: String, _ options: [String]) -> String {
        guard let gap = prompt.range(of: "____") else { return prompt }
        let before = prompt[..<gap.lowerBound]
        guard before.hasSuffix("a ") || before.hasSuffix("an ") || before.hasSuffix("A ") || before.hasSuffix("An ") else { return prompt }
        let word = before.dropLast().split(separator: " ").last.map(String.init) ?? ""
        guard ["a", "an"].contains(word.lowercased()) else { return prompt }
        func takesAn(_ s: String) -> Bool { s.first.map { "aeiouAEIOU".contains($0) } ?? false }
        guard Set(options.map(takesAn)).count > 1 else { return prompt }
        let start = before.index(before.endIndex, offsetBy: -(word.count + 1))
        return String(prompt[..<start]) + (word.first!.isUppercase ? "A(n) " : "a(n) ") + String(prompt[gap.lowerBound...])
    }

    static func segments(_ t: [Word]) -> [Segment] {
        var out: [Segment] = []
        var start = 0
        var depth = 0
        func kind(_ s: Int) -> String {
            guard s > 0 else { return "main" }
            var k = s + 1
            guard k < t.count else { return "other" }
            let l = t[k].lower
            if ["which", "who", "whom", "whose", "where"].contains(l) { return "rel" }
            if l == "according" { return "attr" }
            if ["a", "an"].contains(l) || (l == "one" && k + 1 < t.count && t[k + 1].lower == "of") { return "appos" }
            if Lexicon.subordinators.contains(l) && l != "as" || (l == "as" && k + 1 < t.count && t[k + 1].lower != "well") { return "sub" }
            if l.hasSuffix("ing") && !["including", "during", "according"].contains(l) && !t[k].isCapitalized { return "part" }
            // ", adopted by ...", ", designed by ...": a participle phrase, not the main clause's verb
            if k + 1 < t.count, t[k + 1].lower == "by", Verbs.baseOfPast(l) != nil || Lexicon.irregularPast[l] != nil { return "part" }
            if l == "and" || l == "or" { k += 1; return "coord" }
            return "other"
        }
        for (k, tok) in t.enumerated() {
            if tok.text == "(" { depth += 1 }
            if tok.text == ")" { depth = max(0, depth - 1) }
            let inDate = tok.text == "," && t[k - (k > 0 ? 1 : 0)].isNumber && k + 1 < t.count && FactFinder.isYear(t[k + 1])
            if depth == 0, k > 0, !inDate, [",", ";", "—", "–"].contains(tok.text) || (tok.text == "-" && tok.spaceBefore) {
                out.append(Segment(start: start, end: k, kind: kind(start)))
                start = k
            } else if depth == 0, k > 2, tok.lower == "and" || tok.lower == "but", k + 1 < t.count, t[k - 1].text != ",",
                      t[k + 1].synthetic || Lexicon.subjectPronouns.contains(t[k + 1].lower) || t[k + 1].lower == "the",
                      let c = QuestionWriter.parse(t, from: k + 1, to: t.count), c.subject.count <= 4 {
                out.append(Segment(start: start, end: k, kind: kind(start)))
                start = k
            }
        }
        out.append(Segment(start: start, end: t.count, kind: kind(start)))
        return out
    }

    /// Where a list goes on after an item ending at `e`: ", solid and gas" -> the index after "gas";
    /// `Int.max` when a list goes on but its end is unclear. Nil when no list follows (", the Dutch physiologist ...",
    /// ", and was built ...").
    static func listTailEnd(_ t: [Word], after e: Int) -> Int? {
        /// The end of the last item starting at `s`: at punctuation, a preposition, a subordinator, a relative or a verb.
        func lastItemEnd(_ s: Int) -> Int? {
            guard s < t.count, t[s].isWord || t[s].isNumber, Lexicon.auxiliaries[t[s].lower] == nil,
                  !Lexicon.subjectPronouns.contains(t[s].lower), QuestionWriter.isVerb(t, s, start: max(0, s - 1)) == nil,
                  !(Verbs.baseOfPast(t[s].lower) != nil || Lexicon.irregularPast[t[s].lower] != nil) else { return nil }
            var x = s
            while x < t.count, t[x].isWord || t[x].isNumber || t[x].text == "-" {
                let l = t[x].lower
                // "a great deal of dust and gas": the item goes on past "of", to an end that is not clear
                if x > s, l == "of" {
                    var y = x + 1
                    while y < t.count, t[y].isWord || t[y].isNumber { if ["and", "or"].contains(t[y].lower) { return Int.max }; y += 1 }
                    x += 1; continue
                }
                if x > s, Lexicon.prepositions.contains(l) || Lexicon.subordinators.contains(l)
                    || ["that", "which", "who", "whose", "where", "and", "or", "but"].contains(l)
                    || QuestionWriter.isVerb(t, x, start: s) != nil { break }
                if x - s >= 6 { return Int.max }
                x += 1
            }
            return x
        }
        // inside a list already: a comma or colon a few words before `e` ("green, gold" ending at "gold")
        var back = e - 1
        while back >= 0, e - back <= 7, t[back].isWord || t[back].isNumber { back -= 1 }
        var items = back >= 0 && e - back <= 7 && [",", ":"].contains(t[back].text) ? 1 : 0
        var k = e
        while k < t.count, t[k].text == "," {
            var j = k + 1
            var end: Int? = nil
            if j < t.count, ["and", "or"].contains(t[j].lower) {
                // ", and gas": the last item (Oxford comma); after a single item it joins clauses instead
                guard items > 0 else { return nil }
                end = lastItemEnd(j + 1)
            } else {
                let s = j
                while j < t.count, t[j].isWord || t[j].isNumber || t[j].text == "-", j - s < 5 {
                    // list items are noun phrases: ", particularly in the digital and ..." is no list
                    if Lexicon.prepositions.contains(t[j].lower) || Lexicon.subordinators.contains(t[j].lower)
                        || (t[j].lower.hasSuffix("ly") && t[j].lower.count > 4) || QuestionWriter.isVerb(t, j, start: s) != nil { return nil }
                    // ", solid and gas": the last item after the conjunction
                    if ["and", "or"].contains(t[j].lower), j > s { end = lastItemEnd(j + 1); break }
                    j += 1
                }
                if end == nil {
                    // another short item followed by a comma: keep scanning; anything else is no list
                    guard j > s, j - s <= 4, j < t.count, t[j].text == "," else { return nil }
                    items += 1
                    if items > 12 { return nil }
                    k = j
                    continue
                }
            }
            guard let x = end else { return nil }
            // "heavy and civil engineering construction, and specialty trade contractors": the list goes on
            if x < t.count, t[x].text == ",", x + 1 < t.count, ["and", "or"].contains(t[x + 1].lower) || items > 0,
               let more = listTailEnd(t, after: x) { return max(x, more) }
            return x
        }
        return nil
    }

    /// A verb of a relative or wh-clause ("in what is now", "which features"), not of the main clause.
    static func inRelative(_ t: [Word], _ x: Int) -> Bool {
        for y in max(0, x - 3)..<x where ["what", "which", "who", "that", "where", "when", "whose", "whom"].contains(t[y].lower) { return true }
        return false
    }

    static func giveAway(answer: String, in words: [Word], skipping span: Range<Int>) -> Bool {
        let aw = WordSplitter.tokenize(answer).filter { ($0.isWord || $0.isNumber) && !Lexicon.stopWords.contains($0.lower)
            && !Lexicon.units.contains($0.lower) && $0.lower != "percent" }
        guard !aw.isEmpty else { return false }
        // in a multi-word term a shared generic head ("problem") gives nothing away; names and numbers do
        let multi = aw.count > 1
        let telling = !multi ? aw : aw.filter { ($0.isCapitalized && !Lexicon.orgWords.contains($0.lower) && !Lexicon.placeWords.contains($0.lower))
            || $0.isNumber || $0.startsWithDigit }
        if aw.count > 1 {
            let present = Set(words.enumerated().filter { !span.contains($0.offset) }.map { $0.element.lower })
            if aw.allSatisfy({ present.contains($0.lower) }) { return true }
        }
        for (k, w) in words.enumerated() where !span.contains(k) && (w.isWord || w.isNumber) {
            for a in telling {
                if multi && a.isCapitalized && !w.isCapitalized { continue }  // "the canal" gives no "Isthmian Canal Commission" away
                if w.lower == a.lower { return true }
                if a.lower.count >= 5, w.lower.count > a.lower.count, w.lower.hasPrefix(String(a.lower.dropLast())) { return true }
                if let country = Lexicon.demonyms[w.lower], country == a.lower { return true }
            }
        }
        return false
    }

    func cards<R: RandomNumberGenerator>(
        for f0: Fact, nth: Int, tokens t: [Word], sentence s: Sentence, candidates: Distractors.Index,
        allowTrueFalse: Bool, rng: inout R
    ) -> Outcome {
        let segs = Self.segments(t)
        guard let si = segs.firstIndex(where: { $0.start <= f0.start && f0.start < $0.end }) else { return .none }
        var we = segs[si].end
        if f0.end > we { return .none }
        let (m0, _) = QuestionWriter.mainClauseStart(t, end: t.count)
        if m0 < t.count, let mi = segs.firstIndex(where: { $0.start <= m0 && m0 < $0.end }) { we = max(we, segs[mi].end) }
        // a subject split by commas: extend until the main verb is in
        var hasVerb = false
        // a verb inside an appositive ("the USGS, a scientific agency founded in 1879, ...") is not the main verb
        func inAppositive(_ x: Int) -> Bool { segs.contains { ($0.kind == "appos" || $0.kind == "part") && $0.start > m0 && $0.start <= x && x < $0.end } }
        if m0 < t.count {
            for x in m0..<we where QuestionWriter.isVerb(t, x, start: m0) != nil && !Self.inRelative(t, x) && !inAppositive(x) { hasVerb = true; break }
        }
        var next = segs.firstIndex(where: { $0.end == we }).map { $0 + 1 } ?? segs.count
        while !hasVerb, next < segs.count {
            for x in segs[next].start..<segs[next].end where x > m0 && QuestionWriter.isVerb(t, x, start: m0) != nil && !Self.inRelative(t, x) && !inAppositive(x) { hasVerb = true; break }
            we = segs[next].end
            next += 1
        }
        if !hasVerb { return .none }
        // list items after the fact's clause: "igneous, sedimentary, and metamorphic"
        while next < segs.count, t[segs[next].start].text == ",", segs[next].kind == "coord" || (segs[next].kind == "other" && segs[next].end - segs[next].start <= 5) {
            we = segs[next].end
            next += 1
        }
        if si + 1 < segs.count, segs[si + 1].kind == "appos", f0.end == segs[si].end { we = max(we, segs[si + 1].end) }
        // a relative or appositive inside the main clause: the main clause goes on after it
        // ("Huguenots considered the Dutch Republic, which led the opposition to Louis XIV, as the most attractive ...")
        if ["rel", "appos"].contains(segs[si].kind), segs[si].start > m0, si + 1 < segs.count, segs[si + 1].kind == "other", we == segs[si].end {
            we = segs[si + 1].end
        }
        if let attr = segs.lastIndex(where: { $0.kind == "attr" }), attr > si { we = max(we, segs[attr].end) }
        if segs[si].start > 0, ["and", "or", "but"].contains(t[segs[si].start - 1].lower),
           let nx = segs.firstIndex(where: { $0.start == we }) {
            we = max(we, segs[nx].end)
        }
        // a short trailing phrase that qualifies the fact (", on average", ", each year") stays with it
        if let nx = segs.firstIndex(where: { $0.start == we }), segs[nx].end - segs[nx].start <= 6,
           (segs[nx].start..<segs[nx].end).contains(where: { QuestionWriter.qualifier(t, at: $0, end: segs[nx].end) != nil }) {
            we = segs[nx].end
        }
        // never end inside a subordinate clause before its verb ("... the Red Planet because iron oxide")
        // (relative clauses are never cut: "the only arteries that carry oxygen-poor blood" needs its clause to be true)
        if we < t.count, let sub = (f0.end..<we).last(where: { ["because", "when", "while", "although", "though", "since", "whereas"].contains(t[$0].lower) }),
           !((sub + 1)..<we).contains(where: { QuestionWriter.isVerb(t, $0, start: sub + 1) != nil }) {
            we = sub
        }
        // never end inside a "that" clause before its verb: "discoveries showed that the Earth's
        // lithosphere" (cut before ", which includes ...") states nothing
        if we < t.count, let that = (m0..<we).last(where: { $0 > 0 && t[$0].lower == "that" }),
           QuestionWriter.isVerb(t, that - 1, start: m0) != nil || Verbs.baseOfPast(t[that - 1].lower) != nil,
           !((that + 1)..<we).contains(where: { QuestionWriter.isVerb(t, $0, start: that + 1) != nil }) {
            return .none
        }
        // an item of a list must keep the rest of its list: "between liquid, solid and gas" cut to
        // "between ____" asks for one item and makes the sentence wrong
        // and a card never ends inside a list: "three stripes of green, gold and red" cut to "stripes of green" is false
        for e in [f0.end, we] where e < t.count {
            guard let listEnd = Self.listTailEnd(t, after: e) else { continue }
            if listEnd == Int.max { return .none }
            we = max(we, listEnd)
        }
        let window = 0..<we
        if Self.hedged(t[window], vocabulary: context.lowerVocabulary) { return .hedged }

        // display tokens: the window without parentheticals (unless they hold the answer)
        var d: [Word] = []
        var map = [Int](repeating: -1, count: t.count + 1)
        var k = 0
        if ["but", "and", "yet", "so", "or", "still"].contains(t[0].lower), f0.start > 1 {
            k = 1
            if t[1].text == "," { k = 2 }
        }
        while k < we {
            if t[k].text == "(" {
                var e = k + 1
                var depth = 1
                while e < we, depth > 0 { if t[e].text == "(" { depth += 1 }; if t[e].text == ")" { depth -= 1 }; e += 1 }
                if !(k < f0.start && f0.start < e) {
                    for x in k..<e { map[x] = d.count }
                    k = e; continue
                }
            }
            map[k] = d.count
            d.append(t[k])
            k += 1
        }
        map[we] = d.count
        while let last = d.last, [",", ";", "—", "–", "-", ":"].contains(last.text) { d.removeLast() }
        guard d.count >= 4 else { return .none }
        if d.count > 48 { return .none }  // too long to read as one card
        var f = f0
        guard map[f0.start] >= 0, map[f0.outerStart] >= 0 else { return .none }
        f.start = map[f0.start]; f.outerStart = map[f0.outerStart]
        f.end = map[f0.end] >= 0 ? map[f0.end] : d.count
        if let ne = f0.nounEnd { f.nounEnd = map[ne] >= 0 ? map[ne] : nil; if f.nounEnd == nil { return .none } }
        guard f.end <= d.count else { return .none }

        // a common word capitalised only because it opened the sentence ("Current plans call for ...")
        if let w0 = d.first, w0.isCapitalized, !w0.isAcronym, f.start > 0, !w0.synthetic,
           context.lowerVocabulary.contains(w0.lower) || Lexicon.openers.contains(w0.lower), !(d.count > 1 && d[1].isCapitalized && d[1].isWord) {
            d[0] = Word(w0.lower, kind: w0.kind, spaceBefore: false)
        }
        // leaks: the answer (or a word that gives it away) elsewhere in the text
        if Self.giveAway(answer: f.answer, in: d, skipping: f.start..<f.end) { return .none }
        for a in f.accept where !Text.contains(a, f.answer) && !a.utf8.contains(UInt8(ascii: "(")) && Self.giveAway(answer: a, in: d, skipping: f.start..<f.end) {
            return .none
        }
        if WordSplitter.tokenize(f.answer).allSatisfy({ Lexicon.stopWords.contains($0.lower) || $0.isPunct
            || Lexicon.units.contains($0.lower) || Lexicon.unitNames.contains($0.lower) }) { return .none }  // "Celsius" alone is no fact

        // cloze
        var clozeToks = Array(d[..<f.start])
        clozeToks.append(Word("____", kind: .word, spaceBefore: f.start > 0 && d[f.start].spaceBefore))
        clozeToks.append(contentsOf: d[f.end...])
        let cloze = Self.sentence(clozeToks)
        let question = QuestionWriter.write(d, fact: f).flatMap { q -> String? in
            let qt = WordSplitter.tokenize(q)
            if Self.giveAway(answer: f.answer, in: qt, skipping: 0..<0) { return nil }
            if qt.count > 40 || qt.count < 5 { return nil }
            return q
        }

        // quality
        var q = f.concreteness
        let evaluative = d.filter { Lexicon.evaluative.contains($0.lower) }.count
        q -= min(0.3, 0.08 * Double(evaluative))
        if d.count > 35 { q -= 0.12 }
        if d.count > 50 { q -= 0.15 }
        if ["sub", "rel", "part"].contains(segs[si].kind) { q -= 0.1 }
        if f.listCount > 1 { q -= 0.1 }
        // a name the article keeps repeating is an actor of the story, rarely the fact being taught
        if !f.type.isNumeric, let c = context.mentions[f.answer], c >= 4 { q -= min(0.3, 0.05 * Double(c)) }
        if question != nil { q += 0.05 }
        if d.contains(where: { $0.synthetic }) { q -= 0.03 }
        q -= 0.04 * Double(nth)
        q = max(0.05, min(1, q))

        var accept: [String] = []
        for a in f.accept where !accept.contains(a) && a != f.answer { accept.append(a) }
        let source = CardSource(sentence: s.original, section: s.section, paragraph: s.paragraph, index: s.index)
        let answerKey = AnswerKey.normalize(f.answer)
        var content = Set<String>()
        for (i, tok) in d.enumerated() where !(f.start..<f.end).contains(i) && tok.isWord && !Lexicon.stopWords.contains(tok.lower) {
            content.insert(tok.lower)
        }
        var drafts: [Draft] = []

        // card-type choices depend on the fact only (never on the seed), so ids survive regeneration
        var factHash: UInt64 = 0xcbf29ce484222325
        for b in (CardID.normalize(s.text) + "|" + f.answer).utf8 { factHash = (factHash ^ UInt64(b)) &* 0x100000001b3 }
        // the primary card: choice for answers hard to recall verbatim, else question, else cloze
        let prompt = question ?? cloze
        let wantsChoice = f.type == .money || f.detail == "score" || (f.value.map { $0 != $0.rounded() } ?? false)
            || f.answer.split(separator: " ").count >= 3 || (f.type == .percent && question == nil)
            || (f.type.isNumeric == false && factHash % 5 == 0)
        var primary: Card
        // One id whatever kind the card turns out to be: the kind depends on the distractors
        // at hand (other decks), and a new deck beside this one must not orphan its progress.
        // ("cloze" in the hash keeps the ids cards of that kind always had.)
        let primaryID = CardID.make(sentence: s.text, answer: f.answer, type: CardType.cloze.rawValue)
        if wantsChoice, let ds = Distractors.pick(for: f, question: prompt, index: candidates, pool: pool, rng: &rng) {
            var choices = ds + [f.answer]
            choices.shuffle(using: &rng)
            primary = Card(id: primaryID, type: .choice,
                           question: Self.articleFittingAll(prompt, choices), answer: f.answer, accept: accept, choices: choices, source: source,
                           score: 0, factType: f.confident ? f.type.rawValue : "name")
        } else if let qq = question {
            primary = Card(id: primaryID, type: .question,
                           question: qq, answer: f.answer, accept: accept, source: source, score: 0, factType: f.confident ? f.type.rawValue : "name")
        } else {
            primary = Card(id: primaryID, type: .cloze,
                           question: cloze, answer: f.answer, accept: accept, source: source, score: 0, factType: f.confident ? f.type.rawValue : "name")
        }
        primary.score = Self.round3(0.5 + 0.45 * q)
        drafts.append(Draft(card: primary, answerKey: answerKey, content: content, primary: true, sentence: s.index))

        // true/false where the clause reads as a plain statement
        let (dm, _) = QuestionWriter.mainClauseStart(d, end: d.count)
        let plain = (si == 0 || segs[0..<si].allSatisfy { ["main", "other", "coord"].contains($0.kind) })
            && QuestionWriter.parse(d, from: dm, to: d.count) != nil && !QuestionWriter.frontWords.contains(d[0].lower)
        if allowTrueFalse, plain, we == t.count, d.count >= 6, d.count <= 30, f.type != .term, f.listCount == 1, f.confident,
           d[0].isCapitalized, factHash % 3 == 0 {
            let makeFalse = (factHash >> 16) % 2 == 0
            var statement = Self.sentence(d)
            var answer = "True"
            let safeSwap = f.type.isNumeric || f.type == .person
            if makeFalse, safeSwap, let ds = Distractors.pick(for: f, question: cloze, index: candidates, pool: pool, rng: &rng) {
                var toks = Array(d[..<f.start])
                toks.append(contentsOf: WordSplitter.tokenize(ds[0]).enumerated().map { i, x in
                    var y = x; if i == 0 { y.spaceBefore = f.start > 0 && d[f.start].spaceBefore }; return y })
                toks.append(contentsOf: d[f.end...])
                statement = Self.sentence(toks)
                answer = "False"
            }
            let tf = Card(id: CardID.make(sentence: s.text, answer: f.answer, type: CardType.truefalse.rawValue), type: .truefalse,
                          question: "Is this statement correct? " + statement, answer: answer, accept: answer == "True" ? ["T", "yes", "correct"] : ["F", "no", "incorrect"],
                          source: source, score: Self.round3(0.1 + 0.3 * q), factType: f.confident ? f.type.rawValue : "name")
            drafts.append(Draft(card: tf, answerKey: answerKey, content: content, primary: false, sentence: s.index))
        }
        return .cards(drafts)
    }

    static func round3(_ x: Double) -> Double { (min(1, max(0, x)) * 1000).rounded() / 1000 }

    /// Tokens as a sentence: capitalised, ending with a full stop.
    static func sentence(_ toks: [Word]) -> String {
        var s = WordSplitter.join(toks)
        while let l = s.last, l == "," || l == ";" || l == " " || l == ":" { s.removeLast() }
        if let l = s.last, l != "." && l != "?" && l != "!" && l != "\"" && l != "”" { s += "." }
        if let f = s.first, f.isLowercase { s = f.uppercased() + s.dropFirst() }
        return s
    }

    mutating func rankAndDeduplicate(_ drafts: [Draft]) -> [Card] {
        let sorted = drafts.enumerated().sorted { a, b in
            if a.element.card.score != b.element.card.score { return a.element.card.score > b.element.card.score }
            return a.offset < b.offset
        }.map(\.element)
        var kept: [Draft] = []
        var byAnswer: [String: [Draft]] = [:]
        var questions = Set<String>()
        var ids = Set<String>()
        for d in sorted {
            let qn = CardID.normalize(d.card.question)
            if questions.contains(qn) || ids.contains(d.card.id) { summary.duplicatesDropped += 1; continue }
            let same = byAnswer[d.answerKey] ?? []
            let dup = same.contains { k in
                guard k.answerKey == d.answerKey, k.primary == d.primary else { return false }
                let inter = k.content.intersection(d.content).count
                let uni = k.content.union(d.content).count
                return uni == 0 || Double(inter) / Double(uni) >= 0.35 || k.sentence == d.sentence
            }
            if dup { summary.duplicatesDropped += 1; continue }
            if d.primary, same.filter({ $0.primary }).count >= 2 { summary.duplicatesDropped += 1; continue }
            kept.append(d)
            byAnswer[d.answerKey, default: []].append(d)
            questions.insert(qn)
            ids.insert(d.card.id)
        }
        return kept.map(\.card)
    }
}
