/// The tagger's classes: each is a pair of a universal tag and a Penn tag ("AUX"/"VBD",
/// "PROPN"/"NNP"), so one decision gives both and they never disagree.
struct TagSet: Sendable, Hashable {
    let universal: [UniversalTag]
    let penn: [String]

    var count: Int { universal.count }

    init(universal: [UniversalTag], penn: [String]) {
        self.universal = universal
        self.penn = penn
    }

    /// The pairs of the treebank, most frequent first (ties by name, so the order is stable).
    init(from sentences: [TreebankSentence]) {
        var counts: [String: Int] = [:]
        for s in sentences { for w in s.words { counts[w.upos + "\t" + w.xpos, default: 0] += 1 } }
        let ordered = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(255)
        var universal: [UniversalTag] = []
        var penn: [String] = []
        for (pair, _) in ordered {
            let parts = pair.split(separator: "\t", omittingEmptySubsequences: false)
            guard let tag = UniversalTag(rawValue: String(parts[0])) else { continue }
            universal.append(tag)
            penn.append(String(parts[1]))
        }
        self.init(universal: universal, penn: penn)
    }

    /// Per class: whether it is a finite verb or modal (Penn VBD, VBZ, VBP, MD).
    var finiteVerbs: [Bool] { penn.map { ["VBD", "VBZ", "VBP", "MD"].contains($0) } }

    /// The class of a gold pair; an unseen pair falls back to the commonest pair with its universal tag.
    func index(upos: String, xpos: String) -> Int {
        if let i = penn.indices.first(where: { penn[$0] == xpos && universal[$0].rawValue == upos }) { return i }
        return universal.firstIndex(where: { $0.rawValue == upos }) ?? 0
    }
}

/// The parser's relation labels ("nsubj", "nsubj:pass", ...), most frequent first.
struct LabelSet: Sendable, Hashable {
    let names: [String]
    var count: Int { names.count }

    init(names: [String]) { self.names = names }

    init(from sentences: [TreebankSentence]) {
        var counts: [String: Int] = [:]
        for s in sentences { for w in s.words { counts[w.relation, default: 0] += 1 } }
        names = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(60).map(\.key)
    }

    func index(of name: String) -> Int? { names.firstIndex(of: name) }
}
