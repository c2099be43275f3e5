import ArgumentParser
import DeckModel
import Foundation
import JSONKit
import Stats
import StudySession
import StudyStore

/// `factdeck stats`: where the learner stands, as text charts or one JSON object.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show what you know and what is due: cards by state, today, streak, retention, forecast, heatmap.",
        discussion: """
            Reads only: works while a study session is running. --json prints one JSON object \
            with the same figures (rates from 0 to 1, times in milliseconds).
            """
    )

    @OptionGroup var options: GlobalOptions

    @Argument(help: ArgumentHelp("Decks to count (id, title or file name); all when none is given.", valueName: "deck"))
    var deckNames: [String] = []

    @Option(help: ArgumentHelp("Days in the due forecast and the reviews heatmap (default: 30-day forecast, 52-week heatmap).", valueName: "n"))
    var days: Int?

    @Flag(help: "Print the figures as one JSON object.")
    var json = false

    func validate() throws {
        if let days, !(1...3650).contains(days) {
            throw ValidationError("--days must be a whole number from 1 to 3650")
        }
    }

    func run() throws {
        try reportingErrors {
            let now = try options.now()
            let settings = try StudySettings.load(folder: options.progress)
            // With no deck named, the decks load on another thread while the log streams in;
            // naming decks needs them first (to know which decks' entries count).
            let decksFolder = options.decks
            let loading = DeckLoad()
            let loader = Thread { loading.result = DeckLibrary.load(folder: decksFolder); loading.done.signal() }
            var all: [LoadedDeck] = []
            var errors: [DeckFileError] = []
            var selected: [LoadedDeck] = []
            func finishLoading() throws {
                loading.done.wait()
                (all, errors) = loading.result
                all = try LearnerDecks.edited(all, options: options)
                // A missing decks folder still lets the log speak; broken deck files are named.
                if FileManager.default.fileExists(atPath: decksFolder) {
                    for e in errors { Stderr.print("factdeck: \(e)") }
                }
                let (chosen, unknown) = DeckLibrary.select(deckNames, from: all)
                if !unknown.isEmpty {
                    throw CLIError("no deck named \(unknown.map { "'\($0)'" }.joined(separator: ", ")) in \(decksFolder)/; 'factdeck decks' lists them")
                }
                selected = chosen
            }
            loader.start()
            if !deckNames.isEmpty { try finishLoading() }

            var retention = settings.desiredRetention
            if selected.count == 1, let own = settings.decks[selected[0].deck.id]?.desiredRetention { retention = own }
            var statsOptions = StatsOptions(forecastDays: days ?? 30)
            if let days { statsOptions.heatmapWeeks = max(1, (days + 6) / 7) }
            let day = StudyDay(rolloverHour: settings.dayStartHour, timeZone: .current)
            let only = deckNames.isEmpty ? nil : Set(selected.map(\.deck.id))
            let store = try ProgressStore(folder: options.progress, mode: .readOnly)
            // A long log is read in two halves at once, each into its own builder, merged in order.
            let (parts, scan) = try ReviewLog.forEachEntry(
                path: store.logPath, parts: 2,
                makePart: { _ in
                    StatsBuilder(now: now, days: day, desiredRetention: retention, options: statsOptions, onlyDecks: only)
                }
            ) { $0.add($1) }
            var builder = parts[0]
            for later in parts.dropFirst() { builder.merge(later) }
            if deckNames.isEmpty { try finishLoading() }
            let shown = 20
            for w in scan.warnings.prefix(shown) { Stderr.warn(w) }
            if scan.warnings.count > shown {
                Stderr.warn("\(scan.warnings.count - shown) more damaged lines in \(store.logPath) skipped")
            }
            var report = builder.report(decks: selected.map(\.deck), damagedLogLines: scan.damagedLines)
            let quizzes = try QuizHistory.load(folder: options.progress)
            for w in quizzes.warnings { Stderr.warn(w) }
            report.quizzes = StatsReport.quizScores(quizzes.records, decks: selected.map(\.deck), onlyDecks: only, timeZone: .current)
            // Found among all the decks; those with a card in the decks counted are reported.
            let counted = Set(selected.map(\.deck.id))
            report.conflicts = LearnerDecks.conflicts(all).filter { $0.cards.contains { counted.contains($0.deckId) } }

            if json {
                var bytes = report.json.encoded()
                bytes.append(0x0A)
                FileHandle.standardOutput.write(Data(bytes))
                return
            }
            let style = Style.forStdout()
            let renderer = StatsRenderer(width: min(terminalWidth(), 100), color: style.enabled)
            print(renderer.render(report), terminator: "")
        }
    }
}

extension StudyDay: StudyDayBoundaries {}

/// The decks as loaded on the loader thread (handed over through the semaphore).
private final class DeckLoad: @unchecked Sendable {
    var result: (decks: [LoadedDeck], errors: [DeckFileError]) = ([], [])
    let done = DispatchSemaphore(value: 0)
}
