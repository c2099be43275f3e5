import Foundation

/// fsrs-rs' pre-training of the initial stabilities w0-w3 from each card's first item.
///
/// Per first rating, the recall rates after each first interval (Laplace-smoothed towards the
/// average recall) are fitted by the forgetting curve with the default decay; a ternary search
/// finds the stability with the least log loss plus |S - default| / 16. Ratings never seen as a
/// first rating get stabilities interpolated from the others (`smoothAndFill`).
enum FSRSInitialStability {
    static let maximum = 100.0

    /// The four initial stabilities and, per first rating, how many first items had it; nil when
    /// there is no first item at all.
    static func fit(
        _ set: FSRSTrainingSet, initialization positions: [Int], averageRecall: Double
    ) -> (stability: [Double], counts: [Int: Int])? {
        // first rating -> first interval -> (recalled, count)
        var groups: [Int: [Int32: (recalled: Int, count: Int)]] = [:]
        for position in positions {
            let flat = Int(set.items[position])
            let card = Int(set.reviewCard[flat])
            let rating = Int(set.ratings[Int(set.cardStart[card])])
            groups[rating, default: [:]][set.deltaDays[flat], default: (0, 0)].recalled += set.recalled(flat) ? 1 : 0
            groups[rating, default: [:]][set.deltaDays[flat], default: (0, 0)].count += 1
        }
        let counts = groups.mapValues { $0.values.reduce(0) { $0 + $1.count } }
        var fitted: [Int: Double] = [:]
        for (rating, byDelta) in groups {
            let points = byDelta.sorted { $0.key < $1.key }.map { delta, tally in
                let count = Double(tally.count)
                // Laplace smoothing: one extra review at the average recall.
                let recall = (Double(tally.recalled) + averageRecall) / (count + 1)
                return (delta: Double(delta), recall: recall, count: count)
            }
            fitted[rating] = search(points, defaultStability: FSRSParameters.defaultWeights[rating - 1])
        }
        guard let stability = smoothAndFill(fitted, counts: counts) else { return nil }
        return (stability, counts)
    }

    /// Ternary search of the stability in [0.001, 100] minimising the count-weighted log loss
    /// plus an L1 pull towards the default.
    private static func search(_ points: [(delta: Double, recall: Double, count: Double)], defaultStability: Double) -> Double {
        let decay = -FSRSParameters.defaultWeights[20]
        let factor = pow(0.9, 1 / decay) - 1
        func loss(_ s: Double) -> Double {
            var total = 0.0
            for p in points {
                let predicted = pow(1 + factor * p.delta / s, decay)
                total -= (p.recall * log(predicted) + (1 - p.recall) * log(1 - predicted)) * p.count
            }
            return total + abs(s - defaultStability) / 16
        }
        var low = FSRSLoss.minimumStability, high = maximum
        var best = defaultStability
        var iterations = 0
        while high - low > Double.ulpOfOne && iterations < 1000 {
            iterations += 1
            let third1 = low + (high - low) / 3
            let third2 = high - (high - low) / 3
            if loss(third1) < loss(third2) { high = third2 } else { low = third1 }
            best = (high + low) / 2
        }
        return best
    }

    /// Makes the stabilities grow with the rating (the better-attested of two out-of-order values
    /// wins), keeps only ratings that were seen first, and fills in the others from those by
    /// fsrs-rs' geometric rules; clamped to [0.001, 100]. Nil when no rating was seen.
    static func smoothAndFill(_ stability: [Int: Double], counts: [Int: Int]) -> [Double]? {
        var s = stability.filter { counts[$0.key] != nil }
        for (small, big) in [(1, 2), (2, 3), (3, 4), (1, 3), (2, 4), (1, 4)] {
            guard let a = s[small], let b = s[big], a > b else { continue }
            if counts[small]! > counts[big]! { s[big] = a } else { s[small] = b }
        }
        let w1 = 0.41, w2 = 0.54
        let defaults = Array(FSRSParameters.defaultWeights[0..<4])
        var r: [Double?] = [nil, s[1], s[2], s[3], s[4]]
        switch s.count {
        case 0:
            return nil
        case 1:
            let (rating, value) = s.first!
            let scale = value / defaults[rating - 1]
            return defaults.map { clampInitial($0 * scale) }
        case 2:
            switch (r[1], r[2], r[3], r[4]) {
            case (nil, nil, let r3?, let r4?):
                let r2 = pow(r3, 1 / (1 - w2)) * pow(r4, 1 - 1 / (1 - w2))
                r[2] = r2
                r[1] = pow(r2, 1 / w1) * pow(r3, 1 - 1 / w1)
            case (nil, let r2?, nil, let r4?):
                let r3 = pow(r2, 1 - w2) * pow(r4, w2)
                r[3] = r3
                r[1] = pow(r2, 1 / w1) * pow(r3, 1 - 1 / w1)
            case (nil, let r2?, let r3?, nil):
                r[4] = pow(r2, 1 - 1 / w2) * pow(r3, 1 / w2)
                r[1] = pow(r2, 1 / w1) * pow(r3, 1 - 1 / w1)
            case (let r1?, nil, nil, let r4?):
                let mix = w1 + w2 - w1 * w2
                r[2] = pow(r1, w1 / mix) * pow(r4, 1 - w1 / mix)
                r[3] = pow(r1, 1 - w2 / mix) * pow(r4, w2 / mix)
            case (let r1?, nil, let r3?, nil):
                let r2 = pow(r1, w1) * pow(r3, 1 - w1)
                r[2] = r2
                r[4] = pow(r2, 1 - 1 / w2) * pow(r3, 1 / w2)
            case (let r1?, let r2?, nil, nil):
                let r3 = pow(r1, 1 - 1 / (1 - w1)) * pow(r2, 1 / (1 - w1))
                r[3] = r3
                r[4] = pow(r2, 1 - 1 / w2) * pow(r3, 1 / w2)
            default:
                break
            }
        case 3:
            switch (r[1], r[2], r[3], r[4]) {
            case (nil, let r2?, let r3?, _):
                r[1] = pow(r2, 1 / w1) * pow(r3, 1 - 1 / w1)
            case (let r1?, nil, let r3?, _):
                r[2] = pow(r1, w1) * pow(r3, 1 - w1)
            case (_, let r2?, nil, let r4?):
                r[3] = pow(r2, 1 - w2) * pow(r4, w2)
            case (_, let r2?, let r3?, nil):
                r[4] = pow(r2, 1 - 1 / w2) * pow(r3, 1 / w2)
            default:
                break
            }
        default:
            break
        }
        return r[1...4].map { clampInitial($0!) }
    }

    private static func clampInitial(_ s: Double) -> Double { min(max(s, FSRSLoss.minimumStability), maximum) }
}
