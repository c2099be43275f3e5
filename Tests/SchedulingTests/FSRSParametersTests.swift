import Foundation
import Testing

@testable import Scheduling

struct FSRSParametersTests {
    @Test("the defaults are py-fsrs'")
    func defaults() {
        let p = FSRSParameters.default
        #expect(p.weights.count == 21)
        #expect(p.weights[20] == 0.1542)
        #expect(p.desiredRetention == 0.9)
        #expect(p.learningSteps == [60, 600])
        #expect(p.relearningSteps == [600])
        #expect(p.maximumIntervalDays == 36_500)
        #expect(throws: Never.self) { try FSRSParameters(weights: FSRSParameters.defaultWeights) }
    }

    @Test("17 or 19 weights (FSRS-4.5, FSRS-5) are refused", arguments: [0, 17, 19, 22])
    func wrongCount(count: Int) {
        let weights = Array(FSRSParameters.defaultWeights.prefix(count)) + Array(repeating: 0.5, count: max(0, count - 21))
        #expect(throws: SchedulingError.wrongWeightCount(count)) { try FSRSParameters(weights: weights) }
    }

    @Test("a weight outside its bound names the weight and its range",
          arguments: [(0, 0.0), (0, 101.0), (4, 0.5), (7, 0.8), (16, 0.9), (20, 0.05), (20, 0.81), (9, .nan)])
    func outOfBounds(index: Int, value: Double) throws {
        var weights = FSRSParameters.defaultWeights
        weights[index] = value
        do {
            _ = try FSRSParameters(weights: weights)
            Issue.record("w[\(index)] = \(value) was accepted")
        } catch {
            guard case .weightOutOfBounds(let i, _, let allowed) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(i == index)
            #expect(allowed == FSRSParameters.weightBounds[index])
            #expect(error.description.contains("w[\(index)]"))
        }
    }

    @Test("the bounds are FSRS-6's (FSRS6.md's table)")
    func boundsTable() {
        let lower: [Double] = [0.001, 0.001, 0.001, 0.001, 1, 0.001, 0.001, 0.001, 0, 0, 0.001, 0.001, 0.001, 0.001, 0, 0, 1, 0, 0, 0, 0.1]
        let upper: [Double] = [100, 100, 100, 100, 10, 4, 4, 0.75, 4.5, 0.8, 3.5, 5, 0.25, 0.9, 4, 1, 6, 2, 2, 0.8, 0.8]
        #expect(FSRSParameters.weightBounds.map(\.lowerBound) == lower)
        #expect(FSRSParameters.weightBounds.map(\.upperBound) == upper)
    }

    @Test("just outside either bound is refused, for every weight", arguments: 0..<21)
    func justOutside(index: Int) {
        let bounds = FSRSParameters.weightBounds[index]
        for value in [bounds.lowerBound.nextDown, bounds.upperBound.nextUp] {
            var weights = FSRSParameters.defaultWeights
            weights[index] = value
            #expect(throws: SchedulingError.weightOutOfBounds(index: index, value: value, allowed: bounds)) {
                try FSRSParameters(weights: weights)
            }
        }
    }

    @Test("the bounds themselves are accepted")
    func boundsInclusive() throws {
        let low = FSRSParameters.weightBounds.map(\.lowerBound)
        let high = FSRSParameters.weightBounds.map(\.upperBound)
        _ = try FSRSParameters(weights: low)
        _ = try FSRSParameters(weights: high)
    }

    @Test("retention, steps and maximum interval are checked")
    func otherSettings() {
        #expect(throws: SchedulingError.desiredRetentionOutOfRange(1)) { try FSRSParameters(desiredRetention: 1) }
        #expect(throws: SchedulingError.desiredRetentionOutOfRange(0)) { try FSRSParameters(desiredRetention: 0) }
        #expect(throws: SchedulingError.invalidStep(kind: "learning", seconds: -60)) {
            try FSRSParameters(learningSteps: [60, -60])
        }
        #expect(throws: SchedulingError.invalidStep(kind: "relearning", seconds: 0)) {
            try FSRSParameters(relearningSteps: [0])
        }
        #expect(throws: SchedulingError.invalidMaximumInterval(0)) { try FSRSParameters(maximumIntervalDays: 0) }
        #expect(throws: SchedulingError.invalidMaximumInterval(36_501)) { try FSRSParameters(maximumIntervalDays: 36_501) }
        #expect(throws: SchedulingError.invalidMaximumInterval(0)) { try SM2Parameters(maximumIntervalDays: 0) }
        #expect(throws: Never.self) { try FSRSParameters(learningSteps: [], relearningSteps: []) }
    }

    @Test("every error reads as a sentence")
    func messages() {
        let errors: [SchedulingError] = [
            .wrongWeightCount(19), .weightOutOfBounds(index: 3, value: 200, allowed: 0.001...100),
            .desiredRetentionOutOfRange(1.2), .invalidStep(kind: "learning", seconds: -1), .invalidMaximumInterval(0),
            .invalidSM2Setting(name: "easyBonus", value: 0.5, requirement: "must be at least 1.0"),
        ]
        for error in errors {
            #expect(error.description.hasSuffix("."), "\(error)")
            #expect(error.description.first?.isUppercase == true, "\(error)")
        }
        #expect(SchedulingError.wrongWeightCount(19).description == "FSRS-6 needs exactly 21 weights, but 19 were given.")
    }

    @Test("decoding fills missing keys with defaults and rejects bad values")
    func codable() throws {
        let partial = try JSONDecoder().decode(FSRSParameters.self, from: Data(#"{"desiredRetention":0.85}"#.utf8))
        #expect(partial.desiredRetention == 0.85)
        #expect(partial.weights == FSRSParameters.defaultWeights)
        let roundTrip = try JSONDecoder().decode(FSRSParameters.self, from: JSONEncoder().encode(partial))
        #expect(roundTrip == partial)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(FSRSParameters.self, from: Data(#"{"weights":[1,2,3]}"#.utf8))
        }
    }
}
