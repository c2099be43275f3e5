import Foundation

/// SM-2 settings of one deck, with Anki's defaults; validated on creation.
public struct SM2Parameters: Sendable, Hashable, Codable {
    /// Anki's lowest ease: 130%.
    public static let minimumEase = 1.3

    /// Anki's defaults with the FSRS default steps (1m 10m, relearning 10m).
    public static let `default` = SM2Parameters(unchecked: ())

    /// Learning steps in seconds, shared with FSRS; may be empty.
    public let learningSteps: [TimeInterval]
    /// Relearning steps in seconds; may be empty.
    public let relearningSteps: [TimeInterval]
    /// Interval after the last learning step is answered Good (Anki: 1 day).
    public let graduatingIntervalDays: Int
    /// Interval when a learning card is answered Easy (Anki: 4 days).
    public let easyIntervalDays: Int
    /// Ease a card gets when it graduates (Anki: 2.5 = 250%).
    public let startingEase: Double
    /// Extra multiplier for Easy in review (Anki: 1.3).
    public let easyBonus: Double
    /// Multiplier for Hard in review (Anki: 1.2).
    public let hardInterval: Double
    /// Multiplier applied to every review interval (Anki: 1.0).
    public let intervalModifier: Double
    /// Fraction of the old interval kept after a lapse (Anki "new interval": 0).
    public let lapseNewInterval: Double
    /// Shortest interval after a lapse, in days (Anki: 1).
    public let minimumLapseIntervalDays: Int
    /// The longest review interval, in days (1 to 36,500, as in Anki).
    public let maximumIntervalDays: Int

    /// Settings checked for sense; throws the first problem found.
    public init(
        learningSteps: [TimeInterval] = FSRSParameters.defaultLearningSteps,
        relearningSteps: [TimeInterval] = FSRSParameters.defaultRelearningSteps,
        graduatingIntervalDays: Int = 1, easyIntervalDays: Int = 4, startingEase: Double = 2.5,
        easyBonus: Double = 1.3, hardInterval: Double = 1.2, intervalModifier: Double = 1.0,
        lapseNewInterval: Double = 0, minimumLapseIntervalDays: Int = 1, maximumIntervalDays: Int = 36_500
    ) throws(SchedulingError) {
        try FSRSParameters.validate(steps: learningSteps, kind: "learning")
        try FSRSParameters.validate(steps: relearningSteps, kind: "relearning")
        try Self.require(Double(graduatingIntervalDays), "graduatingIntervalDays", atLeast: 1)
        try Self.require(Double(easyIntervalDays), "easyIntervalDays", atLeast: 1)
        try Self.require(startingEase, "startingEase", atLeast: Self.minimumEase)
        try Self.require(easyBonus, "easyBonus", atLeast: 1)
        try Self.require(hardInterval, "hardInterval", atLeast: 0.5)
        try Self.require(intervalModifier, "intervalModifier", atLeast: 0.5)
        try Self.require(lapseNewInterval, "lapseNewInterval", atLeast: 0)
        guard lapseNewInterval <= 1 else {
            throw .invalidSM2Setting(name: "lapseNewInterval", value: lapseNewInterval, requirement: "must be at most 1")
        }
        try Self.require(Double(minimumLapseIntervalDays), "minimumLapseIntervalDays", atLeast: 1)
        guard (1...36_500).contains(maximumIntervalDays) else { throw .invalidMaximumInterval(maximumIntervalDays) }
        self.learningSteps = learningSteps
        self.relearningSteps = relearningSteps
        self.graduatingIntervalDays = graduatingIntervalDays
        self.easyIntervalDays = easyIntervalDays
        self.startingEase = startingEase
        self.easyBonus = easyBonus
        self.hardInterval = hardInterval
        self.intervalModifier = intervalModifier
        self.lapseNewInterval = lapseNewInterval
        self.minimumLapseIntervalDays = minimumLapseIntervalDays
        self.maximumIntervalDays = maximumIntervalDays
    }

    private init(unchecked: Void) {
        learningSteps = FSRSParameters.defaultLearningSteps
        relearningSteps = FSRSParameters.defaultRelearningSteps
        graduatingIntervalDays = 1
        easyIntervalDays = 4
        startingEase = 2.5
        easyBonus = 1.3
        hardInterval = 1.2
        intervalModifier = 1.0
        lapseNewInterval = 0
        minimumLapseIntervalDays = 1
        maximumIntervalDays = 36_500
    }

    private static func require(_ value: Double, _ name: String, atLeast minimum: Double) throws(SchedulingError) {
        guard value.isFinite && value >= minimum else {
            throw .invalidSM2Setting(name: name, value: value, requirement: "must be at least \(minimum)")
        }
    }

    private enum CodingKeys: String, CodingKey {
        case learningSteps, relearningSteps, graduatingIntervalDays, easyIntervalDays, startingEase, easyBonus
        case hardInterval, intervalModifier, lapseNewInterval, minimumLapseIntervalDays, maximumIntervalDays
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = Self.default
        do {
            try self.init(
                learningSteps: try c.decodeIfPresent([TimeInterval].self, forKey: .learningSteps) ?? d.learningSteps,
                relearningSteps: try c.decodeIfPresent([TimeInterval].self, forKey: .relearningSteps) ?? d.relearningSteps,
                graduatingIntervalDays: try c.decodeIfPresent(Int.self, forKey: .graduatingIntervalDays)
                    ?? d.graduatingIntervalDays,
                easyIntervalDays: try c.decodeIfPresent(Int.self, forKey: .easyIntervalDays) ?? d.easyIntervalDays,
                startingEase: try c.decodeIfPresent(Double.self, forKey: .startingEase) ?? d.startingEase,
                easyBonus: try c.decodeIfPresent(Double.self, forKey: .easyBonus) ?? d.easyBonus,
                hardInterval: try c.decodeIfPresent(Double.self, forKey: .hardInterval) ?? d.hardInterval,
                intervalModifier: try c.decodeIfPresent(Double.self, forKey: .intervalModifier) ?? d.intervalModifier,
                lapseNewInterval: try c.decodeIfPresent(Double.self, forKey: .lapseNewInterval) ?? d.lapseNewInterval,
                minimumLapseIntervalDays: try c.decodeIfPresent(Int.self, forKey: .minimumLapseIntervalDays)
                    ?? d.minimumLapseIntervalDays,
                maximumIntervalDays: try c.decodeIfPresent(Int.self, forKey: .maximumIntervalDays)
                    ?? d.maximumIntervalDays)
        } catch let error as SchedulingError {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: error.description,
                                      underlyingError: error))
        }
    }
}
