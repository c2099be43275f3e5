import Foundation

/// How well a set of weights predicts a log's training items, as fsrs-rs' `evaluate` measures it.
///
/// Every item counts, with the recency weights of training (0.25 for the oldest up to 1 for the
/// newest). `logLoss` is the weighted mean binary cross-entropy of the predicted recall;
/// `rmseBins` groups the items by interval, number of long-term reviews and lapses (bins growing
/// geometrically, fsrs-rs' `r_matrix_index`) and is the root of the weight-averaged squared gap
/// between each bin's mean prediction and its recall rate.
public struct FSRSEvaluation: Sendable, Hashable {
    public var logLoss: Double
    public var rmseBins: Double
    /// Items evaluated.
    public var items: Int

    /// Evaluates 21 `weights` on all items of `set`; zeros when it has no items.
    public init(weights: [Double], set: FSRSTrainingSet) {
        items = set.itemCount
        guard set.itemCount > 0 else {
            logLoss = 0
            rmseBins = 0
            return
        }
        let model = FSRSLoss(weights)
        let last = Double(max(set.itemCount - 1, 1))
        var rank = [Int32](repeating: -1, count: set.reviewCount)
        for (position, flat) in set.items.enumerated() { rank[Int(flat)] = Int32(position) }

        struct Bin { var predicted = 0.0, actual = 0.0, count = 0.0, weight = 0.0 }
        var bins: [Int64: Bin] = [:]
        var loss = 0.0, weightSum = 0.0
        for card in 0..<set.cardCount {
            let reviews = set.reviews(ofCard: card)
            var (s, d, _) = model.first(rating: set.ratings[reviews.lowerBound])
            var longTerm = 0
            var lapses = 0
            for i in reviews.dropFirst() {
                let next = model.next(s: s, d: d, delta: set.deltaDays[i], rating: set.ratings[i])
                let delta = Int(set.deltaDays[i])
                if delta > 0 { longTerm += 1 }
                if rank[i] >= 0 {
                    let weight = 0.25 + 0.75 * pow(Double(rank[i]) / last, 3)
                    let recalled = set.recalled(i)
                    let p = next.step.r
                    loss -= weight * (recalled ? log(p) : log(1 - p))
                    weightSum += weight
                    let key = Self.bin(delta: delta, longTermReviews: longTerm, lapses: lapses)
                    bins[key, default: Bin()].predicted += p
                    bins[key, default: Bin()].actual += recalled ? 1 : 0
                    bins[key, default: Bin()].count += 1
                    bins[key, default: Bin()].weight += weight
                }
                if delta > 0 && set.ratings[i] == 1 { lapses += 1 }
                (s, d) = (next.s, next.d)
            }
        }
        logLoss = loss / weightSum
        var squared = 0.0, binWeight = 0.0
        // Summed in key order: a dictionary's own order changes from run to run, and with it the
        // last bits of the sum.
        for bin in bins.sorted(by: { $0.key < $1.key }).map(\.value) {
            let gap = bin.predicted / bin.count - bin.actual / bin.count
            squared += gap * gap * bin.weight
            binWeight += bin.weight
        }
        rmseBins = (squared / binWeight).squareRoot()
    }

    /// fsrs-rs' bin of an item: its interval, its long-term reviews plus one, the lapses before it.
    static func bin(delta: Int, longTermReviews: Int, lapses: Int) -> Int64 {
        func geometric(_ x: Double, base: Double, scale: Double) -> Int64 {
            Int64((scale * pow(base, floor(log(x) / log(base)))).rounded())
        }
        let deltaBin = geometric(Double(delta), base: 3.62, scale: 248)
        let lengthBin = geometric(Double(longTermReviews + 1), base: 1.89, scale: 1.99)
        let lapseBin = lapses == 0 ? 0 : geometric(Double(lapses), base: 1.73, scale: 1.65)
        return deltaBin << 32 | lengthBin << 16 | lapseBin
    }
}
