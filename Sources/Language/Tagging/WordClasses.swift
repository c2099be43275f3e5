/// The open word classes a word form can belong to, from WordNet (Data/wordnet): "occurs"
/// can only be a verb, "lags" a plural noun or a verb, "call" a noun or a verb. The tagger
/// reads these as features, so a word the treebank rarely or never showed it still gets
/// the classes a dictionary allows ("cannot be a noun"), and a subject noun phrase followed
/// by a finite verb is no longer read as one long noun compound.
public struct WordClasses: Sendable, Hashable {
    /// The upper 32 bits of the hashes of normalised words (`LexicalForm.word`), sorted,
    /// and their class masks. 32 bits keep the table at 5 bytes a word; an unknown word
    /// shares a key with one of the ~160,000 forms about once in 26,000 words.
    let words: [UInt32]
    let masks: [UInt8]

    public static let empty = WordClasses(words: [], masks: [])

    /// The letters of Data/wordnet/word-classes.txt, in the order of their mask bits.
    static let letters: [Character] = ["n", "p", "v", "z", "d", "g", "j", "r"]

    init(words: [UInt32], masks: [UInt8]) {
        self.words = words
        self.masks = masks
    }

    /// Reads the table's text: lines of `CLASSES<TAB>word word ...`; '#' starts a comment.
    public init(text: String, source: String) throws(LanguageError) {
        var table: [UInt32: UInt8] = [:]
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2 else {
                throw .malformedWordClasses(source: source, line: n + 1, reason: "expected CLASSES, a tab and words")
            }
            var mask: UInt8 = 0
            for c in parts[0] {
                guard let bit = Self.letters.firstIndex(of: c) else {
                    throw .malformedWordClasses(source: source, line: n + 1, reason: "unknown class '\(c)'")
                }
                mask |= 1 << UInt8(bit)
            }
            for word in parts[1].split(separator: " ") { table[Self.key(LexicalForm(String(word)).word), default: 0] |= mask }
        }
        let sorted = table.sorted { $0.key < $1.key }
        self.init(words: sorted.map(\.key), masks: sorted.map(\.value))
    }

    /// The classes of a word; 0 when WordNet does not know it (names, numbers, function words).
    @inline(__always)
    static func key(_ word: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: word >> 32) }

    @inline(__always)
    func mask(of word: UInt64) -> UInt8 {
        let word = Self.key(word)
        var lo = 0, hi = words.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if words[mid] < word { lo = mid + 1 } else { hi = mid }
        }
        return lo < words.count && words[lo] == word ? masks[lo] : 0
    }

    func masks(of forms: [LexicalForm]) -> [UInt8] { forms.map { mask(of: $0.word) } }

    /// How many word forms the table holds.
    public var count: Int { words.count }
}
