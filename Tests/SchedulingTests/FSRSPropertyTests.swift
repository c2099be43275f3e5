import Foundation
import SeededRandom
import Testing

@testable import Scheduling

/// Invariants over random review histories drawn from a seeded generator.
struct FSRSPropertyTests {
    /// A random history: mixed ratings, gaps from minutes to months, some same-day reviews.
    static func randomHistory(seed: UInt64, count: Int = 40) -> [ReviewRecord] {
        var generator = SeededGenerator(seed: seed)
        var date = utc("2024-01-01T08:00:00Z")
        var history: [ReviewRecord] = []
        for _ in 0..<count {
            let rating = Rating(code: Int(generator.next() % 4) + 1)
            history.append(ReviewRecord(rating: rating, date: date))
            let gap: TimeInterval = switch generator.next() % 4 {
            case 0: Double(generator.next() % 3600)              // minutes
            case 1: Double(generator.next() % 86_400)            // within a day
            case 2: Double(generator.next() % (30 * 86_400))     // weeks
            default: Double(generator.next() % (400 * 86_400))   // up to a year or more
            }
            date += gap
        }
        return history
    }

    static let seeds: [UInt64] = Array(1...40)
    static let configurations: [FSRSParameters] = [
        .default,
        try! FSRSParameters(learningSteps: [], relearningSteps: []),
        try! FSRSParameters(desiredRetention: 0.8, learningSteps: [60, 300, 1800], relearningSteps: [300, 1200]),
        try! FSRSParameters(desiredRetention: 0.97, maximumIntervalDays: 30),
    ]

    @Test("stability stays positive and difficulty within [1, 10] after any history", arguments: seeds)
    func memoryStaysInRange(seed: UInt64) throws {
        for parameters in Self.configurations {
            let scheduler = FSRSScheduler(parameters: parameters)
            var state = SchedulingState.new
            for record in Self.randomHistory(seed: seed) {
                state = try scheduler.review(state, rating: record.rating, at: record.date)
                let memory = try #require(state.memory)
                #expect(memory.stability > 0)
                #expect((1...10).contains(memory.difficulty))
                #expect(memory.stability.isFinite && memory.difficulty.isFinite)
                let due = try #require(state.due)
                #expect(due > record.date)
            }
        }
    }

    @Test("Again <= Hard <= Good <= Easy in interval, for every card state on the way", arguments: seeds)
    func intervalsAreOrdered(seed: UInt64) throws {
        for parameters in Self.configurations {
            let scheduler = FSRSScheduler(parameters: parameters)
            var state = SchedulingState.new
            var history = Self.randomHistory(seed: seed)
            // Also preview from states reached late, long after the last review.
            history.append(ReviewRecord(rating: .good, date: history.last!.date + 90 * 86_400))
            for record in history {
                let intervals = try scheduler.nextIntervals(state, at: record.date)
                let values = Rating.allCases.map { intervals[$0]! }
                #expect(values == values.sorted(), "phase \(state.phase) step \(String(describing: state.step)): \(values)")
                #expect(values.allSatisfy { $0 > 0 })
                state = try scheduler.review(state, rating: record.rating, at: record.date)
            }
        }
    }

    @Test("retrievability never rises as time passes", arguments: seeds.prefix(10))
    func retrievabilityFalls(seed: UInt64) throws {
        let scheduler = FSRSScheduler()
        let state = scheduler.replay(Self.randomHistory(seed: seed, count: 12))
        let last = try #require(state.lastReview)
        var previous = scheduler.retrievability(state, at: last)
        #expect(previous == 1)
        for day in stride(from: 0.5, through: 3650, by: 3.5) {
            let r = scheduler.retrievability(state, at: last + day * 86_400)
            #expect(r <= previous)
            #expect(r > 0 && r <= 1)
            previous = r
        }
        #expect(previous < 1)
    }

    @Test("replaying the same history twice gives the same state", arguments: seeds.prefix(10))
    func replayIsDeterministic(seed: UInt64) {
        let scheduler = FSRSScheduler()
        let history = Self.randomHistory(seed: seed)
        let first = scheduler.replay(history)
        #expect(first.reps == history.count)
        #expect(scheduler.replay(history) == first)
        #expect(scheduler.replay(history.reversed()) == first)  // replay sorts by date
    }

    @Test("a review dated before the previous one is rejected with both dates")
    func earlierReviewRejected() throws {
        let scheduler = FSRSScheduler()
        let state = try scheduler.review(.new, rating: .good, at: utc("2024-05-02T10:00:00Z"))
        let early = utc("2024-05-02T09:59:59Z")
        #expect(throws: SchedulingError.reviewBeforePreviousReview(review: early, previous: utc("2024-05-02T10:00:00Z"))) {
            try scheduler.review(state, rating: .good, at: early)
        }
        #expect(throws: SchedulingError.self) { try SM2Scheduler().review(state, rating: .good, at: early) }
        do {
            _ = try scheduler.review(state, rating: .again, at: early)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("2024-05-02T09:59:59+00:00"))
            #expect(error.description.contains("2024-05-02T10:00:00+00:00"))
        }
    }

    @Test("reps and lapses count answers and lapses in review")
    func countsRepsAndLapses() throws {
        let scheduler = FSRSScheduler()
        var state = SchedulingState.new
        var date = utc("2024-01-01T09:00:00Z")
        for rating in [Rating.good, .good, .good, .again, .good, .again, .again] {
            state = try scheduler.review(state, rating: rating, at: date)
            date = try #require(state.due)
        }
        #expect(state.reps == 7)
        #expect(state.lapses == 2)  // the first two Agains are in review; the third is in relearning
        #expect(state.phase == .relearning)
    }

    @Test("fuzz stays in py-fsrs' range, is reproducible, and leaves steps alone")
    func fuzzIsSeededAndBounded() throws {
        let scheduler = FSRSScheduler()
        let model = scheduler.model
        let date = utc("2024-03-01T09:00:00Z")
        let state = SchedulingState(
            phase: .review, memory: MemoryState(stability: 10, difficulty: 5), due: date,
            lastReview: date - 10 * 86_400, reps: 5)
        let plain = try scheduler.review(state, rating: .good, at: date)
        let days = Int(try #require(plain.intervalDays))
        #expect(days > 7)
        var seen = Set<Int>()
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<200 {
            let fuzzed = try scheduler.review(state, rating: .good, at: date, fuzzingWith: &generator)
            let fuzzedDays = Int(try #require(fuzzed.intervalDays))
            #expect(model.fuzzRange(days: days).contains(fuzzedDays))
            #expect(fuzzed.memory == plain.memory)
            seen.insert(fuzzedDays)
        }
        #expect(seen.count == model.fuzzRange(days: days).count)
        var a = SeededGenerator(seed: 99), b = SeededGenerator(seed: 99)
        #expect(try scheduler.review(state, rating: .good, at: date, fuzzingWith: &a)
                == scheduler.review(state, rating: .good, at: date, fuzzingWith: &b))
        let preview = try scheduler.nextIntervals(state, at: date, fuzzingWith: SeededGenerator(seed: 5))
        var fresh = SeededGenerator(seed: 5)
        let actual = try scheduler.review(state, rating: .easy, at: date, fuzzingWith: &fresh)
        #expect(preview[.easy] == actual.due!.timeIntervalSince(date))
        var g = SeededGenerator(seed: 1)
        let learning = try scheduler.review(.new, rating: .hard, at: date, fuzzingWith: &g)
        #expect(learning.due == date + 330)
    }
}
