import Foundation
import Testing

@testable import Language

@Suite struct TrainingTests {
    static let train = "../shared/data/ud-english-ewt/en_ewt-ud-train.conllu"
    static let dev = "../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu"

    static func sentences(_ path: String, _ count: Int) throws -> [TreebankSentence] {
        Array(try CoNLLU.parse(String(contentsOfFile: path, encoding: .utf8), source: path).prefix(count))
    }

    /// The same treebank and options give the same model, byte for byte; another seed does not.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: train)))
    func trainingIsDeterministicForASeed() throws {
        let sample = try Self.sentences(Self.train, 150)
        var options = TrainingOptions()
        options.taggerEpochs = 2
        options.parserEpochs = 2
        options.folds = 2
        let first = LanguageTrainer.train(train: sample, dev: [], source: "sample", options: options) { _ in }.encoded()
        let second = LanguageTrainer.train(train: sample, dev: [], source: "sample", options: options) { _ in }.encoded()
        #expect(first == second)
        options.seed = 2
        let other = LanguageTrainer.train(train: sample, dev: [], source: "sample", options: options) { _ in }.encoded()
        #expect(other != first)
    }

    /// The model that ships reproduces the dev-split figures recorded for it (BENCHMARKS.md).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: dev)))
    func theShippedModelReproducesItsDevFigures() throws {
        let scores = Evaluator.evaluate(try SentenceAnalyzer.english(), on: try Self.sentences(Self.dev, .max))
        #expect(scores.words == 25_147)
        #expect(String(format: "%.4f", scores.upos) == ShippedModelFigures.devUPOS)
        #expect(String(format: "%.4f", scores.uas) == ShippedModelFigures.devUAS)
        #expect(String(format: "%.4f", scores.las) == ShippedModelFigures.devLAS)
    }
}

/// The shipped model's figures on EWT dev, as `factdeck-lang train` printed them.
enum ShippedModelFigures {
    static let devUPOS = "0.9554"
    static let devUAS = "0.8505"
    static let devLAS = "0.8210"
}
