import SeededRandom
/// Training of the parser with the dynamic oracle and exploration (Goldberg & Nivre 2012):
/// after the first epoch the parser follows its own choice nine times in ten, so it also
/// learns what to do after a mistake.
enum ParserTrainer {
    struct Example {
        var words: [LexicalForm]
        /// Predicted (jackknifed) tag classes, 0-based words.
        var tags: [Int32]
        /// Gold heads and labels with the root at index 0 (heads[0] unused), projective.
        var heads: [Int32]
        var labels: [Int16]
    }

    struct Settings {
        var epochs: Int
        var seed: UInt64
        var exploreAfter = 1
        var followGuess = 0.9
        var minimumFeatureCount = 1
        var minimumWeight = 1
    }

    static func train(
        _ examples: [Example], labels: LabelSet, directions: [Bool], rootLabel: Int, constraint: ClauseConstraint, settings: Settings,
        progress: (Int, Double, () -> WeightTable) -> Void = { _, _, _ in }
    ) -> WeightTable {
        let classCount = directions.count
        let allowed =
            settings.minimumFeatureCount > 1
            ? countFeatures(examples, directions: directions, rootLabel: rootLabel, constraint: constraint).keys(
                atLeast: settings.minimumFeatureCount) : nil
        var model = PerceptronTrainer(classCount: classCount, allowed: allowed)
        var rng = SeededGenerator(seed: settings.seed)
        var order = Array(examples.indices)
        var features = [UInt64](repeating: 0, count: ParserFeatures.maximumCount)
        var scores = [Int32](repeating: 0, count: classCount)
        var valid = [Bool](repeating: false, count: classCount)
        var costs = [Int](repeating: 0, count: classCount)
        for epoch in 1...settings.epochs {
            rng.shuffle(&order)
            var correct = 0
            var total = 0
            for s in order {
                let ex = examples[s]
                let n = ex.words.count
                let (wordAtoms, tagAtoms) = Self.atoms(of: ex)
                let oracle = DynamicOracle(heads: ex.heads, labels: ex.labels)
                var state = ArcHybridState(count: n)
                while !state.isTerminal {
                    let k = features.withUnsafeMutableBufferPointer { f in
                        wordAtoms.withUnsafeBufferPointer { wa in
                            tagAtoms.withUnsafeBufferPointer { ta in
                                ParserFeatures.extract(state, .init(words: wa, tags: ta), into: f.baseAddress!)
                            }
                        }
                    }
                    valid.withUnsafeMutableBufferPointer { v in
                        directions.withUnsafeBufferPointer { d in
                            Transition.valid(state, rootLabel: rootLabel, directions: d, into: v.baseAddress!)
                            ex.tags.withUnsafeBufferPointer { constraint.restrict(state, tags: $0, mask: v.baseAddress!) }
                        }
                    }
                    features.withUnsafeBufferPointer { f in
                        scores.withUnsafeMutableBufferPointer { sc in
                            model.score(UnsafeBufferPointer(rebasing: f[..<k]), into: sc.baseAddress!)
                        }
                    }
                    valid.withUnsafeBufferPointer { v in
                        costs.withUnsafeMutableBufferPointer { c in
                            oracle.costs(state, valid: v.baseAddress!, into: c.baseAddress!, classCount: classCount)
                        }
                    }
                    var guess = -1
                    var best = -1
                    var minCost = Int.max
                    for c in 0..<classCount where valid[c] {
                        if guess < 0 || scores[c] > scores[guess] { guess = c }
                        minCost = min(minCost, costs[c])
                    }
                    for c in 0..<classCount where valid[c] && costs[c] == minCost {
                        if best < 0 || scores[c] > scores[best] { best = c }
                    }
                    model.tick()
                    if costs[guess] > minCost {
                        features.withUnsafeBufferPointer { f in
                            model.update(UnsafeBufferPointer(rebasing: f[..<k]), truth: best, guess: guess)
                        }
                    } else {
                        correct += 1
                    }
                    total += 1
                    let follow = epoch > settings.exploreAfter && rng.chance(settings.followGuess) ? guess : best
                    Transition.apply(follow, to: &state)
                }
            }
            progress(epoch, Double(correct) / Double(max(total, 1))) { model.averaged(minimumMagnitude: settings.minimumWeight) }
        }
        return model.averaged(minimumMagnitude: settings.minimumWeight)
    }

    /// How often each feature occurs along the gold path (the first zero-cost move each time).
    static func countFeatures(_ examples: [Example], directions: [Bool], rootLabel: Int, constraint: ClauseConstraint) -> FeatureIndex {
        let classCount = directions.count
        var counts = FeatureIndex()
        var features = [UInt64](repeating: 0, count: ParserFeatures.maximumCount)
        var valid = [Bool](repeating: false, count: classCount)
        var costs = [Int](repeating: 0, count: classCount)
        for ex in examples {
            let n = ex.words.count
            let (wordAtoms, tagAtoms) = Self.atoms(of: ex)
            let oracle = DynamicOracle(heads: ex.heads, labels: ex.labels)
            var state = ArcHybridState(count: n)
            while !state.isTerminal {
                let k = features.withUnsafeMutableBufferPointer { f in
                    wordAtoms.withUnsafeBufferPointer { wa in
                        tagAtoms.withUnsafeBufferPointer { ta in
                            ParserFeatures.extract(state, .init(words: wa, tags: ta), into: f.baseAddress!)
                        }
                    }
                }
                for i in 0..<k { counts.increment(features[i]) }
                valid.withUnsafeMutableBufferPointer { v in
                    directions.withUnsafeBufferPointer { d in
                        Transition.valid(state, rootLabel: rootLabel, directions: d, into: v.baseAddress!)
                    }
                    ex.tags.withUnsafeBufferPointer { constraint.restrict(state, tags: $0, mask: v.baseAddress!) }
                }
                oracle.costs(state, valid: valid, into: &costs, classCount: classCount)
                let best = (0..<classCount).filter { valid[$0] }.min { costs[$0] < costs[$1] }!
                Transition.apply(best, to: &state)
            }
        }
        return counts
    }

    /// The words and tags of `ex` as the parser's feature atoms, the root at 0.
    static func atoms(of ex: Example) -> (words: [UInt64], tags: [UInt64]) {
        var words = [UInt64](repeating: FeatureHash.root, count: ex.words.count + 1)
        var tags = [UInt64](repeating: ParserFeatures.rootTag, count: ex.words.count + 1)
        for i in ex.words.indices {
            words[i + 1] = ex.words[i].word
            tags[i + 1] = ParserFeatures.tagAtom(Int(ex.tags[i]))
        }
        return (words, tags)
    }
}
