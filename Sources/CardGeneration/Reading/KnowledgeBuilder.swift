import Language

/// Reads every sentence's tree once to build `ArticleKnowledge`: the evidence for each
/// name's kind comes from the tree (who is born, who "he" follows, what a name is the
/// subject of "was a physicist" of) and from words inside names ("University", "River").
enum KnowledgeBuilder {
    static func build(title: String, parses: [ParsedSentence]) -> ArticleKnowledge {
        var k = ArticleKnowledge()
        var previousSubjectName: String? = nil
        for p in parses {
            var lemmas = Set<String>()
            for w in p.words.dropFirst() where w.form.first?.isUppercase == true && p.words[w.index - 1].form != "\"" {
                k.capitalisedMidSentence.insert(w.form)
            }
            for w in p.words where w.tag == .noun {
                lemmas.insert(w.lemma.lowercased())
                k.nounCounts[w.lemma.lowercased(), default: 0] += 1
            }
            k.nounLemmasBySentence.append(lemmas)
            k.namedHeadsBySentence.append(namedHeads(p))
            let names = p.wholeNames
            for n in names {
                let text = String(p.text(of: n.words))
                k.names[text, default: .init()].mentions += 1
                if n.words.lowerBound > 0, p.lower(n.words.lowerBound - 1) == "the" { k.names[text]?.withThe += 1 }
                vote(&k, name: text, phrase: n, in: p)
                acronym(&k, name: text, phrase: n, in: p)
            }
            // "he"/"she"/"it" as the subject right after a sentence about a name
            if let r = p.root, let s = p.subject(of: r), p.words[s].tag == .pron, let prev = previousSubjectName {
                switch p.lower(s) {
                case "he": k.names[prev]?.person += 2; k.names[prev]?.male += 1
                case "she": k.names[prev]?.person += 2; k.names[prev]?.female += 1
                case "it": k.names[prev]?.thing += 1
                default: break
                }
            }
            previousSubjectName = nil
            if let r = p.root, let s = p.subject(of: r), let n = names.first(where: { $0.words.contains(s) }) {
                previousSubjectName = String(p.text(of: n.words))
            }
        }
        topic(&k, title: title, parses: parses)
        return k
    }

    /// Names ending in a common noun ("Fulton Mall" -> "mall") and noun phrases with a
    /// name or a classifier before their noun ("the University Library garden"), written
    /// as a card would name them.
    static func namedHeads(_ p: ParsedSentence) -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        func singular(_ w: String) -> String {
            let l = w.lowercased()
            if l.hasSuffix("ies") && l.count > 4 { return String(l.dropLast(3)) + "y" }
            if l.hasSuffix("s") && !l.hasSuffix("ss") && !l.hasSuffix("us") && l.count > 3 { return String(l.dropLast()) }
            return l
        }
        for n in p.names where n.words.count >= 2 {
            let last = p.words[n.words.upperBound - 1]
            guard last.form.first?.isUppercase == true, last.form.allSatisfy(\.isLetter) else { continue }
            let the = n.words.lowerBound > 0 && p.lower(n.words.lowerBound - 1) == "the" ? "the " : ""
            out[singular(last.form), default: []].insert(the + String(p.text(of: n.words)))
        }
        for w in p.words where w.tag == .noun && p.words[w.index].pennTag == "NN" {
            let mods = p.children(of: w.index, in: ["compound", "amod"]).filter { $0 < w.index }
            guard let first = mods.min(), mods.contains(where: { p.words[$0].tag == .propn || p.words[$0].tag == .noun }),
                  first > 0, p.lower(first - 1) == "the" else { continue }
            out[w.lemma.lowercased(), default: []].insert("the " + String(p.text(of: first..<(w.index + 1))))
        }
        return out
    }

    /// Evidence for one mention of a name.
    static func vote(_ k: inout ArticleKnowledge, name: String, phrase n: Phrase, in p: ParsedSentence) {
        let words = n.words.map { p.lower($0) }
        guard let last = words.last, let first = words.first else { return }
        // "Bank of Korea", "University of Bologna": the kind is the word before "of"
        let beforeOf = words.firstIndex(of: "of").flatMap { $0 > 0 ? words[$0 - 1] : nil }
        if let b = beforeOf, Lexicon.orgWords.contains(b) { k.names[name]?.organisation += 3 }
        if let b = beforeOf, Lexicon.placeWords.contains(b) { k.names[name]?.place += 3 }
        if Lexicon.orgWords.contains(last) || words.contains(where: { ["university", "institute", "company", "corporation", "agency", "council", "committee", "party", "association", "society", "organization", "organisation"].contains($0) }) {
            k.names[name]?.organisation += 3
        }
        if Lexicon.placeWords.contains(last) || Geography.isCountry(name) || Geography.isRegion(name) {
            k.names[name]?.place += Geography.isCountry(name) || Geography.isRegion(name) ? 5 : 3
        }
        if Lexicon.personTitles.contains(first) && n.words.count >= 2 { k.names[name]?.person += 3 }
        // a name with an initial inside ("Edwin P. Hubble") is a person's
        if n.words.count >= 3, n.words.dropFirst().dropLast().contains(where: { p.words[$0].form.count == 2 && p.words[$0].form.hasSuffix(".") }) {
            k.names[name]?.person += 3
        }
        // the word before: "physicist Richard Feynman", "President Kennedy"
        if n.words.lowerBound > 0 {
            let before = p.lower(n.words.lowerBound - 1)
            if Lexicon.roleNouns.contains(before) || Lexicon.personTitles.contains(before) { k.names[name]?.person += 3 }
            if ["in", "at", "near", "from", "across"].contains(before), p.relation(n.head) == "obl" { k.names[name]?.place += 1 }
        }
        // "X, a physicist," / "X was an astronomer" / "the city of X"
        for c in p.children(of: n.head, in: ["appos"]) { classify(&k, name: name, noun: p.words[c].lemma.lowercased()) }
        if p.relation(n.head) == "appos", let h = p.words[n.head].head, p.words[h].tag == .noun {
            classify(&k, name: name, noun: p.words[h].lemma.lowercased())
        }
        if p.relation(n.head) == "nsubj", let h = p.words[n.head].head, p.copula(of: h) != nil, p.words[h].tag == .noun {
            classify(&k, name: name, noun: p.words[h].lemma.lowercased())
        }
        if p.relation(n.head) == "nmod", let h = p.words[n.head].head, p.words[h].tag == .noun,
           p.children(of: n.head, in: ["case"]).contains(where: { p.lower($0) == "of" }) {
            let noun = p.words[h].lemma.lowercased()
            if ["city", "town", "village", "state", "province", "county", "island", "region", "kingdom", "republic"].contains(noun) { k.names[name]?.place += 3 }
        }
        // born, died, married: people
        if ["nsubj", "nsubj:pass"].contains(p.words[n.head].relation.rawValue), let h = p.words[n.head].head,
           ["bear", "die", "marry", "graduate", "study", "say", "write", "paint", "compose", "retire"].contains(p.words[h].lemma.lowercased()) {
            k.names[name]?.person += 2
        }
        // "born in X"
        if p.relation(n.head) == "obl", let h = p.words[n.head].head, p.words[h].lemma.lowercased() == "bear" { k.names[name]?.place += 2 }
        // an acronym that is not a country's is an organisation's, mostly
        if n.words.count == 1, let w = n.words.first, p.words[w].form.count >= 2,
           p.words[w].form.allSatisfy({ $0.isUppercase || $0 == "." }) && !Geography.isCountry(name) {
            k.names[name]?.organisation += 1
        }
    }

    static func classify(_ k: inout ArticleKnowledge, name: String, noun: String) {
        if Lexicon.roleNouns.contains(noun) || ["man", "woman", "son", "daughter", "brother", "sister", "father", "mother", "wife", "husband"].contains(noun) {
            k.names[name]?.person += 3
        } else if Lexicon.placeWords.contains(noun) || ["country", "nation", "capital", "port", "suburb", "settlement"].contains(noun) {
            k.names[name]?.place += 3
        } else if Lexicon.orgWords.contains(noun) || ["firm", "manufacturer", "newspaper", "magazine", "publisher", "band"].contains(noun) {
            k.names[name]?.organisation += 3
        } else if noun.count > 5, ["ist", "ian", "er", "or"].contains(where: { noun.hasSuffix($0) }) {
            // an agent noun: "a composer", "a historian", "an inventor"
            k.names[name]?.person += 2
        } else {
            k.names[name]?.thing += 1
        }
    }

    /// "the International Atomic Energy Agency (IAEA)": the acronym and its expansion.
    static func acronym(_ k: inout ArticleKnowledge, name: String, phrase n: Phrase, in p: ParsedSentence) {
        let e = n.words.upperBound
        guard e + 2 < p.words.count, p.words[e].form == "(", p.words[e + 2].form == ")" else { return }
        let acr = p.words[e + 1].form
        guard acr.count >= 2, acr.allSatisfy({ $0.isUppercase || $0.isNumber || $0 == "." || $0 == "&" }) else { return }
        let initials = String(n.words.map { p.words[$0] }.filter { $0.form.first?.isUppercase == true }.compactMap(\.form.first))
        guard initials.count >= 2, acr.filter(\.isLetter).hasPrefix(String(initials.prefix(2))) || initials.hasPrefix(String(acr.prefix(2))) else { return }
        k.acronyms[acr] = name
        k.expansions[name] = acr
        if let ev = k.names[name] {
            var a = k.names[acr] ?? .init()
            a.person += ev.person; a.place += ev.place; a.organisation += ev.organisation + 1; a.thing += ev.thing
            k.names[acr] = a
        }
    }

    /// The topic: the title, the names in it, their acronyms, and its head noun.
    static func topic(_ k: inout ArticleKnowledge, title: String, parses: [ParsedSentence]) {
        let t = CardID.normalize(title)
        k.topicName = title
        guard !t.isEmpty else { return }
        k.topics.insert(t)
        let padded = " " + t + " "
        // the name the title is, if the article names it so ("Hadrian's Wall"): its kind is
        // the topic's, and a one-word name inside it ("Hadrian") is the topic too only when
        // the title names a person ("Hubble" in "Edwin P. Hubble")
        let whole = k.names.keys.first { CardID.normalize($0) == t || "the " + CardID.normalize($0) == t }
        let wholeKind = whole.flatMap { k.kind(of: $0) }
        var best: (String, Int)? = whole.map { ($0, Int.max) }
        for (name, e) in k.names {
            let n = CardID.normalize(name)
            guard !n.isEmpty, padded.contains(" " + n + " ") else { continue }
            if !n.contains(" ") && t.contains(" ") && (e.mentions < 2 || whole != nil && wholeKind != .person) { continue }
            k.topics.insert(n)
            if best == nil || e.mentions > best!.1 { best = (name, e.mentions) }
        }
        for (acr, x) in k.acronyms where k.topics.contains(CardID.normalize(x)) || k.topics.contains(CardID.normalize(acr)) {
            k.topics.insert(CardID.normalize(acr))
            k.topics.insert(CardID.normalize(x))
        }
        if let (name, _) = best {
            k.topicKind = k.kind(of: name)
            k.topicEntity = name
        }
        // the title's own head noun, for "the war" / "the agency"
        let words = title.split(whereSeparator: { !$0.isLetter && $0 != "-" })
        if let last = words.last {
            var w = last.lowercased()
            if w.hasSuffix("ies") && w.count > 4 { w = String(w.dropLast(3)) + "y" } else if w.hasSuffix("s") && !w.hasSuffix("ss") && w.count > 3 { w = String(w.dropLast()) }
            k.topicHeadNoun = w
        }
    }
}
