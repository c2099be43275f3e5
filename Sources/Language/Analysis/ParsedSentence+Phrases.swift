/// Spans read off the dependency tree: a word's subtree, noun phrases, names.
extension ParsedSentence {
    /// The words a word heads, itself included: the first to the last of its descendants.
    /// Contiguous for the parser's output, which is always projective.
    public func subtree(of index: Int) -> Range<Int> {
        var lo = index, hi = index
        for w in words.indices where w < lo || w > hi {
            if descends(w, from: index) {
                lo = min(lo, w)
                hi = max(hi, w)
            }
        }
        return lo..<hi + 1
    }

    /// Whether `word` is `ancestor` or below it in the tree.
    public func descends(_ word: Int, from ancestor: Int) -> Bool {
        var k: Int? = word
        var steps = 0
        while let w = k, steps <= words.count {
            if w == ancestor { return true }
            k = words[w].head
            steps += 1
        }
        return false
    }

    /// The whole phrase a word heads, without the preposition, conjunction or punctuation
    /// that attach it to the rest ("at the mosque in the town" -> "the mosque in the town").
    public func phrase(of head: Int) -> Phrase {
        var span = subtree(of: head)
        let outer: Set<Substring> = ["case", "cc", "mark", "punct"]
        while span.lowerBound < head, let h = words[span.lowerBound].head, h == head || words[span.lowerBound].tag == .punct,
            outer.contains(words[span.lowerBound].relation.universal)
        {
            span = span.lowerBound + 1..<span.upperBound
        }
        while span.upperBound - 1 > head, words[span.upperBound - 1].tag == .punct {
            span = span.lowerBound..<span.upperBound - 1
        }
        return Phrase(head: head, words: span)
    }

    /// The noun phrase of a noun without what follows it: determiners, adjectives,
    /// compounds, possessors and numbers on its left; names and numbers that belong to it on
    /// its right ("the Syrian border", "Hugh L. Dryden", "Chapter 5"); no prepositional
    /// phrase or clause after it.
    public func basePhrase(of head: Int) -> Phrase {
        var lo = head, hi = head
        let outer: Set<Substring> = ["case", "cc", "mark", "punct", "discourse", "parataxis", "advcl", "acl", "dep", "reparandum", "vocative", "conj"]
        let within: Set<Substring> = ["compound", "flat", "fixed", "goeswith", "nummod"]
        for c in children(of: head) {
            let rel = words[c].relation.universal
            if c < head && !outer.contains(rel) {
                lo = min(lo, subtree(of: c).lowerBound)
            } else if c > head && within.contains(rel) && c == hi + 1 + punctuationRun(from: hi + 1, to: c) {
                hi = subtree(of: c).upperBound - 1
            }
        }
        while lo < head && words[lo].tag == .punct { lo += 1 }
        return Phrase(head: head, words: lo..<hi + 1)
    }

    /// Every noun phrase, as base phrases, left to right: one per noun, proper noun or
    /// pronoun that is not itself part of a bigger name or compound.
    public var nounPhrases: [Phrase] {
        words.indices.compactMap { i in
            let w = words[i]
            guard w.tag.isNominal || (w.tag == .num && Self.nominalRelations.contains(w.relation.universal)) else { return nil }
            if Self.partRelations.contains(w.relation.universal), let h = w.head, words[h].tag.isNominal || words[h].tag == .num {
                return nil
            }
            return basePhrase(of: i)
        }
    }

    /// Names: runs of proper nouns that hang together in the tree, initials included
    /// ("Hugh L. Dryden", "John F. Kennedy Space Center"), joined across an unspaced hyphen
    /// ("al-Ani") and across "of" between two names ("Bank of America").
    public var names: [Phrase] {
        var result: [Phrase] = []
        var i = 0
        while i < words.count {
            guard words[i].tag == .propn else {
                i += 1
                continue
            }
            // The longest run of proper nouns and the glue between them.
            var j = i + 1
            while j < words.count {
                if words[j].tag == .propn {
                    j += 1
                } else if j + 1 < words.count, words[j + 1].tag == .propn, isNameGlue(j) {
                    j += 2
                } else {
                    break
                }
            }
            // Split it where the tree does not connect neighbours ("gave Mary John").
            var component = Array(i..<j)
            func find(_ k: Int) -> Int {
                var k = k
                while component[k - i] != k { k = component[k - i] }
                return k
            }
            for k in i..<j {
                if let h = words[k].head, (i..<j).contains(h) { component[find(k) - i] = find(h) }
            }
            var start = i
            for k in i + 1...j where k == j || find(k) != find(k - 1) {
                var lo = start, hi = k
                while lo < hi && words[lo].tag != .propn { lo += 1 }
                while hi > lo && words[hi - 1].tag != .propn { hi -= 1 }
                if lo < hi {
                    let span = lo..<hi
                    let head = span.first { m in words[m].head.map { !span.contains($0) } ?? true } ?? lo
                    result.append(Phrase(head: head, words: span))
                }
                start = k
            }
            i = j
        }
        return result
    }

    /// A hyphen written without spaces, or "of", between two proper nouns.
    private func isNameGlue(_ k: Int) -> Bool {
        guard k > 0, words[k - 1].tag == .propn else { return false }
        if words[k].form == "-" { return !words[k - 1].spaceAfter && !words[k].spaceAfter }
        return words[k].form.lowercased() == "of"
    }

    private func punctuationRun(from lo: Int, to hi: Int) -> Int {
        var n = 0
        var k = lo
        while k < hi && words[k].tag == .punct {
            n += 1
            k += 1
        }
        return n
    }

    /// Relations that make a word part of its head's name or noun.
    static let partRelations: Set<Substring> = ["compound", "flat", "fixed", "goeswith"]
    static let nominalRelations: Set<Substring> = ["nsubj", "obj", "iobj", "obl", "nmod", "appos", "conj", "root"]
}
