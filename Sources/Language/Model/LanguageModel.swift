/// Everything the analyser learned: tagger, parser and lemmatizer, with where it came from.
/// Immutable once built; shared freely across threads.
public final class LanguageModel: Sendable {
    let tagger: Tagger
    let parser: DependencyParser
    let lemmatizer: Lemmatizer
    /// A line saying what it was trained on and how ("UD English EWT train, seed 1, ...").
    public let provenance: String

    init(tagger: Tagger, parser: DependencyParser, lemmatizer: Lemmatizer, provenance: String) {
        self.tagger = tagger
        self.parser = parser
        self.lemmatizer = lemmatizer
        self.provenance = provenance
    }

    /// Sizes of the weight tables, for the training log.
    public var summary: String {
        func size(_ t: WeightTable) -> String { "\(t.featureCount) features/\(t.entryCount) weights" }
        let second = tagger.secondPass.map { ", lookahead \(size($0))" } ?? ""
        return "tagger \(size(tagger.firstPass))\(second); parser \(size(parser.weights)); lemmas \(lemmatizer.wordKeys.count) words, \(lemmatizer.suffixKeys.count) endings"
    }

    /// The model without its smallest weights (for measuring what pruning costs).
    public func pruned(minimumMagnitude: Int) -> LanguageModel {
        LanguageModel(
            tagger: Tagger(
                tags: tagger.tags, firstPass: tagger.firstPass.pruned(minimumMagnitude: minimumMagnitude),
                secondPass: tagger.secondPass?.pruned(minimumMagnitude: minimumMagnitude), dictionary: tagger.dictionary,
                wordClasses: tagger.wordClasses),
            parser: DependencyParser(
                labels: parser.labels, weights: parser.weights.pruned(minimumMagnitude: minimumMagnitude),
                directions: parser.directions, rootLabel: parser.rootLabel, tags: tagger.tags),
            lemmatizer: lemmatizer, provenance: provenance)
    }

    private static let magic = Array("factdeck-language-model\n".utf8)
    /// 2 added the tagger's word classes; files of version 1 still load, without them.
    private static let version = 2

    /// The model as bytes for the model file.
    public func encoded() -> [UInt8] {
        var w = ModelWriter()
        w.raw(Self.magic)
        w.int(Self.version)
        w.string(provenance)
        tagger.write(to: &w)
        w.strings(parser.labels.names)
        w.array(parser.directions.map { $0 ? UInt8(1) : 0 })
        w.int(parser.rootLabel)
        parser.weights.write(to: &w)
        w.strings(lemmatizer.rules.map(\.encoded))
        w.array(lemmatizer.wordKeys)
        w.array(lemmatizer.wordRules)
        w.array(lemmatizer.suffixKeys)
        w.array(lemmatizer.suffixRules)
        return w.bytes
    }

    /// Reads a model file's bytes, checking every count and index.
    public convenience init(decoding bytes: [UInt8]) throws(LanguageError) {
        guard bytes.starts(with: Self.magic) else { throw .malformedModel(reason: "not a factdeck language model") }
        var r = ModelReader(Array(bytes[Self.magic.count...]))
        let version = try r.int()
        guard version == 1 || version == Self.version else {
            throw .malformedModel(reason: "format version \(version), expected \(Self.version)")
        }
        let provenance = try r.string()
        let tagger = try Tagger(reading: &r, withWordClasses: version >= 2)
        let labels = try r.strings()
        let directions = try r.array(UInt8.self).map { $0 != 0 }
        let rootLabel = try r.int()
        let parserWeights = try WeightTable(reading: &r)
        guard directions.count == Transition.classCount(labels: labels.count), parserWeights.classCount == directions.count,
            labels.indices.contains(rootLabel)
        else { throw .malformedModel(reason: "class counts disagree") }
        let rules = try r.strings().map { (s: String) throws(LanguageError) -> LemmaRule in
            guard let rule = LemmaRule(encoded: s) else { throw .malformedModel(reason: "lemma rule '\(s)'") }
            return rule
        }
        let wordKeys = try r.array(UInt64.self), wordRules = try r.array(UInt16.self)
        let suffixKeys = try r.array(UInt64.self), suffixRules = try r.array(UInt16.self)
        guard wordKeys.count == wordRules.count, suffixKeys.count == suffixRules.count,
            (wordRules + suffixRules).allSatisfy({ Int($0) < rules.count }), r.isAtEnd
        else { throw .malformedModel(reason: "lemma tables disagree") }
        self.init(
            tagger: tagger,
            parser: DependencyParser(
                labels: LabelSet(names: labels), weights: parserWeights, directions: directions, rootLabel: rootLabel,
                tags: tagger.tags),
            lemmatizer: Lemmatizer(
                rules: rules, wordKeys: wordKeys, wordRules: wordRules, suffixKeys: suffixKeys, suffixRules: suffixRules),
            provenance: provenance)
    }
}
