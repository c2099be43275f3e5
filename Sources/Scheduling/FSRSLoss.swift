import Foundation

/// The FSRS-6 training objective for one parameter vector, with its gradient by reverse mode
/// through each card's review recurrence, as fsrs-rs 6.6 trains.
///
/// Works on whole study days: a review `delta` days after the previous one (0 = same day) moves
/// the memory state by the short-term, lapse or recall formula; the prediction for a review is
/// the forgetting curve at `delta`. Stability is clamped to [0.001, 36,500] days and difficulty to
/// [1, 10] after every review; like PyTorch's clamp, a gradient passes a clamp when the value lies
/// inside or exactly on the bounds and stops outside. The loss of an item is its weight times the
/// binary cross-entropy of the prediction (clamped to [1e-7, 1 - 1e-7]) against recalled / forgot.
struct FSRSLoss {
    static let minimumStability = 0.001
    static let maximumStability = 36_500.0
    static let minimumProbability = 1e-7
    static let maximumProbability = 1 - 1e-7
    private static let ln09 = log(0.9)

    /// Which formula a review went through, with the values its derivative needs again.
    struct Step {
        enum Kind: UInt8 { case first, sameDay, lapseFloor, lapse, recall }
        var kind = Kind.first
        var rating: UInt8 = 0
        /// Stability and difficulty before the review (after the previous one's clamps).
        var s = 0.0
        var d = 0.0
        var delta = 0.0
        /// Retrievability at the review, and the forgetting curve's base 1 + FACTOR * delta / s.
        var r = 1.0
        var base = 1.0
        /// Per kind: sameDay (raw growth, used growth); lapseFloor (new S); lapse (the factor in
        /// front of ((s+1)^w13 - 1), (s+1)^w13); recall (e^w8 * s^-w9, e^((1-R) w10)).
        var x = 0.0
        var y = 0.0
        /// dLoss/dR of this review's own prediction (0 when it ends no item).
        var lossSlope = 0.0
        /// The new stability / difficulty were inside their clamps (so gradients pass).
        var stabilityInside = true
        var difficultyInside = true
        /// Same day and not floored at 1: the growth depends on the weights.
        var growthActive = false
    }

    let w: [Double]
    private let decay: Double
    private let factor: Double
    private let dFactorDDecay: Double
    private let expW8: Double
    private let lapseFloorDivisor: Double
    private let easyDifficulty: Double
    private let exp3w5: Double
    /// e^(w17 (G - 3 + w18)) by rating G (index 0 unused).
    private let sameDayGrowth: [Double]
    /// Unclamped initial difficulty by first rating (index 0 unused).
    private let initialDifficulty: [Double]

    init(_ w: [Double]) {
        precondition(w.count == 21, "FSRS-6 has 21 weights")
        self.w = w
        decay = -w[20]
        let growth = exp(Self.ln09 / decay)
        factor = growth - 1
        dFactorDDecay = growth * (-Self.ln09 / (decay * decay))
        expW8 = exp(w[8])
        lapseFloorDivisor = exp(w[17] * w[18])
        exp3w5 = exp(3 * w[5])
        easyDifficulty = w[4] - exp3w5 + 1
        sameDayGrowth = (0...4).map { g in exp(w[17] * (Double(g) - 3 + w[18])) }
        initialDifficulty = (0...4).map { g in w[4] - exp(w[5] * Double(max(g, 1) - 1)) + 1 }
    }

    // MARK: - Forward

    /// The memory state after a card's first review.
    @inline(__always)
    func first(rating g: UInt8) -> (s: Double, d: Double, step: Step) {
        var step = Step()
        step.rating = g
        let rawS = w[Int(g) - 1]
        let rawD = initialDifficulty[Int(g)]
        step.stabilityInside = rawS >= Self.minimumStability && rawS <= Self.maximumStability
        step.difficultyInside = rawD >= 1 && rawD <= 10
        return (Self.clamp(rawS, Self.minimumStability, Self.maximumStability), Self.clamp(rawD, 1, 10), step)
    }

    /// The memory state after a later review `delta` study days after the previous one.
    @inline(__always)
    func next(s: Double, d: Double, delta: Int32, rating g: UInt8) -> (s: Double, d: Double, step: Step) {
        var step = Step()
        step.rating = g
        step.s = s
        step.d = d
        step.delta = Double(delta)
        if delta > 0 {
            step.base = 1 + factor * step.delta / s
            step.r = pow(step.base, decay)
        }
        let newS: Double
        if delta == 0 {
            step.kind = .sameDay
            let raw = sameDayGrowth[Int(g)] * pow(s, -w[19])
            step.x = raw
            step.growthActive = !(g >= 2 && raw < 1)
            step.y = g >= 2 ? max(raw, 1) : raw
            newS = s * step.y
        } else if g == 1 {
            let front = w[11] * pow(d, -w[12]) * exp((1 - step.r) * w[14])
            let power = pow(s + 1, w[13])
            let lapse = front * (power - 1)
            let floor = s / lapseFloorDivisor
            if floor < lapse {
                step.kind = .lapseFloor
                step.x = floor
                newS = floor
            } else {
                step.kind = .lapse
                step.x = front
                step.y = power
                newS = lapse
            }
        } else {
            step.kind = .recall
            step.x = expW8 * pow(s, -w[9])
            step.y = exp((1 - step.r) * w[10])
            newS = s * (1 + recallGrowth(step, skipping: 0))
        }
        let change = -w[6] * (Double(g) - 3)
        let damped = d + (10 - d) * change / 9
        let reverted = w[7] * (easyDifficulty - damped) + damped
        step.stabilityInside = newS >= Self.minimumStability && newS <= Self.maximumStability
        step.difficultyInside = reverted >= 1 && reverted <= 10
        return (Self.clamp(newS, Self.minimumStability, Self.maximumStability), Self.clamp(reverted, 1, 10), step)
    }

    /// The relative stability growth of a recall, leaving out the Hard (15) or Easy (16) factor
    /// when asked (its derivative), else with both.
    @inline(__always)
    private func recallGrowth(_ step: Step, skipping index: Int) -> Double {
        var growth = step.x * (11 - step.d) * (step.y - 1)
        if step.rating == 2 && index != 15 { growth *= w[15] }
        if step.rating == 4 && index != 16 { growth *= w[16] }
        return growth
    }

    /// Weighted binary cross-entropy of a prediction and its slope dLoss/dR.
    @inline(__always)
    static func crossEntropy(_ r: Double, recalled: Bool, weight: Double) -> (loss: Double, slope: Double) {
        let p = clamp(r, minimumProbability, maximumProbability)
        let inside = r > minimumProbability && r < maximumProbability
        if recalled {
            return (-weight * log(p), inside ? -weight / p : 0)
        }
        return (-weight * log(1 - p), inside ? weight / (1 - p) : 0)
    }

    @inline(__always)
    static func clamp(_ x: Double, _ low: Double, _ high: Double) -> Double { min(max(x, low), high) }

    // MARK: - Backward

    /// Takes dLoss/d(new S, new D) of one review to dLoss/d(S, D) before it, adding the weights'
    /// share to `g` (21 entries).
    @inline(__always)
    func backward(_ step: Step, gS: Double, gD: Double, into g: UnsafeMutablePointer<Double>) -> (gS: Double, gD: Double) {
        let gNewS = step.stabilityInside ? gS : 0
        let gNewD = step.difficultyInside ? gD : 0
        let rating = Double(step.rating)
        if step.kind == .first {
            g[Int(step.rating) - 1] += gNewS
            let offset = rating - 1
            g[4] += gNewD
            g[5] += gNewD * -offset * exp(w[5] * offset)
            return (0, 0)
        }
        let s = step.s, d = step.d
        var gPrevS = 0.0, gPrevD = 0.0
        var gR = step.lossSlope
        switch step.kind {
        case .sameDay:
            gPrevS += gNewS * step.y
            if step.growthActive {
                let k = gNewS * s * step.x
                g[17] += k * (rating - 3 + w[18])
                g[18] += k * w[17]
                g[19] += k * -log(s)
                gPrevS += k * -w[19] / s
            }
        case .lapseFloor:
            gPrevS += gNewS / lapseFloorDivisor
            g[17] += gNewS * step.x * -w[18]
            g[18] += gNewS * step.x * -w[17]
        case .lapse:
            let front = step.x, power = step.y
            let lapse = front * (power - 1)
            g[11] += gNewS * lapse / w[11]
            g[12] += gNewS * lapse * -log(d)
            g[13] += gNewS * front * power * log(s + 1)
            g[14] += gNewS * lapse * (1 - step.r)
            gPrevS += gNewS * front * w[13] * power / (s + 1)
            gPrevD += gNewS * lapse * -w[12] / d
            gR += gNewS * lapse * -w[14]
        case .recall:
            // new S = s (1 + growth), growth = e^w8 s^-w9 (11 - d) (E - 1) [w15 | w16],
            // E = e^((1 - R) w10).
            let growth = recallGrowth(step, skipping: 0)
            let k = gNewS * s
            let perE = step.x * (11 - d) * hardEasy(step)
            gPrevS += gNewS * (1 + growth * (1 - w[9]))
            gPrevD += k * -step.x * (step.y - 1) * hardEasy(step)
            gR += k * perE * -w[10] * step.y
            g[8] += k * growth
            g[9] += k * growth * -log(s)
            g[10] += k * perE * (1 - step.r) * step.y
            if step.rating == 2 { g[15] += k * recallGrowth(step, skipping: 15) }
            if step.rating == 4 { g[16] += k * recallGrowth(step, skipping: 16) }
        case .first:
            break
        }
        // Difficulty: damped = d + (10 - d) change / 9, reverted = w7 (easy - damped) + damped.
        if gNewD != 0 {
            let change = -w[6] * (rating - 3)
            let damped = d + (10 - d) * change / 9
            g[7] += gNewD * (easyDifficulty - damped)
            g[4] += gNewD * w[7]
            g[5] += gNewD * w[7] * -3 * exp3w5
            let gDamped = gNewD * (1 - w[7])
            g[6] += gDamped * (10 - d) * -(rating - 3) / 9
            gPrevD += gDamped * (1 - change / 9)
        }
        // The forgetting curve R = base^decay with base = 1 + FACTOR(decay) delta / s.
        if gR != 0 && step.delta > 0 {
            let dRdS = step.r * decay / step.base * (-factor * step.delta / (s * s))
            let dRdDecay = step.r * (log(step.base) + decay / step.base * step.delta / s * dFactorDDecay)
            gPrevS += gR * dRdS
            g[20] -= gR * dRdDecay
        }
        return (gPrevS, gPrevD)
    }

    /// The Hard (w15) or Easy (w16) factor of a recall; 1 for Good.
    @inline(__always)
    private func hardEasy(_ step: Step) -> Double {
        step.rating == 2 ? w[15] : step.rating == 4 ? w[16] : 1
    }
}
