import Foundation
import ISOTime
import Testing

@testable import Scheduling

/// FSRS against py-fsrs 6.3.2 (vectors.json): same state, step and due after every review,
/// stability and difficulty within 1e-6 relative.
@Suite(.enabled(if: ReferenceFiles.exists(ReferenceFiles.pyVectors), "needs ../shared/eval/fsrs/vectors.json"))
struct FSRSReferenceTests {
    static func scheduler(_ name: String, in vectors: PyFSRSVectors) throws -> FSRSScheduler {
        let config = try #require(vectors.configs[name])
        let parameters = try FSRSParameters(
            weights: config.parameters, desiredRetention: config.desired_retention,
            learningSteps: config.learning_steps, relearningSteps: config.relearning_steps,
            maximumIntervalDays: config.maximum_interval)
        return FSRSScheduler(parameters: parameters)
    }

    static func pyName(_ phase: CardPhase) -> String {
        switch phase {
        case .new: "New"
        case .learning: "Learning"
        case .review: "Review"
        case .relearning: "Relearning"
        }
    }

    @Test("every review of every py-fsrs scenario matches", arguments: PyFSRSVectors.scenarioNames)
    func scenarioMatchesPyFSRS(_ name: String) throws {
        let vectors = try #require(PyFSRSVectors.shared)
        let scenario = try #require(vectors.scenarios.first { $0.name == name })
        let scheduler = try Self.scheduler(scenario.config, in: vectors)
        var state = SchedulingState.new
        for review in scenario.reviews {
            let at = Date(timeIntervalSince1970: Double(review.review_unix_ms) / 1000)
            state = try scheduler.review(state, rating: Rating(code: review.rating), at: at)
            let where_ = "\(name) review \(review.i)"
            #expect(Self.pyName(state.phase) == review.state, "\(where_): state")
            #expect(state.step == review.step, "\(where_): step")
            let due = try #require(state.due)
            #expect(Timestamp.micros(due) / 1000 == review.due_unix_ms, "\(where_): due \(due) vs \(review.due)")
            let memory = try #require(state.memory)
            #expect(close(memory.stability, review.stability, relative: 1e-6),
                    "\(where_): stability \(memory.stability) vs \(review.stability)")
            #expect(close(memory.difficulty, review.difficulty, relative: 1e-6),
                    "\(where_): difficulty \(memory.difficulty) vs \(review.difficulty)")
            if let raw = review.interval_days_raw {
                #expect(close(scheduler.model.rawIntervalDays(memory.stability), raw, relative: 1e-6), "\(where_): raw interval")
            }
            for point in review.retrievability {
                let r = scheduler.retrievability(state, at: at.addingTimeInterval(Double(point.offset_seconds)))
                #expect(close(r, point.r, relative: 1e-6), "\(where_): R at +\(point.offset_seconds)s = \(r) vs \(point.r)")
            }
        }
    }

    @Test("the fuzz range matches py-fsrs for every listed interval")
    func fuzzRangesMatch() throws {
        let vectors = try #require(PyFSRSVectors.shared)
        let model = FSRSModel(.default)
        #expect(!vectors.fuzz.isEmpty)
        for entry in vectors.fuzz {
            let range = model.fuzzRange(days: entry.interval_days)
            #expect(range == entry.min_ivl...entry.max_ivl, "interval \(entry.interval_days)")
        }
    }

    @Test("single formulas match py-fsrs' helpers")
    func formulasMatch() throws {
        let unit = try #require(PyFSRSVectors.shared).unit
        let model = FSRSModel(.default)
        for rating in Rating.allCases {
            let key = String(rating.rawValue)
            #expect(model.initialStability(rating) == unit.initial_stability[key])
            #expect(close(model.initialDifficulty(rating), try #require(unit.initial_difficulty_clamped[key]), relative: 1e-12))
            #expect(close(model.initialDifficulty(rating, clamped: false),
                          try #require(unit.initial_difficulty_unclamped[key]), relative: 1e-12))
        }
        for c in unit.next_difficulty {
            #expect(close(model.nextDifficulty(c.d, Rating(code: c.rating)), c.next_d, relative: 1e-12), "D \(c.d) rating \(c.rating)")
        }
        for c in unit.short_term_stability {
            #expect(close(model.shortTermStability(c.s, Rating(code: c.rating)), c.next_s, relative: 1e-12), "S \(c.s) rating \(c.rating)")
        }
        for c in unit.next_stability {
            let s = model.longTermStability(d: c.d, s: c.s, r: c.r, Rating(code: c.rating))
            #expect(close(s, c.next_s, relative: 1e-12), "D \(c.d) S \(c.s) R \(c.r) rating \(c.rating)")
        }
        for c in unit.next_interval {
            let m = FSRSModel(try FSRSParameters(desiredRetention: c.desired_retention))
            #expect(m.intervalDays(c.s) == c.interval_days, "S \(c.s) DR \(c.desired_retention)")
            #expect(close(m.rawIntervalDays(c.s), c.interval_days_raw, relative: 1e-12))
        }
        for c in unit.forgetting_curve {
            #expect(close(model.retrievability(elapsedDays: c.elapsed_days, stability: c.s), c.r, relative: 1e-12))
        }
    }
}
