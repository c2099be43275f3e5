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
}
