/// The whole training run: tagger (two passes, jackknifed), parser on jackknifed tags,
/// lemmatizer. Deterministic for given treebank files and options.
public enum LanguageTrainer {
    /// Trains everything. `taggerStage`, from an earlier `trainTagger` with the same
    /// treebank and tagger options, skips the tagger (for trying parser changes).
    public static func train(
        train: [TreebankSentence], dev: [TreebankSentence], source: String, options: TrainingOptions,
        wordClasses: WordClasses = .empty, taggerStage: TaggerStage? = nil, progress: (String) -> Void
    ) -> LanguageModel {
        let stage = taggerStage ?? trainTagger(train: train, options: options, wordClasses: wordClasses, progress: progress)
        let tagger = stage.tagger
        let parserTags = stage.trainingTags
        let forms = train.map { $0.words.map { LexicalForm($0.form) } }
        let labelSet = LabelSet(from: train)
        let lemmatizer = LemmatizerTrainer.train(train)

        // The parser, on the jackknifed tags and the lifted (projective) gold trees.
        let rootLabel = labelSet.index(of: "root") ?? 0
        var directions = [Bool](repeating: false, count: Transition.classCount(labels: labelSet.count))
        var parserExamples: [ParserTrainer.Example] = []
        for (i, s) in train.enumerated() {
            var heads: [Int32] = [-1]
            var labels: [Int16] = [-1]
            for w in s.words {
                heads.append(Int32(w.head))
                labels.append(Int16(labelSet.index(of: w.relation) ?? 0))
            }
            heads = Projectivizer.lift(heads)
            for d in 1..<heads.count {
                let l = Int(labels[d])
                directions[d < Int(heads[d]) ? Transition.left(l) : Transition.right(l)] = true
            }
            parserExamples.append(.init(words: forms[i], tags: parserTags[i], heads: heads, labels: labels))
        }
        let constraint = ClauseConstraint(tags: tagger.tags, labels: labelSet)
        let weights = ParserTrainer.train(
            parserExamples, labels: labelSet, directions: directions, rootLabel: rootLabel, constraint: constraint,
            settings: .init(
                epochs: options.parserEpochs, seed: options.seed &+ 2000, minimumFeatureCount: options.parserMinimumFeatureCount,
                minimumWeight: options.parserMinimumWeight)
        ) { epoch, acc, averaged in
            var line = "parser epoch \(epoch): train transitions \(format(acc))"
            if options.reportDevEachEpoch && !dev.isEmpty {
                let parser = DependencyParser(
                    labels: labelSet, weights: averaged(), directions: directions, rootLabel: rootLabel, tags: tagger.tags)
                let model = LanguageModel(tagger: tagger, parser: parser, lemmatizer: lemmatizer, provenance: "")
                let s = Evaluator.evaluate(SentenceAnalyzer(model: model), on: dev)
                line += ", dev uas \(format(s.uas)) las \(format(s.las))"
            }
            progress(line)
        }
        let provenance =
            "\(source); seed \(options.seed), tagger \(options.taggerEpochs) epochs x 2 passes, parser \(options.parserEpochs) epochs, \(options.folds)-fold jackknifed tags, features seen at least \(options.minimumFeatureCount)/\(options.parserMinimumFeatureCount) times, weights from \(options.minimumWeight)/\(options.parserMinimumWeight) of 32767"
        return LanguageModel(
            tagger: tagger, parser: DependencyParser(
                labels: labelSet, weights: weights, directions: directions, rootLabel: rootLabel, tags: tagger.tags),
            lemmatizer: lemmatizer, provenance: provenance)
    }

    /// The tagger, and the training sentences tagged by taggers that did not see them.
    public static func trainTagger(
        train: [TreebankSentence], options: TrainingOptions, wordClasses: WordClasses = .empty, progress: (String) -> Void
    ) -> TaggerStage {
        let tagSet = TagSet(from: train)
        let forms = train.map { $0.words.map { LexicalForm($0.form) } }
        let classes = forms.map { wordClasses.masks(of: $0) }
        let finite = tagSet.finiteVerbs
        let gold = train.map { s in s.words.map { Int32(tagSet.index(upos: $0.upos, xpos: $0.xpos)) } }
        let folds = max(2, options.folds)
        let fold = train.indices.map { $0 % folds }
        let dictionary = TagDictionary(forms: forms, gold: gold)
        // Pass 1, jackknifed: every training sentence tagged by a tagger that never saw it.
        func examples(_ keep: (Int) -> Bool, right: [[Int32]]?) -> [TaggerTrainer.Example] {
            train.indices.filter(keep).map {
                TaggerTrainer.Example(words: forms[$0], classes: classes[$0], gold: gold[$0], right: right?[$0])
            }
        }
        func jackknife(right: [[Int32]]?, seed: UInt64) -> [[Int32]] {
            let pass = right == nil ? "1" : "2"
            var predicted = [[Int32]](repeating: [], count: train.count)
            for k in 0..<folds {
                let table = TaggerTrainer.train(
                    examples({ fold[$0] != k }, right: right), classCount: tagSet.count, finite: finite, epochs: options.taggerEpochs,
                    seed: seed &+ UInt64(k), dictionary: dictionary, minimumFeatureCount: options.minimumFeatureCount, minimumWeight: options.minimumWeight)
                let tagger = Tagger(tags: tagSet, firstPass: table, secondPass: nil, dictionary: dictionary, wordClasses: wordClasses)
                for i in train.indices where fold[i] == k {
                    if let right {
                        predicted[i] = right[i].withUnsafeBufferPointer { tagger.run(table, forms[i], classes: classes[i], right: $0) }
                    } else {
                        predicted[i] = tagger.run(table, forms[i], classes: classes[i], right: nil)
                    }
                }
                progress("tagger pass \(pass), fold \(k + 1)/\(folds): \(format(accuracy(predicted, gold, fold, k)))")
            }
            return predicted
        }
        progress("\(train.count) training sentences, \(tagSet.count) tag pairs, \(dictionary.words.count) words in the tag dictionary")
        let firstJackknifed = jackknife(right: nil, seed: options.seed)
        let firstPass = TaggerTrainer.train(
            examples({ _ in true }, right: nil), classCount: tagSet.count, finite: finite, epochs: options.taggerEpochs, seed: options.seed,
            dictionary: dictionary, minimumFeatureCount: options.minimumFeatureCount, minimumWeight: options.minimumWeight
        ) { epoch, acc in progress("tagger pass 1, epoch \(epoch): train \(format(acc))") }
        var secondPass: WeightTable?
        var parserTags = firstJackknifed
        if options.lookahead {
            parserTags = jackknife(right: firstJackknifed, seed: options.seed &+ 1000)
            secondPass = TaggerTrainer.train(
                examples({ _ in true }, right: firstJackknifed), classCount: tagSet.count, finite: finite, epochs: options.taggerEpochs,
                seed: options.seed &+ 1000, dictionary: dictionary, minimumFeatureCount: options.minimumFeatureCount, minimumWeight: options.minimumWeight
            ) { epoch, acc in progress("tagger pass 2, epoch \(epoch): train \(format(acc))") }
        }
        progress("jackknifed tag accuracy on train: \(format(accuracy(parserTags, gold, fold, nil)))")
        return TaggerStage(
            tagger: Tagger(tags: tagSet, firstPass: firstPass, secondPass: secondPass, dictionary: dictionary, wordClasses: wordClasses),
            trainingTags: parserTags,
            settings: TaggerStage.settings(of: options, sentences: train.count, wordClasses: wordClasses.count))

    }

    private static func accuracy(_ predicted: [[Int32]], _ gold: [[Int32]], _ fold: [Int], _ k: Int?) -> Double {
        var right = 0, total = 0
        for i in predicted.indices where k == nil || fold[i] == k! {
            for (p, g) in zip(predicted[i], gold[i]) {
                total += 1
                if p == g { right += 1 }
            }
        }
        return Double(right) / Double(max(total, 1))
    }

    static func format(_ x: Double) -> String {
        let v = (x * 10000).rounded() / 10000
        var s = String(v)
        while s.count < 6 { s += "0" }
        return s
    }
}
