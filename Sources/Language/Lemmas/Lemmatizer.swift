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
        let lower = form.lowercased()
        let tag = Self.tagHash(pennTag)
        if let r = Self.find(Self.wordKey(tag, lower), wordKeys, wordRules), let lemma = rules[r].apply(to: form) { return lemma }
        let chars = Array(lower)
        for length in stride(from: min(Self.maximumSuffix, chars.count), through: 0, by: -1) {
            let key = Self.suffixKey(tag, chars[(chars.count - length)...])
            if let r = Self.find(key, suffixKeys, suffixRules), let lemma = rules[r].apply(to: form) { return lemma }
        }
        return form
    }

    /// The rule an unknown word would get from its ending (what `wordKeys` records exceptions to).
    func ruleFromEnding(of form: String, tag: UInt64) -> Int? {
        let chars = Array(form.lowercased())
        for length in stride(from: min(Self.maximumSuffix, chars.count), through: 0, by: -1) {
            if let r = Self.find(Self.suffixKey(tag, chars[(chars.count - length)...]), suffixKeys, suffixRules),
                rules[r].apply(to: form) != nil
            {
                return r
            }
        }
        return nil
    }

    static func tagHash(_ tag: String) -> UInt64 { hash(tag.unicodeScalars.map(\.value)) }

    static func wordKey(_ tag: UInt64, _ lower: String) -> UInt64 {
        FeatureHash.key(1, tag, hash(lower.unicodeScalars.map(\.value)))
    }

    static func suffixKey(_ tag: UInt64, _ ending: ArraySlice<Character>) -> UInt64 {
        FeatureHash.key(2, tag, hash(String(ending).unicodeScalars.map(\.value)))
    }

    private static func hash(_ values: [UInt32]) -> UInt64 {
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
