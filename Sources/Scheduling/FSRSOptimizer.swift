import Foundation

/// Fits the 21 FSRS-6 weights to a learner's review log, the way fsrs-rs 6.6 `compute_parameters`
/// does (the optimizer behind Anki's "Optimize" button).
///
/// 1. fsrs-rs' outlier filter drops cards with rare first intervals (`FSRSOutlierFilter`).
/// 2. Fewer than 8 training items: the defaults stay. The initial stabilities w0-w3 are
///    pre-trained from the cards' first items (`FSRSInitialStability`); with fewer than 64
///    items, or none but first items, that is all that is fitted.
/// 3. Otherwise Adam (lr 0.04 at the first step, cosine-annealed towards 0 over all steps) minimises the items' binary
///    cross-entropy, weighted by recency (0.25 for the oldest item up to 1 for the newest,
///    cubically), plus an L2 pull towards the pre-trained start scaled by each weight's spread
///    across users. Batches hold whole cards, up to 512 items, drawn afresh by a seeded
///    generator in each of 5 epochs; after each step the weights are clamped to fsrs-rs'
///    training bounds. The epoch with the least loss wins, and its w0-w3 are smoothed as in 2.
///
/// Deterministic: the same log and settings always give the same weights.
public enum FSRSOptimizer {
    /// fsrs-rs' training settings.
    public struct Settings: Sendable, Hashable {
        public var epochs = 5
        /// Items per batch (whole cards, so a batch may hold fewer).
        public var batchSize = 512
        public var learningRate = 0.04
        /// Items with more reviews than this are not trained on.
        public var maximumItemLength = 256
        /// Strength of the pull towards the starting weights.
        public var l2Weight = 1.0
        /// Seeds the shuffling of batches.
        public var seed: UInt64 = 2023
        public init() {}
    }

    /// Fewer training items and fsrs-rs keeps the default weights.
    public static let minimumItems = 8
    /// Fewer training items and only the initial stabilities w0-w3 are fitted.
    public static let minimumItemsForAllWeights = 64

    /// fsrs-rs' clamps during training (one relearning step, short-term weights on). Narrower
    /// than `FSRSParameters.weightBounds` for w0-w3 (at most 100) and w19 (at least 0.01).
    public static let trainingBounds: [ClosedRange<Double>] = [
        0.001...100, 0.001...100, 0.001...100, 0.001...100, 1...10, 0.001...4, 0.001...4,
        0.001...0.75, 0...4.5, 0...0.8, 0.001...3.5, 0.001...5, 0.001...0.25, 0.001...0.9,
        0...4, 0...1, 1...6, 0...2, 0...2, 0.01...0.8, 0.1...0.8,
    ]

    /// The spread of each weight across Anki users (fsrs-rs), scaling the L2 pull.
    static let weightSpread: [Double] = [
        6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6, 0.12, 0.39, 0.18, 0.33, 0.3, 0.09, 0.16, 0.57, 0.25,
        1.03, 0.31, 0.32, 0.14, 0.27,
    ]

    /// Fits the weights to `set`.
    public static func fit(_ set: FSRSTrainingSet, settings: Settings = Settings()) -> FSRSFit {
        let filter = FSRSOutlierFilter(set)
        let trained = set.items.indices.filter { filter.keepsCard[Int(set.reviewCard[Int(set.items[$0])])] }
        guard trained.count >= minimumItems else {
            return FSRSFit(weights: FSRSParameters.defaultWeights, extent: .defaults, trainingItems: trained.count)
        }
        let averageRecall = Double(trained.reduce(0) { $0 + (set.recalled(Int(set.items[$1])) ? 1 : 0) })
            / Double(trained.count)
        guard let initial = FSRSInitialStability.fit(set, initialization: filter.initialization, averageRecall: averageRecall)
        else {
            return FSRSFit(weights: FSRSParameters.defaultWeights, extent: .defaults, trainingItems: trained.count)
        }
        let start = initial.stability + FSRSParameters.defaultWeights[4...]
        if trained.count == filter.initialization.count || trained.count < minimumItemsForAllWeights {
            return FSRSFit(weights: start, extent: .initialStability, trainingItems: trained.count)
        }
        // Recency weights over the filtered items, oldest first; then the too-long items go.
        let last = Double(max(trained.count - 1, 1))
        var positions: [Int] = []
        var weights: [Double] = []
        for (rank, position) in trained.enumerated()
        where set.itemLength(endingAt: Int(set.items[position])) <= settings.maximumItemLength {
            positions.append(position)
            weights.append(0.25 + 0.75 * pow(Double(rank) / last, 3))
        }
        var objective = FSRSObjective(set: set, items: positions, weights: weights)
        var fitted = train(&objective, from: start, settings: settings)
        guard fitted.allSatisfy(\.isFinite) else {
            return FSRSFit(weights: start, extent: .initialStability, trainingItems: trained.count)
        }
        let stability = Dictionary(uniqueKeysWithValues: (1...4).map { ($0, fitted[$0 - 1]) })
        if let smoothed = FSRSInitialStability.smoothAndFill(stability, counts: initial.counts) {
            fitted.replaceSubrange(0..<4, with: smoothed)
        }
        return FSRSFit(weights: fitted, extent: .all, trainingItems: trained.count)
    }

    /// Adam over batches of whole cards; the weights of the epoch with the least loss.
    static func train(_ objective: inout FSRSObjective, from start: [Double], settings: Settings) -> [Double] {
        let total = objective.itemCount
        let steps = Double((total / settings.batchSize + 1) * settings.epochs)
        var cards = objective.trainedCards.map { (card: $0, items: objective.itemCount(ofCard: $0)) }
        var adam = AdamState(count: start.count)
        var w = start
        var best = start
        var bestLoss = Double.infinity
        var random = SplitMix64(seed: settings.seed)
        var step = 0
        for _ in 0..<settings.epochs {
            // fsrs-rs sorts items by length into fixed batches (less padding for its tensors) and
            // shuffles the batch order. Drawing the batches afresh each epoch instead makes each
            // one a fair sample of the log: on the logs in BENCHMARKS.md this reached a lower loss,
            // and one that varies far less with the seed.
            for i in stride(from: cards.count - 1, to: 0, by: -1) {
                cards.swapAt(i, uniformDraw(in: 0...i, using: &random))
            }
            for batch in packed(cards, size: settings.batchSize) {
                // Cosine annealing from the full rate at the first step (as fsrs-rs 6.6 steps it).
                let rate = settings.learningRate * (1 + cos(Double.pi * Double(step) / steps)) / 2
                step += 1
                var gradient = [Double](repeating: 0, count: w.count)
                _ = objective.lossAndGradient(FSRSLoss(w), cards: batch.cards, gradient: &gradient)
                let share = settings.l2Weight * Double(batch.items) / Double(total)
                for k in w.indices {
                    gradient[k] += 2 * (w[k] - start[k]) / (weightSpread[k] * weightSpread[k]) * share
                }
                adam.step(&w, gradient: gradient, rate: rate)
                for k in w.indices { w[k] = min(max(w[k], trainingBounds[k].lowerBound), trainingBounds[k].upperBound) }
            }
            let loss = (objective.loss(FSRSLoss(w), cards: objective.trainedCards)
                + settings.l2Weight * penalty(w, start)) / Double(total)
            if loss < bestLoss {
                bestLoss = loss
                best = w
            }
        }
        return best
    }

    /// Sum over weights of (w - start)^2 / spread^2.
    static func penalty(_ w: [Double], _ start: [Double]) -> Double {
        w.indices.reduce(0) { $0 + (w[$1] - start[$1]) * (w[$1] - start[$1]) / (weightSpread[$1] * weightSpread[$1]) }
    }

    /// Consecutive cards packed into batches of at most `size` items (a card is never split).
    static func packed(_ cards: [(card: Int, items: Int)], size: Int) -> [(cards: [Int], items: Int)] {
        var batches: [(cards: [Int], items: Int)] = []
        var current: [Int] = []
        var items = 0
        for card in cards {
            if !current.isEmpty && items + card.items > size {
                batches.append((current, items))
                current = []
                items = 0
            }
            current.append(card.card)
            items += card.items
        }
        if !current.isEmpty { batches.append((current, items)) }
        return batches
    }
}

/// What `FSRSOptimizer.fit` found.
public struct FSRSFit: Sendable, Hashable {
    /// How much of the model the data could fit.
    public enum Extent: Sendable, Hashable {
        /// Too few training items (fewer than `FSRSOptimizer.minimumItems`): the defaults.
        case defaults
        /// Only the initial stabilities w0-w3; the rest are the defaults.
        case initialStability
        /// All 21 weights.
        case all
    }

    /// The 21 weights.
    public var weights: [Double]
    public var extent: Extent
    /// Items trained on (after the outlier filter).
    public var trainingItems: Int
}
