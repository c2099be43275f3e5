import ArgumentParser
import DeckModel
import Foundation
import Glibc
import Scheduling
import StudySession
import StudyStore
import TerminalKit

/// `factdeck study`: the study session; also what `factdeck` alone runs.
struct StudyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "study",
        abstract: "Study the due cards of your decks (the default command).",
        discussion: """
            Type the answer and press Enter; an empty answer shows the card's answer and asks \
            you to grade yourself. Commands start with ':' (Tab completes them): \
            :help :skip :undo :source :edit :delete :suspend :bury :flag [note] :grade N :stats :quit. \
            Ctrl-D or Ctrl-C on an empty line saves and quits. When stdin is not a terminal, \
            one answer or command is read per line and plain text is written.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Argument(help: "Decks to study, by id, title or file name (default: all).")
    var deckNames: [String] = []

    @Option(name: .customLong("new"), help: "New cards per day (overrides settings.json).")
    var newPerDay: Int?

    @Option(help: "Reviews per day (overrides settings.json).")
    var reviews: Int?

    @Flag(help: "No interval fuzz and no load balancing (same answers, same schedule).")
    var noFuzz = false

    func validate() throws {
        if let newPerDay, newPerDay < 0 { throw ValidationError("--new must be 0 or more") }
        if let reviews, reviews < 0 { throw ValidationError("--reviews must be 0 or more") }
    }

    func run() throws {
        try reportingErrors {
            var runner = try StudyRunner(command: self)
            try runner.run()
            // Everything is saved and closed by now. Freeing a large collection's cards one
            // by one would add tens of milliseconds to every quit; the process ends anyway.
            fflush(nil)
            Glibc.exit(0)
        }
    }
}

/// Wires decks, store and session to the terminal; one instance per `study` run.
struct StudyRunner {
    static let commands = [
        ":help", ":skip", ":undo", ":source", ":edit", ":delete", ":suspend", ":bury", ":flag", ":grade", ":stats", ":quit",
    ]

    let session: Session
    let store: ProgressStore
    /// The learner's card edits, read under the lock this session holds; `:edit` and
    /// `:delete` change them and write them back.
    var edits: CardEdits
    let input: LineSource
    let interactive: Bool
    let style: Style
    let width: Int
    let screen: CardScreen
    let fixedNow: Date?

    init(command: StudyCommand) throws {
        let options = command.options
        fixedNow = ProcessInfo.processInfo.environment["FACTDECK_NOW"].flatMap { $0.isEmpty ? nil : $0 } != nil ? try Clock.now() : nil
        let now = try fixedNow ?? Clock.now()
        let files = try LearnerDecks.selectedFiles(command.deckNames, options: options, purpose: "study")
        store = try ProgressStore(folder: options.progress, mode: .writer, purpose: "study")
        let edits = try CardEditsFile.load(folder: options.progress)
        self.edits = edits
        let selected = files.selected.map { $0.applying(edits) }
        // Conflicts are found among all the decks, whichever are studied.
        let conflicts = ConflictIndex(LearnerDecks.conflicts(files.all.map { $0.applying(edits) }))
        let settings = try StudySettings.load(folder: options.progress)
        let progress = try store.load(decks: selected.map(\.deck.id))
        for w in store.warnings { Stderr.warn(w) }

        let day = StudyDay(rolloverHour: settings.dayStartHour, timeZone: .current)
        let today = try store.entries(since: day.startOfDay(containing: now))
        let done = Self.doneToday(today)
        // settings.json limits apply per deck (its own or the global one); --new and
        // --reviews cap the whole session.
        var limits = DailyLimits(
            newPerDay: command.newPerDay ?? Int.max / 2, reviewsPerDay: command.reviews ?? Int.max / 2,
            newDoneToday: done.values.reduce(0) { $0 + $1.new }, reviewsDoneToday: done.values.reduce(0) { $0 + $1.reviews })
        var sessionDecks: [SessionDeck] = []
        for loaded in selected {
            let id = loaded.deck.id
            let deckSettings = settings.decks[id] ?? StudySettings.Deck()
            sessionDecks.append(SessionDeck(deck: loaded.deck, scheduler: try settings.scheduler(forDeck: id)))
            limits.perDeck[id] = DeckLimits(
                newPerDay: command.newPerDay == nil ? deckSettings.newPerDay ?? settings.newPerDay : nil,
                reviewsPerDay: command.reviews == nil ? deckSettings.reviewsPerDay ?? settings.reviewsPerDay : nil,
                newDoneToday: done[id]?.new ?? 0, reviewsDoneToday: done[id]?.reviews ?? 0)
        }
        let seed: UInt64? = command.noFuzz ? nil : UInt64(bitPattern: Int64(now.timeIntervalSince1970 * 1000))
        session = Session(
            decks: sessionDecks, progress: progress, limits: limits, day: day, recorder: store, now: now, fuzzSeed: seed,
            conflicts: conflicts)
        interactive = isatty(STDIN_FILENO) == 1
        style = interactive ? Style.forStdout() : Style(enabled: false)
        width = min(terminalWidth(), 100) - 1
        screen = CardScreen(style: style, width: width)
        if interactive {
            input = ReadlineSource(commands: Self.commands, historyPath: (options.progress as NSString).appendingPathComponent("history"))
        } else {
            installQuitSignals()
            input = PlainLineSource()
        }
    }

    /// New cards introduced and reviews done today per deck, net of undone answers.
    static func doneToday(_ entries: [LogEntry]) -> [String: (new: Int, reviews: Int)] {
        let undone = Set(entries.compactMap { $0.kind == .undo ? $0.undoes : nil })
        var done: [String: (new: Int, reviews: Int)] = [:]
        for e in entries where e.kind == .review && !undone.contains(e.seq) {
            switch e.before?.phase {
            case .new?: done[e.deck, default: (0, 0)].new += 1
            case .review?: done[e.deck, default: (0, 0)].reviews += 1
            default: break
            }
        }
        return done
    }

    func now() -> Date { fixedNow ?? Date() }

    func say(_ text: String = "") { screen.say(text) }

    mutating func run() throws {
        defer { input.close() }
        var quit = false
        if interactive { say(style.dim("Type the answer, or Enter to show it. :help lists commands. Ctrl-D quits.")) }
        while !quit {
            guard let item = session.next(now: now()) else { break }
            show(item)
            let shownAt = Date()
            guard let line = input.read(prompt: interactive ? style.bold("> ") : "") else { break }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix(":") {
                quit = try command(trimmed, item: item)
                continue
            }
            let millis = interactive ? Int(Date().timeIntervalSince(shownAt) * 1000) : nil
            var fb = try perform { try session.answer(trimmed, elapsedMillis: millis, now: now()) }
            if fb.rating == nil {
                showFlipped(fb)
                switch try askSelfGrade(item: item) {
                case .graded(let graded): fb = graded
                case .quit: quit = true
                case .moved: continue
                }
                if quit { break }
            }
            showFeedback(fb)
            if interactive {
                // The feedback line: Enter moves on; 1-4 changes the grade; commands work too.
                while true {
                    guard let l = input.read(prompt: style.dim("Enter: next · 1-4: change grade > ")) else {
                        quit = true
                        break
                    }
                    let t = l.trimmingCharacters(in: .whitespaces)
                    if t.isEmpty { break }
                    if let r = GradePolicy.parseOverride(t) {
                        let changed = try perform { try session.regrade(r, now: now()) }
                        say("Grade changed to \(gradeName(r)): next in \(changed.due.map { shortDuration($0.timeIntervalSince(now())) } ?? "-").")
                        break
                    }
                    if t.hasPrefix(":") {
                        quit = try command(t, item: fb.item)
                        break
                    }
                    say(style.dim("Press Enter for the next card, or 1-4 (a/h/g/e) to change the grade."))
                }
            }
        }
        try finish()
    }

    /// Session errors end the run with their message; the log already holds every answer.
    func perform<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as SessionError {
            switch error {
            case .noCard, .nothingToUndo, .removedSince: throw SoftError(message: error.description)
            default: throw CLIError("\(error)")
            }
        }
    }

    private enum SelfGrade {
        case graded(AnswerFeedback)
        case quit
        /// A command (:skip, :bury ...) took the card off screen.
        case moved
    }

    private mutating func askSelfGrade(item: StudyItem) throws -> SelfGrade {
        while true {
            guard let l = input.read(prompt: interactive ? style.bold("grade 1-4 > ") : "") else { return .quit }
            let t = l.trimmingCharacters(in: .whitespaces)
            if let r = GradePolicy.parseOverride(t) { return .graded(try perform { try session.selfGrade(r, now: now()) }) }
            if t.hasPrefix(":") {
                if try command(t, item: item) { return .quit }
                if !session.isAwaitingSelfGrade { return .moved }
                continue
            }
            say("How well did you know it? 1 again · 2 hard · 3 good · 4 easy")
        }
    }

    private func gradeName(_ r: Rating) -> String { r.name.capitalized }

    private func show(_ item: StudyItem) {
        let r = item.remaining
        let counts = "\(style.blue("new \(r.new)")) · \(style.red("learning \(r.learning)")) · \(style.green("due \(r.due)"))"
        var where_ = TerminalText.clean(item.deckTitle)
        if let section = item.card.source.section { where_ += " · " + TerminalText.clean(section) }
        say()
        let plainCounts = "new \(r.new) · learning \(r.learning) · due \(r.due)"
        if TerminalText.width(where_) + 3 + TerminalText.width(plainCounts) <= width {
            say(style.dim(where_) + "   " + counts)
        } else {
            say(style.dim(where_))
            say(counts)
        }
        screen.question(item.card)
    }

    private func showFlipped(_ fb: AnswerFeedback) {
        say("Answer: \(style.bold(TerminalText.clean(fb.item.card.answer)))")
        showSource(fb.item)
        screen.otherSources(fb.item.otherSources)
        say("How well did you know it? 1 again · 2 hard · 3 good · 4 easy")
    }

    private func showFeedback(_ fb: AnswerFeedback) {
        screen.verdict(fb.verdict, card: fb.item.card)
        if fb.verdict != .empty {
            showSource(fb.item)
            screen.otherSources(fb.item.otherSources)
        }
        if let rating = fb.rating {
            let next = fb.due.map { shortDuration($0.timeIntervalSince(now())) } ?? "-"
            let options = Rating.allCases.map { r in
                "\(r.rawValue) \(r.name) \(fb.intervals[r].map(shortDuration) ?? "-")"
            }.joined(separator: " · ")
            say("Graded \(style.bold(gradeName(rating))), next in \(next).  \(style.dim(options))")
        }
        if case .disputed = fb.verdict, fb.item.progress.isFlagged {
            let id = fb.item.card.id
            say("Flagged until you settle it: 'factdeck conflicts' shows both sources, 'factdeck edit \(id) --answer ...' "
                + "corrects this card, 'factdeck unflag \(id)' brings it back to study.")
        }
    }

    private func showSource(_ item: StudyItem) { screen.source(item.card, deckTitle: item.deckTitle) }

    /// Runs a `:command`; returns true when the session should end. A command that does
    /// not apply now ("nothing to undo") says so and the session goes on.
    private mutating func command(_ line: String, item: StudyItem?) throws -> Bool {
        input.remember(line)
        do {
            return try runCommand(line, item: item)
        } catch let soft as SoftError {
            say(soft.message.prefix(1).uppercased() + soft.message.dropFirst() + ".")
            return false
        }
    }

    private mutating func runCommand(_ line: String, item: StudyItem?) throws -> Bool {
        let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
        let name = parts[0].lowercased()
        let arg = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        let matches = Self.commands.filter { $0.hasPrefix(name) }
        let resolved = matches.count == 1 ? matches[0] : name
        switch resolved {
        case ":help":
            say("""
                Type the answer and press Enter (an empty line shows the answer).
                :skip          put this card back for later
                :undo          take back the last answer (its log entry and schedule)
                :source        show the sentence this card came from
                :edit          correct this card, field by field (kept for good)
                :delete        delete this card for good (:undo brings it back)
                :suspend       never show this card again (until unsuspended)
                :bury          hide this card until tomorrow
                :flag [note]   mark this card as wrong or disputed (see 'factdeck decks --flagged')
                :grade N       change the last answer's grade (1 again, 2 hard, 3 good, 4 easy)
                :stats         this session so far
                :quit          save and quit (also Ctrl-D)
                """)
        case ":skip":
            session.skip(now: now())
            say(style.dim("Skipped."))
        case ":undo":
            try undoRemovalOnDisk()
            let u = try perform { try session.undo(now: now()) }
            if let rating = u.rating {
                say("Undid your \(gradeName(rating)) answer to: \(TerminalText.clean(u.card.question))")
            } else {
                say("Brought back: \(TerminalText.clean(u.card.question))")
            }
        case ":edit":
            guard let item else { throw SoftError(message: "there is no card on screen") }
            try editCard(item)
        case ":delete":
            guard let item else { throw SoftError(message: "there is no card on screen") }
            try deleteCard(item)
        case ":source":
            if let item { showSource(item) }
        case ":suspend":
            try perform { try session.suspendCurrent(now: now()) }
            say("Suspended.")
        case ":bury":
            try perform { try session.buryCurrent(now: now()) }
            say("Buried until tomorrow.")
        case ":flag":
            try perform { try session.flagCurrent(note: arg, now: now()) }
            say("Flagged\(arg.isEmpty ? "" : ": \(TerminalText.clean(arg))"). 'factdeck decks --flagged' lists flagged cards.")
        case ":grade":
            guard let r = GradePolicy.parseOverride(arg) else {
                say("Usage: :grade 1-4 (or again, hard, good, easy)")
                return false
            }
            let fb = try perform { try session.regrade(r, now: now()) }
            say("Grade changed to \(gradeName(r)): next in \(fb.due.map { shortDuration($0.timeIntervalSince(now())) } ?? "-").")
        case ":stats":
            say(summaryText())
        case ":quit", ":q", ":exit":
            return true
        default:
            say(matches.count > 1 ? "Which one? \(matches.joined(separator: " "))" : "Unknown command \(TerminalText.clean(name)); :help lists them.")
        }
        return false
    }

    private func summaryText() -> String {
        let s = session.summary
        let pct = s.studied == 0 ? "-" : "\(Int((s.correctShare * 100).rounded()))%"
        let seconds = Double(s.activeMillis) / 1000
        let spent = seconds < 60 ? "\(Int(seconds.rounded())) s" : String(format: "%.1f min", seconds / 60)
        let time = interactive ? ", \(spent) answering" : ""
        return "Studied \(s.studied) card\(s.studied == 1 ? "" : "s"), \(pct) correct\(time)."
    }

    private func finish() throws {
        do {
            try store.saveSnapshots()
        } catch {
            Stderr.warn("\(error) (your answers are safe in the review log)")
        }
        say()
        say(summaryText())
        if let next = session.next(now: now()) {
            say("Still to do today: \(next.remaining.new) new, \(next.remaining.learning) learning, \(next.remaining.due) due.")
        } else if let due = session.nextDue(now: now()) {
            say("Nothing more due now. Next card due \(describe(due)).")
        } else {
            say("No cards scheduled.")
        }
    }

    private func describe(_ date: Date) -> String {
        let delta = date.timeIntervalSince(now())
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = delta < 86_400 ? "HH:mm" : "EEE d MMM HH:mm"
        return "in \(shortDuration(delta)) (\(f.string(from: date)))"
    }
}

/// A session error that only means "not now" (nothing to undo); reported, not fatal.
struct SoftError: Error {
    var message: String
}
