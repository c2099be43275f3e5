import Foundation
import Testing

@testable import Scheduling

/// FSRS-6 formulas checked against values worked out from FSRS6.md (and py-fsrs), needing no shared files.
struct FSRSFormulaTests {
    let model = FSRSModel(.default)

    @Test("first answers: S0 = w[G-1], D0 = w4 - e^(w5 (G-1)) + 1 clamped to [1, 10]",
          arguments: [(Rating.again, 0.212, 6.4133), (.hard, 1.2931, 5.112170705601056),
                      (.good, 2.3065, 2.118103970459016), (.easy, 8.2956, 1.0)])
    func firstAnswer(rating: Rating, stability: Double, difficulty: Double) throws {
        let state = try FSRSScheduler().review(.new, rating: rating, at: utc("2024-01-01T09:00:00Z"))
        #expect(state.memory?.stability == stability)
        #expect(close(try #require(state.memory?.difficulty), difficulty, relative: 1e-15))
    }

    @Test("a lapse far past due takes the short-term cap S / e^(w17 w18) when that is lower (py-fsrs: 0.009517279993343508)")
    func lapseShortTermCap() {
        #expect(model.longTermStability(d: 1, s: 0.01, r: 0, .again) == 0.009517279993343508)
    }

    @Test("R is 0.9 after S days at any decay, and the interval equals S at retention 0.9")
    func retentionNinety() throws {
        for decay in [0.1, 0.1542, 0.5, 0.8] {
            var weights = FSRSParameters.defaultWeights
            weights[20] = decay
            let m = FSRSModel(try FSRSParameters(weights: weights))
            #expect(abs(m.retrievability(elapsedDays: 30, stability: 30) - 0.9) < 1e-12)
            #expect(abs(m.rawIntervalDays(30) - 30) < 1e-9)
        }
    }

    @Test("intervals round half to even, at least 1 day, at most the maximum")
    func intervalRounding() throws {
        #expect(model.intervalDays(2.5) == 2)
        #expect(model.intervalDays(3.5) == 4)
        #expect(model.intervalDays(0.2) == 1)
        #expect(model.intervalDays(1e9) == 36_500)
        #expect(FSRSModel(try FSRSParameters(maximumIntervalDays: 30)).intervalDays(45) == 30)
    }

    @Test("R stays 1 for the first 24 hours after a review, then follows the curve")
    func wholeDayRetrievability() throws {
        let scheduler = FSRSScheduler()
        let t = utc("2024-01-01T09:00:00Z")
        let state = try scheduler.review(.new, rating: .good, at: t)
        #expect(scheduler.retrievability(state, at: t + 86_399) == 1)
        let oneDay = scheduler.retrievability(state, at: t + 86_400)
        #expect(close(oneDay, pow(1 + model.factor / 2.3065, -0.1542), relative: 1e-12))
        #expect(scheduler.retrievability(.new, at: t) == 0)
    }
}
