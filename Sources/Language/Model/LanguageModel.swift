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

    private static let magic = Array("factdeck-language-model\n".utf8)
    private static let version = 1

    /// The model as bytes for the model file.
    public func encoded() -> [UInt8] {
        var w = ModelWriter()
        w.raw(Self.magic)
        w.int(Self.version)
        w.string(provenance)
        w.strings(tagger.tags.universal.map(\.rawValue))
        w.strings(tagger.tags.penn)
        tagger.firstPass.write(to: &w)
        w.int(tagger.secondPass == nil ? 0 : 1)
        tagger.secondPass?.write(to: &w)
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
        guard version == Self.version else { throw .malformedModel(reason: "format version \(version), expected \(Self.version)") }
        let provenance = try r.string()
        let universal = try r.strings()
        let penn = try r.strings()
        let tags = try universal.map { (name: String) throws(LanguageError) -> UniversalTag in
            guard let t = UniversalTag(rawValue: name) else { throw .malformedModel(reason: "unknown tag \(name)") }
            return t
        }
        guard tags.count == penn.count, !tags.isEmpty else { throw .malformedModel(reason: "tag lists differ in length") }
        let first = try WeightTable(reading: &r)
        let second = try r.int() == 1 ? try WeightTable(reading: &r) : nil
        let labels = try r.strings()
        let directions = try r.array(UInt8.self).map { $0 != 0 }
        let rootLabel = try r.int()
        let parserWeights = try WeightTable(reading: &r)
        guard first.classCount == tags.count, second.map({ $0.classCount == tags.count }) ?? true,
            directions.count == Transition.classCount(labels: labels.count), parserWeights.classCount == directions.count,
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
            tagger: Tagger(tags: TagSet(universal: tags, penn: penn), firstPass: first, secondPass: second),
            parser: DependencyParser(
                labels: LabelSet(names: labels), weights: parserWeights, directions: directions, rootLabel: rootLabel),
            lemmatizer: Lemmatizer(
                rules: rules, wordKeys: wordKeys, wordRules: wordRules, suffixKeys: suffixKeys, suffixRules: suffixRules),
            provenance: provenance)
    }
}
