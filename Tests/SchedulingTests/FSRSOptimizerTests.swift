import Foundation
import Testing

@testable import Scheduling

/// The FSRS optimizer against finite differences and against fsrs-rs' own answers.
///
/// Reference figures come from fsrs-rs-python 0.9.3 (crate fsrs 6.6.2), computed on the same
/// items with `Benchmarks/fsrs_optimizer.py`'s item builder: `FSRS(DEFAULT_PARAMETERS)
/// .compute_parameters(items)` and `FSRS(params).evaluate(items)`.
/// `Fixtures/synthetic_100_cards.csv` is `make_synthetic.py --cards 100 --intro-days 30
/// --horizon-days 120 --seed 5` (../shared/eval/fsrs): 804 simulated reviews.
@Suite struct FSRSOptimizerTests {
    static let synthetic = "synthetic_100_cards.csv"

    /// fsrs-rs on the synthetic fixture: its 489 items fit in one batch, so no shuffling is involved
    /// and the fit must agree closely.
    static let fsrsRsSyntheticWeights: [Double] = [
        0.32117727398872375, 1.7689235210418701, 5.78917121887207, 15.894290924072266, 6.408796310424805,
        0.8379937410354614, 3.0009684562683105, 0.028681570664048195, 1.8971877098083496, 0.13102835416793823,
        0.8215850591659546, 1.5158525705337524, 0.06806612759828568, 0.3305358290672302, 1.663436770439148,
        0.6014082431793213, 1.8742940425872803, 0.5540551543235779, 0.08798263967037201, 0.07336278259754181,
        0.10000000149011612,
    ]

    // MARK: - Training items

    @Test func itemsAreReviewsOnLaterStudyDaysInTimeOrder() {
        // Card a: 23:00 and 01:00 the next night share a study day (it starts at 04:00 UTC).
        let csv = """
            card_id,review_time,review_rating
            a,2024-01-01T23:00:00Z,3
            a,2024-01-02T01:00:00Z,3
            b,2024-01-02T10:00:00Z,1
            a,2024-01-03T09:00:00Z,3
            b,2024-01-02T10:05:00Z,3
            b,2024-01-03T08:00:00Z,3
            a,2024-01-06T09:00:00Z,1
            """
        let set = FSRSTrainingSet(log: ReviewLogCSV(csv: Array(csv.utf8)), dayStartHour: 4)
        #expect(set.reviewCount == 7 && set.cardCount == 2 && set.itemCount == 3)
        #expect(set.deltaDays == [0, 0, 2, 3, 0, 0, 1])
        // Items by time: b's 2024-01-03T08:00 review, a's 09:00 review, a's lapse.
        #expect(set.items == [6, 2, 3])
        #expect(set.items.map { set.itemLength(endingAt: Int($0)) } == [3, 3, 4])
        // With the day starting at midnight, a's first two reviews are a day apart.
        let midnight = FSRSTrainingSet(log: ReviewLogCSV(csv: Array(csv.utf8)), dayStartHour: 0)
        #expect(midnight.deltaDays == [0, 1, 1, 3, 0, 0, 1])
    }

    @Test func rowOrderDoesNotMatter() throws {
        let bytes = try Fixtures.bytes(Self.synthetic)
        var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
        let header = lines.removeFirst()
        var random = SplitMix64(seed: 9)
        for i in stride(from: lines.count - 1, to: 0, by: -1) { lines.swapAt(i, uniformDraw(in: 0...i, using: &random)) }
        let shuffled = Array(([header] + lines).joined(separator: "\n").utf8)
        let a = FSRSOptimizer.fit(FSRSTrainingSet(log: ReviewLogCSV(csv: bytes)))
        let b = FSRSOptimizer.fit(FSRSTrainingSet(log: ReviewLogCSV(csv: shuffled)))
        // Card numbers follow first appearance, so only the card order differs: same items.
        #expect(a.extent == .all)
        #expect(zip(a.weights, b.weights).allSatisfy { close($0, $1, relative: 1e-12) })
    }

    // MARK: - Loss and gradient

    /// Histories that take every branch: same-day growth (floored and not), lapses (the formula
    /// and the floor), Hard / Good / Easy recalls, first ratings 1-4.
    static let branchyLog: FSRSTrainingSet = {
        let cards: [[(day: Int, rating: Rating)]] = [
            [(0, .good), (0, .good), (2, .good), (7, .hard), (20, .easy), (45, .again), (45, .good), (47, .good)],
            [(0, .again), (0, .again), (0, .good), (1, .good), (4, .again), (5, .hard), (15, .good)],
            [(0, .easy), (0, .good), (10, .easy), (40, .easy), (200, .easy), (260, .again)],
            [(0, .hard), (3, .again), (4, .good), (30, .again), (31, .good), (90, .hard)],
            [(0, .good), (1, .good), (1, .hard), (3, .good), (9, .again), (9, .again), (10, .good)],
        ]
        var reviews: [FSRSDatedReview] = []
        for (c, history) in cards.enumerated() {
            for (k, review) in history.enumerated() {
                let time = Date(timeIntervalSince1970: 1_700_000_000 + Double(review.day * 86_400 + k * 600 + c))
                reviews.append(FSRSDatedReview(card: "card\(c)", time: time, studyDay: review.day, rating: review.rating))
            }
        }
        return FSRSTrainingSet(reviews: reviews)
    }()

    /// Weight sets to differentiate at: the defaults, make_synthetic's truth, and one with a strong
    /// short-term effect so that lapses take the floor s / e^(w17 w18).
    static let weightSets: [[Double]] = [
        FSRSParameters.defaultWeights,
        [0.3, 1.0, 3.0, 10.0, 6.0, 0.9, 2.5, 0.01, 1.7, 0.15, 0.9, 1.6, 0.08, 0.3, 1.5, 0.5, 2.0, 0.5, 0.1, 0.07, 0.2],
        [0.15, 0.8, 2.5, 6.8, 6.6, 0.7, 3.1, 0.05, 1.7, 0.11, 0.63, 1.6, 0.025, 0.4, 1.8, 0.6, 1.9, 1.2, 1.0, 0.19, 0.46],
    ]

    static func objective(_ set: FSRSTrainingSet) -> FSRSObjective {
        let positions = Array(set.items.indices)
        return FSRSObjective(set: set, items: positions, weights: positions.map { 0.3 + 0.1 * Double($0 % 8) })
    }

    @Test(arguments: 0..<3)
    func gradientMatchesCentralDifferences(_ which: Int) {
        let w = Self.weightSets[which]
        var objective = Self.objective(Self.branchyLog)
        let cards = Array(0..<Self.branchyLog.cardCount)
        var gradient = [Double](repeating: 0, count: 21)
        let loss = objective.lossAndGradient(FSRSLoss(w), cards: cards, gradient: &gradient)
        #expect(close(loss, objective.loss(FSRSLoss(w), cards: cards), relative: 1e-14))
        for k in 0..<21 {
            let h = 1e-6 * max(1, abs(w[k]))
            var up = w, down = w
            up[k] += h
            down[k] -= h
            let numeric = (objective.loss(FSRSLoss(up), cards: cards) - objective.loss(FSRSLoss(down), cards: cards)) / (2 * h)
            #expect(abs(gradient[k] - numeric) <= 1e-6 + 1e-5 * abs(numeric), "w\(k): analytic \(gradient[k]), numeric \(numeric)")
        }
    }

    @Test func theBranchyLogTakesEveryBranch() {
        // So that the gradient test above exercises every formula, and every weight matters.
        var kinds = Set<FSRSLoss.Step.Kind>()
        var sameDayGrowth = Set<Bool>()  // floored at 1 (false) and not (true)
        let set = Self.branchyLog
        for w in Self.weightSets {
            let model = FSRSLoss(w)
            for card in 0..<set.cardCount {
                let reviews = set.reviews(ofCard: card)
                var (s, d, _) = model.first(rating: set.ratings[reviews.lowerBound])
                for i in reviews.dropFirst() {
                    let next = model.next(s: s, d: d, delta: set.deltaDays[i], rating: set.ratings[i])
                    kinds.insert(next.step.kind)
                    if next.step.kind == .sameDay { sameDayGrowth.insert(next.step.growthActive) }
                    (s, d) = (next.s, next.d)
                }
            }
            var objective = Self.objective(set)
            var gradient = [Double](repeating: 0, count: 21)
            _ = objective.lossAndGradient(model, cards: 0..<set.cardCount, gradient: &gradient)
            #expect(gradient.allSatisfy { $0 != 0 && $0.isFinite }, "\(gradient)")
        }
        #expect(kinds == [.sameDay, .lapse, .lapseFloor, .recall])
        #expect(sameDayGrowth == [true, false])
    }

    @Test func aClampedStabilityPassesNoGradient() {
        // Easy after Easy at ever longer gaps with a huge recall growth: S hits 36,500 days.
        var w = FSRSParameters.defaultWeights
        w[8] = 4.5
        let days = [(0, Rating.easy), (60, .easy), (400, .easy), (1_500, .easy), (3_000, .good)]
        let set = FSRSTrainingSet(reviews: days.map { day, rating in
            FSRSDatedReview(card: "c", time: Date(timeIntervalSince1970: Double(day) * 86_400), studyDay: day, rating: rating)
        })
        let model = FSRSLoss(w)
        var (s, d, _) = model.first(rating: 4)
        for i in 1..<4 { (s, d, _) = model.next(s: s, d: d, delta: set.deltaDays[i], rating: set.ratings[i]) }
        #expect(s == FSRSLoss.maximumStability)
        // Trained on the last item only, predicted from the clamped S: only the decay can move it.
        var objective = FSRSObjective(set: set, items: [3], weights: [1])
        var gradient = [Double](repeating: 0, count: 21)
        _ = objective.lossAndGradient(model, cards: [0], gradient: &gradient)
        #expect(gradient[0..<20].allSatisfy { $0 == 0 }, "\(gradient)")
        #expect(gradient[20] != 0)
    }

    @Test func evaluationMatchesFsrsRs() throws {
        let set = FSRSTrainingSet(log: ReviewLogCSV(csv: try Fixtures.bytes(Self.synthetic)))
        #expect(set.itemCount == 489)
        let byDefaults = FSRSEvaluation(weights: FSRSParameters.defaultWeights, set: set)
        #expect(close(byDefaults.logLoss, 0.35153862833976746, relative: 1e-6))
        #expect(close(byDefaults.rmseBins, 0.07638555020093918, relative: 1e-5))
        let byFsrsRsFit = FSRSEvaluation(weights: Self.fsrsRsSyntheticWeights, set: set)
        #expect(close(byFsrsRsFit.logLoss, 0.35539519786834717, relative: 1e-6))
        #expect(close(byFsrsRsFit.rmseBins, 0.07762500643730164, relative: 1e-5))
    }

    // MARK: - Fitting

    /// 60 cards rated Good, each reviewed once 1, 2, 3, 5 or 8 days later, recalled less often the
    /// longer the gap: only first items, so only w0-w3 are fitted.
    static var firstItemsOnly: [UInt8] {
        var csv = "card_id,review_time_unix_ms,rating\n"
        let start = 1_709_283_600_000  // 2024-03-01T09:00Z
        var card = 0
        for (days, cards, recalled) in [(1, 12, 11), (2, 12, 10), (3, 12, 9), (5, 12, 8), (8, 12, 6)] {
            for i in 0..<cards {
                card += 1
                let first = start + card * 60_000
                csv += "k\(card),\(first),3\n"
                csv += "k\(card),\(first + days * 86_400_000),\(i < recalled ? 3 : 1)\n"
            }
        }
        return Array(csv.utf8)
    }

    @Test func aTinyLogGetsFsrsRsInitialStabilities() {
        let fit = FSRSOptimizer.fit(FSRSTrainingSet(log: ReviewLogCSV(csv: Self.firstItemsOnly)))
        #expect(fit.extent == .initialStability)
        // fsrs-rs: 0.037011627, 0.22575347, 0.40267605, 1.448272 (Good fitted, the rest scaled).
        let expected = [0.03701162710785866, 0.22575347125530243, 0.4026760458946228, 1.4482719898223877]
        #expect(zip(fit.weights[0..<4], expected).allSatisfy { close($0, $1, relative: 1e-6) }, "\(fit.weights[0..<4])")
        #expect(Array(fit.weights[4...]) == Array(FSRSParameters.defaultWeights[4...]))
    }

    @Test func aSmallSimulatedLogGetsFsrsRsWeights() throws {
        let set = FSRSTrainingSet(log: ReviewLogCSV(csv: try Fixtures.bytes(Self.synthetic)))
        let fit = FSRSOptimizer.fit(set)
        #expect(fit.extent == .all && fit.trainingItems == 273)
        for (k, (ours, theirs)) in zip(fit.weights, Self.fsrsRsSyntheticWeights).enumerated() {
            #expect(abs(ours - theirs) <= 1e-3 * max(1, abs(theirs)), "w\(k): \(ours) vs fsrs-rs \(theirs)")
        }
        // The decay sits on its lower bound, as in fsrs-rs.
        #expect(fit.weights[20] == FSRSOptimizer.trainingBounds[20].lowerBound)
        let loss = FSRSEvaluation(weights: fit.weights, set: set).logLoss
        #expect(loss <= 0.35539519786834717 * 1.005)
    }

    @Test(.enabled(if: ReferenceFiles.exists(ReferenceFiles.joshLog)))
    func theRealLogFitsAsWellAsFsrsRs() throws {
        let bytes = [UInt8](try Data(contentsOf: ReferenceFiles.joshLog))
        let set = FSRSTrainingSet(log: ReviewLogCSV(csv: bytes), dayStartHour: 10)
        #expect(set.reviewCount == 12_580 && set.itemCount == 6_372)
        let fit = FSRSOptimizer.fit(set)
        #expect(fit.extent == .all)
        // fsrs-rs compute_parameters on the same items: log loss 0.44496.
        #expect(FSRSEvaluation(weights: fit.weights, set: set).logLoss <= 0.44496 * 1.005)
    }

    @Test func fittingTwiceGivesTheSameWeights() throws {
        let set = FSRSTrainingSet(log: ReviewLogCSV(csv: try Fixtures.bytes(Self.synthetic)))
        #expect(FSRSOptimizer.fit(set) == FSRSOptimizer.fit(set))
        var other = FSRSOptimizer.Settings()
        other.seed = 7
        other.batchSize = 64  // several batches, so the seed matters
        let a = FSRSOptimizer.fit(set, settings: other)
        #expect(a == FSRSOptimizer.fit(set, settings: other))
        var third = other
        third.seed = 8
        #expect(a.weights != FSRSOptimizer.fit(set, settings: third).weights)
    }

    @Test func tooFewReviewsKeepTheDefaults() {
        let csv = "card_id,review_time,rating\nx,2024-01-01T09:00:00Z,3\nx,2024-01-03T09:00:00Z,3\ny,2024-01-01T09:00:00Z,1\n"
        let set = FSRSTrainingSet(log: ReviewLogCSV(csv: Array(csv.utf8)))
        let fit = FSRSOptimizer.fit(set)
        #expect(set.itemCount == 1)
        #expect(fit.extent == .defaults && fit.weights == FSRSParameters.defaultWeights && fit.trainingItems == 0)
        #expect(FSRSOptimizer.fit(FSRSTrainingSet(reviews: [])).extent == .defaults)
    }

    /// Random logs of odd learners (always forgetting, always easy, erratic): the weights stay in
    /// fsrs-rs' training bounds, which also makes them valid scheduler settings.
    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6])
    func fittedWeightsStayInBounds(_ seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let style = Int(seed % 3)
        var reviews: [FSRSDatedReview] = []
        for card in 0..<150 {
            var day = Int(random.next() % 30)
            for k in 0..<(3 + Int(random.next() % 8)) {
                let rating: Rating
                switch style {
                case 0: rating = random.next() % 10 == 0 ? .good : .again
                case 1: rating = random.next() % 10 == 0 ? .hard : .easy
                default: rating = Rating(rawValue: 1 + Int(random.next() % 4))!
                }
                reviews.append(FSRSDatedReview(
                    card: "\(card)", time: Date(timeIntervalSince1970: Double(day * 86_400 + k)), studyDay: day, rating: rating))
                day += [0, 1, 1, 2, 5, 30, 200][Int(random.next() % 7)]
            }
        }
        let fit = FSRSOptimizer.fit(FSRSTrainingSet(reviews: reviews))
        for (k, value) in fit.weights.enumerated() {
            #expect(FSRSOptimizer.trainingBounds[k].contains(value), "w\(k) = \(value)")
        }
        _ = try FSRSParameters(weights: fit.weights)
    }

    @Test func rareFirstIntervalsAreLeftOut() {
        // 30 cards reviewed a day after a Good first answer, 3 after 50 days: the 50-day group is
        // rarer than the 5% (at least 20 items) fsrs-rs drops, so those cards are not trained on.
        var reviews: [FSRSDatedReview] = []
        for card in 0..<33 {
            let gap = card < 30 ? 1 : 50
            for (day, rating) in [(0, Rating.good), (gap, .good), (gap + 3, .good)] {
                reviews.append(FSRSDatedReview(
                    card: "\(card)", time: Date(timeIntervalSince1970: Double(day * 86_400 + card)), studyDay: day, rating: rating))
            }
        }
        let set = FSRSTrainingSet(reviews: reviews)
        let filter = FSRSOutlierFilter(set)
        #expect(filter.keepsCard == (0..<33).map { $0 < 30 })
        #expect(filter.initialization.count == 30)
    }

    @Test func smoothingAndFillingFollowFsrsRs() throws {
        // fsrs-rs' own test cases (parameter_initialization.rs).
        let filled = try #require(FSRSInitialStability.smoothAndFill([1: 0.4, 3: 2.3, 4: 10.9], counts: [1: 1, 2: 1, 3: 1, 4: 1]))
        #expect(zip(filled, [0.4, 1.1227008, 2.3, 10.9]).allSatisfy { close($0, $1, relative: 1e-6) })
        let scaled = try #require(FSRSInitialStability.smoothAndFill([2: 0.35], counts: [2: 1]))
        #expect(zip(scaled, [0.05738148, 0.35, 0.6242943, 2.2453482]).allSatisfy { close($0, $1, relative: 1e-6) })
        // Out of order: the better-attested rating wins.
        let ordered = try #require(FSRSInitialStability.smoothAndFill([1: 3, 2: 2, 3: 4, 4: 9], counts: [1: 5, 2: 50, 3: 9, 4: 9]))
        #expect(ordered == [2, 2, 4, 9])
        #expect(FSRSInitialStability.smoothAndFill([:], counts: [:]) == nil)
    }

    // MARK: - Workload

    @Test func simulatedWorkloadIsSeededAndFollowsTheDesiredRetention() throws {
        let memory = Self.weightSets[1]
        let habits = FSRSWorkload.Habits(firstRatings: [25, 15, 50, 10], recallRatings: [15, 75, 10])
        func year(_ retention: Double, seed: UInt64 = 1) throws -> FSRSWorkload {
            try FSRSWorkload(
                scheduling: try FSRSParameters(weights: memory, desiredRetention: retention), memory: memory,
                habits: habits, newCardsPerDay: 5, days: 120, seed: seed)
        }
        #expect(try year(0.9) == year(0.9))
        #expect(try year(0.9) != year(0.9, seed: 2))
        let (low, mid, high) = (try year(0.8), try year(0.9), try year(0.95))
        #expect(low.reviewsPerDay < mid.reviewsPerDay && mid.reviewsPerDay < high.reviewsPerDay)
        #expect(low.retention < mid.retention && mid.retention < high.retention)
        #expect(throws: SchedulingError.self) {
            try FSRSWorkload(scheduling: .default, memory: [1, 2], habits: habits, newCardsPerDay: 1, days: 1, seed: 1)
        }
        // Scheduled by the memory's own weights, recall lands near the target (a little below:
        // no interval is shorter than a day, however weak the memory).
        #expect(mid.retention > 0.85 && mid.retention < 0.92)
    }
}
