import Foundation

/// FSRS-6 settings of one deck (or the global default), validated on creation.
///
/// Decoding tolerates missing keys (each falls back to its default) so that settings files
/// written by older versions still load, and rejects values FSRS-6 cannot use.
public struct FSRSParameters: Sendable, Hashable, Codable {
    /// The 21 FSRS-6 default weights (py-fsrs 6.3.2 `DEFAULT_PARAMETERS`).
    public static let defaultWeights: [Double] = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]

    /// The range each weight must lie in (py-fsrs' LOWER/UPPER_BOUNDS_PARAMETERS).
    public static let weightBounds: [ClosedRange<Double>] = [
        0.001...100, 0.001...100, 0.001...100, 0.001...100, 1...10, 0.001...4, 0.001...4,
        0.001...0.75, 0...4.5, 0...0.8, 0.001...3.5, 0.001...5, 0.001...0.25, 0.001...0.9,
        0...4, 0...1, 1...6, 0...2, 0...2, 0...0.8, 0.1...0.8,
    ]

    /// Default learning steps in seconds: 1 minute, 10 minutes.
    public static let defaultLearningSteps: [TimeInterval] = [60, 600]
    /// Default relearning steps in seconds: 10 minutes.
    public static let defaultRelearningSteps: [TimeInterval] = [600]

    /// The py-fsrs defaults: default weights, retention 0.9, steps 1m 10m / 10m, 36,500 days.
    public static let `default` = FSRSParameters(
        uncheckedWeights: defaultWeights, desiredRetention: 0.9, learningSteps: defaultLearningSteps,
        relearningSteps: defaultRelearningSteps, maximumIntervalDays: 36_500)

    /// w[0] ... w[20].
    public let weights: [Double]
    /// Probability of recall at which a review card falls due.
    public let desiredRetention: Double
    /// Learning steps in seconds; may be empty (a new card then goes straight to review).
    public let learningSteps: [TimeInterval]
    /// Relearning steps in seconds; may be empty (a lapsed card stays in review).
    public let relearningSteps: [TimeInterval]
    /// The longest review interval, in days (1 to 36,500, as in Anki).
    public let maximumIntervalDays: Int

    /// Settings checked against FSRS-6's bounds; throws the first problem found.
    public init(
        weights: [Double] = FSRSParameters.defaultWeights, desiredRetention: Double = 0.9,
        learningSteps: [TimeInterval] = FSRSParameters.defaultLearningSteps,
        relearningSteps: [TimeInterval] = FSRSParameters.defaultRelearningSteps,
        maximumIntervalDays: Int = 36_500
    ) throws(SchedulingError) {
        try Self.validate(weights: weights)
        guard desiredRetention > 0 && desiredRetention < 1 else {
            throw .desiredRetentionOutOfRange(desiredRetention)
        }
        try Self.validate(steps: learningSteps, kind: "learning")
        try Self.validate(steps: relearningSteps, kind: "relearning")
        guard (1...36_500).contains(maximumIntervalDays) else { throw .invalidMaximumInterval(maximumIntervalDays) }
        self.init(
            uncheckedWeights: weights, desiredRetention: desiredRetention, learningSteps: learningSteps,
            relearningSteps: relearningSteps, maximumIntervalDays: maximumIntervalDays)
    }

    private init(
        uncheckedWeights: [Double], desiredRetention: Double, learningSteps: [TimeInterval],
        relearningSteps: [TimeInterval], maximumIntervalDays: Int
    ) {
        self.weights = uncheckedWeights
        self.desiredRetention = desiredRetention
        self.learningSteps = learningSteps
        self.relearningSteps = relearningSteps
        self.maximumIntervalDays = maximumIntervalDays
    }

    /// Throws unless `weights` are 21 values each within FSRS-6's bounds.
    public static func validate(weights: [Double]) throws(SchedulingError) {
        guard weights.count == weightBounds.count else { throw .wrongWeightCount(weights.count) }
        for (index, (value, bounds)) in zip(weights, weightBounds).enumerated() where !bounds.contains(value) {
            throw .weightOutOfBounds(index: index, value: value, allowed: bounds)
        }
    }

    static func validate(steps: [TimeInterval], kind: String) throws(SchedulingError) {
        for step in steps where !(step.isFinite && step > 0) {
            throw .invalidStep(kind: kind, seconds: step)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case weights, desiredRetention, learningSteps, relearningSteps, maximumIntervalDays
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = Self.default
        do {
            try self.init(
                weights: try container.decodeIfPresent([Double].self, forKey: .weights) ?? defaults.weights,
                desiredRetention: try container.decodeIfPresent(Double.self, forKey: .desiredRetention)
                    ?? defaults.desiredRetention,
                learningSteps: try container.decodeIfPresent([TimeInterval].self, forKey: .learningSteps)
                    ?? defaults.learningSteps,
                relearningSteps: try container.decodeIfPresent([TimeInterval].self, forKey: .relearningSteps)
                    ?? defaults.relearningSteps,
                maximumIntervalDays: try container.decodeIfPresent(Int.self, forKey: .maximumIntervalDays)
                    ?? defaults.maximumIntervalDays)
        } catch let error as SchedulingError {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: error.description,
                                      underlyingError: error))
        }
    }
}
