/// Training of one tagger pass.
enum TaggerTrainer {
    struct Example {
        var words: [LexicalForm]
        /// The words' `WordClasses` masks.
        var classes: [UInt8]
        var gold: [Int32]
        /// First-pass tags for the lookahead features (second pass only).
        var right: [Int32]?
    }

    static func train(
        _ examples: [Example], classCount: Int, finite: [Bool], epochs: Int, seed: UInt64, dictionary: TagDictionary = .empty,
        minimumFeatureCount: Int = 1, minimumWeight: Int = 1,
        progress: (Int, Double) -> Void = { _, _ in }
    ) -> WeightTable {
        let allowed = minimumFeatureCount > 1 ? countFeatures(examples, finite: finite).keys(atLeast: minimumFeatureCount) : nil
        var model = PerceptronTrainer(classCount: classCount, allowed: allowed)
        var rng = SeededGenerator(seed: seed)
        var order = Array(examples.indices)
        var features = [UInt64](repeating: 0, count: TaggerFeatures.maximumCount)
        var scores = [Int32](repeating: 0, count: classCount)
        for epoch in 1...epochs {
            rng.shuffle(&order)
            var right = 0
            var total = 0
            for s in order {
                let ex = examples[s]
                var tags = [Int32](repeating: 0, count: ex.words.count)
                ex.classes.withUnsafeBufferPointer { c in
                    finite.withUnsafeBufferPointer { fin in
                        let context = TaggerFeatures.Context(classes: c, finite: fin)
                        ex.words.withUnsafeBufferPointer { w in
                            for i in 0..<w.count {
                                if let known = dictionary.tag(of: w[i].word) {
                                    tags[i] = known
                                    continue
                                }
                                let n = features.withUnsafeMutableBufferPointer { f in
                                    tags.withUnsafeBufferPointer { t in
                                        if let r = ex.right {
                                            return r.withUnsafeBufferPointer {
                                                TaggerFeatures.extract(
                                                    i, words: w, context: context, left: t, right: $0, into: f.baseAddress!)
                                            }
                                        }
                                        return TaggerFeatures.extract(
                                            i, words: w, context: context, left: t, right: nil, into: f.baseAddress!)
                                    }
                                }
                                let guess = features.withUnsafeBufferPointer { f in
                                    scores.withUnsafeMutableBufferPointer { sc in
                                        model.score(UnsafeBufferPointer(rebasing: f[..<n]), into: sc.baseAddress!)
                                        return argmax(sc.baseAddress!, classCount)
                                    }
                                }
                                let gold = Int(ex.gold[i])
                                model.tick()
                                if guess != gold {
                                    features.withUnsafeBufferPointer { f in
                                        model.update(UnsafeBufferPointer(rebasing: f[..<n]), truth: gold, guess: guess)
                                    }
                                } else {
                                    right += 1
                                }
                                total += 1
                                tags[i] = Int32(guess)
                            }
                        }
                    }
                }
            }
            progress(epoch, Double(right) / Double(max(total, 1)))
        }
        return model.averaged(minimumMagnitude: minimumWeight)
    }

    /// How often each feature occurs with the gold tags as history.
    static func countFeatures(_ examples: [Example], finite: [Bool]) -> FeatureIndex {
        var counts = FeatureIndex()
        var features = [UInt64](repeating: 0, count: TaggerFeatures.maximumCount)
        for ex in examples {
            ex.classes.withUnsafeBufferPointer { c in
                finite.withUnsafeBufferPointer { fin in
                    let context = TaggerFeatures.Context(classes: c, finite: fin)
                    ex.words.withUnsafeBufferPointer { w in
                        ex.gold.withUnsafeBufferPointer { t in
                            features.withUnsafeMutableBufferPointer { f in
                                for i in 0..<w.count {
                                    let n: Int
                                    if let r = ex.right {
                                        n = r.withUnsafeBufferPointer {
                                            TaggerFeatures.extract(i, words: w, context: context, left: t, right: $0, into: f.baseAddress!)
                                        }
                                    } else {
                                        n = TaggerFeatures.extract(i, words: w, context: context, left: t, right: nil, into: f.baseAddress!)
                                    }
                                    for k in 0..<n { counts.increment(f[k]) }
                                }
                            }
                        }
                    }
                }
            }
        }
        return counts
    }
}
