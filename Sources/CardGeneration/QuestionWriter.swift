/// Rewrites a statement into a wh-question about one of its facts, for the common patterns:
/// the fact is the subject ("China is ..." -> "Which country is ...?"), a fronted or trailing time
/// phrase ("In 2018, X expanded ..." -> "In what year did X expand ...?"), or an object
/// ("X accounts for around 85% of Y" -> "About what share of Y does X account for?").
/// Returns nil when the sentence doesn't fit a pattern it can rewrite safely.
enum QuestionWriter {
    enum VerbKind { case aux, past, present, presentPlural }

    struct Clause {
        var mainStart: Int
        var subject: Range<Int>
        var adverbs: Range<Int>
        var verb: Int
        var kind: VerbKind
        var end: Int
    }

    static let frontWords = Lexicon.set("""
        however now today yet moreover additionally meanwhile furthermore finally also instead thus \
        consequently nevertheless nonetheless still indeed overall again later afterwards eventually
        """)

    /// Index where the main clause starts, after fronted phrases ending in a comma.
    static let frontAdjectives: Set<String> = [
        "similar", "close", "next", "prior", "due", "contrary", "compared", "adjacent", "opposite", "related",
        "parallel", "equivalent", "akin", "identical", "comparable", "subject", "thanks", "owing", "together", "along",
    ]

    static func mainClauseStart(_ d: [Word], end: Int) -> (start: Int, fronts: [Range<Int>]) {
        var p = 0
        var fronts: [Range<Int>] = []
        while p < end {
            let l = d[p].lower
            let participle = p == 0 && d[p].isWord && (l.hasSuffix("ing") || Verbs.isParticiple(l)) && p + 1 < end
                && (Lexicon.prepositions.contains(d[p + 1].lower) || d[p + 1].lower == "out" || Lexicon.determiners.contains(d[p + 1].lower))
            // "similar to the additive manufacturing techniques, building printing is ...": an
            // adjective phrase with "to"/"with" modifies the subject that follows it
            let adjectivePhrase = p + 1 < end && ["to", "with"].contains(d[p + 1].lower) && Self.frontAdjectives.contains(l)
            let fronting = Lexicon.prepositions.contains(l) || Lexicon.subordinators.contains(l) || l == "according"
                || frontWords.contains(l) || (l.hasSuffix("ly") && d[p].isWord) || participle || adjectivePhrase
            guard fronting else { break }
            var c = p + 1
            var depth = 0
            while c < end, c - p < 30 {
                if d[c].text == "(" { depth += 1 }
                if d[c].text == ")" { depth -= 1 }
                if d[c].text == "," && depth == 0 { break }
                c += 1
            }
            guard c < end, d[c].text == "," else { break }
            fronts.append(p..<(c + 1))
            p = c + 1
        }
        return (p, fronts)
    }

    static func isVerb(_ d: [Word], _ j: Int, start m: Int) -> VerbKind? {
        guard j < d.count else { return nil }
        let w = d[j]
        guard w.isWord, !w.isCapitalized || j == m else { return nil }
        let l = w.lower
        let prev = j > 0 ? d[j - 1] : nil
        let prevL = prev?.lower ?? ""
        if Lexicon.auxiliaries[l] != nil { return .aux }
        let afterDet = Lexicon.determiners.contains(prevL) || prevL == "to" || prevL == "'s" || prevL == "’s"
            || Lexicon.prepositions.contains(prevL)
        if afterDet { return nil }
        if Lexicon.irregularPast[l] != nil { return .past }
        if Verbs.baseOfPast(l) != nil { return .past }
        // "several Huguenot families": a plural noun after a quantifier, not a verb
        if j >= 2, l.hasSuffix("s"), d[j - 1].isWord, ["several", "many", "few", "numerous", "various", "both", "two", "three", "four", "five"].contains(d[j - 2].lower) || d[j - 2].isNumber { return nil }
        if j > m, Verbs.baseOfPresent(l) != nil, let p = prev, !p.lower.hasSuffix("s") || p.isCapitalized,
           j + 1 < d.count, !d[j + 1].isPunct {
            let nx = d[j + 1]
            if Lexicon.prepositions.contains(nx.lower) || Lexicon.determiners.contains(nx.lower) || nx.isNumber
                || nx.isCapitalized || Lexicon.adverbs.contains(nx.lower) || nx.lower == "to"
                || (p.text == "," && nx.isWord && !Lexicon.stopWords.contains(nx.lower)) {  // "The USGS, an agency ..., measures river flow"
                return .present
            }
        }
        if j > m, let p = prev, p.isWord, !p.isCapitalized || j - 1 == m, p.lower.hasSuffix("s"), !p.lower.hasSuffix("ss"), p.lower.count > 3,
           !Lexicon.stopWords.contains(l), !Lexicon.prepositions.contains(l), !Lexicon.adverbs.contains(l),
           !l.hasSuffix("s"), !l.hasSuffix("ing"), !l.hasSuffix("ly"), !l.hasSuffix("ed"), l.count > 2,
           j + 1 < d.count, Lexicon.prepositions.contains(d[j + 1].lower) || Lexicon.determiners.contains(d[j + 1].lower)
            || d[j + 1].isNumber || d[j + 1].isCapitalized {
            return .presentPlural
        }
        return nil
    }

    /// A verb right after "and" that shares the clause's subject ("... and provides an estimated 90 percent").
    static func sharedSubjectVerb(_ d: [Word], _ j: Int, end: Int) -> VerbKind? {
        guard j + 1 < end else { return nil }
        let l = d[j].lower
        let nx = d[j + 1].lower
        guard Lexicon.determiners.contains(nx) || Lexicon.prepositions.contains(nx) || d[j + 1].isNumber
            || Lexicon.adverbs.contains(nx) || nx == "an" || nx == "more" else { return nil }
        if Lexicon.auxiliaries[l] != nil { return .aux }
        if Lexicon.irregularPast[l] != nil || Verbs.baseOfPast(l) != nil { return .past }
        if Verbs.baseOfPresent(l) != nil { return .present }
        return nil
    }

    static func parse(_ d: [Word], from m: Int, to end: Int) -> Clause? {
        guard m < end else { return nil }
        var j = m + 1
        if d[m].lower == "there", m + 1 < end, Lexicon.auxiliaries[d[m + 1].lower] != nil {
            return Clause(mainStart: m, subject: m..<(m + 1), adverbs: (m + 1)..<(m + 1), verb: m + 1, kind: .aux, end: end)
        }
        let opener = d[m].lower
        let quantifiers: Set<String> = ["more", "less", "fewer", "many", "most", "several", "all", "both", "each", "every", "few",
                                        "some", "one", "only", "over", "about", "around", "nearly", "almost", "up"]
        if d[m].isWord, !d[m].isCapitalized || m == 0, Lexicon.stopWords.contains(opener) || Lexicon.prepositions.contains(opener),
           !Lexicon.determiners.contains(opener), !Lexicon.subjectPronouns.contains(opener), !quantifiers.contains(opener), !d[m].synthetic {
            return nil
        }
        while j < end, j - m <= 12 {
            let t = d[j]
            if t.text == "," || t.text == ";" || t.text == ":" { return nil }
            if let k = isVerb(d, j, start: m) {
                // "thin cords called chordae tendineae attach ...", "a wall known as the septum separates ...": a reduced relative
                if k == .past, j > m, ["called", "named", "termed", "dubbed", "known", "labelled", "labeled"].contains(d[j].lower) {
                    var x = j + 1
                    var later = false
                    while x < min(end, j + 8), d[x].text != "," {
                        if x > j + 1, isVerb(d, x, start: m) != nil { later = true; break }
                        x += 1
                    }
                    if later { j += 1; continue }
                }
                if k == .present || k == .presentPlural {
                    // "military exports to X accounted": a plural noun, the verb comes later
                    var later = false
                    var x = j + 1
                    while x < min(end, j + 8), d[x].text != "," {
                        if let kk = isVerb(d, x, start: m), kk == .past || kk == .aux { later = true; break }
                        x += 1
                    }
                    if later { j += 1; continue }
                }
                var a = j
                while a > m + 1, Lexicon.adverbs.contains(d[a - 1].lower) || (d[a - 1].lower.hasSuffix("ly") && d[a - 1].lower.count > 4 && !d[a - 1].isCapitalized) { a -= 1 }
                return Clause(mainStart: m, subject: m..<a, adverbs: a..<j, verb: j, kind: k, end: end)
            }
            j += 1
        }
        return nil
    }

    /// "did X expand", "was X listed", "does X account": the clause with its subject after the auxiliary.
    /// `removing` is dropped from the part after the verb; coordinated past verbs are put in the base form too.
    static func invert(_ d: [Word], _ c: Clause, removing: Range<Int>?) -> [Word] {
        var subj = Array(d[c.subject])
        if !subj.isEmpty { subj[0].spaceBefore = true }
        if let f = subj.first, c.subject.lowerBound == c.mainStart, f.isCapitalized,
           Lexicon.openers.contains(f.lower) || Lexicon.stopWords.contains(f.lower) || f.commonAtStart {
            subj[0] = Word(f.lower, kind: f.kind, spaceBefore: true)
        }
        let adv = Array(d[c.adverbs])
        var rest: [Word] = []
        var k = c.verb + 1
        var doSupport = c.kind != .aux
        let v = d[c.verb]
        var head: [Word] = []
        var base: String? = nil
        switch c.kind {
        case .aux:
            if ["has", "have", "had"].contains(v.lower) {
                var n = c.verb + 1
                while n < c.end, Lexicon.adverbs.contains(d[n].lower) { n += 1 }
                if n >= c.end || !Verbs.isParticiple(d[n].lower) {
                    doSupport = true
                    head = [Word(v.lower == "had" ? "did" : v.lower == "has" ? "does" : "do", kind: .word, spaceBefore: true)]
                    base = "have"
                }
            }
            if !doSupport { head = [Word(v.lower, kind: .word, spaceBefore: true)] }
        case .past:
            head = [Word("did", kind: .word, spaceBefore: true)]
            base = Lexicon.irregularPast[v.lower] ?? Verbs.baseOfPast(v.lower)
        case .present:
            head = [Word(subjectIsPlural(subj) ? "do" : "does", kind: .word, spaceBefore: true)]
            base = Verbs.baseOfPresent(v.lower)
        case .presentPlural:
            head = [Word("do", kind: .word, spaceBefore: true)]
            base = v.lower
        }
        while k < c.end {
            if let r = removing, r.contains(k) { k = r.upperBound; continue }
            var t = d[k]
            if doSupport, c.kind == .past, k > 0, d[k - 1].lower == "and", let b = Verbs.baseOfPast(t.lower) ?? Lexicon.irregularPast[t.lower] {
                t = Word(b, kind: .word, spaceBefore: true)
            }
            rest.append(t)
            k += 1
        }
        var out = head + subj + adv
        if let b = base { out.append(Word(b, kind: .word, spaceBefore: true)) }
        return out + rest
    }

    static func subjectIsPlural(_ subj: [Word]) -> Bool {
        guard let last = subj.last else { return false }
        if subj.contains(where: { $0.lower == "and" }) { return true }
        return !last.isCapitalized && last.lower.hasSuffix("s") && !last.lower.hasSuffix("ss")
    }

    /// Noun phrase after "of" following index e: "of North Korea's total trade volume".
    static func ofPhrase(_ d: [Word], after e: Int, end: Int) -> Int? {
        guard e < end, d[e].lower == "of" else { return nil }
        var k = e + 1
        while k < end, k - e <= 7 {
            let t = d[k]
            if t.isPunct && t.text != "-" { break }
            if k > e + 1, Lexicon.prepositions.contains(t.lower) || Lexicon.subordinators.contains(t.lower) || t.lower == "and" { break }
            k += 1
        }
        return k > e + 1 ? k : nil
    }

    static func entityWh(_ f: Fact, appositive: [Word]?) -> String {
        if let a = appositive, !a.isEmpty { return "which " + WordSplitter.join(a) }
        // "Gatun Lake" -> "which lake", "Isthmian Canal Commission" -> "which commission"
        if f.listCount == 1, f.detail != "country", [.place, .organisation].contains(f.type), let last = f.answer.split(separator: " ").last,
           f.answer.split(separator: " ").count >= 2, Lexicon.placeWords.contains(last.lowercased()) || Lexicon.orgWords.contains(last.lowercased()),
           !last.lowercased().hasSuffix("s"),
           !["inc", "inc.", "ltd", "ltd.", "corp.", "co"].contains(last.lowercased()) {
            return "which " + last.lowercased()
        }
        switch f.type {
        case .person: return "who"
        case .place:
            if f.detail == "country" { return f.listCount == 2 ? "which two countries" : "which country" }
            return f.listCount == 2 ? "which two places" : "which place"
        case .organisation: return f.listCount == 2 ? "which two organizations" : "which organization"
        default: return "what"
        }
    }

    /// Builds the question, or nil. `d` are the display tokens (no final period needed),
    /// `f` the fact with indices into `d`.
    static func write(_ d: [Word], fact f: Fact) -> String? {
        guard let q = writeQuestion(d, fact: f) else { return nil }
        // every time/quantity qualifier of the answer's clause ("a day", "per minute", "on average") must stay
        let qn = " " + CardID.normalize(q) + " "
        for r in qualifiers(d, around: f) where !Text.contains(qn, " " + CardID.normalize(WordSplitter.join(d[r])) + " ") { return nil }
        return q
    }

    /// A qualifier phrase starting at k: "a day", "per minute", "each year", "every second", "on average", "annually".
    static func qualifier(_ d: [Word], at k: Int, end: Int) -> Range<Int>? {
        guard k < end, d[k].isWord else { return nil }
        let l = d[k].lower
        if ["per", "each", "every", "a", "an"].contains(l), k + 1 < end {
            var u = k + 1
            if l == "per", d[u].isNumber, u + 1 < end { u += 1 }  // per 100,000 people
            let unit = d[u].lower
            let timeOnly = l == "a" || l == "an"
            let isUnit = timeOnly ? (Lexicon.qualifierUnits.contains(unit) && Lexicon.units.contains(unit) && !["second", "kg", "mile", "metre", "meter", "litre", "liter", "kilometre", "kilometer", "kilogram"].contains(unit))
                : (Lexicon.qualifierUnits.contains(unit) || (l == "per" && d[u].isWord && !d[u].isCapitalized))
            if isUnit { return k..<(u + 1) }
            return nil
        }
        if l == "on", k + 1 < end, d[k + 1].lower == "average" { return k..<(k + 2) }
        if Lexicon.qualifierWords.contains(l), l != "each" { return k..<(k + 1) }
        return nil
    }

    /// Qualifiers in the clause that holds the fact (between the nearest clause breaks around it).
    static func qualifiers(_ d: [Word], around f: Fact) -> [Range<Int>] {
        func isBreak(_ x: Int) -> Bool {
            [",", ";", ":", "—", "–", "(", ")"].contains(d[x].text) || ["and", "but", "while", "whereas", "which", "who"].contains(d[x].lower)
        }
        var a = min(f.outerStart, f.start)
        while a > 0, !isBreak(a - 1) { a -= 1 }
        var b = max(f.end, f.nounEnd ?? f.end)
        while b < d.count, !isBreak(b) { b += 1 }
        var out: [Range<Int>] = []
        var k = a
        while k < b {
            if !(f.start..<max(f.end, f.nounEnd ?? f.end)).contains(k), let r = qualifier(d, at: k, end: b) { out.append(r); k = r.upperBound; continue }
            k += 1
        }
        return out
    }

    static func writeQuestion(_ d: [Word], fact f: Fact) -> String? {
        if f.type == .person && !f.confident { return nil }
        var end = d.count
        while end > 0, d[end - 1].isPunct, [".", "!", ";", ","].contains(d[end - 1].text) { end -= 1 }
        guard end > 0, f.end <= end else { return nil }
        var (m, fronts) = mainClauseStart(d, end: end)
        guard var c = parse(d, from: m, to: end) else { return nil }
        // coordinated clause after "and": the clause that holds the fact
        var clause = c
        for k in (c.verb + 1)..<end where (d[k].lower == "and" || d[k].lower == "but") && !(f.start..<f.end).contains(k) {
            if k + 1 < end, f.start > k, d[k + 1].isWord, !d[k + 1].isCapitalized, let kind = sharedSubjectVerb(d, k + 1, end: end),
               !((c.verb + 1)..<k).contains(where: { ["which", "who", "whom", "that", "whose", ","].contains(d[$0].lower) }),
               Lexicon.auxiliaries[d[k + 1].lower] == nil || c.kind == .aux {
                // "China is X and provides Y": the second verb shares the subject
                c = Clause(mainStart: c.mainStart, subject: c.subject, adverbs: (k + 1)..<(k + 1), verb: k + 1, kind: kind, end: end)
                clause = c
                break
            }
            guard k + 1 < end, let c2 = parse(d, from: k + 1, to: end), c2.subject.count <= 4,
                  !d[c2.subject].contains(where: { $0.lower == "and" }),
                  d[k + 1].synthetic || Lexicon.subjectPronouns.contains(d[k + 1].lower) || Lexicon.determiners.contains(d[k + 1].lower) || d[k + 1].isCapitalized
            else { continue }
            if f.start > k {
                c = c2; clause = c2; m = k + 1
                fronts = fronts.filter { d[$0.lowerBound].lower == "according" }
            } else {
                clause.end = k
            }
            break
        }
        if f.start > clause.verb, (clause.verb + 1..<f.start).contains(where: { d[$0].text == "," }) { return nil }
        // cut a trailing ", which ..." / ", allowing ..." from the question
        for k in (c.verb + 1)..<clause.end where (d[k].text == "," || d[k].text == ":") && k > f.end {
            if d[k - 1].isNumber, k + 1 < d.count, FactFinder.isYear(d[k + 1]) { continue }  // "August 15, 1914"
            // "its icy, mountainous surface": a comma between adjectives of one noun phrase
            if d[k].text == ",", k >= 2, Lexicon.determiners.contains(d[k - 2].lower), d[k - 1].isWord, k + 1 < clause.end,
               d[k + 1].isWord, !d[k + 1].isCapitalized, !Lexicon.stopWords.contains(d[k + 1].lower) { continue }
            clause.end = k
            break
        }
        if clause.end - c.mainStart > 32 { return nil }
        let keepFronts = fronts.filter { r in
            let l = d[r.lowerBound].lower
            return !frontWords.contains(l) && !(l.hasSuffix("ly") && !Lexicon.prepositions.contains(l))
                && !Lexicon.subordinators.contains(l)
        }
        func lowerFirst(_ s: String) -> String { s.prefix(1).lowercased() + s.dropFirst() }
        func frontText(except r: Range<Int>? = nil) -> String {
            keepFronts.filter { $0 != r }.map { WordSplitter.join(d[$0]) + " " }.joined()
        }
        func finish(_ s: String) -> String {
            var q = Text.trimmed(s)
            while q.hasSuffix(",") || q.hasSuffix(".") { q.removeLast() }
            q = Text.replacing(Text.replacing(q, " ,", with: ","), ",,", with: ",")
            q = Text.replacing(Text.replacing(q, "what are one of", with: "what is one of"), "what were one of", with: "what was one of")
            return q.prefix(1).uppercased() + q.dropFirst() + "?"
        }
        let outer = f.outerStart
        let span = outer..<(f.nounEnd ?? f.end)

        // A. the fact is the subject
        if span.lowerBound == clause.subject.lowerBound, span.upperBound == clause.subject.upperBound {
            var wh: String
            if f.nounEnd != nil { wh = "how many " + WordSplitter.join(d[f.end..<f.nounEnd!]) }
            else {
                switch f.type {
                case .person, .place, .organisation: wh = entityWh(f, appositive: nil)
                case .money: wh = "how much money"
                case .term where f.listCount == 1 && f.end - f.start >= 2: wh = "what"
                default: return nil
                }
            }
            let verbAndRest = WordSplitter.join(d[clause.adverbs.lowerBound..<clause.end])
            let front = frontText()
            let q = front.isEmpty ? wh + " " + verbAndRest : front + wh + " " + verbAndRest
            return finish(q)
        }
        // B. a fronted time phrase: "In 2018, ..."
        if let r = fronts.first(where: { $0.contains(f.start) }) {
            guard [.year, .date].contains(f.type), f.outerStart == r.lowerBound + 1, f.end == r.upperBound - 1 else { return nil }
            let prep = d[r.lowerBound].lower
            guard let wh = timeWh(f, prep: prep) else { return nil }
            let body = WordSplitter.join(invert(d, clause, removing: nil))
            let other = frontText(except: r)
            return finish((other.isEmpty ? "" : other) + (other.isEmpty ? wh : lowerFirst(wh)) + " " + body)
        }
        guard f.start > clause.verb, f.end <= clause.end else { return nil }
        if f.end < d.count, d[f.end].lower == "'s" || d[f.end].lower == "’s" || d[f.end].text == "'" || d[f.end].text == "’" { return nil }
        // a name used as a modifier ("the ASEAN summit"): asking for it would ask about the wrong thing
        if !f.type.isNumeric, f.end < d.count, d[f.end].isWord, !d[f.end].isCapitalized, !Lexicon.stopWords.contains(d[f.end].lower),
           !Lexicon.prepositions.contains(d[f.end].lower), QuestionWriter.isVerb(d, f.end, start: 0) == nil, !d[f.end].lower.hasSuffix("ing") { return nil }
        let prevTok = outer > 0 ? d[outer - 1].lower : ""
        // C1. a trailing time phrase: "... joined the WTO in 2018"
        if [.year, .date].contains(f.type) {
            guard ["in", "on", "by", "since", "until", "during"].contains(prevTok), let wh = timeWh(f, prep: prevTok) else { return nil }
            // "the castle built in 1080": the year belongs to a reduced relative, not to the main verb
            for x in (clause.verb + 1)..<max(clause.verb + 1, outer - 1) {
                let l = d[x].lower
                if ["and", "which", "who", "that", "when", "where", "while"].contains(l) { return nil }
                if x > clause.verb + 1, Verbs.isParticiple(l), !Lexicon.adverbs.contains(d[x - 1].lower),
                   Lexicon.auxiliaries[d[x - 1].lower] == nil { return nil }
            }
            // "took over the project in 1904 and opened the canal ...": keep the first verb phrase only
            if let k = ((f.end)..<clause.end).first(where: { d[$0].lower == "and" && $0 + 1 < clause.end && sharedSubjectVerb(d, $0 + 1, end: clause.end) != nil }) {
                clause.end = k
            }
            var rm = (outer - 1)..<f.end
            if rm.lowerBound > 0, d[rm.lowerBound - 1].text == ",", rm.upperBound < clause.end, d[rm.upperBound].text == "," {
                rm = (rm.lowerBound - 1)..<rm.upperBound
            }
            let body = WordSplitter.join(invert(d, clause, removing: rm))
            let front = frontText()
            return finish(front.isEmpty ? wh + " " + body : front + lowerFirst(wh) + " " + body)
        }
        // C2. percent, money, counts, entities in object position
        let strandable: Set<String> = ["for", "to", "of", "with", "from", "into", "about", "on"]
        var afterVerb = clause.verb + 1
        while afterVerb < outer, Lexicon.adverbs.contains(d[afterVerb].lower) || (d[afterVerb].lower.hasSuffix("ly") && d[afterVerb].lower.count > 4) { afterVerb += 1 }
        var prepOK = strandable.contains(prevTok) || outer == afterVerb
            || (outer >= 1 && Lexicon.determiners.contains(prevTok) && outer - 1 == clause.verb + 1)
        var rmStart = outer
        var rmEnd = f.nounEnd ?? f.end
        var wh: String
        var whereWord = false
        switch f.type {
        case .percent:
            if let e = ofPhrase(d, after: f.end, end: clause.end) {
                wh = "what share " + WordSplitter.join(d[f.end..<e])
                rmEnd = e
            } else {
                wh = "what percentage"
            }
            if let a = f.approximator { wh = a.lowercased() + " " + wh }
        case .money:
            wh = "how much"
            if let a = f.approximator, a == "About" { wh = "about how much" }
        case .number:
            guard let ne = f.nounEnd else { return nil }
            wh = "how many " + WordSplitter.join(d[f.end..<ne])
            if d.count > ne, ne < clause.end, d[ne].lower == "of" { return nil }
            if let a = f.approximator { wh = a.lowercased() + " " + wh }
        case .person, .place, .organisation, .term:
            guard f.type != .term || f.end - f.start >= 2 || f.listCount == 2 else { return nil }
            if rmStart > 0, d[rmStart - 1].lower == "the" {
                rmStart -= 1
                let before = rmStart > 0 ? d[rmStart - 1].lower : ""
                prepOK = strandable.contains(before) || rmStart == clause.verb + 1
            }
            var appos: [Word]? = nil
            if f.end + 2 < clause.end + 1, f.end < d.count, d[f.end].text == ",", f.end + 1 < d.count,
               ["a", "an"].contains(d[f.end + 1].lower) {
                var k = f.end + 2
                while k < d.count, !d[k].isPunct, k - f.end < 10 { k += 1 }
                if k - (f.end + 2) >= 1 && k - (f.end + 2) <= 6 && f.listCount == 1 {
                    appos = Array(d[(f.end + 2)..<k])
                }
                if k < d.count, d[k].text == "," { rmEnd = k + 1 } else { rmEnd = k }
                clause.end = max(clause.end, min(rmEnd, d.count))
                if rmEnd >= clause.end { clause.end = rmEnd }
            }
            if f.type == .place, f.detail != "country", ["in", "at"].contains(prevTok) {
                wh = "where"; whereWord = true
                rmStart = outer - 1
                prepOK = true
            } else {
                wh = entityWh(f, appositive: appos)
            }
        default:
            return nil
        }
        guard prepOK || whereWord else { return nil }
        // "end with the granting of ____?": "of" strands only after a verb ("consist of", "made of")
        if !whereWord, rmStart > 0, d[rmStart - 1].lower == "of", rmStart >= 2,
           ["ing", "tion", "sion", "ment"].contains(where: { d[rmStart - 2].lower.hasSuffix($0) }) { return nil }
        if [.number, .percent, .money].contains(f.type), outer != afterVerb, outer - 1 != afterVerb { return nil }
        // no wh-movement out of a relative clause ("locks that lift ships to ____")
        if ((clause.verb + 1)..<rmStart).contains(where: { ["that", "which", "who", "whom", "where"].contains(d[$0].lower) }) { return nil }
        // what follows the answer must be a prepositional phrase or nothing
        if rmEnd < clause.end, let qr = qualifier(d, at: rmEnd, end: clause.end) {
            // "beats about 100,000 times a day": the rate stays with the question
            clause.end = qr.upperBound
        } else if rmEnd < clause.end {
            let nx = d[rmEnd]
            if !(Lexicon.prepositions.contains(nx.lower) && nx.lower != "of") && nx.lower != "to"
                && !(nx.lower.hasSuffix("ing") && nx.isWord && !nx.isCapitalized) {
                clause.end = rmEnd
            }
        }
        // "increase from ____ to 91.6 percent": a stranded preposition mid-sentence reads badly
        if ["from", "to", "between", "than"].contains(prevTok), rmEnd < clause.end { return nil }
        let body = WordSplitter.join(invert(d, clause, removing: rmStart..<rmEnd))
        let front = frontText()
        let whCap = front.isEmpty ? wh : wh
        return finish(front + whCap + " " + body)
    }

    static func timeWh(_ f: Fact, prep: String) -> String? {
        let p = prep.prefix(1).uppercased() + prep.dropFirst()
        switch f.detail {
        case "decade": return p + " what decade"
        case "century": return p + " what century"
        default: break
        }
        if f.type == .date { return prep == "in" || prep == "on" ? "When" : nil }
        return p + " what year"
    }
}

