import Language

/// Makes a sentence stand alone: every pronoun, "this/that + noun" and "the + noun" that
/// points back is filled in with what it stands for, or the sentence gives no card. A
/// referent is filled only when exactly one candidate agrees with it (person or thing,
/// number, gender) among the salient ones: someone named earlier in the same sentence,
/// the previous sentence's subject, the article's topic. A wrong person named is a false
/// fact; a missing card costs nothing.
struct ReferentResolver {
    let knowledge: ArticleKnowledge
    /// The article's topic as a mention ("Edwin P. Hubble", "the Tour de France").
    let topic: Mention?
    /// Nouns that name one thing in the world whatever came before ("the sun").
    static let unique: Set<String> = ["sun", "moon", "earth", "world", "universe", "sky", "internet", "equator", "atmosphere", "ocean", "public", "environment"]
    static let personal: [String: (kind: Mention.Kind?, plural: Bool, gender: Gender?)] = [
        "he": (.person, false, .male), "him": (.person, false, .male), "his": (.person, false, .male),
        "she": (.person, false, .female), "her": (.person, false, .female), "hers": (.person, false, .female),
        "it": (.thing, false, nil), "its": (.thing, false, nil),
        "they": (nil, true, nil), "them": (nil, true, nil), "their": (nil, true, nil), "theirs": (nil, true, nil),
    ]

    init(knowledge: ArticleKnowledge) {
        self.knowledge = knowledge
        guard !knowledge.topicName.isEmpty else { topic = nil; return }
        let name = knowledge.topicName
        switch knowledge.topicKind {
        case .person?:
            topic = Mention(text: name, kind: .person, plural: false, gender: knowledge.gender(of: name) ?? Self.topicGender(knowledge))
        case .place?, .organisation?:
            topic = Mention(text: knowledge.written(name), kind: .thing, plural: false, gender: nil, isKnownThing: true)
        default:
            topic = nil
        }
    }

    static func topicGender(_ k: ArticleKnowledge) -> Gender? {
        // the name that is the topic, looked up by its words
        for (name, e) in k.names where k.isTopic(name) {
            if e.male > e.female { return .male }
            if e.female > e.male { return .female }
        }
        return nil
    }

    /// Fills in `view`'s references, returning why it cannot stand alone, or nil.
    func resolve(_ view: inout SentenceView, sentence: Int, state: ReadingState) -> String? {
        let p = view.parse
        var shown = Set<String>()
        for w in p.words where view.isIntact(w.index) {
            let i = w.index
            let l = w.form.lowercased()
            if w.tag == .pron, let agreement = Self.personal[l], ["PRP", "PRP$"].contains(w.pennTag) {
                if l == "it" && isExpletive(i, in: p) { continue }
                // something it can stand for is shown earlier in the sentence: the card
                // reads as the sentence does ("ctenophores can eat ten times their weight")
                if hasAntecedentBefore(i, agreement: agreement, in: p, view: view) || standsForOwnSubject(i, agreement: agreement, in: p, view: view) { continue }
                // "it" and "they" are read only as a subject (or its possessive): as an
                // object they mostly stand for the sentence before's object, which is
                // guesswork
                if agreement.kind != .person, !isSubjectLike(i, in: p) { return "unresolved \"\(w.form)\"" }
                guard let m = antecedent(for: i, agreement: agreement, in: p, view: view, state: state) else {
                    return "unresolved \"\(w.form)\""
                }
                // named once in the sentence (as written, or filled in just before), a
                // pronoun reads as it stands: "Kahlo gave her year of birth"
                if shown.contains(m.text) || p.names.contains(where: { $0.words.upperBound <= i && view.isIntact($0.words) && String(p.text(of: $0.words)) == m.text }) {
                    continue
                }
                let possessive = w.pennTag == "PRP$" || l == "hers" || l == "theirs"
                view.replaced[i] = possessive ? m.text + "'s" : m.text
                shown.insert(m.text)
                continue
            }
            if ["this", "that", "these", "those"].contains(l) {
                let restricted = { (k: Int) in p.children(of: k, in: ["acl", "nmod"]).contains { $0 > k } }
                if w.tag == .pron && w.pennTag == "DT" {
                    if restricted(i) { continue }
                    return "unresolved \"\(w.form)\""
                }
                if w.tag == .det, let h = w.head, restricted(h) { continue }
                if w.tag == .det && p.relation(i) == "det", let h = w.head, p.words[h].tag == .noun {
                    if let name = topicFor(noun: h, in: p) {
                        replace(view: &view, from: i, through: h, with: name)
                        continue
                    }
                    return "unresolved \"\(w.form) \(p.words[h].form)\""
                }
            }
            if l == "such" && (w.tag == .det || w.tag == .adj), !(i + 1 < p.words.count && p.lower(i + 1) == "as") { return "unresolved \"such\"" }
            if ["same", "following", "latter", "former", "previous", "aforementioned", "next"].contains(l),
               w.tag == .adj, let h = w.head, p.children(of: h, in: ["det"]).contains(where: { p.lower($0) == "the" }) {
                return "unresolved \"the \(w.form)\""
            }
            if l == "later" || l == "earlier", w.tag == .adv, p.children(of: i).contains(where: { p.words[$0].tag == .noun }) {
                return "unresolved \"... \(w.form)\""
            }
            if l == "the", p.relation(i) == "det", let h = w.head, p.words[h].tag == .noun, pointsBack(h, in: p, sentence: sentence) {
                if let name = topicFor(noun: h, in: p) {
                    replace(view: &view, from: i, through: h, with: name)
                    continue
                }
                return "unresolved \"the \(p.words[h].form)\""
            }
        }
        return nil
    }

    /// A noun or name earlier in the sentence, shown as written, that agrees with the
    /// pronoun at `i` (number; person or thing).
    func hasAntecedentBefore(_ i: Int, agreement: (kind: Mention.Kind?, plural: Bool, gender: Gender?), in p: ParsedSentence, view: SentenceView) -> Bool {
        let own = p.words[i].head
        for k in 0..<i where view.isIntact(k) && k != own {
            let w = p.words[k]
            guard w.tag == .noun || w.tag == .propn else { continue }
            // the head of a name or of a compound only
            if ["compound", "flat"].contains(p.relation(k)) { continue }
            let plural = w.pennTag.hasSuffix("S") || !p.children(of: k, in: ["conj"]).isEmpty
            guard plural == agreement.plural else { continue }
            let name = w.tag == .propn ? p.names.first { $0.words.contains(k) }.map { String(p.text(of: $0.words)) } : nil
            let e = name.flatMap { knowledge.names[$0] } ?? .init()
            let kind = name.flatMap { knowledge.kind(of: $0) }
            switch agreement.kind {
            case .person?:
                guard name != nil, kind == .person || kind == nil && e.thing + e.place + e.organisation == 0 else { continue }
                if let g = agreement.gender, let n = name, let ng = knowledge.gender(of: n), g != ng { continue }
                return true
            case .thing?:
                if name != nil, kind == .person || kind == nil && (e.person > 0 || e.male + e.female > 0) { continue }
                return true
            case nil:
                return true
            }
        }
        return false
    }

    /// A subject, or the possessive of a subject ("Its capital is ...").
    func isSubjectLike(_ i: Int, in p: ParsedSentence) -> Bool {
        if p.relation(i) == "nsubj" { return true }
        if p.words[i].relation.rawValue == "nmod:poss", let h = p.words[i].head, p.relation(h) == "nsubj" { return true }
        return false
    }

    /// A pronoun that stands for its own clause's subject, a name shown earlier in the
    /// sentence ("Kahlo gave her year of birth as 1910"): nothing to fill in.
    func standsForOwnSubject(_ i: Int, agreement: (kind: Mention.Kind?, plural: Bool, gender: Gender?), in p: ParsedSentence, view: SentenceView) -> Bool {
        guard p.relation(i) != "nsubj", let r = p.root, let s = p.subject(of: r), s < i, p.words[s].tag != .pron, view.isIntact(s) else { return false }
        let plural = p.words[s].pennTag.hasSuffix("S") || !p.children(of: s, in: ["conj"]).isEmpty
        guard plural == agreement.plural else { return false }
        let name = p.names.first { $0.words.contains(s) }.map { String(p.text(of: $0.words)) }
        switch agreement.kind {
        // a name of unknown kind will do when nothing says it is the other kind: the
        // pronoun is in the same clause as the name it follows
        case .person?:
            guard let name else { return false }
            let e = knowledge.names[name] ?? .init()
            guard knowledge.kind(of: name) == .person || knowledge.kind(of: name) == nil && e.thing == 0 && e.place == 0 && e.organisation == 0 else { return false }
            if let g = agreement.gender, let ng = knowledge.gender(of: name), g != ng { return false }
        case .thing?:
            if let name {
                let e = knowledge.names[name] ?? .init()
                guard knowledge.kind(of: name).map({ $0 != .person }) ?? (e.person == 0 && e.male + e.female == 0) else { return false }
            } else if p.words[s].tag != .noun { return false }
        case nil:
            break
        }
        // only within the same clause as that subject
        var h = p.words[i].head
        var steps = 0
        while let x = h, x != r, steps < p.words.count {
            if ["advcl", "ccomp", "acl", "parataxis", "conj"].contains(p.relation(x)) { return false }
            h = p.words[x].head
            steps += 1
        }
        return true
    }

    /// "It is important to ..." / "it was not until": no referent.
    func isExpletive(_ i: Int, in p: ParsedSentence) -> Bool {
        if p.relation(i) == "expl" { return true }
        guard let h = p.words[i].head else { return false }
        return !p.children(of: h, in: ["csubj", "ccomp", "xcomp"]).isEmpty && (p.copula(of: h) != nil || p.words[h].tag == .adj)
    }

    /// A definite noun that refers back: nothing restricts it ("the canal", "the agency",
    /// "the hot summer"), and the article has used the noun in the sentences just before,
    /// or it is the topic's own noun.
    func pointsBack(_ n: Int, in p: ParsedSentence, sentence: Int) -> Bool {
        // "the ctenophores": a plural is read as the kind, not as things just named
        if p.words[n].pennTag == "NNS" { return false }
        let restricting: Set<Substring> = ["nmod", "acl", "compound", "nummod", "flat", "appos"]
        if p.children(of: n).contains(where: { restricting.contains(p.relation($0)) && $0 != n }) { return false }
        // "the first", "the largest": an ordinal or superlative picks one out
        if p.children(of: n, in: ["amod"]).contains(where: { ["JJS", "RBS"].contains(p.words[$0].pennTag) || p.words[$0].form.hasSuffix("st") && p.words[$0].tag == .adj && ["first", "last"].contains(p.lower($0)) }) {
            return false
        }
        let lemma = p.words[n].lemma.lowercased()
        if Self.unique.contains(lemma) { return false }
        if lemma == knowledge.topicHeadNoun { return true }
        let from = max(0, sentence - 5)
        guard from < sentence else { return false }
        for k in from..<sentence where k < knowledge.nounLemmasBySentence.count && knowledge.nounLemmasBySentence[k].contains(lemma) { return true }
        return false
    }

    /// The topic's name when `noun` is the topic's own head noun ("the agency" in the IAEA's article).
    func topicFor(noun h: Int, in p: ParsedSentence) -> String? {
        guard let topic, topic.kind == .thing, p.words[h].pennTag == "NN" else { return nil }
        let lemma = p.words[h].lemma.lowercased()
        if lemma == knowledge.topicHeadNoun { return topic.text }
        // "the city" in a city's article, "the company" in a company's
        switch knowledge.topicKind {
        case .place?: if Self.placeNouns.contains(lemma) { return topic.text }
        case .organisation?: if Self.organisationNouns.contains(lemma) { return topic.text }
        default: break
        }
        return nil
    }

    static let placeNouns: Set<String> = ["city", "town", "village", "country", "state", "region", "capital", "island", "river", "province", "nation", "port"]
    static let organisationNouns: Set<String> = ["company", "organisation", "organization", "agency", "university", "institution", "group", "party", "body", "firm", "league", "union", "association", "society", "club", "band"]

    /// Replaces words `from...through` with one text.
    func replace(view: inout SentenceView, from: Int, through: Int, with text: String) {
        view.replaced[from] = text
        if from < through { for k in (from + 1)...through { view.removed.insert(k) } }
    }

    /// The one salient mention that agrees with the pronoun at `i`, or nil.
    func antecedent(
        for i: Int, agreement: (kind: Mention.Kind?, plural: Bool, gender: Gender?), in p: ParsedSentence,
        view: SentenceView, state: ReadingState
    ) -> Mention? {
        func agrees(_ m: Mention) -> Bool {
            if let k = agreement.kind, k != m.kind { return false }
            if m.plural != agreement.plural { return false }
            if let g = agreement.gender, let mg = m.gender, g != mg { return false }
            return true
        }
        // someone named earlier in the same sentence
        if agreement.kind == .person {
            var earlier: [Mention] = []
            for n in p.names where n.words.upperBound <= i && view.isIntact(n.words) {
                let text = String(p.text(of: n.words))
                guard knowledge.kind(of: text) == .person else { continue }
                let m = Mention(text: text, kind: .person, plural: false, gender: knowledge.gender(of: text))
                if agrees(m), !earlier.contains(m) { earlier.append(m) }
            }
            if earlier.count == 1 { return earlier[0] }
            if earlier.count > 1 { return nil }
        }
        // the sentence's own subject before a pronoun later in it ("The canal ... and it")
        if let r = p.root, let s = p.subject(of: r), s < i, p.words[s].tag != .pron, let m = subjectMention(of: r, in: p, view: view) {
            if agrees(m) && (m.kind == .person || agreement.kind == nil || m.isKnownThing) { return m }
        }
        var candidates: [Mention] = []
        if let m = state.previousSubject, agrees(m), m.kind == .person || m.isKnownThing { candidates.append(m) }
        if let t = topic, agrees(t), !candidates.contains(where: { CardID.normalize($0.text) == CardID.normalize(t.text) || knowledge.isTopic($0.text) }) {
            candidates.append(t)
        }
        return candidates.count == 1 ? candidates[0] : nil
    }

    /// The main clause's subject as a later sentence's pronoun may take it.
    func subjectMention(of root: Int, in p: ParsedSentence, view: SentenceView) -> Mention? {
        guard let s = p.subject(of: root) else { return nil }
        if p.words[s].tag == .pron {
            // a pronoun already filled in stands for what it was filled with
            guard let text = view.replaced[s], !text.hasSuffix("'s") else { return nil }
            let l = p.lower(s)
            guard let a = Self.personal[l] else { return nil }
            return Mention(text: text, kind: a.kind ?? .thing, plural: a.plural, gender: a.gender, isKnownThing: a.kind != .person)
        }
        let plural = p.words[s].pennTag.hasSuffix("S") || !p.children(of: s, in: ["conj"]).isEmpty
        if let n = p.names.first(where: { $0.words.contains(s) }), view.isIntact(n.words) {
            let text = String(p.text(of: n.words))
            // a name of unknown kind stands for nothing: "it" after "Orville" is not Orville
            guard let kind = knowledge.kind(of: text) else { return nil }
            if plural && kind == .person { return nil }
            var m = Mention(text: knowledge.written(text), kind: kind == .person ? .person : .thing, plural: plural, gender: knowledge.gender(of: text))
            m.isKnownThing = kind != .person
            return m
        }
        guard p.words[s].tag == .noun else { return nil }
        // a common noun phrase: "the press" (its base phrase, as shown)
        let base = p.basePhrase(of: s)
        guard base.words.count <= 5, view.isIntact(base.words) || base.words.allSatisfy({ !view.removed.contains($0) }) else { return nil }
        let first = base.words.lowerBound
        guard ["the", "a", "an"].contains(p.lower(first)) || p.relation(first) == "nmod:poss" else { return nil }
        var text = view.text(of: base.words)
        if p.lower(first) == "the", let f = text.first, f.isUppercase { text = "t" + text.dropFirst() }
        if p.lower(first) == "a" || p.lower(first) == "an" { return nil }  // "a ship" is not yet "the ship"
        var m = Mention(text: text, kind: .thing, plural: plural, gender: nil)
        m.isKnownThing = true
        return m
    }
}
