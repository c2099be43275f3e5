import ArgumentParser
import Foundation
import Language

/// `factdeck-lang train`: learns the model from a treebank and writes the model file.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the tagger, parser and lemmatizer on a UD treebank and write the model file.",
        discussion: """
            Deterministic: the same files and options give the same model, byte for byte. \
            The shipped model was made from the package root with
              swift run -c release factdeck-lang train --seed 1
            Progress goes to stderr; the last line gives the dev-split figures.
            """
    )

    @Option(help: "Training split (CoNLL-U).")
    var train = "../shared/data/ud-english-ewt/en_ewt-ud-train.conllu"

    @Option(help: "Dev split (CoNLL-U), for the figures printed at the end.")
    var dev = "../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu"

    @Option(help: "Word classes from WordNet (Data/wordnet/make_word_classes.py makes it); '' for none.")
    var wordClasses = "Data/wordnet/word-classes.txt"

    @Option(help: "Where to write the model.")
    var output = "Sources/Language/Resources/english-ewt.model"

    @Option(help: "Seed of the shuffles and the exploration.")
    var seed: UInt64 = 1

    @Option(help: "Epochs of each tagger pass.")
    var taggerEpochs = TrainingOptions().taggerEpochs

    @Option(help: "Epochs of the parser.")
    var parserEpochs = TrainingOptions().parserEpochs

    @Option(help: "Folds for the jackknifed tags the parser learns from.")
    var folds = TrainingOptions().folds

    @Flag(help: "Train only the left-to-right tagger pass (faster, less accurate).")
    var noLookahead = false

    @Option(help: "Tagger features seen fewer times in training get no weight.")
    var minimumFeatureCount = TrainingOptions().minimumFeatureCount

    @Option(help: "Parser features seen fewer times in training get no weight.")
    var parserMinimumFeatureCount = TrainingOptions().parserMinimumFeatureCount

    @Option(help: "Tagger weights below this (of 32767, the largest) are dropped from the model.")
    var minimumWeight = TrainingOptions().minimumWeight

    @Option(help: "Parser weights below this (of 32767, the largest) are dropped from the model.")
    var parserMinimumWeight = TrainingOptions().parserMinimumWeight

    @Option(help: "Keep the trained tagger here and reuse it while the tagger options stay the same (for trying parser changes).")
    var taggerCache: String?

    @Flag(help: "Evaluate on the dev split after every parser epoch (slow; for tuning).")
    var devEachEpoch = false

    @Option(help: "Describes the training data in the model file.")
    var source = "UD English EWT r2.15 train (commit 15d613d8447b3478787d4c278730a1e48a945efb), CC BY-SA 4.0; word classes from WordNet 3.0"

    func validate() throws {
        if taggerEpochs < 1 || parserEpochs < 1 { throw ValidationError("epochs must be at least 1") }
        if folds < 2 { throw ValidationError("--folds must be at least 2") }
    }

    func run() throws {
        try reportingErrors {
            let trainSentences = try TreebankFile.read(train)
            let devSentences = try TreebankFile.read(dev)
            var classes = WordClasses.empty
            if !wordClasses.isEmpty {
                guard let data = FileManager.default.contents(atPath: wordClasses) else {
                    throw ToolError("\(wordClasses): cannot read the word-class table; run from the package root or give --word-classes")
                }
                classes = try WordClasses(text: String(decoding: data, as: UTF8.self), source: wordClasses)
            }
            var options = TrainingOptions()
            options.seed = seed
            options.taggerEpochs = taggerEpochs
            options.parserEpochs = parserEpochs
            options.folds = folds
            options.lookahead = !noLookahead
            options.reportDevEachEpoch = devEachEpoch
            options.minimumFeatureCount = minimumFeatureCount
            options.parserMinimumFeatureCount = parserMinimumFeatureCount
            options.minimumWeight = minimumWeight
            options.parserMinimumWeight = parserMinimumWeight
            let start = monotonicSeconds()
            let log = { (line: String) in Stderr.print(String(format: "[%6.1fs] ", monotonicSeconds() - start) + line) }
            var stage: TaggerStage?
            if let taggerCache {
                if let data = FileManager.default.contents(atPath: taggerCache), let cached = try? TaggerStage(decoding: [UInt8](data)),
                    cached.matches(options, sentences: trainSentences.count, wordClasses: classes.count)
                {
                    log("tagger reused from \(taggerCache)")
                    stage = cached
                } else {
                    let trained = LanguageTrainer.trainTagger(
                        train: trainSentences, options: options, wordClasses: classes, progress: log)
                    try? Data(trained.encoded()).write(to: URL(fileURLWithPath: taggerCache))
                    stage = trained
                }
            }
            let model = LanguageTrainer.train(
                train: trainSentences, dev: devSentences, source: source, options: options, wordClasses: classes,
                taggerStage: stage, progress: log)
            let bytes = model.encoded()
            do {
                try Data(bytes).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw ToolError("\(output): cannot write the model (\(error.localizedDescription))")
            }
            Stderr.print("wrote \(output) (\(bytes.count / 1024) KB): \(model.summary)")
            // Evaluate the model as written, read back, so the figures are the shipped model's.
            let analyzer = SentenceAnalyzer(model: try LanguageModel(decoding: bytes))
            let t0 = monotonicSeconds()
            let scores = Evaluator.evaluate(analyzer, on: devSentences)
            let elapsed = monotonicSeconds() - t0
            print("dev: xpos=\(fourDecimals(scores.xpos)) lemma=\(fourDecimals(scores.lemma))")
            print(figuresLine(scores, wordsPerSecond: Int(Double(scores.words) / elapsed)))
        }
    }
}
