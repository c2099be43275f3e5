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
    static let unique: Set<String> = ["sun", "moon", "earth", "world", "universe", "sky", "internet", "equator", "atmosphere", "ocean", "public", "environment",
                                      // quantities of a whole named beside them: "5 percent of the total"
                                      "total", "rest", "majority", "remainder", "whole", "average", "minority"]
    static let personal: [String: (kind: Mention.Kind?, plural: Bool, gender: Gender?)] = [
        "he": (.person, false, .male), "him": (.person, false, .male), "his": (.person, false, .male),
        "she": (.person, false, .female), "her": (.person, false, .female), "hers": (.person, false, .female),
        "it": (.thing, false, nil), "its": (.thing, false, nil),
        "they": (nil, true, nil), "them": (nil, true, nil), "their": (nil, true, nil), "theirs": (nil, true, nil),
    ]

    init(knowledge: ArticleKnowledge) {
        self.knowledge = knowledge
        guard let name = knowledge.topicEntity, !name.isEmpty else { topic = nil; return }
        switch knowledge.topicKind {
        case .person?:
            topic = Mention(text: name, kind: .person, plural: false, gender: knowledge.gender(of: name) ?? Self.topicGender(knowledge))
        case .place?, .organisation?:
            topic = Mention(text: knowledge.written(name), kind: .thing, plural: false, gender: nil, isKnownThing: true)
        default:
            // a topic of unknown kind with nothing of a person about it is a thing: "its"
            // may stand for it, so it competes with the sentence before's subject
            let e = knowledge.names[name] ?? .init()
            topic = e.person > 0 || e.male + e.female > 0 ? nil
                : Mention(text: knowledge.written(name), kind: .thing, plural: false, gender: nil, isKnownThing: true)
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
        if let unresolved = wholePersonNames(&view) { return unresolved }
        // names filled in above are shown: "Grant and his wife" keeps "his"
        var shown = Set(view.replaced.values)
        for w in p.words where view.isIntact(w.index) {
            let i = w.index
            let l = w.form.lowercased()
            if w.tag == .pron, let agreement = Self.personal[l], ["PRP", "PRP$"].contains(w.pennTag) {
                if l == "it" && isExpletive(i, in: p) { continue }
                // something it can stand for is shown earlier in the sentence: the card
                // reads as the sentence does ("ctenophores can eat ten times their weight")
                if hasAntecedentBefore(i, agreement: agreement, in: p, view: view) || hasAntecedentNearby(i, agreement: agreement, in: p, view: view) { continue }
                // "it" and "they" are read only as a subject (or its possessive): as an
                // object they mostly stand for the sentence before's object, which is
                // guesswork
                // "New Zealand – or Aotearoa as it is called by Māori": a pronoun in an "as"
                // clause stands for what the sentence itself names
                if let h = w.head, p.children(of: h, in: ["mark"]).contains(where: { p.lower($0) == "as" }) { continue }
                // "Turkey rose to his feet": a name as the clause's subject is what "his"
                // stands for, whatever kind the article took it for
                if agreement.kind == .person, w.relation.rawValue == "nmod:poss", let r = p.root, let s = p.subject(of: r), s < i, p.words[s].tag == .propn, view.isIntact(s),
                   s > 0 || knowledge.capitalisedMidSentence.contains(p.words[s].form) { continue }
                if agreement.kind != .person, !isSubjectLike(i, in: p) { if detach(containing: i, in: &view) { continue }; return "unresolved \"\(w.form)\"" }
                guard let m = antecedent(for: i, agreement: agreement, in: p, view: view, state: state) else {
                    if detach(containing: i, in: &view) { continue }; return "unresolved \"\(w.form)\""
                }
                // named once in the sentence (as written, or filled in just before), a
                // pronoun reads as it stands: "Kahlo gave her year of birth"
                if shown.contains(m.text) || p.names.contains(where: { $0.words.upperBound <= i && view.isIntact($0.words) && String(p.text(of: $0.words)) == m.text }) {
                    continue
                }
                // a person filled in by one word ("He said" -> "Lourimi said") leaves the
                // student asking who; the article's one fuller name for it, or no card
                var filledName = m.text
                if m.kind == .person, !filledName.contains(" "), !knowledge.isTopic(filledName) {
                    guard let full = fullPersonName(filledName) else {
                        if detach(containing: i, in: &view) { continue }; return "unresolved \"\(w.form)\" (\(filledName): who?)"
                    }
                    filledName = full
                    if shown.contains(full) { continue }
                }
                let possessive = w.pennTag == "PRP$" || l == "hers" || l == "theirs"
                view.replaced[i] = possessive ? filledName + "'s" : filledName
                shown.insert(filledName)
                continue
            }
            if ["this", "that", "these", "those"].contains(l) {
                let restricted = { (k: Int) in p.children(of: k, in: ["acl", "nmod"]).contains { $0 > k } }
                // "those with experience", "those instances that ...": picked out by what follows
                // a pronoun "that"/"this" as a subject or object, whatever its tag ("A new
                // report calls that into question")
                let pronominal = ["nsubj", "obj", "iobj", "nsubj:pass"].contains(w.relation.rawValue) || p.relation(i) == "obl" && w.tag != .det
                // (a relative "that", WDT, is the subject or object of its own clause)
                if w.tag == .pron && w.pennTag == "DT" || pronominal && (l != "that" || w.pennTag != "WDT") {
                    if l == "those" && restricted(i) { continue }
                    if detach(containing: i, in: &view) { continue }; return "unresolved \"\(w.form)\""
                }
                if l == "those", w.tag == .det, let h = w.head, restricted(h) { continue }
                if w.tag == .det && p.relation(i) == "det", let h = w.head, p.words[h].tag == .noun {
                    if let name = topicFor(noun: h, in: p) {
                        replace(view: &view, from: i, through: h, with: name)
                        continue
                    }
                    if detach(containing: i, in: &view) { continue }; return "unresolved \"\(w.form) \(p.words[h].form)\""
                }
            }
            // "was born here": the article's place, when it is about one
            if l == "here", w.tag == .adv, p.relation(i) == "advmod" {
                if let t = topic, knowledge.topicKind == .place {
                    view.replaced[i] = "in " + t.text
                    view.filled.insert(i)
                    continue
                }
                if detach(containing: i, in: &view) { continue }; return "unresolved \"here\""
            }
            // "the crisis that followed": what it followed is in the sentence before
            if ["follow", "ensue"].contains(w.lemma.lowercased()), w.relation.rawValue == "acl:relcl", p.children(of: i, in: ["obj", "obl"]).isEmpty {
                if detach(containing: i, in: &view) { continue }; return "unresolved \"\(w.form)\" (what came before)"
            }
            // "the following four timelines": the article's own figures or list, whatever
            // the tagger made of "following"
            if l == "following", i > 0, p.lower(i - 1) == "the" || p.children(of: i, in: ["det"]).contains(where: { p.lower($0) == "the" }) || (w.head.map { h in p.children(of: h, in: ["det"]).contains { p.lower($0) == "the" && $0 < i } } ?? false) {
                if let h = w.head, relativeYear(h, in: p, state: state) != nil { continue }
                if detach(containing: i, in: &view) { continue }; return "unresolved \"the following\""
            }
            // "fell ill there": a place the sentence before named (not "there is")
            if l == "there", w.tag == .adv || w.tag == .pron && p.relation(i) == "advmod", p.relation(i) != "expl" {
                if detach(containing: i, in: &view) { continue }; return "unresolved \"there\""
            }
            // "in September" with no year in the sentence: which September?
            if w.form.first?.isUppercase == true, Lexicon.months[l] != nil, l != "may" || w.tag == .propn,
               !p.words.contains(where: { $0.form.count == 4 && Int($0.form).map { (1000...2100).contains($0) } == true }),
               i > 0, ["in", "on", "during", "by", "until", "since", "last", "next", "that", "this", "early", "late", "mid"].contains(p.lower(i - 1)) {
                if detach(containing: i, in: &view) { continue }; return "unresolved \"\(w.form)\" (no year)"
            }
            if l == "such" && (w.tag == .det || w.tag == .adj), !(i + 1 < p.words.count && p.lower(i + 1) == "as") { if detach(containing: i, in: &view) { continue }; return "unresolved \"such\"" }
            // "the same year", "that year", "the following year": the one year the sentence before names
            if l == "year" || l == "years", w.tag == .noun, let filled = relativeYear(i, in: p, state: state) {
                replace(view: &view, from: filled.from, through: i, with: filled.text)
                continue
            }
            if ["same", "following", "latter", "former", "previous", "aforementioned", "next"].contains(l),
               w.tag == .adj, let h = w.head, p.children(of: h, in: ["det"]).contains(where: { p.lower($0) == "the" }) {
                if relativeYear(h, in: p, state: state) != nil { continue }  // filled in at "year"
                if p.lower(h) == "year", yearBefore(h, in: p) { continue }  // the sentence's own year
                if detach(containing: i, in: &view) { continue }; return "unresolved \"the \(w.form)\""
            }
            if l == "later" || l == "earlier", w.tag == .adv, p.children(of: i).contains(where: { p.words[$0].tag == .noun }) {
                if detach(containing: i, in: &view) { continue }; return "unresolved \"... \(w.form)\""
            }
            // "and the country accounts for ...": a verb the tagger took for a noun leaves
            // "country" a compound of it, out of reach of the check below; a place noun
            // right after "the" is still a reference back
            if l == "the", p.relation(i) == "det", i + 1 < p.words.count, p.relation(i + 1) == "compound", p.words[i + 1].head == w.head,
               Self.placeNouns.contains(p.words[i + 1].lemma.lowercased()) {
                if let place = placeFor(noun: i + 1, in: p, view: view, state: state) {
                    replace(view: &view, from: i, through: i + 1, with: place)
                    continue
                }
                if detach(containing: i, in: &view) { continue }; return "unresolved \"the \(p.words[i + 1].form)\""
            }
            if l == "the", p.relation(i) == "det", let h = w.head, p.words[h].tag == .noun, p.words[h].form.first?.isLowercase == true,
               pointsBack(h, in: p, sentence: sentence) {
                // "the same year" is filled in when the loop reaches "year"
                if relativeYear(h, in: p, state: state) != nil || p.lower(h) == "year" && yearBefore(h, in: p) { continue }
                // the topic or a fuller name just before: exactly one of them, or neither
                let named = [topicFor(noun: h, in: p), fuller(noun: h, in: p, sentence: sentence), placeFor(noun: h, in: p, view: view, state: state)].compactMap { $0 }
                if Set(named.map(CardID.normalize)).count == 1, let name = named.first {
                    replace(view: &view, from: i, through: h, with: name)
                    continue
                }
                if detach(containing: i, in: &view) { continue }; return "unresolved \"the \(p.words[h].form)\""
            }
        }
        return nil
    }

    /// A person named by one word ("Richard", "Long", "Lawrence") is written in full when the
    /// article names exactly one person with that word in their name ("Richard Leakey");
    /// a card cannot say which of several it is ("Bragg": father or son), so none is made.
    /// Names that nest ("Lawrence Bragg", "William Lawrence Bragg") are one person.
    func wholePersonNames(_ view: inout SentenceView) -> String? {
        let p = view.parse
        let titles: Set<String> = ["Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr", "Prof."]
        for name in p.wholeNames where view.isIntact(name.words) && (name.words.count == 1 || name.words.count == 2 && titles.contains(p.words[name.words.lowerBound].form)) {
            // "Mr. Reeves": the surname is what is looked up, the title goes with it
            let titled = name.words.count == 2
            let k = name.words.upperBound - 1
            guard p.words[k].tag == .propn else { continue }
            // only a name standing alone: "New" of "New Zealand" is a name the parse cut
            func isNameWord(_ j: Int) -> Bool {
                j >= 0 && j < p.words.count && p.words[j].form.first?.isUppercase == true && (p.words[j].tag == .propn || p.words[j].pennTag.hasPrefix("NNP") || j > 0)
            }
            let nextIsName = isNameWord(k + 1)
            let previousIsName = isNameWord(name.words.lowerBound - 1)
            if nextIsName || previousIsName || p.words[k].relation == .compound { continue }
            let word = titled ? p.words[k].form : String(p.text(of: name.words))
            // "the Tour", "the Assembly": the one longer name of the article it shortens (not
            // a name modifying a noun: "the Auckland and Christchurch airports")
            let modifies = k + 1 < p.words.count && (["and", "or", "&"].contains(p.lower(k + 1)) || p.words[k + 1].tag == .noun)
            if k > 0, p.lower(k - 1) == "the", view.isIntact(k - 1), !modifies {
                let longer = knowledge.names.keys.filter { full in
                    let parts = full.split(separator: " ")
                    return parts.count > 1 && (parts.first == Substring(word) || parts.last == Substring(word))
                }
                if let shortest = longer.min(by: { $0.count < $1.count }), longer.allSatisfy({ $0.contains(shortest) }) {
                    replace(view: &view, from: k - 1, through: k, with: knowledge.written(shortest).hasPrefix("the ") ? knowledge.written(shortest) : "the " + shortest)
                    continue
                }
            }
            // (a title is no fuller name: "Mr. Nippers" says no more than "Nippers")
            let fuller = knowledge.names.keys.filter { full in
                let parts = full.split(separator: " ").map(String.init)
                return full != word && parts.contains(word) && knowledge.kind(of: full) == .person
                    && parts.contains { $0 != word && !titles.contains($0) }
            }
            // a one-word name the article itself knows as something else stays as it is
            if let own = knowledge.kind(of: word), own != .person { continue }
            guard !fuller.isEmpty else {
                // someone the article knows only by a surname ("Lorenz said ...") is
                // written in full when a name ends with it ("Edward Lorenz"); else the
                // student cannot tell who it is
                if let full = fullPersonName(word) {
                    if titled { replace(view: &view, from: name.words.lowerBound, through: k, with: full) } else { view.replaced[k] = full; view.filled.insert(k) }
                    continue
                }
                if knowledge.kind(of: word) == .person, !knowledge.isTopic(word), !titled { return "unresolved \"\(word)\" (who?)" }
                continue
            }
            let shortest = fuller.min { $0.count < $1.count }!
            // nested by whole words: "Murad II" does not hold "Murad I"
            guard fuller.allSatisfy({ Self.holdsWords($0, shortest) }) else { return "unresolved \"\(word)\" (several people)" }
            // "Murad" for "Murad II": a regnal number tells rulers of one name apart, and the
            // article may speak of another one it does not name in full
            if Self.isRegnal(shortest, of: word) { return "unresolved \"\(word)\" (which \(word)?)" }
            if titled {
                replace(view: &view, from: name.words.lowerBound, through: k, with: shortest)
            } else {
                view.replaced[k] = shortest
                view.filled.insert(k)
            }
        }
        return nil
    }

    /// The one name of the article that ends with `word` and reads as a person's ("Edward
    /// Lorenz" for "Lorenz", "Buck Cullen" for "Cullen"): known as a person, or two or three
    /// capitalised words the article never showed as a place, body or thing. Nil when there
    /// are none or several.
    func fullPersonName(_ word: String) -> String? {
        let titles: Set<String> = ["Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr", "Prof."]
        let found = knowledge.names.keys.filter { full in
            let parts = full.split(separator: " ").map(String.init)
            guard parts.count >= 2, parts.count <= 4, parts.last == word, full != word,
                  parts.allSatisfy({ $0.first?.isUppercase == true }), !titles.contains(parts[0]) else { return false }
            if knowledge.kind(of: full) == .person { return true }
            // a fuller name of unknown kind only for a word with nothing of a place, body or
            // thing about it: "executed in Hamburg" is no "Hansestadt Hamburg" to write out
            let e = knowledge.names[full] ?? .init()
            let w = knowledge.names[word] ?? .init()
            // ("Tyne" is no "River Tyne" either: the word itself must be someone's)
            return knowledge.kind(of: word) == .person && knowledge.kind(of: full) == nil && e.place + e.organisation + e.thing == 0 && w.place + w.organisation + w.thing == 0 && parts.count <= 3
        }
        guard let shortest = found.min(by: { $0.count < $1.count }), found.allSatisfy({ Self.holdsWords($0, shortest) }), !Self.isRegnal(shortest, of: word) else { return nil }
        return shortest
    }

    /// The subject of a clause that holds the pronoun at `i`, shown earlier in the sentence
    /// and agreeing with it: "ctenophores can eat ten times their own weight", "xenoliths
    /// are older than the rock which contains them". An object pronoun never stands for
    /// the subject of its own clause ("the government spent money on it" is not the
    /// government).
    func hasAntecedentBefore(_ i: Int, agreement: (kind: Mention.Kind?, plural: Bool, gender: Gender?), in p: ParsedSentence, view: SentenceView) -> Bool {
        let clauseRelations: Set<Substring> = ["root", "advcl", "ccomp", "xcomp", "acl", "csubj", "parataxis", "conj"]
        let isObject = ["obj", "iobj", "obl", "nmod"].contains(p.relation(i)) && p.words[i].relation.rawValue != "nmod:poss"
        // "Lincoln, who had resisted calls to dismiss him, promoted him": an object "him" or
        // "her" is someone else than the sentence's subject far more often than not
        if isObject && agreement.kind == .person { return false }
        var h = p.words[i].head
        var ownClause = true
        var steps = 0
        while let x = h, steps <= p.words.count {
            steps += 1
            let isClause = p.words[x].head == nil || clauseRelations.contains(p.relation(x)) && [.verb, .aux, .adj, .noun, .propn].contains(p.words[x].tag)
            if isClause {
                // a subject filled in with its name ("The country" -> "North Korea") still
                // stands before the pronoun: "North Korea lags behind all of its peers"
                if let s = p.subject(of: x), s < i, s != i, view.isIntact(s) || view.filled.contains(s), !(isObject && ownClause),
                   !p.subtree(of: s).contains(i), p.children(of: s, in: ["nummod"]).isEmpty, agrees(subject: s, with: agreement, in: p) {
                    return true
                }
                // the subject's possessor: "Lupita Nyong'o's dress was stolen from her room"
                if let s = p.subject(of: x), s < i, let owner = p.children(of: s).first(where: { p.words[$0].relation.rawValue == "nmod:poss" && p.words[$0].tag == .propn }),
                   view.isIntact(owner), agreement.kind == .person, agrees(subject: owner, with: agreement, in: p) {
                    return true
                }
                ownClause = false
            }
            h = p.words[x].head
        }
        return false
    }

    /// Other places in the sentence a reader finds the referent without the sentence before:
    /// a possessive with exactly one agreeing noun before it ("classifying computational
    /// problems according to their difficulty"); the main clause's subject for a pronoun in
    /// a leading phrase ("Upon their arrival, Huguenots were ..."); the subject of a
    /// leading clause for the main clause's subject ("Since the Quaternary is short, it is
    /// expanded").
    func hasAntecedentNearby(_ i: Int, agreement: (kind: Mention.Kind?, plural: Bool, gender: Gender?), in p: ParsedSentence, view: SentenceView) -> Bool {
        guard let r = p.root else { return false }
        let subject = p.subject(of: r)
        // cataphora from a leading phrase
        // "Under him, the Mongol Empire became ...": a person's pronoun before a subject that
        // is not known to be a person points back, not forward
        let personSubject = subject.map { s in p.names.first { $0.words.contains(s) }.map { knowledge.kind(of: String(p.text(of: $0.words))) == .person } ?? false } ?? false
        if let s = subject, i < p.subtree(of: s).lowerBound, p.words[s].tag != .pron, view.isIntact(s), agreement.kind != .person || personSubject,
           agrees(subject: s, with: agreement, in: p) {
            var a = i
            var steps = 0
            while let h = p.words[a].head, h != r, steps <= p.words.count { a = h; steps += 1 }
            if a != s, p.subtree(of: a).upperBound <= p.subtree(of: s).lowerBound { return true }
        }
        // the main subject pronoun after a leading clause with its own subject
        if p.relation(i) == "nsubj", p.words[i].head == r {
            let leading = p.children(of: r, in: ["advcl"]).filter { $0 < i }
            let subjects = leading.compactMap { p.subject(of: $0) }.filter { p.words[$0].tag != .pron && view.isIntact($0) }
            if subjects.count == 1, agrees(subject: subjects[0], with: agreement, in: p) { return true }
        }
        // a possessive: exactly one noun before it that agrees
        if p.words[i].relation.rawValue == "nmod:poss", agreement.kind != .person {
            let own = p.words[i].head
            var found = 0
            for k in 0..<i where view.isIntact(k) && k != own && (p.words[k].tag == .noun || p.words[k].tag == .propn) {
                if ["compound", "flat", "amod"].contains(p.relation(k)) { continue }
                if p.copula(of: k) != nil { continue }  // "the Quaternary is a short period": the same thing
                // a quantity ("71 percent of its surface") or a phrase holding the pronoun
                // ("the rest of its life") is never what the pronoun stands for
                if !p.children(of: k, in: ["nummod"]).isEmpty || p.subtree(of: k).contains(i) { continue }
                if agrees(subject: k, with: agreement, in: p) { found += 1 }
            }
            return found == 1
        }
        return false
    }

    /// Whether the subject word `s` (not a pronoun) can be what a pronoun stands for.
    func agrees(subject s: Int, with agreement: (kind: Mention.Kind?, plural: Bool, gender: Gender?), in p: ParsedSentence) -> Bool {
        let w = p.words[s]
        guard w.tag == .noun || w.tag == .propn else { return false }
        let plural = w.pennTag.hasSuffix("S") || !p.children(of: s, in: ["conj"]).isEmpty
        guard plural == agreement.plural else { return false }
        let name = w.tag == .propn ? p.names.first { $0.words.contains(s) }.map { String(p.text(of: $0.words)) } : nil
        let e = name.flatMap { knowledge.names[$0] } ?? .init()
        let kind = name.flatMap { knowledge.kind(of: $0) }
        switch agreement.kind {
        case .person?:
            // a name the article never showed as a person ("Chaos" at a sentence's start) is
            // not what "her" stands for
            guard name != nil, kind == .person || kind == nil && e.thing + e.place + e.organisation == 0 && e.person + e.male + e.female > 0 else { return false }
            if let g = agreement.gender, let n = name, let ng = knowledge.gender(of: n), g != ng { return false }
            return true
        case .thing?:
            if name != nil { return kind.map { $0 != .person } ?? (e.person == 0 && e.male + e.female == 0) }
            return true
        case nil:
            return true
        }
    }

    /// A subject, or the possessive of a subject ("Its capital is ...").
    func isSubjectLike(_ i: Int, in p: ParsedSentence) -> Bool {
        let subject: Set<Substring> = ["nsubj", "nsubj:pass"]
        if subject.contains(p.relation(i)) || subject.contains(Substring(p.words[i].relation.rawValue)) { return true }
        guard p.words[i].relation.rawValue == "nmod:poss", let h = p.words[i].head else { return false }
        if subject.contains(Substring(p.words[h].relation.rawValue)) { return true }
        // inside the subject's own phrase: "About 71 percent of its surface is covered"
        if p.relation(h) == "nmod", let g = p.words[h].head, subject.contains(Substring(p.words[g].relation.rawValue)) { return true }
        return false
    }

    /// Removes the aside that holds an unresolved word, when the sentence stands without
    /// it: a leading adjunct before the subject ("After the war, ..."), or a part set off
    /// by commas after the main clause (", making it the fifth-largest city", ", which ...",
    /// ", and it ..."). Returns false when the word belongs to the main clause itself.
    func detach(containing i: Int, in view: inout SentenceView) -> Bool {
        let p = view.parse
        guard let r = p.root, i != r else { return false }
        // a root with "after", "when", "while" is a subordinate clause the tree took for the
        // main one: what it would cut may be the real main clause
        if !p.children(of: r, in: ["mark"]).isEmpty { return false }
        let subject = p.subject(of: r)
        let subjectStart = subject.map { p.subtree(of: $0).lowerBound } ?? r
        // the ancestor of i that hangs from the root (or from the root's object)
        var a = i
        var steps = 0
        while let h = p.words[a].head, h != r, steps <= p.words.count { a = h; steps += 1 }
        guard p.words[a].head == r else { return false }
        let span = p.subtree(of: a)
        let rel = p.relation(a)
        let leading = span.upperBound <= subjectStart && span.upperBound < p.words.count && p.words[span.upperBound].form == ","
            && ["advcl", "obl", "advmod", "nmod"].contains(rel)
        // the word that joins it on: before the subtree, or its own first word (", which ...",
        // "and is exploring": the tree may hang the comma or the conjunction on the aside)
        let ownJoiner = p.words[span.lowerBound].tag == .cconj || p.words[span.lowerBound].form == ","
        let joiner = ownJoiner ? p.lower(span.lowerBound) : span.lowerBound > 0 ? p.lower(span.lowerBound - 1) : ""
        let trailing = span.lowerBound > r && (joiner == "," && ["advcl", "parataxis", "conj", "acl", "xcomp", "dep", "obl"].contains(rel)
            || joiner == "and" && rel == "conj" && [.verb, .aux].contains(p.words[a].tag))
        // "but support for him collapsed", ", although ...": a contrast changes what the rest means
        if trailing, p.words[p.trimmedOfPunctuation(span)].contains(where: { ["but", "yet", "although", "though", "however", "whereas"].contains($0.form.lowercased()) }) { return false }
        guard leading || trailing else { return false }
        var cut = span
        if leading {
            // a leading aside is cut whole or not at all: "Following up on the saga's release,"
            // with only "on ..." cut leaves "Following up Industrial Light & Magic began"
            let firstShown = (0..<p.words.count).first { !view.removed.contains($0) } ?? 0
            if span.lowerBound > firstShown { return false }
            cut = cut.lowerBound..<cut.upperBound + 1
        }
        if trailing {
            // the comma or conjunction before it, and a comma before that (", and it ...")
            var lo = ownJoiner ? span.lowerBound : span.lowerBound - 1
            if lo > 0, [",", "and", "but"].contains(p.lower(lo)), p.lower(lo - 1) == "," { lo -= 1 }
            cut = lo..<cut.upperBound
        }
        // what stays must still hold the main verb and its subject, and start as a sentence
        guard !cut.contains(r), subject.map({ !cut.contains($0) }) ?? true else { return false }
        // "in Graz, a modest post but one that ...": what follows the cut must not hang on it
        if let after = (cut.upperBound..<p.words.count).first(where: { !view.removed.contains($0) }), p.words[after].tag == .cconj { return false }
        if let first = (0..<p.words.count).first(where: { !view.removed.contains($0) && !cut.contains($0) }),
           ["WDT", "WP", "WP$", "CC", ","].contains(p.words[first].pennTag) || p.words[first].tag == .punct { return false }
        for k in cut { view.removed.insert(k) }
        return true
    }

    /// "It is important to ..." / "it was not until": no referent.
    func isExpletive(_ i: Int, in p: ParsedSentence) -> Bool {
        guard let h = p.words[i].head else { return false }
        // "it is ... that/to ...", "it was not until ...": a clause the "it" stands in for
        let clause = !p.children(of: h, in: ["csubj", "ccomp", "xcomp", "advcl"]).isEmpty
        if p.relation(i) == "expl" { return clause || p.children(of: h).contains { p.lower($0) == "until" } }
        return clause && (p.copula(of: h) != nil || p.words[h].tag == .adj)
    }

    /// A definite noun that refers back: nothing restricts it ("the canal", "the agency",
    /// "the hot summer"), and the article has used the noun in the sentences just before,
    /// or it is the topic's own noun.
    func pointsBack(_ n: Int, in p: ParsedSentence, sentence: Int) -> Bool {
        let restricting: Set<Substring> = ["nmod", "acl", "nummod", "flat", "appos"]
        if p.children(of: n).contains(where: { restricting.contains(p.relation($0)) && $0 != n }) { return false }
        // a compound says which one when it is a name or an uncommon word ("the Fulton Mall",
        // "the cobalt mine"); "the project cost" is still "the project"
        if p.children(of: n, in: ["compound"]).contains(where: { p.words[$0].tag == .propn || WordFrequency.zipf(p.words[$0].lemma) < WordFrequency.specific }) { return false }
        // "the architect Victor Gruen": a name right after says who
        if n + 1 < p.words.count, p.words[n + 1].tag == .propn { return false }
        // "the first", "the largest": an ordinal or superlative picks one out
        if p.children(of: n, in: ["amod", "nummod"]).contains(where: { Self.picksOut(p.words[$0]) }) { return false }
        // a classifying adjective says which one: "the royal army", "the medical faculty"
        // (a lower-case "-an" is no class: "the authoritarian system" is the one the article
        // was speaking of; "the Russian army" is capitalised)
        if p.children(of: n, in: ["amod"]).contains(where: { a in
            let l = p.words[a].form.lowercased()
            let vague: Set<String> = ["final", "total", "general", "original", "usual", "normal", "special", "real", "actual", "initial", "potential", "local", "typical", "several", "certain", "main", "principal", "central",
                                      "dramatic", "historic", "tragic", "classic", "fantastic", "epic", "iconic", "heroic", "ironic", "chaotic", "specific", "basic", "critical", "crucial", "vital", "essential", "logical", "radical", "practical", "significant", "famous", "celebrated"]
            return (p.words[a].tag == .adj || p.words[a].tag == .propn) && !vague.contains(l)
                && (["al", "ic", "ese", "ish", "ary", "ical", "ar"].contains { l.hasSuffix($0) } || p.words[a].form.first?.isUppercase == true)
        }) { return false }
        let lemma = p.words[n].lemma.lowercased()
        // "the majority of voters" names its whole, and so does "5 percent of the total";
        // "the majority occur in winter" does not
        if Self.proportions.contains(lemma) { return p.children(of: n, in: ["nmod"]).isEmpty && ["nsubj", "nsubj:pass"].contains(p.words[n].relation.rawValue) }
        if Self.unique.contains(lemma) { return false }
        if lemma == knowledge.topicHeadNoun { return true }
        // a common noun with nothing to pick it out ("the results", "the news", "the
        // conference", "the hot summer") points at something the sentences before named;
        // an uncommon one ("the mantle") names one thing by itself
        if WordFrequency.zipf(lemma) >= WordFrequency.specific { return true }
        let from = max(0, sentence - 5)
        guard from < sentence else { return false }
        for k in from..<sentence where k < knowledge.nounLemmasBySentence.count && knowledge.nounLemmasBySentence[k].contains(lemma) { return true }
        return false
    }

    /// Whether the sentence names a year before word `n`: "the same year" then points to it.
    func yearBefore(_ n: Int, in p: ParsedSentence) -> Bool {
        p.words[..<n].contains { $0.form.count == 4 && Int($0.form).map { (1000...2100).contains($0) } == true }
    }

    /// "the same year" -> "2020" when the sentence before names exactly one year.
    func relativeYear(_ n: Int, in p: ParsedSentence, state: ReadingState) -> (from: Int, text: String)? {
        guard n >= 1, p.lower(n) == "year" else { return nil }
        // "in 1962, the same year in which ...": the year is the sentence's own
        if yearBefore(n, in: p) { return nil }
        let years = Set(state.previousYears)
        guard years.count == 1, let y = years.first else { return nil }
        let before = p.lower(n - 1)
        if before == "that", p.relation(n - 1) == "det" { return (n - 1, String(y)) }
        guard n >= 2, p.lower(n - 2) == "the" else { return nil }
        switch before {
        case "same": return (n - 2, String(y))
        case "following", "next": return (n - 2, String(y + 1))
        case "previous": return (n - 2, String(y - 1))
        default: return nil
        }
    }

    /// "the country" after "China": the one place of that kind named earlier in the sentence
    /// or in the sentence before.
    func placeFor(noun h: Int, in p: ParsedSentence, view: SentenceView, state: ReadingState) -> String? {
        let lemma = p.words[h].lemma.lowercased()
        // ("the region" is as often a part of the place named before, or a larger area round it)
        guard Self.placeNouns.contains(lemma), lemma != "region", p.words[h].pennTag == "NN" else { return nil }
        let wantCountry = ["country", "nation", "state"].contains(lemma)
        var found: [String] = []
        let names = p.wholeNames.filter { $0.words.upperBound <= h && view.isIntact($0.words) }
        let here = names.map { String(p.text(of: $0.words)) }
        for name in here + (here.isEmpty ? state.previousPlaces : []) where knowledge.kind(of: name) == .place || Geography.isCountry(name) {
            if Geography.isCountry(name) == wantCountry || lemma == "state" { found.append(name) }
        }
        let distinct = Array(Set(found))
        if distinct.count == 1 { return knowledge.written(distinct[0]) }
        // "China is North Korea's partner and the country accounts for ...": of several
        // places named before, the one that is a clause's subject is what a reader takes
        let subjects = Set(names.filter { n in n.words.contains { ["nsubj", "nsubj:pass"].contains(p.relation($0)) } }.map { String(p.text(of: $0.words)) })
        let salient = distinct.filter { subjects.contains($0) }
        return salient.count == 1 ? knowledge.written(salient[0]) : nil
    }

    /// "the mall" after "the Fulton Mall": the fuller name, when the sentences just before
    /// give exactly one, and "the mall" has nothing of its own before its noun.
    func fuller(noun h: Int, in p: ParsedSentence, sentence: Int) -> String? {
        guard p.words[h].pennTag == "NN", let d = p.children(of: h, in: ["det"]).first, d == h - 1 else { return nil }
        return knowledge.fullerName(for: p.words[h].lemma.lowercased(), before: sentence)
    }

    /// A superlative or an ordinal: "the largest city", "the 17th century", "the first flight".
    static func picksOut(_ w: Language.Word) -> Bool {
        if ["JJS", "RBS"].contains(w.pennTag) { return true }
        let l = w.form.lowercased()
        if Lexicon.ordinals[l] != nil || ["last", "final", "only", "next-to-last"].contains(l) { return true }
        if let f = l.first, f.isNumber, ["st", "nd", "rd", "th"].contains(where: { l.hasSuffix($0) }) { return true }
        return false
    }

    /// The topic's name when `noun` is the topic's own head noun ("the agency" in the IAEA's article).
    func topicFor(noun h: Int, in p: ParsedSentence) -> String? {
        guard let topic, topic.kind == .thing, p.words[h].pennTag == "NN" else { return nil }
        let lemma = p.words[h].lemma.lowercased()
        // the head noun must be the topic name's own ("the league" for "Hanseatic League"); a
        // title about many ("the 8 coolest PlayStation VR games") has no one "game"
        let topicWords = topic.text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
        if lemma == knowledge.topicHeadNoun, topicWords.contains(lemma) { return topic.text }
        // "the city" in a city's article, "the company" in a company's
        switch knowledge.topicKind {
        // (not "the region", "the island", "the river": a part of the place as often as the whole)
        // and only as the kind of place it is: "the country" in Lagos's article is Nigeria
        case .place?:
            let isCountry = Geography.isCountry(knowledge.topicEntity ?? "")
            // (an empire, a kingdom or a region is no "city" either)
            let head = topic.text.split(separator: " ").last.map { $0.lowercased() } ?? ""
            if Self.topicPlaceNouns.contains(lemma), ["country", "nation"].contains(lemma) == isCountry,
               isCountry || !["empire", "kingdom", "republic", "state", "states", "region", "island", "islands", "province", "county", "union", "league", "desert", "reef", "sea", "ocean", "river", "lake"].contains(head) { return topic.text }
        case .organisation?: if Self.organisationNouns.contains(lemma) { return topic.text }
        default: break
        }
        return nil
    }

    /// Whether `full` is `word` and a regnal number ("Murad II", "Henry VIII").
    static func isRegnal(_ full: String, of word: String) -> Bool {
        let rest = full.split(separator: " ").filter { $0 != Substring(word) }
        return !rest.isEmpty && rest.allSatisfy { $0.allSatisfy { "IVXLC".contains($0) } }
    }

    /// Whether the words of `inner` appear in order, as whole words, in `outer`.
    static func holdsWords(_ outer: String, _ inner: String) -> Bool {
        let o = outer.split(separator: " "), i = inner.split(separator: " ")
        guard i.count <= o.count else { return false }
        return (0...(o.count - i.count)).contains { k in Array(o[k..<(k + i.count)]) == i }
    }

    /// The nouns by which a place's own article calls it.
    static let topicPlaceNouns: Set<String> = ["city", "town", "village", "country", "nation", "capital"]

    /// Parts of a whole, which must say of what.
    static let proportions: Set<String> = ["total", "rest", "majority", "remainder", "minority"]

    static let placeNouns: Set<String> = ["city", "town", "village", "country", "state", "region", "capital", "island", "river", "province", "nation", "port"]
    static let organisationNouns: Set<String> = ["company", "organisation", "organization", "agency", "university", "institution", "group", "party", "body", "firm", "league", "union", "association", "society", "club", "band"]

    /// Replaces words `from...through` with one text.
    func replace(view: inout SentenceView, from: Int, through: Int, with text: String) {
        view.replaced[from] = text
        if from < through { for k in (from + 1)...through { view.removed.insert(k) } }
        view.filled.formUnion(from...through)
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
        // someone named earlier in the same sentence; not for an object ("Lincoln, who had
        // resisted calls to dismiss him, promoted him": someone else)
        let isObject = ["obj", "iobj", "obl", "nmod"].contains(p.relation(i)) && p.words[i].relation.rawValue != "nmod:poss"
        if agreement.kind == .person && !isObject {
            var earlier: [Mention] = []
            for n in p.names where n.words.upperBound <= i && view.isIntact(n.words) {
                let text = String(p.text(of: n.words))
                guard knowledge.kind(of: text) == .person else { continue }
                let m = Mention(text: text, kind: .person, plural: false, gender: knowledge.gender(of: text))
                if agrees(m), !earlier.contains(m) { earlier.append(m) }
            }
            if earlier.count == 1 { return earlier[0] }
            if earlier.count > 1 { return nil }
            // a name of unknown kind before it may be the person ("the employments of Ginger
            // Nut, ... one which he discharged"): reaching back past it is guesswork
            let unknown = p.names.contains { n in
                guard n.words.upperBound <= i, view.isIntact(n.words) else { return false }
                let text = String(p.text(of: n.words))
                let e = knowledge.names[text] ?? .init()
                return knowledge.kind(of: text) == nil && e.place + e.organisation + e.thing == 0 && !knowledge.isTopic(text)
            }
            if unknown { return nil }
        }
        // the sentence's own subject before a pronoun later in it ("The canal ... and it")
        if let r = p.root, let s = p.subject(of: r), s < i, p.words[s].tag != .pron, !(isObject && agreement.kind == .person),
           let m = subjectMention(of: r, in: p, view: view) {
            if agrees(m) && (m.kind == .person || agreement.kind == nil || m.isKnownThing) { return m }
        }
        // the sentence before's subject; one we could not read leaves the pronoun open
        var candidates: [Mention] = []
        if let m = state.previousSubject {
            if agrees(m) {
                guard m.kind == .person || m.isKnownThing else { return nil }
                candidates.append(m)
            }
        } else if state.previousSubjectUnread && agreement.kind != .person {
            return nil
        }
        // the topic: for a person, when the sentence before named nobody else; for a
        // thing, when the sentence before was about it, or the paragraph starts here
        // the topic is always salient: when it agrees too and is someone or something else
        // than the sentence before's subject, the pronoun is open; alone, it is the topic
        // only where nothing else was just named (a paragraph's start, a sentence that named
        // nobody else)
        if let t = topic, agrees(t), !candidates.contains(where: { knowledge.isTopic($0.text) || CardID.normalize($0.text) == CardID.normalize(t.text) }) {
            if !candidates.isEmpty { return nil }
            let allowed: Bool
            if t.kind == .person {
                allowed = state.previousPersons.allSatisfy { knowledge.isTopic($0) }
            } else {
                allowed = state.previousSubject == nil && state.firstInParagraph
            }
            if allowed { candidates.append(t) }
        }
        return candidates.count == 1 ? candidates[0] : nil
    }

    /// Names in the sentence that are, or may be, people's: what "he" or "she" in the next
    /// sentence may stand for besides the topic.
    func personNames(in view: SentenceView) -> [String] {
        let p = view.parse
        var out: [String] = []
        for n in p.names {
            let text = String(p.text(of: n.words))
            let e = knowledge.names[text] ?? .init()
            if knowledge.kind(of: text) == .person || knowledge.kind(of: text) == nil && e.place + e.organisation + e.thing == 0 { out.append(text) }
        }
        // pronouns filled in with a person
        for (k, r) in view.replaced where p.words[k].tag == .pron { out.append(r.hasSuffix("'s") ? String(r.dropLast(2)) : r) }
        return out
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
