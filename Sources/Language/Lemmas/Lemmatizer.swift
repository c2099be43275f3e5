/// Lemmas learned from the treebank: a word the treebank has, with its Penn tag, gets the
/// lemma the treebank gives it most often ("went"/VBD -> "go", "'s"/VBZ -> "be"); any other
/// word gets the commonest rule among treebank words of its tag that share its longest
/// known ending ("-ied"/VBD -> "-y", "-ches"/NNS -> "-ch").
struct Lemmatizer: Sendable {
    let rules: [LemmaRule]
    /// Hash of (tag, lower-cased word) -> rule, for words whose rule differs from what
    /// their ending would give. Sorted by key.
    let wordKeys: [UInt64]
    let wordRules: [UInt16]
    /// Hash of (tag, ending) -> rule; endings of 0...maximumSuffix characters.
    let suffixKeys: [UInt64]
    let suffixRules: [UInt16]

    static let maximumSuffix = 6

    func lemma(of form: String, pennTag: String) -> String {
        let lower = Self.lowerScalars(form)
        let tag = Self.tagHash(pennTag)
        if let r = Self.find(Self.wordKey(tag, lower), wordKeys, wordRules), let lemma = rules[r].apply(to: form) { return lemma }
        return ruleFromEnding(lower, tag: tag, form: form).flatMap { rules[$0].apply(to: form) } ?? form
    }

    /// The rule an unknown word would get from its longest known ending that fits it.
    func ruleFromEnding(_ lower: [UInt32], tag: UInt64, form: String? = nil) -> Int? {
        for length in stride(from: min(Self.maximumSuffix, lower.count), through: 0, by: -1) {
            if let r = Self.find(Self.suffixKey(tag, lower, length: length), suffixKeys, suffixRules),
                form.map({ rules[r].apply(to: $0) != nil }) ?? true
            {
                return r
            }
        }
        return nil
    }

    static func tagHash(_ tag: String) -> UInt64 { hash(Array(tag.unicodeScalars.map(\.value))[...]) }

    static func wordKey(_ tag: UInt64, _ lower: [UInt32]) -> UInt64 {
        FeatureHash.key(1, tag, hash(lower[...]))
    }

    static func suffixKey(_ tag: UInt64, _ lower: [UInt32], length: Int) -> UInt64 {
        FeatureHash.key(2, tag, hash(lower[(lower.count - length)...]))
    }

    /// The word's scalars, lower-cased (ASCII directly, others by their Unicode mapping).
    static func lowerScalars(_ form: String) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(form.utf8.count)
        for s in form.unicodeScalars {
            let v = s.value
            if v < 0x80 {
                out.append(v >= 0x41 && v <= 0x5A ? v + 32 : v)
            } else {
                for l in s.properties.lowercaseMapping.unicodeScalars { out.append(l.value) }
            }
        }
        return out
    }

    private static func hash(_ values: ArraySlice<UInt32>) -> UInt64 {
        values.withUnsafeBufferPointer { FeatureHash.scalars($0, from: 0, to: $0.count) }
    }

    private static func find(_ key: UInt64, _ keys: [UInt64], _ values: [UInt16]) -> Int? {
        var lo = 0, hi = keys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if keys[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo < keys.count && keys[lo] == key ? Int(values[lo]) : nil
    }
}
