import Foundation
import SeededRandom
import Testing

@testable import Scheduling

/// SM-2 cases worked out by hand from Anki's rules (defaults: steps 1m 10m, relearning 10m,
/// graduating 1 day, easy 4 days, ease 250%, easy bonus 1.3, hard 1.2, new interval 0).
struct SM2SchedulerTests {
    let scheduler = SM2Scheduler()
    let t0 = utc("2024-02-01T09:00:00Z")
    let day: TimeInterval = 86_400

    /// A review card with `interval` days and `ease`, last reviewed `interval` days before `due`.
    func reviewCard(interval: Int, ease: Double, due: Date) -> SchedulingState {
        SchedulingState(
            phase: .review, due: due, lastReview: due - Double(interval) * day, reps: 3, ease: ease,
            intervalDays: Double(interval))
    }

    @Test("a new card walks the learning steps and graduates at 1 day with ease 250%")
    func learningThenGraduate() throws {
        var state = try scheduler.review(.new, rating: .good, at: t0)
        #expect(state.phase == .learning && state.step == 1 && state.due == t0 + 600)
        #expect(state.ease == nil)
        state = try scheduler.review(state, rating: .good, at: t0 + 600)
        #expect(state.phase == .review && state.step == nil)
        #expect(state.intervalDays == 1 && state.ease == 2.5)
        #expect(state.due == t0 + 600 + day)
        #expect(state.reps == 2 && state.lapses == 0)
    }

    @Test("learning: Again restarts at 1 minute, Hard at the first step waits 5.5 minutes, Easy graduates at 4 days")
    func learningAnswers() throws {
        let again = try scheduler.review(.new, rating: .again, at: t0)
        #expect(again.step == 0 && again.due == t0 + 60)
        let hard = try scheduler.review(again, rating: .hard, at: t0 + 60)
        #expect(hard.step == 0 && hard.due == t0 + 60 + 330)
        let easy = try scheduler.review(.new, rating: .easy, at: t0)
        #expect(easy.phase == .review && easy.intervalDays == 4 && easy.ease == 2.5)
        #expect(easy.due == t0 + 4 * day)
    }

    @Test("reviews on time: Hard 12, Good 25, Easy 33 days from a 10-day interval at 250%",
          arguments: [(Rating.hard, 12, 2.35), (.good, 25, 2.5), (.easy, 33, 2.65)])
    func onTime(rating: Rating, days: Int, ease: Double) throws {
        let state = try scheduler.review(reviewCard(interval: 10, ease: 2.5, due: t0), rating: rating, at: t0)
        #expect(state.intervalDays == Double(days))
        #expect(state.ease == ease)
        #expect(state.due == t0 + Double(days) * day)
    }

    @Test("four days late: Good counts half the delay (30), Easy all of it (46), Hard none (12)",
          arguments: [(Rating.hard, 12), (.good, 30), (.easy, 46)])
    func late(rating: Rating, days: Int) throws {
        let now = t0 + 4 * day
        let state = try scheduler.review(reviewCard(interval: 10, ease: 2.5, due: t0), rating: rating, at: now)
        #expect(state.intervalDays == Double(days))
    }

    @Test("five days early: Anki's early-review intervals 6, 13, 14",
          arguments: [(Rating.hard, 6), (.good, 13), (.easy, 14)])
    func early(rating: Rating, days: Int) throws {
        let now = t0 - 5 * day
        let state = try scheduler.review(reviewCard(interval: 10, ease: 2.5, due: t0), rating: rating, at: now)
        #expect(state.intervalDays == Double(days))
    }

    @Test("from a 1-day interval each button gives at least a day more than the one before: 2, 3, 4")
    func minimumSpread() throws {
        let card = reviewCard(interval: 1, ease: 2.5, due: t0)
        let intervals = try scheduler.nextIntervals(card, at: t0)
        #expect(intervals[.again] == 600)
        #expect(intervals[.hard] == 2 * day)
        #expect(intervals[.good] == 3 * day)
        #expect(intervals[.easy] == 4 * day)
    }

    @Test("a lapse costs 20 points of ease, relearns for 10 minutes, then comes back at 1 day")
    func lapse() throws {
        let lapsed = try scheduler.review(reviewCard(interval: 10, ease: 2.5, due: t0), rating: .again, at: t0)
        #expect(lapsed.phase == .relearning && lapsed.step == 0)
        #expect(lapsed.due == t0 + 600)
        #expect(lapsed.ease == 2.3 && lapsed.lapses == 1 && lapsed.intervalDays == 1)
        let relearned = try scheduler.review(lapsed, rating: .good, at: t0 + 600)
        #expect(relearned.phase == .review && relearned.intervalDays == 1 && relearned.ease == 2.3)
        #expect(relearned.due == t0 + 600 + day)
        let easy = try scheduler.review(lapsed, rating: .easy, at: t0 + 600)
        #expect(easy.intervalDays == 2)
        let again = try scheduler.review(lapsed, rating: .again, at: t0 + 600)
        #expect(again.lapses == 1 && again.ease == 2.3 && again.due == t0 + 1200)
    }

    @Test("without relearning steps a lapse goes straight back to review; new interval 0.5 keeps half")
    func lapseSettings() throws {
        let noSteps = SM2Scheduler(parameters: try SM2Parameters(relearningSteps: []))
        let state = try noSteps.review(reviewCard(interval: 10, ease: 2.5, due: t0), rating: .again, at: t0)
        #expect(state.phase == .review && state.intervalDays == 1 && state.due == t0 + day)
        let half = SM2Scheduler(parameters: try SM2Parameters(lapseNewInterval: 0.5))
        let halfState = try half.review(reviewCard(interval: 10, ease: 2.5, due: t0), rating: .again, at: t0)
        #expect(halfState.intervalDays == 5)
    }

    @Test("ease never drops below 130%", arguments: [(1.4, Rating.hard), (1.3, .again), (1.35, .again)])
    func easeFloor(ease: Double, rating: Rating) throws {
        let state = try scheduler.review(reviewCard(interval: 10, ease: ease, due: t0), rating: rating, at: t0)
        #expect(state.ease == 1.3)
    }

    @Test("intervals stop at the maximum")
    func maximumInterval() throws {
        let state = try scheduler.review(reviewCard(interval: 30_000, ease: 2.5, due: t0), rating: .good, at: t0)
        #expect(state.intervalDays == 36_500)
    }

    @Test("the retrievability estimate is 1 at the review and 0.9 when due")
    func retrievabilityEstimate() throws {
        let card = reviewCard(interval: 10, ease: 2.5, due: t0)
        #expect(scheduler.retrievability(card, at: t0 - 10 * day) == 1)
        #expect(abs(scheduler.retrievability(card, at: t0) - 0.9) < 1e-9)
        #expect(scheduler.retrievability(card, at: t0 + 30 * day) < 0.9)
        #expect(scheduler.retrievability(.new, at: t0) == 0)
    }

    @Test("fuzzed SM-2 intervals stay near the plain ones and keep the button order")
    func fuzz() throws {
        let card = reviewCard(interval: 20, ease: 2.5, due: t0)
        var generator = SeededGenerator(seed: 3)
        for _ in 0..<100 {
            let intervals = try scheduler.nextIntervals(card, at: t0, fuzzingWith: generator)
            _ = generator.next()
            let days = Rating.allCases.dropFirst().map { intervals[$0]! / day }
            #expect(days == days.sorted())
            #expect((46...54).contains(Int(days[1])))  // py-fsrs' fuzz range for 50 days
        }
    }

    @Test("settings are validated and the error names the setting")
    func validation() {
        func rejected(_ name: String, _ make: () throws(SchedulingError) -> SM2Parameters) {
            do {
                _ = try make()
                Issue.record("\(name) was accepted")
            } catch {
                guard case .invalidSM2Setting(let setting, _, _) = error else {
                    Issue.record("unexpected \(error)")
                    return
                }
                #expect(setting == name)
                #expect(error.description.contains(name))
            }
        }
        rejected("easyBonus") { () throws(SchedulingError) in try SM2Parameters(easyBonus: 0.9) }
        rejected("startingEase") { () throws(SchedulingError) in try SM2Parameters(startingEase: 1.2) }
        rejected("lapseNewInterval") { () throws(SchedulingError) in try SM2Parameters(lapseNewInterval: 1.5) }
        rejected("graduatingIntervalDays") { () throws(SchedulingError) in try SM2Parameters(graduatingIntervalDays: 0) }
        #expect(throws: SchedulingError.invalidStep(kind: "learning", seconds: 0)) { try SM2Parameters(learningSteps: [0]) }
    }
}
