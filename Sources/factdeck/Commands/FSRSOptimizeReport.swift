import Foundation
import JSONKit
import Scheduling
import StudyStore

/// What `fsrs optimize` found, and how it is shown.
struct FSRSOptimizeReport {
    let set: FSRSTrainingSet
    let fit: FSRSFit
    let before: FSRSEvaluation
    let after: FSRSEvaluation
    /// The simulated year (own log only): default and fitted parameters.
    let workload: (settings: StudySettings, newCards: Int, before: FSRSWorkload, after: FSRSWorkload)?

    init(set: FSRSTrainingSet, fit: FSRSFit, settings: StudySettings?) {
        self.set = set
        self.fit = fit
        before = FSRSEvaluation(weights: FSRSParameters.defaultWeights, set: set)
        after = fit.extent == .defaults ? before : FSRSEvaluation(weights: fit.weights, set: set)
        if let settings, fit.extent != .defaults {
            // Fails only for weights out of bounds, which neither the defaults nor a fit can be.
            workload = try? Self.simulate(fit: fit, set: set, settings: settings)
        } else {
            workload = nil
        }
    }

    /// A year of study for this learner (memory as fitted, their own rating habits, their new
    /// cards a day and desired retention), scheduled with the default and with the fitted weights.
    private static func simulate(
        fit: FSRSFit, set: FSRSTrainingSet, settings: StudySettings
    ) throws -> (settings: StudySettings, newCards: Int, before: FSRSWorkload, after: FSRSWorkload) {
        let habits = FSRSWorkload.Habits(set)
        let newCards = max(1, settings.newPerDay)
        func year(_ weights: [Double]) throws -> FSRSWorkload {
            try FSRSWorkload(
                scheduling: try FSRSParameters(weights: weights, desiredRetention: settings.desiredRetention),
                memory: fit.weights, habits: habits, newCardsPerDay: newCards,
                days: FSRSCommand.Optimize.simulatedDays, seed: FSRSCommand.Optimize.simulationSeed)
        }
        return (settings, newCards, try year(FSRSParameters.defaultWeights), try year(fit.weights))
    }

    /// The weights as saved and shown: four decimals, as Anki shows them.
    var roundedWeights: [Double] { fit.weights.map { ($0 * 10_000).rounded() / 10_000 } }

    var tooFewMessage: String {
        "Not enough reviews to fit FSRS parameters: from \(Self.count(set.reviewCount, "review")) of "
            + "\(Self.count(set.cardCount, "card")), \(Self.count(fit.trainingItems, "training item")) "
            + "(reviews a study day or more after the card's previous one, rare first intervals left out); "
            + "at least \(FSRSOptimizer.minimumItems) are needed. The defaults stay."
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    func text(saved: String?, askedToSave: Bool, ownLog: Bool) -> String {
        guard fit.extent != .defaults else { return tooFewMessage + "\n" }
        var out = "FSRS-6 parameters fitted to \(Self.count(set.reviewCount, "review")) of "
            + "\(Self.count(set.cardCount, "card")) (\(Self.count(set.itemCount, "training item"))):\n"
        let shown = roundedWeights.map { String(format: "%.4f", $0) }
        out += "  " + shown[0..<11].joined(separator: ", ") + ",\n  " + shown[11...].joined(separator: ", ") + "\n"
        if fit.extent == .initialStability {
            out += "Only the initial stabilities w0-w3 were fitted: the others need at least "
                + "\(FSRSOptimizer.minimumItemsForAllWeights) training items after the outlier filter "
                + "(there are \(fit.trainingItems)).\n"
        }
        out += "\n            log loss  RMSE (bins)\n"
        out += "  default   " + String(format: "%8.4f  %10.2f%%", before.logLoss, before.rmseBins * 100) + "\n"
        out += "  fitted    " + String(format: "%8.4f  %10.2f%%", after.logLoss, after.rmseBins * 100) + "\n"
        if let workload {
            let retention = Int((workload.settings.desiredRetention * 100).rounded())
            out += "\nA simulated year of \(workload.newCards) new cards a day at \(retention)% desired retention, "
                + "your memory as fitted:\n"
            for (label, w) in [("default parameters", workload.before), ("fitted parameters ", workload.after)] {
                out += "  \(label)  " + String(format: "%5.1f reviews a day, %4.1f%% of due reviews recalled", w.reviewsPerDay, w.retention * 100) + "\n"
            }
        }
        if let saved {
            out += "\nSaved to \(saved): every deck without parameters of its own now uses them.\n"
        } else if ownLog && !askedToSave {
            out += "\nRun 'factdeck fsrs optimize --save' to schedule with them.\n"
        }
        return out
    }

    func json(saved: String?) -> JSONValue {
        let extent: String
        switch fit.extent {
        case .defaults: extent = "none"
        case .initialStability: extent = "initialStability"
        case .all: extent = "all"
        }
        func figures(_ e: FSRSEvaluation) -> [(String, JSONValue)] {
            set.itemCount == 0 ? [("logLoss", .null), ("rmseBins", .null)] : [("logLoss", .number(e.logLoss)), ("rmseBins", .number(e.rmseBins))]
        }
        var members: [(String, JSONValue)] = [("parameters", .array(fit.weights.map { .number($0) }))]
        members += figures(after)
        members += [
            ("reviews", .number(Double(set.reviewCount))), ("items", .number(Double(set.itemCount))),
            ("cards", .number(Double(set.cardCount))), ("trainingItems", .number(Double(fit.trainingItems))),
            ("fitted", .string(extent)), ("default", .object(figures(before))),
        ]
        if fit.extent == .defaults { members.append(("message", .string(tooFewMessage))) }
        if let workload {
            func year(_ w: FSRSWorkload) -> JSONValue {
                .object([("reviewsPerDay", .number(w.reviewsPerDay)), ("retention", .number(w.retention))])
            }
            members.append(("simulation", .object([
                ("days", .number(Double(FSRSCommand.Optimize.simulatedDays))), ("newCardsPerDay", .number(Double(workload.newCards))),
                ("desiredRetention", .number(workload.settings.desiredRetention)),
                ("default", year(workload.before)), ("fitted", year(workload.after)),
            ])))
        }
        if let saved { members.append(("saved", .string(saved))) }
        return .object(members)
    }
}
