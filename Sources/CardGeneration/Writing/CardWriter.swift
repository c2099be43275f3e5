import Hashing
import Articles
import DeckModel
import Language

/// One candidate card before ranking and de-duplication.
struct Draft: Sendable {
    var card: Card
    var answerKey: String
    var content: Set<String>
    var primary: Bool
    var sentence: Int
}

/// Writes the cards of one sentence: for each answer that passes every check, the best
/// card it can be (a question where the tree allows one, a multiple choice where three good
/// options exist, else a cloze), sometimes with a true/false card beside it.
struct CardWriter {
    let knowledge: ArticleKnowledge
    let questions: QuestionBuilder
    let distractors: Distractors
    let pool: DistractorPool
    let analyzer: SentenceAnalyzer
    /// Answers of one sentence that get a question written: a card or two more than a
    /// sentence keeps (`DeckWriter.cardsPerSentence`).
    static let questionsPerSentence = 4

    func drafts<R: RandomNumberGenerator>(
        sentence s: Sentence, view: SentenceView, candidates: [AnswerCandidate], allowTrueFalse: Bool, rng: inout R
    ) -> [Draft] {
        var out: [Draft] = []
        var madeTrueFalse = false
        let p = view.parse
        guard Self.dashesPaired(view) else { return [] }
        let shownWords = p.words.indices.filter { !view.removed.contains($0) && p.words[$0].tag != .punct }.count
        // Writing and re-parsing a question is the dear part: only the few answers likely to
        // be kept for this sentence get one; the rest can still be clozes.
        let asked = Set(candidates.indices.sorted { a, b in
            score(candidates[a], nth: a, words: shownWords, view: view, hasQuestion: false) > score(candidates[b], nth: b, words: shownWords, view: view, hasQuestion: false)
        }.prefix(Self.questionsPerSentence))
        for (nth, c) in candidates.enumerated() {
            guard !knowledge.isTopic(c.answer), !knowledge.mostlyTopic(c.answer) else { continue }
            guard c.span.count <= 8, Self.isLatinScript(c.answer), !isWeakAnswer(c, in: view), Self.isConstituent(c, in: p) else { continue }
            // a piece of a hyphenated word ("-φορος") is no answer
            if c.span.lowerBound > 0, p.words[c.span.lowerBound - 1].form == "-", !p.words[c.span.lowerBound - 1].spaceAfter { continue }
            let cloze = view.text(gap: c.span)
            // enough words around the gap to know what is asked ("Race day is ____." is not)
            let around = cloze.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).filter { w in
                !Lexicon.stopWords.contains(w.lowercased())
            }.count
            guard around >= 3 else { continue }
            guard !givesAway(c, in: view), isAnchored(c, in: view), !Self.cutsThroughPunctuation(c.answer) else { continue }
            var question = asked.contains(nth) ? questions.question(for: c, in: view) : nil
            if let q = question, !isWellFormed(q) { question = nil }

            // the sentence as the page has it (reference marks and all); ids come from the clean text
            let source = CardSource(sentence: s.original, section: s.section, paragraph: s.paragraph, index: s.index)
            let id = CardID.make(sentence: s.text, answer: c.answer, type: CardType.cloze.rawValue)
            let factHash = Self.hash(CardID.normalize(s.text) + "|" + c.answer)
            let factType = c.confident ? c.type.rawValue : "name"
            let accept = acceptable(c)
            var primary: Card
            let wantsChoice = [.percent, .money].contains(c.type) || (c.type == .number && c.detail != "count")
                || (question == nil && factHash % 3 == 0)
            if wantsChoice, let options = distractors.pick(for: c, prompt: question ?? cloze, pool: pool, rng: &rng) {
                var choices = options + [c.answer]
                choices.shuffle(using: &rng)
                primary = Card(id: id, type: .choice, question: Self.articleFittingAll(question ?? cloze, choices), answer: c.answer,
                               accept: accept, choices: choices, source: source, score: 0, factType: factType)
            } else if let q = question {
                primary = Card(id: id, type: .question, question: q, answer: c.answer, accept: accept, source: source, score: 0, factType: factType)
            } else {
                primary = Card(id: id, type: .cloze, question: cloze, answer: c.answer, accept: accept, source: source, score: 0, factType: factType)
            }
            let quality = score(c, nth: nth, words: shownWords, view: view, hasQuestion: question != nil)
            primary.score = Self.round3(0.5 + 0.45 * quality)
            primary.claim = ClaimReader().claim(for: c, in: view)
            let content = contentWords(view, except: c.span)
            out.append(Draft(card: primary, answerKey: AnswerKey.normalize(c.answer), content: content, primary: true, sentence: s.index))

            if allowTrueFalse, !madeTrueFalse, factHash % 4 == 1, shownWords <= 30, [.person, .year, .date, .number, .percent].contains(c.type), c.confident,
               let tf = trueFalse(c, view: view, source: source, quality: quality, makeFalse: (factHash >> 8) % 2 == 0, rng: &rng) {
                out.append(Draft(card: tf, answerKey: AnswerKey.normalize(c.answer), content: content, primary: false, sentence: s.index))
                madeTrueFalse = true
            }
        }
        return out
    }

    // MARK: checks

    /// Whether a student knows what the card is about. A statement tied to a time ("Elections
    /// since the 1930s have been dominated by ...", "In 2008 the leading cause of death was
    /// ...") is about some country, body or person; when the rest of the card names nobody
    /// and nothing (no proper name, nothing filled in), the article's topic is missing from it
    /// and no card is made. A timeless general statement ("____ is the process by which water
    /// vapour condenses") stands alone without a name.
    func isAnchored(_ c: AnswerCandidate, in view: SentenceView) -> Bool {
        let p = view.parse
        if !view.replaced.isEmpty { return true }
        // An article about a country, a body or a person speaks of it without naming it ("The
        // two main types of forest are ...", "As recorded in the 2013 census, ____ is the most
        // widely spoken ..."): a card from such a sentence must name the topic or another
        // place, body or person the article knows, or the student cannot tell what it is about.
        if [.place, .organisation, .person].contains(knowledge.topicKind) {
            let known = p.names.contains { n in
                !n.words.overlaps(c.span) && view.isIntact(n.words)
                    && { let t = String(p.text(of: n.words)); return knowledge.isTopic(t) || knowledge.kind(of: t) != nil }()
            }
            let shown = view.text(gap: c.span).lowercased()
            let topicNamed = [knowledge.topicName, knowledge.topicEntity ?? ""].contains { !$0.isEmpty && shown.contains($0.lowercased()) }
            if !known && !topicNamed { return false }
        }
        let named = p.words.contains { w in
            !c.span.contains(w.index) && !view.removed.contains(w.index) && w.form.first?.isUppercase == true
                && w.form != "I" && (w.index > 0 || w.tag == .propn)  // "the Chilean government" names one too
        }
        let dated = [.year, .date].contains(c.type) || p.words.contains { w in
            !c.span.contains(w.index) && !view.removed.contains(w.index) && w.form.count >= 4 && w.form.prefix(4).allSatisfy(\.isNumber) && (w.form.count == 4 || w.form.hasSuffix("s"))
        }
        let past = p.root.map { r in p.words[r].pennTag == "VBD" || p.auxiliaries(of: r).contains { p.words[$0].pennTag == "VBD" } || p.copula(of: r).map { p.words[$0].pennTag == "VBD" } == true } ?? false
        // a past event needs a when or a who/where the article knows: "Hard-line Muslims
        // known as Salafists attacked bars" (its "After the collapse ... in 2011" cut) says
        // neither
        if named && past && !dated {
            return p.names.contains { n in
                !n.words.overlaps(c.span) && view.isIntact(n.words)
                    && { let t = String(p.text(of: n.words)); return knowledge.isTopic(t) || [.person, .place, .organisation].contains(knowledge.kind(of: t)) }()
            }
        }
        if named { return true }
        return !(dated || past)
    }

    /// A gap is a whole phrase of the tree: no word in it but its head hangs from a word
    /// outside it ("oppose ____ state" for "Louis and the French" of "Louis and the French
    /// state" is a piece of a phrase).
    static func isConstituent(_ c: AnswerCandidate, in p: ParsedSentence) -> Bool {
        // figures and dates are read off the surface ("from 1961 to 1964"), not the tree
        guard [.person, .place, .organisation, .term].contains(c.type) else { return true }
        var outside = 0
        for k in c.span where p.words[k].tag != .punct {
            guard let h = p.words[k].head else { outside += 1; continue }
            if !c.span.contains(h) { outside += 1 }
        }
        return outside <= 1
    }

    /// Dashes that came in a pair ("beach and die – from exhaustion ... – an acute sense")
    /// and are shown one without the other: what is left is no sentence.
    static func dashesPaired(_ view: SentenceView) -> Bool {
        let dashes: Set<String> = ["–", "—", "--"]
        let all = view.parse.words.filter { dashes.contains($0.form) }.count
        let shown = view.parse.words.filter { dashes.contains($0.form) && !view.removed.contains($0.index) }.count
        return all % 2 == 1 || shown % 2 == 0
    }

    /// An answer that starts or ends inside a quotation or with a stray mark ("' header",
    /// "0'") is a gap cut through the text.
    static func cutsThroughPunctuation(_ answer: String) -> Bool {
        let marks: Set<Character> = ["'", "\"", "‘", "’", "“", "”", "(", ")", "[", "]", ",", ";", ":"]
        guard let first = answer.first, let last = answer.last else { return true }
        // "Easterby's—by": a dash joined to a word runs into the next phrase
        if answer.contains("—") || answer.contains("–") { return true }
        return marks.contains(first) || marks.contains(last)
    }

    /// The rest of the card names the answer: a word of it, its acronym or expansion, or a
    /// word of the same stem ("Confederate" beside a gap for "Confederacy").
    func givesAway(_ c: AnswerCandidate, in view: SentenceView) -> Bool {
        let p = view.parse
        var rest: [String] = []
        for k in p.words.indices where !c.span.contains(k) && !view.removed.contains(k) {
            if let r = view.replaced[k] {
                rest.append(contentsOf: r.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
            } else {
                rest.append(p.words[k].form.lowercased())
            }
        }
        // the deck's title is on screen too
        rest.append(contentsOf: knowledge.topicName.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
        let restSet = Set(rest)
        let restLemmas = Set(p.words.indices.filter { !c.span.contains($0) && !view.removed.contains($0) && [.noun, .verb].contains(p.words[$0].tag) }.map { p.words[$0].lemma.lowercased() })
        // a person whose surname the card shows ("the Truman Doctrine", "Orville Wright")
        if c.type == .person, c.span.count >= 2, let last = p.words[c.span.upperBound - 1].form.lowercased() as String?, last.count >= 3, restSet.contains(last) { return true }
        let contentTags: Set<UniversalTag> = [.noun, .propn, .num, .adj, .verb]
        let answerWords = c.span.map { p.words[$0] }.filter { w in
            let l = w.form.lowercased()
            return contentTags.contains(w.tag) && w.form.count >= 3 && !Lexicon.units.contains(l) && l != "percent"
        }
        // a word of the answer in the rest gives it away; for a name of several words, half
        // of them do ("Bank of Korea" beside "North Korea" does not)
        var shown = 0
        for w in answerWords {
            let l = w.form.lowercased()
            var hit = restSet.contains(l) || restSet.contains(w.lemma.lowercased())
            // same stem: the first six letters of a long word
            if !hit, l.count >= 7 {
                let stem = l.prefix(6)
                hit = rest.contains { $0.count >= 6 && $0.hasPrefix(stem) }
            }
            // inside a longer word: "Bank of America" beside "BankAmericard"
            if !hit, l.count >= 4 { hit = rest.contains { $0.count > l.count && $0.contains(l) } }
            // a word of the rest starts it: "tools" beside "toolchain"
            if !hit, l.count >= 6 { hit = restLemmas.contains { $0.count >= 4 && l.hasPrefix($0) } }
            if hit { shown += 1 }
        }
        let isName = c.span.allSatisfy { p.words[$0].tag == .propn || p.words[$0].form.first?.isUppercase == true || p.words[$0].tag == .adp || p.words[$0].tag == .det }
        if isName && answerWords.count >= 2 ? shown * 2 > answerWords.count : shown > 0 { return true }
        // the name's own head word beside it ("the Federal Flag Code ... the ____" for "U.S.
        // Flag"); a person's first name is no such word
        if c.type != .person, c.span.count >= 2, let head = answerWords.first(where: { $0.index == c.head }), head.tag != .propn || p.relation(c.head) != "flat",
           restSet.contains(head.form.lowercased()) { return true }
        // an abbreviation given in full beside it ("BSkyB" beside "British Sky Broadcasting")
        let capitals = c.answer.filter(\.isUppercase)
        if !c.answer.contains(" "), capitals.count >= 2, capitals.count <= 6 {
            let shownWords = p.words.indices.filter { !c.span.contains($0) && !view.removed.contains($0) }.map { p.words[$0].form }
            for start in shownWords.indices where start + capitals.count <= shownWords.count {
                let run = shownWords[start..<start + capitals.count]
                if run.allSatisfy({ $0.first?.isUppercase == true }), String(run.compactMap(\.first)) == String(capitals) { return true }
            }
        }
        if let acr = knowledge.expansions[c.answer], restSet.contains(acr.lowercased()) { return true }
        // an abbreviation of the answer beside it ("BSkyB" for "British Sky Broadcasting")
        let initials = String(c.answer.split(separator: " ").compactMap { w in w.first.flatMap { $0.isUppercase ? $0 : nil } })
        if initials.count >= 2 {
            for k in p.words.indices where !c.span.contains(k) {
                let capitals = String(p.words[k].form.filter(\.isUppercase))
                if capitals == initials && p.words[k].form.count <= initials.count + 4 { return true }
            }
        }
        if let x = knowledge.acronyms[c.answer] {
            let xs = x.lowercased().split(separator: " ").map(String.init).filter { $0.count >= 4 }
            if !xs.isEmpty, xs.allSatisfy(restSet.contains) { return true }
        }
        return false
    }

    /// Answers a student could not be asked fairly: one of an open list ("including X, Y
    /// and Z", "such as"), the Sun or the Earth, a word of the deck's title, part of a
    /// longer name, a name inside a foreign phrase.
    func isWeakAnswer(_ c: AnswerCandidate, in view: SentenceView) -> Bool {
        let p = view.parse
        let lower = c.answer.lowercased()
        if ["sun", "earth", "moon", "world", "the sun", "the earth", "the moon"].contains(lower) { return true }
        if !c.answer.contains(" "), c.answer.count > 2, Set(knowledge.topicName.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)).contains(lower) { return true }
        if c.answer.split(separator: " ").contains(where: { Lexicon.weekdays.contains($0.lowercased()) }) { return true }
        // "off the coast of Queensland, ____": the country or state a place is written with
        if [.place].contains(c.type) || Geography.isCountry(c.answer), c.span.lowerBound >= 2, p.words[c.span.lowerBound - 1].form == ",",
           p.words[c.span.lowerBound - 2].tag == .propn, c.span.upperBound >= p.words.count || [".", ",", ";", ")"].contains(p.words[c.span.upperBound].form),
           let before = p.names.first(where: { $0.words.upperBound == c.span.lowerBound - 1 }),
           knowledge.kind(of: String(p.text(of: before.words))) == .place || Geography.isRegion(String(p.text(of: before.words))) || p.relation(c.head) == "appos"
            || Geography.isCountry(c.answer) { return true }
        // in a city's article, the country it is in ("the best hospital in all of ____" in
        // Warsaw's) is the topic's own setting: the country the article names most
        if knowledge.topicKind == .place, let t = knowledge.topicEntity, !Geography.isCountry(t), Geography.isCountry(c.answer),
           let most = knowledge.names.filter({ Geography.isCountry($0.key) }).max(by: { $0.value.mentions < $1.value.mentions || $0.value.mentions == $1.value.mentions && $0.key > $1.key }),
           most.key == c.answer { return true }
        // a description, not a fact: an adjective leading a common-word answer ("intense
        // discontent", "upcoming symposium", "diverse scenery") or an adjective alone ("fuller")
        if c.type == .term, let first = c.span.first, ["JJ", "JJR", "JJS"].contains(p.words[first].pennTag), p.words[first].form.first?.isLowercase == true { return true }
        // a piece of a name joined by a particle ("Johannes Gensfleisch zur ____ zum Gutenberg")
        let particles: Set<String> = ["zur", "zum", "von", "van", "der", "den", "de", "del", "della", "da", "di", "du", "la", "le", "bin", "ibn", "al", "y"]
        if c.span.lowerBound >= 2, particles.contains(p.lower(c.span.lowerBound - 1)), p.words[c.span.lowerBound - 2].form.first?.isUppercase == true { return true }
        if c.span.upperBound + 1 < p.words.count, particles.contains(p.lower(c.span.upperBound)), p.words[c.span.upperBound + 1].form.first?.isUppercase == true { return true }
        // a name cut before its number ("Channel ____" of "Channel 4")
        if c.span.upperBound < p.words.count, p.words[c.span.upperBound].pennTag == "CD", let h = p.words[c.span.upperBound].head, c.span.contains(h), c.type != .term || p.words[c.head].tag == .propn { return true }
        // a unit after its number ("4.2 ____" for teraflops, "$38 an ____"): the figure is the fact
        if c.type == .term, c.span.lowerBound > 0, p.words[c.span.lowerBound - 1].pennTag == "CD" || ["a", "an", "per"].contains(p.lower(c.span.lowerBound - 1)) && c.span.lowerBound > 1 && p.words[c.span.lowerBound - 2].pennTag == "CD" { return true }
        // a piece of a word or name joined by a hyphen or slash ("____-street")
        if c.span.upperBound < p.words.count, ["-", "/"].contains(p.words[c.span.upperBound].form), !p.words[c.span.upperBound - 1].spaceAfter { return true }
        // "Hadrian's Wall is a former ____": the topic's own kind is no fact to ask
        if c.type == .term, let r = p.root, c.span.contains(r) || p.words[c.head].head == nil, p.copula(of: c.head) != nil,
           let s = p.subject(of: c.head), let name = p.names.first(where: { $0.words.contains(s) }), knowledge.isTopic(String(p.text(of: name.words))) { return true }
        // an item of a list of examples ("including X, Y and Z", "such as", "like"): other
        // answers are just as true; a single example ("such as 3D printing") is fine, and so
        // is an item of a plain list ("exports coal, iron ore and other minerals")
        let first = p.relation(c.head) == "conj" ? (p.words[c.head].head ?? c.head) : c.head
        let isList = p.relation(c.head) == "conj" || !p.children(of: c.head, in: ["conj"]).isEmpty
        if isList {
            let lo = min(first, c.span.lowerBound, p.subtree(of: first).lowerBound)
            let before = (max(0, lo - 2)..<lo).map { p.lower($0) } + (lo < p.words.count ? [p.lower(lo)] : [])
            if before.contains("including") || before.contains("like") || zip(before, before.dropFirst()).contains(where: { $0 == "such" && $1 == "as" }) { return true }
            // "13 natural reserves – among others, X, Y, Z": one of more
            let earlier = (max(0, lo - 4)..<lo).map { p.lower($0) }
            if zip(earlier, earlier.dropFirst()).contains(where: { $0 == "among" && $1 == "others" }) || earlier.contains("e.g.") { return true }
        }
        // "a ____ of interest", "a ____ of communications": a word that only measures or
        // frames what follows
        if c.type == .term, c.span.count == 1, c.span.lowerBound > 0, ["a", "an"].contains(p.lower(c.span.lowerBound - 1)),
           c.span.upperBound < p.words.count, p.lower(c.span.upperBound) == "of" { return true }
        // a capitalised word right before or after a name: the name goes on ("UNESCO World Heritage Sites")
        if c.answer.first?.isUppercase == true {
            let before = c.span.lowerBound - 1, after = c.span.upperBound
            if before > 0, p.words[before].form.first?.isUppercase == true, p.words[before].tag != .punct, view.isIntact(before) { return true }
            if after < p.words.count, p.words[after].form.first?.isUppercase == true, p.words[after].tag != .punct { return true }
            // "the Nobel Prize in Chemistry": the name goes on past a small word
            if after + 1 < p.words.count, ["in", "of", "for", "on"].contains(p.lower(after)), p.words[after + 1].form.first?.isUppercase == true,
               p.words[after + 1].tag == .propn, ![.place].contains(c.type) || p.lower(after) != "in" {
                if let h = p.words[after + 1].head, c.span.contains(h) || p.words[after].head == after + 1 && h == c.head { return true }
            }
        }
        // a name in a phrase of another language ("An der schönen blauen Donau")
        let near = (max(0, c.span.lowerBound - 3)..<c.span.lowerBound).filter { p.words[$0].form.first?.isLowercase == true && p.words[$0].form.allSatisfy(\.isLetter) }
        if near.contains(where: { WordFrequency.zipf(p.words[$0].form) == 0 && p.words[$0].form.count > 2 }) { return true }
        return false
    }

    /// A question the generator wrote, parsed again: it must be a wh-question whose last
    /// word is no dangling determiner, preposition or conjunction.
    func isWellFormed(_ q: String) -> Bool {
        let parsed = analyzer.analyse(q)
        guard case .wh = parsed.questionForm else { return false }
        guard let last = parsed.words.last(where: { $0.tag != .punct }) else { return false }
        // it ends on a word that says something, or on the "from" of "Where ... from?"
        let endsWell = [.noun, .propn, .verb, .adj, .num, .adv, .pron, .x].contains(last.tag) && !["while", "when", "after", "before", "because", "as", "than", "that", "which"].contains(last.form.lowercased())
        if !endsWell && !(q.hasPrefix("Where") && ["from", "to"].contains(last.form.lowercased())) { return false }
        return true
    }

    /// Other ways to write the answer that a student may type.
    func acceptable(_ c: AnswerCandidate) -> [String] {
        var out: [String] = []
        if let acr = knowledge.expansions[c.answer] { out.append(acr) }
        if let x = knowledge.acronyms[c.answer] { out.append(x) }
        return out.filter { $0 != c.answer }
    }

    // MARK: score

    func score(_ c: AnswerCandidate, nth: Int, words: Int, view: SentenceView, hasQuestion: Bool) -> Double {
        var q: Double
        switch c.type {
        case .year, .date: q = 0.85
        case .person: q = c.confident ? 0.85 : 0.6
        case .place, .organisation: q = c.confident ? 0.8 : 0.6
        case .percent, .money: q = 0.85
        case .number: q = c.detail == "count" ? 0.7 : 0.75
        case .term: q = 0.55
        }
        if hasQuestion { q += 0.05 }
        if words > 35 { q -= 0.1 }
        if words > 45 { q -= 0.1 }
        let evaluative = view.parse.words.filter { Lexicon.evaluative.contains($0.form.lowercased()) }.count
        q -= min(0.2, 0.05 * Double(evaluative))
        // what the article keeps coming back to is what a reader is asked about
        let mentions = knowledge.mentions(of: c.answer)
        if mentions >= 2 { q += min(0.15, 0.05 * Double(mentions - 1)) }
        if c.answer.split(separator: " ").count >= 3 { q += 0.04 }
        // who said so: "According to a report by the Bank of Korea, ..."
        if isAttribution(c, in: view.parse) { q += 0.1 }
        if !view.replaced.isEmpty { q -= 0.03 }
        q -= 0.03 * Double(nth)
        return max(0.05, min(1, q))
    }

    /// The source a sentence cites: the name in "according to (a report by) X".
    func isAttribution(_ c: AnswerCandidate, in p: ParsedSentence) -> Bool {
        guard c.span.lowerBound >= 2 else { return false }
        let before = (max(0, c.span.lowerBound - 6)..<c.span.lowerBound).map { p.lower($0) }
        return before.contains("according") && before.contains("to")
    }

    func contentWords(_ view: SentenceView, except span: Range<Int>) -> Set<String> {
        var out = Set<String>()
        for w in view.parse.words where !span.contains(w.index) && [.noun, .propn, .verb, .adj, .num].contains(w.tag) {
            out.insert(w.lemma.lowercased())
        }
        return out
    }

    // MARK: true/false

    func trueFalse<R: RandomNumberGenerator>(
        _ c: AnswerCandidate, view: SentenceView, source: CardSource, quality: Double, makeFalse: Bool, rng: inout R
    ) -> Card? {
        var statement = view.text()
        var answer = "True"
        if makeFalse {
            guard let options = distractors.pick(for: c, prompt: statement, pool: pool, rng: &rng) else { return nil }
            // a swapped value must not make the statement true some other way
            let sentenceNumbers = Set(NumberOptions.numberRanges(in: statement).map { String(statement[$0]) })
            guard let swap = options.first(where: { o in
                NumberOptions.numberRanges(in: o).allSatisfy { !sentenceNumbers.contains(String(o[$0])) }
            }) else { return nil }
            statement = view.text(gap: c.span, gapText: swap)
            answer = "False"
        }
        return Card(
            id: CardID.make(sentence: source.sentence, answer: c.answer, type: CardType.truefalse.rawValue), type: .truefalse,
            question: "Is this statement correct? " + statement, answer: answer,
            accept: answer == "True" ? ["T", "yes", "correct"] : ["F", "no", "incorrect"],
            source: source, score: Self.round3(0.1 + 0.3 * quality), factType: c.type.rawValue)
    }

    // MARK: helpers

    static func hash(_ s: String) -> UInt64 { FNV1a.hash(s) }

    /// Letters of the Latin alphabet (accents allowed), digits and punctuation: a card
    /// asks for nothing a student cannot type.
    static func isLatinScript(_ s: String) -> Bool {
        s.unicodeScalars.allSatisfy { !$0.properties.isAlphabetic || $0.value < 0x250 || (0x1E00...0x1EFF).contains($0.value) }
    }

    static func round3(_ x: Double) -> Double { (min(1, max(0, x)) * 1000).rounded() / 1000 }

    /// "with an ____" and options that start with a consonant: "a(n)", unless every option
    /// takes the same article.
    static func articleFittingAll(_ prompt: String, _ options: [String]) -> String {
        guard let gap = prompt.range(of: "____") else { return prompt }
        let before = prompt[..<gap.lowerBound]
        let word = before.dropLast().split(separator: " ").last.map(String.init) ?? ""
        guard before.hasSuffix(" ") || before.isEmpty, ["a", "an"].contains(word.lowercased()) else { return prompt }
        func takesAn(_ s: String) -> Bool { s.first.map { "aeiouAEIOU".contains($0) } ?? false }
        guard Set(options.map(takesAn)).count > 1 else { return prompt }
        let start = before.index(before.endIndex, offsetBy: -(word.count + 1))
        return String(prompt[..<start]) + (word.first!.isUppercase ? "A(n) " : "a(n) ") + String(prompt[gap.lowerBound...])
    }
}
