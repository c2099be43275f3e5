/// The summed training loss over chosen items of a training set, and its gradient.
///
/// Every item of a card is a prefix of the same history, so each card is replayed once and all
/// its items are scored on the way (fsrs-rs' "windowed" batches): the work is one pass over the
/// reviews rather than one per item.
struct FSRSObjective {
    let set: FSRSTrainingSet
    /// Per flat review: the weight of the item it ends, 0 when it is not trained on.
    let itemWeight: [Double]
    /// Per card: just past its last weighted item (the card's start when it has none).
    let columnEnd: [Int]
    /// Number of weighted items.
    let itemCount: Int
    /// The steps of the card being differentiated, reused from card to card.
    private var steps: [FSRSLoss.Step] = []

    /// Trains on the items at `positions` in `set.items` with the given weights.
    init(set: FSRSTrainingSet, items positions: [Int], weights: [Double]) {
        self.set = set
        var itemWeight = [Double](repeating: 0, count: set.reviewCount)
        var columnEnd = (0..<set.cardCount).map { Int(set.cardStart[$0]) }
        for (position, weight) in zip(positions, weights) {
            let flat = Int(set.items[position])
            itemWeight[flat] = weight
            let card = Int(set.reviewCard[flat])
            columnEnd[card] = max(columnEnd[card], flat + 1)
        }
        self.itemWeight = itemWeight
        self.columnEnd = columnEnd
        itemCount = positions.count
        let longest = (0..<set.cardCount).map { columnEnd[$0] - Int(set.cardStart[$0]) }.max() ?? 0
        steps = [FSRSLoss.Step](repeating: FSRSLoss.Step(), count: longest)
    }

    /// Cards with at least one weighted item.
    var trainedCards: [Int] { (0..<set.cardCount).filter { columnEnd[$0] > Int(set.cardStart[$0]) } }

    /// Number of weighted items of card `c`.
    func itemCount(ofCard c: Int) -> Int {
        (Int(set.cardStart[c])..<columnEnd[c]).reduce(0) { $0 + (itemWeight[$1] != 0 ? 1 : 0) }
    }

    /// Summed weighted loss of the cards' items.
    func loss(_ model: FSRSLoss, cards: some Sequence<Int>) -> Double {
        var total = 0.0
        for c in cards {
            let end = columnEnd[c]
            let start = Int(set.cardStart[c])
            guard end > start else { continue }
            var (s, d, _) = model.first(rating: set.ratings[start])
            for i in (start + 1)..<end {
                let next = model.next(s: s, d: d, delta: set.deltaDays[i], rating: set.ratings[i])
                let weight = itemWeight[i]
                if weight != 0 {
                    total += FSRSLoss.crossEntropy(next.step.r, recalled: set.recalled(i), weight: weight).loss
                }
                (s, d) = (next.s, next.d)
            }
        }
        return total
    }

    /// Summed weighted loss of the cards' items; adds its gradient to `gradient` (21 entries).
    mutating func lossAndGradient(_ model: FSRSLoss, cards: some Sequence<Int>, gradient: inout [Double]) -> Double {
        var total = 0.0
        gradient.withUnsafeMutableBufferPointer { g in
            steps.withUnsafeMutableBufferPointer { steps in
                for c in cards {
                    let end = columnEnd[c]
                    let start = Int(set.cardStart[c])
                    guard end > start else { continue }
                    var (s, d, first) = model.first(rating: set.ratings[start])
                    steps[0] = first
                    for i in (start + 1)..<end {
                        var next = model.next(s: s, d: d, delta: set.deltaDays[i], rating: set.ratings[i])
                        let weight = itemWeight[i]
                        if weight != 0 {
                            let bce = FSRSLoss.crossEntropy(next.step.r, recalled: set.recalled(i), weight: weight)
                            total += bce.loss
                            next.step.lossSlope = bce.slope
                        }
                        steps[i - start] = next.step
                        (s, d) = (next.s, next.d)
                    }
                    // Backwards through the card; the last review's own state change feeds no
                    // later prediction, so it starts from zero.
                    var gS = 0.0, gD = 0.0
                    for k in stride(from: end - start - 1, through: 0, by: -1) {
                        (gS, gD) = model.backward(steps[k], gS: gS, gD: gD, into: g.baseAddress!)
                    }
                }
            }
        }
        return total
    }
}
