import Language

/// Reading helpers the card generator needs on top of the tree.
extension ParsedSentence {
    func lower(_ i: Int) -> String { words[i].form.lowercased() }

    func relation(_ i: Int) -> Substring { words[i].relation.universal }

    /// Children of `i` whose universal relation is one of `relations`.
    func children(of i: Int, in relations: Set<Substring>) -> [Int] {
        children(of: i).filter { relations.contains(words[$0].relation.universal) }
    }

    /// The main predicate: the root, or for "X is the capital" the root noun with its copula.
    var predicate: Int? { root }

    /// The subject of a predicate (nsubj, nsubj:pass, csubj), if any.
    func subject(of predicate: Int) -> Int? {
        children(of: predicate).first { ["nsubj", "csubj"].contains(words[$0].relation.universal) }
    }

    /// The copula of a predicate ("was" in "Paris was the capital").
    func copula(of predicate: Int) -> Int? { children(of: predicate, in: ["cop"]).first }

    /// Auxiliaries of a predicate, left to right ("has been" in "has been opened").
    func auxiliaries(of predicate: Int) -> [Int] { children(of: predicate, in: ["aux"]) }

    /// The top of the chain of words a word belongs to inside one noun phrase or name:
    /// "95" in "95 moons" -> "moons"; "Dryden" in "Hugh L. Dryden" -> "Hugh".
    func phraseHead(_ i: Int) -> Int {
        var k = i
        let inner: Set<Substring> = ["nummod", "compound", "flat", "fixed", "amod", "det", "goeswith", "nmod:poss"]
        var steps = 0
        while let h = words[k].head, inner.contains(words[k].relation.universal) || words[k].relation.rawValue == "nmod:poss",
              words[h].tag.isNominal || words[h].tag == .num, steps < words.count {
            k = h
            steps += 1
        }
        return k
    }

    /// Words a span's text starts and ends with that are punctuation.
    func trimmedOfPunctuation(_ span: Range<Int>) -> Range<Int> {
        var lo = span.lowerBound, hi = span.upperBound
        while lo < hi, words[lo].tag == .punct { lo += 1 }
        while hi > lo, words[hi - 1].tag == .punct { hi -= 1 }
        return lo..<hi
    }

    /// Whether the words from `lo` to `hi` (exclusive) are balanced in brackets and quotes.
    func isBalanced(_ span: Range<Int>) -> Bool {
        var depth = 0
        var quotes = 0
        for k in span {
            switch words[k].form {
            case "(", "[": depth += 1
            case ")", "]":
                depth -= 1
                if depth < 0 { return false }
            case "\"", "“", "”": quotes += 1
            default: break
            }
        }
        return depth == 0 && quotes % 2 == 0
    }


    /// Names whole: the tree's proper-noun runs, widened to the capitalised words around
    /// them that belong to the same name ("Great Hungarian Plain", "National Air and Space
    /// Museum", "United States"). A run that the tree splits into coordinated names
    /// ("Vienna and Budapest") gives each of them; a run that is one name gives only the
    /// whole, never a part of it.
    var wholeNames: [Phrase] {
        let p = self
        let w = p.words
        let n = w.count
        func capitalised(_ k: Int) -> Bool {
            guard let f = w[k].form.first, f.isUppercase else { return false }
            // the first word of a sentence is capitalised anyway: a name only if tagged so
            if k == 0 || (k > 0 && ["\"", "“", "(", "--", "—"].contains(w[k - 1].form)) { return w[k].tag == .propn }
            return w[k].tag == .propn || w[k].tag == .adj || w[k].tag == .noun || w[k].tag == .num || w[k].tag == .verb || w[k].tag == .x
        }
        func glue(_ k: Int) -> Bool {
            let l = w[k].form.lowercased()
            if ["of", "and", "&", "de", "du", "des", "la", "le", "von", "van", "der", "den", "da", "di", "del", "upon", "on", "for", "the", "y"].contains(l) { return true }
            return (l == "-" || l == "'s" || l == "’s") && !w[k - 1].spaceAfter
        }
        let treeNames = p.names
        var out: [Phrase] = []
        var i = 0
        while i < n {
            guard capitalised(i) else { i += 1; continue }
            var j = i + 1
            while j < n {
                if capitalised(j) { j += 1; continue }
                // "Apollo 11", "Channel 4": a number right after a name's word
                if w[j].tag == .num, w[j].form.allSatisfy(\.isNumber), w[j].form.count <= 3 { j += 1; continue }
                if glue(j), j + 1 < n, capitalised(j + 1) { j += 2; continue }
                // "Maria de la Queillerie"
                if glue(j), j + 2 < n, glue(j + 1), capitalised(j + 2) { j += 3; continue }
                break
            }
            let run = i..<j
            let inside = treeNames.filter { run.contains($0.words.lowerBound) && run.contains($0.words.upperBound - 1) }
            // coordinated names: "Vienna and Budapest", each its own
            let ands = run.filter { ["and", "&"].contains(w[$0].form.lowercased()) }.count
            let otherGlue = run.contains { k in !capitalised(k) && w[k].tag != .num && !["and", "&"].contains(w[k].form.lowercased()) }
            if ands > 0, !otherGlue, inside.count == ands + 1, inside.dropFirst().allSatisfy({ p.relation($0.head) == "conj" }) {
                out.append(contentsOf: inside)
                i = j
                continue
            }
            // "Renato Ruggiero of Italy": a person and where they come from, the person alone
            if let of = run.first(where: { p.lower($0) == "of" }), of > i, let place = inside.last, place.words.lowerBound == of + 1,
               Geography.isCountry(String(p.text(of: place.words))), let person = inside.first, person.words.upperBound == of,
               person.words.count >= 2 {
                out.append(person)
                out.append(place)
                i = j
                continue
            }
            if let head = run.first(where: { k in w[k].head.map { !run.contains($0) } ?? true }), run.allSatisfy({ p.descends($0, from: head) }) {
                // one constituent: the whole run is one name
                if run.contains(where: { w[$0].tag == .propn }) { out.append(Phrase(head: head, words: run)) }
            }
            i = j
        }
        return out
    }
}
