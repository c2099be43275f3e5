import ArgumentParser
import Foundation
import Language

/// `factdeck-lang evaluate FILE.conllu`: tags and parses the file's gold words and scores them.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score the tagger and parser on a CoNLL-U file (its gold words are the input).",
        discussion: """
            UAS and LAS count every word, punctuation included; LAS compares the universal \
            part of the relation (before any ':'). words_per_s is the analysis alone (tag, \
            parse, lemma), after the model is loaded. The last line is always
              upos=0.xxxx uas=0.xxxx las=0.xxxx words=N words_per_s=N
            """
    )

    @Argument(help: "A CoNLL-U file with gold words, tags and trees.")
    var file: String

    @Option(help: "A model file to use instead of the shipped one.")
    var model: String?

    @Option(help: .hidden)
    var pruneBelow: Int?

    @Flag(help: "Read the sentences as running prose: one of six or more words ending in a full stop has a finite verb.")
    var prose = false

    @Option(help: "Also write the analysis as CoNLL-U to this file.")
    var write: String?

    func run() throws {
        try reportingErrors {
            let sentences = try TreebankFile.read(file)
            let t0 = monotonicSeconds()
            var analyzer = try loadAnalyzer(model)
            if let pruneBelow { analyzer = SentenceAnalyzer(model: analyzer.model.pruned(minimumMagnitude: pruneBelow)) }
            let loaded = monotonicSeconds()
            let scores = Evaluator.evaluate(analyzer, on: sentences, prose: prose)
            let elapsed = monotonicSeconds() - loaded
            if let write {
                var out = ""
                for s in sentences {
                    let parsed = analyzer.analyse(words: s.words.map(\.form), spaceAfter: s.words.map(\.spaceAfter), prose: prose)
                    out += CoNLLU.format(parsed, id: s.id)
                }
                do {
                    try Data(out.utf8).write(to: URL(fileURLWithPath: write))
                } catch {
                    throw ToolError("\(write): cannot write the analysis (\(error.localizedDescription))")
                }
            }
            if pruneBelow != nil { print(analyzer.model.summary) }
            print("model_load_ms=\(Int(((loaded - t0) * 1000).rounded())) peak_mb=\(peakMemoryMB().map(String.init) ?? "?")")
            print("xpos=\(fourDecimals(scores.xpos)) lemma=\(fourDecimals(scores.lemma)) sentences=\(sentences.count)")
            let tokens = TokenizerScores.evaluate(on: sentences)
            if tokens.sentences > 0 {
                print("tokenizer (from '# text'): word_f1=\(fourDecimals(tokens.f1)) exact_sentences=\(fourDecimals(tokens.exactSentenceRatio)) of \(tokens.sentences)")
            }
            print(figuresLine(scores, wordsPerSecond: Int(Double(scores.words) / elapsed)))
        }
    }
}
