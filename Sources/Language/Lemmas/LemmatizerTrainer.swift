/// Builds the lemmatizer's tables from the treebank's (word, Penn tag, lemma) triples.
enum LemmatizerTrainer {
    static func train(_ sentences: [TreebankSentence]) -> Lemmatizer {
        var ruleIDs: [LemmaRule: Int] = [:]
        var rules: [LemmaRule] = []
        func id(_ r: LemmaRule) -> Int {
            if let i = ruleIDs[r] { return i }
            ruleIDs[r] = rules.count
            rules.append(r)
            return rules.count - 1
        }
        _ = id(.identity)
        // Per (tag, word as written): rule counts. Words are keyed as written so "US"
        // and "us" keep their own lemmas; lookups use the lower-cased form, merging them.
        struct Seen { var tag: String; var lower: String; var form: String; var counts: [Int: Int] }
        var words: [String: Seen] = [:]
        var order: [String] = []
        for s in sentences {
            for w in s.words where w.lemma != "_" {
                let key = w.xpos + "\t" + w.form.lowercased()
                let r = id(LemmaRule(form: w.form, lemma: w.lemma))
                if words[key] == nil {
                    words[key] = Seen(tag: w.xpos, lower: w.form.lowercased(), form: w.form, counts: [:])
                    order.append(key)
                }
                words[key]!.counts[r, default: 0] += 1
            }
        }
        func top(_ counts: [Int: Int]) -> Int {
            counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }!.key
        }
        // Endings: counted over word types, which is what an unseen word resembles.
        var endings: [UInt64: [Int: Int]] = [:]
        var endingOrder: [UInt64] = []
        for key in order {
            let seen = words[key]!
            let r = top(seen.counts)
            let tag = Lemmatizer.tagHash(seen.tag)
            let lower = Lemmatizer.lowerScalars(seen.form)
            for length in 0...min(Lemmatizer.maximumSuffix, lower.count) {
                let k = Lemmatizer.suffixKey(tag, lower, length: length)
                if endings[k] == nil { endingOrder.append(k) }
                endings[k, default: [:]][r, default: 0] += 1
            }
        }
        var suffix: [(UInt64, UInt16)] = []
        for k in endingOrder {
            let counts = endings[k]!
            suffix.append((k, UInt16(top(counts))))
        }
        suffix.sort { $0.0 < $1.0 }
        let partial = Lemmatizer(rules: rules, wordKeys: [], wordRules: [], suffixKeys: suffix.map(\.0), suffixRules: suffix.map(\.1))
        var exceptions: [(UInt64, UInt16)] = []
        for key in order {
            let seen = words[key]!
            let r = top(seen.counts)
            let tag = Lemmatizer.tagHash(seen.tag)
            let lower = Lemmatizer.lowerScalars(seen.form)
            if partial.ruleFromEnding(lower, tag: tag, form: seen.form) != r {
                exceptions.append((Lemmatizer.wordKey(tag, lower), UInt16(r)))
            }
        }
        exceptions.sort { $0.0 < $1.0 }
        return Lemmatizer(
            rules: rules, wordKeys: exceptions.map(\.0), wordRules: exceptions.map(\.1), suffixKeys: suffix.map(\.0),
            suffixRules: suffix.map(\.1))
    }
}
