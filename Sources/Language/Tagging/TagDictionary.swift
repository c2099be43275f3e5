/// Frequent words the treebank always tags the same way ("the", "of", "and"): the tagger
/// gives them their tag without scoring (Honnibal's trick: about half the words of running
/// text, so the tagger does half the work, and never gets "the" wrong).
struct TagDictionary: Sendable, Hashable {
    /// Hashes of normalised words (`LexicalForm.word`), sorted, and their tag classes.
    let words: [UInt64]
    let tags: [UInt8]

    static let empty = TagDictionary(words: [], tags: [])

    /// Words seen at least `minimumCount` times with one tag at least `share` of the time.
    init(forms: [[LexicalForm]], gold: [[Int32]], minimumCount: Int = 20, share: Double = 0.995) {
        var counts: [UInt64: [Int32: Int]] = [:]
        for (sentence, tags) in zip(forms, gold) {
            for (w, t) in zip(sentence, tags) { counts[w.word, default: [:]][t, default: 0] += 1 }
        }
        var entries: [(UInt64, UInt8)] = []
        for (word, tagCounts) in counts {
            let total = tagCounts.values.reduce(0, +)
            guard total >= minimumCount else { continue }
            let top = tagCounts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }!
            if Double(top.value) >= share * Double(total) { entries.append((word, UInt8(top.key))) }
        }
        entries.sort { $0.0 < $1.0 }
        self.init(words: entries.map(\.0), tags: entries.map(\.1))
    }

    init(words: [UInt64], tags: [UInt8]) {
        self.words = words
        self.tags = tags
    }

    @inline(__always)
    func tag(of word: UInt64) -> Int32? {
        var lo = 0, hi = words.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if words[mid] < word { lo = mid + 1 } else { hi = mid }
        }
        return lo < words.count && words[lo] == word ? Int32(tags[lo]) : nil
    }
}
