import ArgumentParser
import Foundation
import JSONKit
import Scheduling
import StudyStore

extension FSRSCommand {
    /// `factdeck fsrs optimize [FILE.csv]`: fit the 21 FSRS-6 weights to a review log.
    struct Optimize: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fit the 21 FSRS-6 parameters to a review log: a CSV file, or your own reviews.",
            discussion: """
                Fits as fsrs-rs (Anki's optimizer) does: one training item per review a study day \
                or more after the card's previous one, fsrs-rs' outlier filter, initial stabilities \
                from first ratings, then Adam on the log loss. Prints the parameters and the log \
                loss and RMSE (bins) of the default and the fitted parameters on the items. With \
                no FILE it fits your own reviews (the progress folder), shows what the fitted \
                parameters would change by a simulated year of study, and with --save writes them \
                to settings.json, where every deck without parameters of its own picks them up. \
                A CSV has the columns of 'fsrs replay'; its times are taken in UTC. Too few \
                reviews is said in one line and is no error.
                """
        )

        @OptionGroup var options: GlobalOptions

        @Argument(help: "A review log as CSV ('-' for stdin); default: your reviews in the progress folder.")
        var file: String?

        @Flag(help: "Print one JSON object (parameters, logLoss, rmseBins, reviews, items, ...).")
        var json = false

        @Flag(help: "Write the fitted parameters to settings.json in the progress folder.")
        var save = false

        @Option(help: ArgumentHelp("For a CSV: the hour (UTC, 0-23) at which a study day starts.", valueName: "hour"))
        var dayStartHour = 4

        /// The simulated study for the effect of the fitted parameters.
        static let simulatedDays = 365
        static let simulationSeed: UInt64 = 20

        func validate() throws {
            if !(0...23).contains(dayStartHour) { throw ValidationError("--day-start-hour must be a whole number from 0 to 23") }
        }

        func run() throws {
            try reportingErrors {
                var malformed: [ReplayError] = []
                let set: FSRSTrainingSet
                var settings: StudySettings?
                if let file {
                    let log = ReviewLogCSV(csv: try FSRSCommand.readLog(file))
                    malformed = log.errors
                    set = FSRSTrainingSet(log: log, dayStartHour: dayStartHour)
                } else {
                    let own = try StudySettings.load(folder: options.progress)
                    settings = own
                    set = FSRSTrainingSet(reviews: try Self.ownReviews(folder: options.progress, settings: own))
                }
                let fit = FSRSOptimizer.fit(set)
                let result = Outcome(set: set, fit: fit, settings: settings)
                var saved: String?
                if save && fit.extent != .defaults {
                    try StudySettings.saveFSRSParameters(result.roundedWeights, folder: options.progress)
                    saved = StudySettings.path(in: options.progress)
                }
                if json {
                    var bytes = result.json(saved: saved).encoded()
                    bytes.append(0x0A)
                    FileHandle.standardOutput.write(Data(bytes))
                } else {
                    print(result.text(saved: saved, askedToSave: save, ownLog: file == nil), terminator: "")
                }
                if let file { try FSRSCommand.report(malformed, file: file) }
            }
        }

        /// The learner's answers from the review log, less the ones taken back; each on the study
        /// day of the learner's day start and time zone.
        static func ownReviews(folder: String, settings: StudySettings) throws -> [FSRSDatedReview] {
            let store = try ProgressStore(folder: folder, mode: .readOnly)
            var answers: [(seq: Int, review: FSRSDatedReview)] = []
            var undone = Set<Int>()
            let zone = TimeZone.current
            let dayStart = Double(settings.dayStartHour * 3_600)
            let scan = try ReviewLog.forEachEntry(path: store.logPath) { entry in
                switch entry.kind {
                case .review:
                    guard let rating = entry.rating else { return }
                    let local = entry.time.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: entry.time)) - dayStart
                    let day = Int((local / 86_400).rounded(.down))
                    // A card id is unique within its deck only.
                    answers.append((entry.seq, FSRSDatedReview(card: entry.deck + "\u{1F}" + entry.card, time: entry.time, studyDay: day, rating: rating)))
                case .undo:
                    if let target = entry.undoes { undone.insert(target) }
                default:
                    break
                }
            }
            for w in scan.warnings.prefix(20) { Stderr.warn(w) }
            if scan.warnings.count > 20 { Stderr.warn("\(scan.warnings.count - 20) more damaged lines in \(store.logPath) skipped") }
            return answers.filter { !undone.contains($0.seq) }.map(\.review)
        }
    }
}

/// What `fsrs optimize` found, and how it is shown.
private struct Outcome {
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
            FSRSWorkload(
                scheduling: try FSRSParameters(weights: weights, desiredRetention: settings.desiredRetention),
                memory: fit.weights, habits: habits, newCardsPerDay: newCards,
                days: FSRSCommand.Optimize.simulatedDays, seed: FSRSCommand.Optimize.simulationSeed)
        }
        return (settings, newCards, try year(FSRSParameters.defaultWeights), try year(fit.weights))
    }

    /// The weights as saved and shown: four decimals, as Anki shows them.
    var roundedWeights: [Double] { fit.weights.map { ($0 * 10_000).rounded() / 10_000 } }

    var tooFewMessage: String {
        "Not enough reviews to fit FSRS parameters: \(set.reviewCount) reviews of \(set.cardCount) cards give "
            + "\(fit.trainingItems) training items (reviews a study day or more after the card's previous one, "
            + "rare first intervals left out); at least \(FSRSOptimizer.minimumItems) are needed. The defaults stay."
    }

    func text(saved: String?, askedToSave: Bool, ownLog: Bool) -> String {
        guard fit.extent != .defaults else { return tooFewMessage + "\n" }
        var out = "FSRS-6 parameters fitted to \(set.reviewCount) reviews of \(set.cardCount) cards "
            + "(\(set.itemCount) training items):\n"
        let shown = roundedWeights.map { String(format: "%.4f", $0) }
        out += "  " + shown[0..<11].joined(separator: ", ") + ",\n  " + shown[11...].joined(separator: ", ") + "\n"
        if fit.extent == .initialStability {
            out += "Only the initial stabilities w0-w3 were fitted: the others need at least "
                + "\(FSRSOptimizer.minimumItemsForAllWeights) training items (there are \(fit.trainingItems)).\n"
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
