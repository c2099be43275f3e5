/// A greedy transition-based dependency parser: an averaged perceptron chooses each
/// arc-hybrid transition from the features of the configuration.
struct DependencyParser: Sendable {
    let labels: LabelSet
    let weights: WeightTable
    /// Per class: whether the treebank has that label in that direction.
    let directions: [Bool]
    let rootLabel: Int
    let constraint: ClauseConstraint

    init(labels: LabelSet, weights: WeightTable, directions: [Bool], rootLabel: Int, tags: TagSet) {
        self.labels = labels
        self.weights = weights
        self.directions = directions
        self.rootLabel = rootLabel
        constraint = ClauseConstraint(tags: tags, labels: labels)
    }

    struct Parse {
        /// Per word (0-based), its head (0-based; -1 for the root) and label.
        var heads: [Int]
        var labels: [Int]
    }

    /// Parses words given their hashed forms and tag classes (0-based, without the root).
    func parse(words: [LexicalForm], tags: [Int32]) -> Parse {
        let n = words.count
        var wordAtoms = [UInt64](repeating: FeatureHash.root, count: n + 1)
        var tagAtoms = [UInt64](repeating: ParserFeatures.rootTag, count: n + 1)
        for i in 0..<n {
            wordAtoms[i + 1] = words[i].word
            tagAtoms[i + 1] = ParserFeatures.tagAtom(Int(tags[i]))
        }
        var state = ArcHybridState(count: n)
        let classCount = weights.classCount
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: ParserFeatures.maximumCount) { features in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: classCount) { scores in
                withUnsafeTemporaryAllocation(of: Bool.self, capacity: classCount) { valid in
                    wordAtoms.withUnsafeBufferPointer { wa in
                        tagAtoms.withUnsafeBufferPointer { ta in
                            directions.withUnsafeBufferPointer { dirs in
                                tags.withUnsafeBufferPointer { tagBuffer in
                                    let sentence = ParserFeatures.Sentence(words: wa, tags: ta)
                                    while !state.isTerminal {
                                        let k = ParserFeatures.extract(state, sentence, into: features.baseAddress!)
                                        weights.score(UnsafeBufferPointer(rebasing: features[..<k]), into: scores.baseAddress!)
                                        Transition.valid(state, rootLabel: rootLabel, directions: dirs, into: valid.baseAddress!)
                                        constraint.restrict(state, tags: tagBuffer, mask: valid.baseAddress!)
                                        let best = Self.bestValid(scores.baseAddress!, valid.baseAddress!, classCount)
                                        Transition.apply(best, to: &state)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        // The state numbers words from 1 with the root at 0; callers number them from 0.
        return Parse(
            heads: (0..<n).map { Int(state.heads[$0 + 1]) - 1 },
            labels: (0..<n).map { Int(state.labels[$0 + 1]) })
    }

    @inline(__always)
    static func bestValid(_ scores: UnsafePointer<Int32>, _ valid: UnsafePointer<Bool>, _ count: Int) -> Int {
        var best = -1
        var top = Int32.min
        for c in 0..<count where valid[c] && (best < 0 || scores[c] > top) {
            best = c
            top = scores[c]
        }
        return best
    }
}
