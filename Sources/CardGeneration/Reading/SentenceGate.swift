import Language

/// Sentences that give no card whatever their facts: not statements, not the article's
/// own voice of fact (a hedge, an opinion, the writer speaking), or not a whole clause.
enum SentenceGate {
    /// Adverbs that make a statement a guess.
    static let hedgeAdverbs: Set<String> = [
        "perhaps", "maybe", "possibly", "probably", "likely", "unlikely", "potentially", "presumably", "arguably",
        "supposedly", "allegedly", "reportedly", "apparently", "seemingly", "conceivably", "purportedly",
    ]
    /// Modal auxiliaries of a guess or a recommendation; "will", "can" and "is expected to"
    /// stay: a dated plan or an ability is a fact when the card keeps its modality.
    static let hedgeModals: Set<String> = ["may", "might", "could", "would", "should", "must", "ought", "shall"]
    /// Main verbs whose clause is an opinion or a belief rather than a fact.
    static let beliefVerbs: Set<String> = [
        "believe", "think", "suggest", "speculate", "hope", "feel", "seem", "appear", "guess", "suppose",
        "argue", "claim", "consider", "assume", "wonder", "doubt", "imagine", "hypothesize", "hypothesise", "theorize",
    ]

    static let judgements: Set<String> = ["important", "essential", "crucial", "vital", "necessary", "clear", "obvious", "likely", "unlikely", "possible",
                                          "impossible", "worth", "interesting", "notable", "remarkable", "surprising", "fair", "true", "hard", "difficult", "easy", "wise", "best", "better"]
    static let opinionHolders: Set<String> = ["expert", "analyst", "critic", "observer", "commentator", "some", "many", "people", "skeptic", "sceptic", "proponent", "supporter", "opponent", "scientist"]

    /// Why `p` gives no card, or nil when it may.
    static func rejection(_ p: ParsedSentence) -> String? {
        let words = p.words
        guard words.count >= 5 else { return "too short" }
        guard words.count <= 60 else { return "too long to ask about" }
        if let last = words.last(where: { $0.tag == .punct && $0.form != "\"" && $0.form != "”" && $0.form != ")" }), last.index >= words.count - 3 {
            if last.form == "?" { return "a question, not a statement" }
            if last.form == "!" { return "an exclamation" }
        }
        guard let root = p.root else { return "no main clause" }
        // a line without a full stop is a heading, a caption or a teaser ("Cullen is an
        // integral member of ...'s team" under a photo), whose context is the picture
        if let last = words.last?.form, !(last.hasSuffix(".") || ["!", "?", "\"", "”", "’", "'", ")", "]", "…"].contains(last)) {
            return "no full stop (a heading or caption)"
        }
        // "Neither has ...", "Nor did ...": the other half is in the sentence before
        if ["neither", "nor"].contains(words[0].form.lowercased()), words.count > 1, words[1].tag == .aux || words[1].tag == .verb {
            return "unresolved \"\(words[0].form)\""
        }
        // "Note: ...", "Update: ...": an aside to the page's reader
        if words.count > 2, words[1].form == ":", ["note", "update", "correction", "disclaimer", "disclosure", "editor", "nb", "ps", "tip"].contains(words[0].form.lowercased()) {
            return "boilerplate"
        }
        // words English does not have ("lorem ipsum dolor sit amet", a sentence in another
        // language inside an English page): nothing a card can be made of
        let lowerWords = words.filter { $0.form.count > 2 && $0.form.allSatisfy(\.isLetter) && $0.form.first?.isLowercase == true }
        if lowerWords.count >= 4, lowerWords.filter({ WordFrequency.zipf($0.form) == 0 }).count * 10 > lowerWords.count * 4 {
            return "not English"
        }
        // the writer speaking: first and second person outside quotations
        let quoted = quotedWords(p)
        for w in words where w.tag == .pron && !quoted.contains(w.index) {
            // "Mehmed I", "Murad I": a regnal number after a name
            if w.form == "I", w.index > 0, words[w.index - 1].form.first?.isUppercase == true,
               w.index > 1 || WordFrequency.zipf(words[w.index - 1].form.lowercased()) < 4 { continue }
            // the writer speaking ("I think", "we tested"); a generic "you" ("if you heat
            // water to 100 °C") states a fact like any other sentence
            if ["i", "me", "my", "mine", "we", "us", "our", "ours", "myself", "ourselves"].contains(w.form.lowercased()) {
                return "first-person"
            }
        }
        if quoted.count * 2 > words.count { return "mostly a quotation" }
        // hedge words are judged after the sentence is trimmed (`hedge(in:)`): in an aside
        // that can go, they take only the aside with them
        let rootLemma = words[root].lemma.lowercased()
        if beliefVerbs.contains(rootLemma) { return "an opinion or belief" }
        // "looked fantastic", "sounds great": how something struck the writer (the tree may
        // hang the adjective on the verb or the verb on the adjective)
        let perception: Set<String> = ["look", "sound", "taste", "smell"]
        let next = root + 1 < words.count && words[root + 1].tag == .adv ? root + 2 : root + 1
        if perception.contains(rootLemma), p.children(of: root, in: ["xcomp"]).contains(where: { words[$0].tag == .adj }) || next < words.count && words[next].tag == .adj && words[next].pennTag != "JJS" {
            return "an opinion or belief"
        }
        if words[root].tag == .adj, p.children(of: root).contains(where: { perception.contains(words[$0].lemma.lowercased()) }) {
            return "an opinion or belief"
        }
        // "when you open ..., you will inevitably count ...": the writer telling the reader
        // what they will do
        if words.contains(where: { w in ["you", "your"].contains(w.form.lowercased()) && !quoted.contains(w.index) }),
           words.contains(where: { w in ["will", "'ll"].contains(w.form.lowercased()) && w.tag == .aux && !quoted.contains(w.index) }) {
            return "addressed to the reader"
        }
        // "The Wilanów Palace Park, dates back to ...": a comma between a subject and its verb
        if let s = p.subject(of: root), root > 0, words[root - 1].form == ",", p.subtree(of: s).upperBound == root - 1 || p.subtree(of: s).upperBound == root,
           !words[..<(root - 1)].contains(where: { [",", "(", "–", "—"].contains($0.form) }), !words[root...].contains(where: { $0.form == "," }), p.auxiliaries(of: root).isEmpty {
            return "ungrammatical (a comma before the verb)"
        }
        let bare = words.map { $0.form.lowercased() }
        // "The One S, in comparison, weighs two pounds less": less than what? (A fact that
        // stands by itself, "the Quest Pro, by contrast, has a resolution of ...", stays.)
        let openComparative = words.contains { ["JJR", "RBR"].contains($0.pennTag) } && !bare.contains("than")
        for k in bare.indices.dropFirst() where openComparative && k + 2 < bare.count && bare[k - 1] == "," {
            let pair = (bare[k], bare[k + 1])
            if [("in", "comparison"), ("by", "contrast"), ("in", "contrast"), ("by", "comparison")].contains(where: { $0 == pair }), bare[k + 2] == "," {
                return "unresolved \"\(words[k].form) \(words[k + 1].form)\""
            }
        }
        // "a governor-general, currently Dame Patsy Reddy": who holds a post now is stale by
        // the time it is studied, unless a year says when
        if let k = bare.firstIndex(of: "currently"), k > 0, bare[k - 1] == ",", k + 1 < words.count, words[k + 1].tag == .propn, !Self.isDated(p) {
            return "unresolved \"currently\" (as of when?)"
        }
        // "..., of course": the writer's voice
        if zip(bare, bare.dropFirst()).enumerated().contains(where: { $0.element == ("of", "course") && !quoted.contains($0.offset) }) {
            return "an opinion or belief"
        }
        // "there will be a greater need to ...": a forecast with no date is no fact; a dated
        // plan ("will open in 2029") is, with its "will" kept
        if p.auxiliaries(of: root).contains(where: { ["will", "'ll", "wo"].contains(p.lower($0)) }), !quoted.contains(root), !Self.isDated(p) {
            return "an undated forecast"
        }
        // "Sadly, yes - ...", "Fortunately, ...": the writer's feeling about what follows, or
        // an answer to a question the card does not show
        let opening = words.prefix(3).map { $0.form.lowercased() }
        if let first = opening.first, ["sadly", "fortunately", "unfortunately", "luckily", "hopefully", "happily", "thankfully", "yes", "no", "well"].contains(first),
           opening.count > 1, [",", "-", "–", "—"].contains(opening[1]) {
            return "an opinion or belief"
        }
        // "X's fellowship program is great": a judgement, not a fact
        if words[root].tag == .adj, p.copula(of: root) != nil, Lexicon.evaluative.contains(rootLemma) || ["bad", "terrible", "awful", "good", "excellent", "fantastic", "wonderful", "horrible"].contains(rootLemma) {
            return "an opinion or belief"
        }
        // a news credit line: "X reported from Seoul", "Ars is asking Mojang for comment"
        if rootLemma == "ask", p.words.contains(where: { $0.form.lowercased() == "comment" }) { return "boilerplate" }
        if rootLemma == "report", p.children(of: root, in: ["obl"]).contains(where: { p.children(of: $0, in: ["case"]).contains { p.lower($0) == "from" } }),
           words.count <= 16 { return "boilerplate" }
        // "It is important for Chile to ...": a judgement, not a fact
        let lower = words.map { $0.form.lowercased() }
        for k in lower.indices where lower[k] == "it" && k + 2 < lower.count && ["is", "was", "seems", "remains", "becomes", "'s"].contains(lower[k + 1]) {
            var a = k + 2
            while a < lower.count, ["very", "so", "also", "especially", "increasingly", "particularly", "therefore", "thus"].contains(lower[a]) { a += 1 }
            if a < lower.count, Self.judgements.contains(lower[a]) { return "an opinion or belief" }
        }
        // "Experts see hope in ...", "Many believe ...": what someone thinks
        if let s = p.subject(of: root), Self.opinionHolders.contains(words[s].lemma.lowercased()),
           ["say", "see", "believe", "think", "argue", "suggest", "predict", "expect", "warn", "fear", "hope", "feel", "agree"].contains(rootLemma) {
            return "an opinion or belief"
        }
        // "... and argue that ...": a belief in a clause joined to the main one
        for c in p.children(of: root, in: ["conj", "parataxis"]) where beliefVerbs.contains(words[c].lemma.lowercased()) && !p.children(of: c, in: ["ccomp"]).isEmpty {
            return "an opinion or belief"
        }
        // "X is thought to behave", anywhere in the sentence
        for w in words where ["think", "believe", "say", "suppose", "rumor", "rumour", "consider", "expect"].contains(w.lemma.lowercased()) && w.pennTag == "VBN" {
            if w.lemma.lowercased() == "expect" { continue }  // a plan: "is expected to open in 2029"
            if !p.children(of: w.index, in: ["xcomp"]).isEmpty && !p.children(of: w.index, in: ["aux"]).isEmpty { return "hedged or speculative" }
        }
        // "is said to", "is thought to", "is believed to"
        if ["say", "think", "believe", "rumor", "rumour", "suspect"].contains(rootLemma), !p.children(of: root, in: ["xcomp"]).isEmpty {
            return "hedged or speculative"
        }
        // a whole clause: a verb or a copula with its subject; or, where the tree is
        // unsure, a finite verb somewhere in a sentence that starts and ends as one
        let tag = words[root].tag
        let verbal = tag == .verb || tag == .aux || p.copula(of: root) != nil
        let hasSubject = p.subject(of: root) != nil || !p.children(of: root, in: ["expl"]).isEmpty
        // (a finite verb inside a clause that modifies a noun does not make a noun phrase a
        // sentence: "The lack of exposure that student journalists have to ...")
        func modifiesNoun(_ i: Int) -> Bool {
            var k: Int? = i
            var steps = 0
            while let x = k, steps <= words.count {
                if p.relation(x) == "acl" { return true }
                k = words[x].head
                steps += 1
            }
            return false
        }
        let finite = words.contains { (["VBD", "VBZ", "VBP", "MD"].contains($0.pennTag) || $0.tag == .aux && $0.pennTag != "TO") && !modifiesNoun($0.index) }
        let looksWhole = finite && words.first?.form.first?.isUppercase == true && [".", "\"", "”", ")"].contains(words.last?.form ?? "")
        if !(verbal && hasSubject) {
            if !verbal && !looksWhole { return "not a whole clause" }
            // "Take the train ...", "If he does, let him live on ...": a command
            if verbal && !hasSubject && words[root].pennTag == "VB" && p.auxiliaries(of: root).isEmpty && (root == 0 || words[..<root].contains { $0.form == "," }) { return "an instruction" }
            if !looksWhole { return "not a whole clause" }
        }
        if verbal, ["VBG", "VBN"].contains(words[root].pennTag), p.auxiliaries(of: root).isEmpty, p.copula(of: root) == nil, !looksWhole {
            return "not a whole clause"
        }
        if !p.isBalanced(0..<words.count) { return "unbalanced brackets or quotes" }
        return nil
    }

    /// Whether the sentence names a year, a decade or a month: what a plan is dated by.
    static func isDated(_ p: ParsedSentence) -> Bool {
        p.words.contains { w in
            let f = w.form
            if f.count >= 4, f.prefix(4).allSatisfy(\.isNumber), let y = Int(f.prefix(4)), (1000...2200).contains(y), f.count == 4 || f == String(y) + "s" { return true }
            return Lexicon.months[f.lowercased()] != nil && w.tag == .propn
        }
    }

    /// The first word that makes the statement a guess ("probably", "could", "might"),
    /// outside quotations and words already removed.
    static func hedge(in view: SentenceView) -> Int? {
        let p = view.parse
        let quoted = quotedWords(p)
        for w in p.words where !quoted.contains(w.index) && !view.removed.contains(w.index) {
            let l = w.form.lowercased()
            if w.tag == .adv && hedgeAdverbs.contains(l) { return w.index }
            if (w.tag == .aux || w.pennTag == "MD") && hedgeModals.contains(l) && !isGenericModal(w.index, in: p) { return w.index }
        }
        return nil
    }

    /// "may" or "must" of what a kind of thing does or needs, with a generic subject and
    /// a verb of action ("Teachers may provide instruction in ...", "Formal teaching may be
    /// carried out by ..."), as opposed to a guess: "may be better", "may have caused", or
    /// a specific subject ("Chile may sign ...").
    static func isGenericModal(_ m: Int, in p: ParsedSentence) -> Bool {
        guard ["may", "must", "can"].contains(p.lower(m)), let v = p.words[m].head, p.words[v].tag == .verb else { return false }
        // "may have responsibility" (a main verb "have") is what teachers do; "may have
        // caused" is a guess
        // "may have caused", "may have been proposed", "may be better": a guess
        let later = p.auxiliaries(of: v).filter { $0 > m }
        if later.contains(where: { p.words[$0].lemma.lowercased() == "have" }) { return false }
        if later.contains(where: { p.words[$0].lemma.lowercased() == "be" }) && p.words[v].pennTag != "VBN" { return false }
        if p.children(of: v, in: ["advmod"]).contains(where: { ["well", "not"].contains(p.lower($0)) }) { return false }
        guard let s = p.subject(of: v) else { return false }
        let w = p.words[s]
        guard w.tag == .noun else { return false }
        // a bare plural, or "a/an" + noun, or a mass noun with no determiner
        let dets = p.children(of: s, in: ["det", "nmod"]).filter { p.words[$0].tag == .det || p.relation($0) == "nmod" && p.words[$0].relation.rawValue == "nmod:poss" }
        if dets.isEmpty { return true }
        return dets.allSatisfy { ["a", "an", "some", "many", "most", "all", "each", "every", "any"].contains(p.lower($0)) } || p.children(of: s).contains { p.words[$0].relation.rawValue == "nmod:poss" }
    }

    /// Words between quotation marks.
    static func quotedWords(_ p: ParsedSentence) -> Set<Int> {
        var out = Set<Int>()
        var open: Int? = nil
        for w in p.words {
            switch w.form {
            case "“": open = w.index
            case "”": if let o = open { out.formUnion(o...w.index) }; open = nil
            case "\"":
                if let o = open { out.formUnion(o...w.index); open = nil } else { open = w.index }
            default: break
            }
        }
        return out
    }
}
