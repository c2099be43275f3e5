/// Everything a training run depends on besides the treebank: same options, same model.
public struct TrainingOptions: Sendable, Hashable {
    public var seed: UInt64 = 1
    public var taggerEpochs = 8
    public var parserEpochs = 15
    /// Folds for jackknifing: the parser learns from tags predicted by taggers that did not
    /// see the sentence, so it trains on tags as wrong as the ones it will be given.
    public var folds = 10
    /// Features seen fewer times than this in the training data get no weights (tagger, parser).
    public var minimumFeatureCount = 2
    public var parserMinimumFeatureCount = 2
    /// Averaged weights smaller than this, out of the largest weight's 32767, are dropped:
    /// they change almost no decision and make up most of the model file.
    public var minimumWeight = 300
    /// The same for the parser, whose table is most of the file: at 500, dev UAS moves by
    /// 0.0001 and the parser loses half its weights.
    public var parserMinimumWeight = 500
    /// Whether to train the tagger's second (lookahead) pass.
    public var lookahead = true
    /// Evaluate the parser on the dev split after every epoch (slower; for tuning).
    public var reportDevEachEpoch = false

    public init() {}
}
