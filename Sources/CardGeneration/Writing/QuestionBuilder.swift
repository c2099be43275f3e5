import Foundation
import Language

/// Writes a wh-question from the tree: the asked phrase is an argument or adjunct of the
/// main verb; it moves to the front as a wh-phrase that keeps its preposition ("In what
/// year ..."), the first auxiliary moves before the subject, or "do" carries the tense and
/// the verb goes back to its lemma ("did ... become"). Anything else gives no question.
struct QuestionBuilder {
    let knowledge: ArticleKnowledge

    enum Role { case subject, object, oblique(String) }

    func question(for c: AnswerCandidate, in view: SentenceView) -> String? {
        let p = view.parse
        guard let r = p.root else { return nil }
        let rootTag = p.words[r].tag
        let copula = p.copula(of: r)
        guard rootTag == .verb || copula != nil else { return nil }
        // an interrupted clause ("X, launched in 2001 ..., has stalled") or a gapped one
        // ("and Orville in Dayton") is beyond a safe rewrite
        if r > 0, p.words[r - 1].form == "," { return nil }
        // a root with "while", "after", "because": the tree took a subordinate clause for the main one
        if !p.children(of: r, in: ["mark"]).isEmpty { return nil }
        if p.words.contains(where: { $0.relation.universal == "orphan" }) { return nil }
        // the root's child whose phrase holds the answer
        guard let arg = p.children(of: r).first(where: { p.subtree(of: $0).contains(c.head) && p.subtree(of: $0).contains(c.span.lowerBound) }) else { return nil }
        let rel = p.words[arg].relation.rawValue
        let role: Role
        switch p.relation(arg) {
        case "nsubj": role = .subject
        case "obj": role = .object
        case "obl":
            guard rel == "obl" || rel == "obl:tmod" && c.type == .year,
                  let cs = p.children(of: arg, in: ["case"]).first, cs < arg else { return nil }
            // prepositions a wh-phrase can take ("as", "like", "than" cannot)
            guard Self.prepositions.contains(p.lower(cs)) else { return nil }
            role = .oblique(p.lower(cs))
        default: return nil
        }
        let asked = p.subtree(of: arg)
        // the answer must be the whole phrase, but for its preposition and "the"
        var core = asked
        while core.lowerBound < core.upperBound, ["case", "det", "punct"].contains(p.relation(core.lowerBound)), core.lowerBound != c.span.lowerBound {
            core = core.lowerBound + 1..<core.upperBound
        }
        core = p.trimmedOfPunctuation(core)
        let counted = c.detail == "count" && p.words[c.head].head == arg
        guard core == c.span || counted else { return nil }
        guard let wh = whPhrase(for: c, role: role, asked: asked, counted: counted, in: view) else { return nil }
        guard view.isIntact(asked) || counted else { return nil }

        // what the question leaves out: the asked phrase, coordinated clauses after the
        // main one, and what stands before the subject (moved to the end)
        var skip = Set(asked)
        for k in view.removed { skip.insert(k) }
        for cj in p.children(of: r, in: ["conj", "parataxis"]) where cj > r {
            let sub = p.subtree(of: cj)
            // only a clause set off by a comma or a conjunction can go
            guard sub.lowerBound > 0, [",", ";", "and", "but", "or", "while", "whereas"].contains(p.lower(sub.lowerBound - 1)) || p.words[sub.lowerBound].tag == .cconj else { return nil }
            skip.formUnion(sub)
            // the "and" or comma before it
            var k = sub.lowerBound - 1
            while k > r, ["cc", "punct"].contains(p.relation(k)) || p.words[k].tag == .cconj || p.words[k].form == "," { skip.insert(k); k -= 1 }
        }
        let subject = p.subject(of: r)
        if case .subject = role {} else { guard subject != nil else { return nil } }
        let subjectSpan = subject.map { p.subtree(of: $0) }
        // words before the subject that hang from the root (front adjuncts), moved to the end
        var front: [Int] = []
        if let ss = subjectSpan {
            for k in 0..<ss.lowerBound where !skip.contains(k) { front.append(k) }
        }
        // trailing punctuation
        var end = p.words.count
        while end > 0, p.words[end - 1].tag == .punct { end -= 1 }

        // a subject that runs to the end of the sentence leaves no clause to ask with
        if let ss = subjectSpan, ss.upperBound > end { return nil }
        var pieces: [SentenceView.Piece] = []
        func word(_ k: Int, _ text: String? = nil) {
            pieces.append(.init(text: text ?? shown(k, in: view), index: k, end: k))
        }
        func inserted(_ text: String) { pieces.append(.init(text: text, index: -100, end: -100)) }
        inserted(wh.text)
        let firstShown = (0..<p.words.count).first { !view.removed.contains($0) } ?? 0

        switch role {
        case .subject:
            guard let ss = subjectSpan else { return nil }
            for k in ss.upperBound..<end where !skip.contains(k) {
                if k == firstVerbal(r, in: p), !wh.plural, let sg = singular(k, in: p) { word(k, sg) } else { word(k) }
            }
        case .object, .oblique:
            guard let ss = subjectSpan else { return nil }
            let auxes = (p.auxiliaries(of: r) + (copula.map { [$0] } ?? [])).filter { $0 > ss.upperBound - 1 }.sorted()
            var moved: Int? = nil
            if let a = auxes.first {
                word(a)
                moved = a
            } else {
                guard rootTag == .verb else { return nil }
                switch p.words[r].pennTag {
                case "VBD": inserted("did")
                case "VBZ": inserted("does")
                // "Sky bid £4.2bn": a base-looking verb after a singular subject is past ("bid",
                // "set", "put"), as a present one would end in -s
                case "VBP" where subject.map({ ["NN", "NNP"].contains(p.words[$0].pennTag) }) == true: inserted("did")
                case "VBP": inserted("do")
                default: return nil
                }
            }
            for k in ss where !skip.contains(k) { word(k, k == firstShown ? lowered(k, in: view) : nil) }
            // with "did", a verb joined to the root that shares its subject and tense goes
            // back to its lemma too: "did it make a flyby and send back pictures"
            var joined = Set<Int>()
            if moved == nil {
                for k in ss.upperBound..<end where p.relation(k) == "conj" && p.words[k].tag == .verb
                    && p.children(of: k, in: ["cc"]).contains(where: { ["and", "or", "but"].contains(p.lower($0)) })
                    && ["VBD", "VBZ", "VBP", "VBN"].contains(p.words[k].pennTag) && p.subject(of: k) == nil && p.auxiliaries(of: k).isEmpty {
                    // joined to the root in the same tense: its lemma too; joined anywhere
                    // else ("a flyby ... and sent"), the tree is unsure which it is: no question
                    guard p.words[k].head == r, p.words[k].pennTag == p.words[r].pennTag else { return nil }
                    joined.insert(k)
                }
            }
            for k in ss.upperBound..<end where !skip.contains(k) && k != moved {
                if moved == nil && (k == r || joined.contains(k)) { word(k, p.words[k].lemma) } else { word(k) }
            }
        }
        // front adjuncts go to the end: "In 1959 X built Y" -> "What did X build in 1959?"
        let frontWords = front.filter { p.words[$0].tag != .punct }
        // only adjuncts of the clause move: a word before the subject that belongs to
        // something else ("the Belgian-American economist Robert Triffin") would be torn off
        for k in frontWords {
            var x = k
            var steps = 0
            while let h = p.words[x].head, h != r, steps <= p.words.count { x = h; steps += 1 }
            if !["obl", "advmod", "advcl", "mark", "cc", "discourse", "punct"].contains(p.relation(x)) { return nil }
        }
        if !frontWords.isEmpty {
            for k in front where !(p.words[k].tag == .punct && (k == front.last || p.words[k].form == ",")) {
                word(k, k == firstShown ? lowered(k, in: view) : nil)
            }
        }
        if let tail = wh.tail { inserted(tail) }
        var text = view.join(pieces)
        while let l = text.last, [",", ";", ":", " ", "-"].contains(l) { text.removeLast() }
        // the comma that closed a fronted phrase the question asks for ("In 2007, BSkyB ...")
        // would follow the auxiliary: "In what year did, BSkyB"
        for aux in ["did", "does", "do", "was", "were", "is", "are", "has", "have", "had", "will", "can"] {
            text = text.replacingOccurrences(of: " \(aux), ", with: " \(aux) ")
        }
        text = SentenceView.capitalisingFirst(text) + "?"
        // a quotation or bracket cut in two reads as garbled
        let quotes = text.filter { $0 == "\"" }.count
        let opens = text.filter { "(“[".contains($0) }.count, closes = text.filter { ")”]".contains($0) }.count
        guard quotes % 2 == 0, opens == closes else { return nil }
        // a few words to go on besides the wh-phrase
        let content = pieces.filter { $0.index >= 0 && p.words[$0.index].tag != .punct }.count
        guard content >= 4, pieces.count <= 26 else { return nil }
        return text
    }

    struct Wh { var text: String; var tail: String? = nil; var plural = false }

    static let prepositions: Set<String> = ["in", "on", "at", "by", "with", "for", "from", "to", "into", "of", "after", "before", "since", "until", "during", "over", "under", "about", "among", "between", "through", "across"]

    func whPhrase(for c: AnswerCandidate, role: Role, asked: Range<Int>, counted: Bool, in view: SentenceView) -> Wh? {
        let p = view.parse
        let plural = !p.children(of: c.head, in: ["conj"]).isEmpty || p.words[c.head].pennTag.hasSuffix("S")
        if counted {
            // "how many confirmed moons": the counted noun phrase after the number
            guard let noun = p.words[c.head].head, noun >= c.span.upperBound else { return nil }
            let after = c.span.upperBound..<(noun + 1)
            // "four largest moons", "three first stages": a superlative or ordinal picks
            // out which ones, and "how many largest moons" is no question
            if after.contains(where: { ReferentResolver.picksOut(p.words[$0]) }) { return nil }
            let nounText = view.text(of: after)
            switch role {
            case .subject, .object: return Wh(text: "How many " + nounText, plural: true)
            case .oblique(let prep): return Wh(text: prep.capitalized + " how many " + nounText, plural: true)
            }
        }
        switch (role, c.type) {
        case (.subject, .person) where c.confident: return Wh(text: "Who", plural: plural)
        case (.object, .person) where c.confident: return Wh(text: "Who", plural: plural)
        case (.object, .organisation) where c.confident, (.object, .place) where c.confident: return Wh(text: "What", plural: plural)
        case (.oblique(let prep), .year):
            guard ["in", "by", "since", "until", "before", "after"].contains(prep) else { return nil }
            return Wh(text: prep.capitalized + " what year")
        case (.oblique(let prep), .date):
            switch (prep, c.detail) {
            case ("in", "decade"?): return Wh(text: "In what decade")
            case ("in", "century"?), ("during", "century"?): return Wh(text: "In what century")
            case ("on", nil): return Wh(text: "On what date")
            case ("in", nil): return Wh(text: "When")
            default: return nil
            }
        case (.oblique(let prep), .place) where c.confident:
            switch prep {
            case "in", "at": return Wh(text: "Where")
            case "from": return Wh(text: "Where", tail: "from")
            default: return nil
            }
        case (.oblique(let prep), .person) where c.confident:
            guard ["by", "with"].contains(prep) else { return nil }
            return Wh(text: prep.capitalized + " whom")
        default: return nil
        }
    }

    func shown(_ k: Int, in view: SentenceView) -> String { view.replaced[k] ?? view.parse.words[k].form }

    /// A sentence's first word in mid-question: lower case unless it is a name.
    func lowered(_ k: Int, in view: SentenceView) -> String {
        let s = shown(k, in: view)
        let w = view.parse.words[k]
        if view.replaced[k] != nil || w.tag == .propn || w.form == "I" || s.count > 1 && s.dropFirst().first?.isUppercase == true { return s }
        // the first word of a title-case name ("Part One", "Grand Central")
        if k + 1 < view.parse.words.count, view.parse.words[k + 1].form.first?.isUppercase == true, !view.removed.contains(k + 1) { return s }
        return s.prefix(1).lowercased() + s.dropFirst()
    }

    /// The first word of the verb group: an auxiliary, the copula, or the verb.
    func firstVerbal(_ r: Int, in p: ParsedSentence) -> Int {
        let group = p.auxiliaries(of: r) + (p.copula(of: r).map { [$0] } ?? []) + (p.words[r].tag == .verb ? [r] : [])
        return group.min() ?? r
    }

    /// A plural present verb made singular, for "Who": "are" -> "is", "have" -> "has".
    func singular(_ k: Int, in p: ParsedSentence) -> String? {
        let w = p.words[k]
        switch w.form.lowercased() {
        case "are": return "is"
        case "were": return "was"
        case "have": return "has"
        case "do": return "does"
        default: break
        }
        guard w.pennTag == "VBP" else { return nil }
        let l = w.lemma.lowercased()
        if l.hasSuffix("y"), let b = l.dropLast().last, !"aeiou".contains(b) { return l.dropLast() + "ies" }
        if ["s", "x", "z", "ch", "sh", "o"].contains(where: { l.hasSuffix($0) }) { return l + "es" }
        return l + "s"
    }
}
