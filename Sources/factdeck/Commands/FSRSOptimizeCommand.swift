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

        @Option(help: ArgumentHelp("For a CSV: the hour (UTC, 0-23) at which a study day starts (default 4).", valueName: "hour"))
        var dayStartHour: Int?

        /// The simulated study for the effect of the fitted parameters.
        static let simulatedDays = 365
        static let simulationSeed: UInt64 = 20

        func validate() throws {
            guard let dayStartHour else { return }
            if file == nil {
                throw ValidationError("--day-start-hour is for a CSV file; your own reviews use dayStartHour in settings.json")
            }
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
                    set = FSRSTrainingSet(log: log, dayStartHour: dayStartHour ?? 4)
                } else {
                    let own = try StudySettings.load(folder: options.progress)
                    settings = own
                    set = FSRSTrainingSet(reviews: try Self.ownReviews(folder: options.progress, settings: own))
                }
                let fit = FSRSOptimizer.fit(set)
                let result = FSRSOptimizeReport(set: set, fit: fit, settings: settings)
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
