import Foundation

/// The FSRS-6 formulas for one parameter set, as py-fsrs 6.3.2 computes them.
///
/// Each expression keeps py-fsrs' operation order and uses `pow(e, x)` where py-fsrs writes
/// `math.e ** x`, so results agree with it to the last bit rather than merely within tolerance.
/// Constants that depend only on the weights are computed once here.
struct FSRSModel: Sendable {
    static let minimumStability = 0.001
    private static let e = 2.718281828459045  // Python's math.e

    let w: [Double]
    let decay: Double
    let factor: Double
    /// DR^(1/DECAY) - 1: the interval is S / FACTOR times this.
    let retentionTerm: Double
    let maximumIntervalDays: Int
    let learningSteps: [Int64]
    let relearningSteps: [Int64]

    private let expW8: Double
    private let easyDifficultyUnclamped: Double
    private let shortTermGrowth: (Double, Double, Double, Double)
    private let shortTermLapseDivisor: Double
    private let w6, w7, w9, w10, w11, w12, w13, w14, w15, w16, w19: Double

    init(_ parameters: FSRSParameters) {
        let w = parameters.weights
        self.w = w
        decay = -w[20]
        factor = pow(0.9, 1 / decay) - 1
        retentionTerm = pow(parameters.desiredRetention, 1 / decay) - 1
        maximumIntervalDays = parameters.maximumIntervalDays
        learningSteps = stepMicros(parameters.learningSteps)
        relearningSteps = stepMicros(parameters.relearningSteps)
        expW8 = pow(Self.e, w[8])
        easyDifficultyUnclamped = w[4] - pow(Self.e, w[5] * 3) + 1
        let growth = { (g: Double) in pow(Self.e, w[17] * (g - 3 + w[18])) }
        shortTermGrowth = (growth(1), growth(2), growth(3), growth(4))
        shortTermLapseDivisor = pow(Self.e, w[17] * w[18])
        (w6, w7, w9, w10, w11, w12, w13, w14, w15, w16, w19) =
            (w[6], w[7], w[9], w[10], w[11], w[12], w[13], w[14], w[15], w[16], w[19])
    }

    // MARK: - Formulas

    @inline(__always)
    static func clampStability(_ s: Double) -> Double { max(s, minimumStability) }

    @inline(__always)
    static func clampDifficulty(_ d: Double) -> Double { min(max(d, 1), 10) }

    /// The forgetting curve: probability of recall after `elapsedDays` whole days.
    @inline(__always)
    func retrievability(elapsedDays: Int, stability: Double) -> Double {
        pow(1 + factor * Double(elapsedDays) / stability, decay)
    }

    @inline(__always)
    func initialStability(_ rating: Rating) -> Double {
        Self.clampStability(w[rating.rawValue - 1])
    }

    @inline(__always)
    func initialDifficulty(_ rating: Rating, clamped: Bool = true) -> Double {
        let d = w[4] - pow(Self.e, w[5] * Double(rating.rawValue - 1)) + 1
        return clamped ? Self.clampDifficulty(d) : d
    }

    @inline(__always)
    func nextDifficulty(_ d: Double, _ rating: Rating) -> Double {
        let delta = -(w6 * Double(rating.rawValue - 3))
        let damped = d + (10.0 - d) * delta / 9.0
        // Mean reversion pulls towards the *unclamped* initial difficulty of Easy.
        return Self.clampDifficulty(w7 * easyDifficultyUnclamped + (1 - w7) * damped)
    }

    /// Stability after a review less than one whole day after the previous one.
    @inline(__always)
    func shortTermStability(_ s: Double, _ rating: Rating) -> Double {
        let growth: Double
        switch rating {
        case .again: growth = shortTermGrowth.0
        case .hard: growth = shortTermGrowth.1
        case .good: growth = shortTermGrowth.2
        case .easy: growth = shortTermGrowth.3
        }
        var increase = growth * pow(s, -w19)
        if rating != .again { increase = max(increase, 1.0) }  // only a lapse may shrink S
        return Self.clampStability(s * increase)
    }

    /// Stability after a review at least one whole day later, recalled with probability `r`.
    @inline(__always)
    func longTermStability(d: Double, s: Double, r: Double, _ rating: Rating) -> Double {
        if rating == .again {
            let long = w11 * pow(d, -w12) * (pow(s + 1, w13) - 1) * pow(Self.e, (1 - r) * w14)
            let short = s / shortTermLapseDivisor
            return Self.clampStability(min(long, short))
        }
        var growth = expW8 * (11 - d) * pow(s, -w9) * (pow(Self.e, (1 - r) * w10) - 1)
        if rating == .hard { growth *= w15 }
        if rating == .easy { growth *= w16 }
        return Self.clampStability(s * (1 + growth))
    }

    /// Unrounded review interval in days for stability `s` at the desired retention.
    @inline(__always)
    func rawIntervalDays(_ s: Double) -> Double { s / factor * retentionTerm }

    /// Review interval in whole days: round half to even, at least 1, at most the maximum.
    @inline(__always)
    func intervalDays(_ s: Double) -> Int {
        let rounded = rawIntervalDays(s).rounded(.toNearestOrEven)
        // Compare as Double first (written so that NaN lands here too): converting a huge or
        // undefined value to Int would trap.
        if !(rounded < Double(maximumIntervalDays)) { return maximumIntervalDays }
        return max(Int(rounded), 1)
    }

    /// py-fsrs' fuzz range for an interval of `days` (no fuzz below 2.5 days).
    func fuzzRange(days: Int) -> ClosedRange<Int> {
        guard Double(days) >= 2.5 else { return days...days }
        let x = Double(days)
        var delta = 1.0
        delta += 0.15 * max(min(x, 7.0) - 2.5, 0.0)
        delta += 0.1 * max(min(x, 20.0) - 7.0, 0.0)
        delta += 0.05 * max(min(x, .infinity) - 20.0, 0.0)
        var low = Int((x - delta).rounded(.toNearestOrEven))
        var high = Int((x + delta).rounded(.toNearestOrEven))
        low = max(2, low)
        high = min(high, maximumIntervalDays)
        low = min(low, high)
        return low...high
    }
}
