/// The tagger half of a training run: the trained tagger and the jackknifed tags of the
/// training sentences that the parser learns from. Saved between runs while only the
/// parser changes.
public struct TaggerStage: Sendable {
    let tagger: Tagger
    let trainingTags: [[Int32]]
    /// The options and treebank size it was made with; reused only when they match.
    public let settings: String

    init(tagger: Tagger, trainingTags: [[Int32]], settings: String) {
        self.tagger = tagger
        self.trainingTags = trainingTags
        self.settings = settings
    }

    static func settings(of options: TrainingOptions, sentences: Int, wordClasses: Int) -> String {
        "sentences=\(sentences) seed=\(options.seed) epochs=\(options.taggerEpochs) folds=\(options.folds) "
            + "lookahead=\(options.lookahead) minimum=\(options.minimumFeatureCount) weight=\(options.minimumWeight) "
            + "classes=\(wordClasses) format=4"
    }

    /// Whether this stage was made from `sentences` training sentences, a word-class table
    /// of `wordClasses` forms and these options.
    public func matches(_ options: TrainingOptions, sentences: Int, wordClasses: Int) -> Bool {
        settings == Self.settings(of: options, sentences: sentences, wordClasses: wordClasses)
    }

    public func encoded() -> [UInt8] {
        var w = ModelWriter()
        w.string(settings)
        tagger.write(to: &w)
        w.int(trainingTags.count)
        for t in trainingTags { w.array(t) }
        return w.bytes
    }

    public init(decoding bytes: [UInt8]) throws(LanguageError) {
        var r = ModelReader(bytes)
        settings = try r.string()
        tagger = try Tagger(reading: &r)
        var tags: [[Int32]] = []
        for _ in 0..<(try r.int()) { tags.append(try r.array(Int32.self)) }
        guard r.isAtEnd else { throw .malformedModel(reason: "tagger stage") }
        trainingTags = tags
    }
}
