import DeckModel
import Foundation
import Glibc
import StudySession
import StudyStore
import TerminalKit

/// Wires decks, the quiz and the terminal for one `quiz` run. Reads progress, never
/// writes it; the one write is the result, appended to the quiz history at the end.
struct QuizRunner {
    static let commands = [":help", ":skip", ":source", ":quit"]

    private var quiz: Quiz
    private let deckIDs: [String]
    private let deckTitles: [String]
    private let pick: QuizPick
    private let seed: UInt64
    private let timeLimit: TimeInterval?
    private let progressFolder: String
    private let input: LineSource
    private let interactive: Bool
    private let json: Bool
    private let screen: CardScreen
    private var style: Style { screen.style }
    /// The quiz's start on the (possibly fixed) clock and on the monotonic one: `now()`
    /// is the first plus the time elapsed on the second, so a time limit runs even when
    /// FACTDECK_NOW fixes the date.
    private let startDate: Date
    private let startInstant = ContinuousClock.now

    init(command: QuizCommand, plan: QuizCommand.Plan) throws {
        let options = command.options
        startDate = try Clock.now()
        let (selected, all) = try LearnerDecks.selected(command.deckNames, options: options, purpose: "quiz on")
        // Read-only: a quiz runs beside a study session and never writes card states.
        let store = try ProgressStore(folder: options.progress, mode: .readOnly)
        let progress = try store.load(decks: selected.map(\.deck.id))
        for w in store.warnings { Stderr.warn(w) }
        let settings = try StudySettings.load(folder: options.progress)
        let decks = try selected.map { SessionDeck(deck: $0.deck, scheduler: try settings.scheduler(forDeck: $0.deck.id)) }

        pick = command.weakest ? .weakest : .random
        // Not the clock: FACTDECK_NOW would give every quiz the same cards. Below 2^53 so
        // the seed survives JSON numbers.
        seed = plan.seed ?? UInt64.random(in: 0..<(1 << 53))
        let questions = QuizSelection.pick(
            from: decks, progress: progress, types: plan.types, count: plan.count, pick: pick, seed: seed, now: startDate)
        if questions.isEmpty {
            let what = plan.types.map { " of type " + $0.map(\.rawValue).sorted().joined(separator: ", ") } ?? ""
            throw CLIError("no cards\(what) to ask in \(selected.map { "'\($0.deck.title)'" }.joined(separator: ", ")) (suspended and flagged cards are left out)")
        }
        quiz = Quiz(
            questions: questions, startedAt: startDate, timeLimit: plan.timeLimit, conflicts: ConflictIndex(LearnerDecks.conflicts(all)))
        timeLimit = plan.timeLimit
        deckIDs = selected.map(\.deck.id)
        deckTitles = selected.map(\.deck.title)
        progressFolder = options.progress
        json = command.json
        interactive = isatty(STDIN_FILENO) == 1
        let onTerminal = interactive && (json ? isatty(STDERR_FILENO) == 1 : true)
        let style = onTerminal ? (json ? Style.forStderr() : Style.forStdout()) : Style(enabled: false)
        screen = CardScreen(style: style, width: min(terminalWidth(), 100) - 1, toStderr: json)
        if interactive {
            // No history file: a quiz must not write the progress folder beside a session.
            input = ReadlineSource(commands: Self.commands, historyPath: nil, echoToStderr: json)
        } else {
            installQuitSignals()
            input = PlainLineSource()
        }
    }

    private func now() -> Date { startDate.addingTimeInterval(elapsed()) }

    private func elapsed() -> TimeInterval {
        let d = ContinuousClock.now - startInstant
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    private func say(_ text: String = "") { screen.say(text) }

    mutating func run() throws {
        defer { input.close() }
        let n = quiz.questions.count
        var intro = "Quiz: \(n) question\(n == 1 ? "" : "s") from \(deckTitles.map(TerminalText.clean).joined(separator: ", "))"
        if let timeLimit { intro += ", \(Self.duration(timeLimit)) to answer" }
        say(style.bold(intro + "."))
        if interactive { say(style.dim("Type the answer and press Enter. :skip asks it later, :quit ends the quiz.")) }
        if let timeLimit { armInputDeadline(after: max(0.001, timeLimit - elapsed())) }
        while let question = quiz.current(now: now()) {
            show(question)
            guard let line = input.read(prompt: interactive ? style.bold("> ") : "") else {
                quiz.quit(now: now())
                break
            }
            let typed = line.trimmingCharacters(in: .whitespaces)
            if typed.hasPrefix(":") {
                input.remember(typed)
                if command(typed, question: question) {
                    quiz.quit(now: now())
                    break
                }
                continue
            }
            do {
                showFeedback(try quiz.answer(typed, now: now()))
            } catch {
                break  // the time ran out while the answer was typed: it does not count
            }
        }
        disarmInputDeadline()
        let result = quiz.result(now: now())
        let saved = Result { () throws(StoreError) in try QuizHistory.append(record(result), folder: progressFolder) }
        if json {
            var bytes = QuizReport.json(result, decks: deckIDs, pick: pick, seed: seed, timeLimit: timeLimit).encoded()
            bytes.append(0x0A)
            FileHandle.standardOutput.write(Data(bytes))
        } else {
            showSummary(result)
        }
        if case .failure(let error) = saved {
            throw CLIError("could not save the quiz result: \(error)")
        }
    }

    private func record(_ result: QuizResult) -> QuizRecord {
        QuizRecord(
            time: result.startedAt, seconds: result.seconds, decks: deckIDs, total: result.total, correct: result.correct,
            missed: result.missed.map { QuizRecord.CardRef(deck: $0.question.deckId, card: $0.question.card.id) },
            ending: result.ending.rawValue, pick: pick.rawValue, seed: seed, timeLimitMinutes: timeLimit.map { $0 / 60 })
    }

    private func show(_ q: QuizQuestion) {
        let (answered, total) = quiz.progress
        var header = "Question \(answered + 1) of \(total) · \(TerminalText.clean(q.deckTitle))"
        if let section = q.card.source.section { header += " · " + TerminalText.clean(section) }
        if let left = quiz.timeLeft(now: now()) { header += " · " + Self.clock(left) + " left" }
        say()
        say(style.dim(header))
        screen.question(q.card)
    }

    /// Right or wrong at once; on a miss, the sentence the card came from.
    private func showFeedback(_ a: QuizAnswer) {
        guard let verdict = a.verdict else { return }
        screen.verdict(verdict, card: a.question.card, emptyIsMiss: true)
        // Lines about the answer (its source, other sources) go here, after the verdict.
        if !a.isRight || a.isDisputed { screen.source(a.question.card, deckTitle: a.question.deckTitle) }
        screen.otherSources(a.question.otherSources)
        if a.isDisputed { say(style.dim("Counted right. 'factdeck conflicts' shows both sources.")) }
    }

    /// Runs a `:command`; true when the quiz should end.
    private mutating func command(_ line: String, question: QuizQuestion) -> Bool {
        let name = line.split(separator: " ", maxSplits: 1).first.map { $0.lowercased() } ?? line
        let matches = Self.commands.filter { $0.hasPrefix(name) }
        switch matches.count == 1 ? matches[0] : name {
        case ":help":
            say("""
                Type the answer and press Enter (an empty line gives up on the question).
                :skip      ask this question again after the others
                :source    show the sentence this card came from
                :quit      end the quiz now (the questions left count as missed)
                """)
        case ":skip":
            quiz.skip()
            say(style.dim("Skipped: it comes back after the others."))
        case ":source":
            screen.source(question.card, deckTitle: question.deckTitle)
        case ":quit", ":q", ":exit":
            return true
        default:
            say(matches.count > 1 ? "Which one? \(matches.joined(separator: " "))" : "Unknown command \(TerminalText.clean(name)); :help lists them.")
        }
        return false
    }

    /// The misses with their answers and sources, the time taken, and the score last
    /// (scripts read the final line).
    private func showSummary(_ result: QuizResult) {
        say()
        if result.ending == .timeUp { say(style.yellow("Time is up.")) }
        let missed = result.missed
        if !missed.isEmpty {
            say(style.bold("Missed \(missed.count) of \(result.total):"))
            for a in missed {
                say("  " + TerminalText.clean(a.question.card.question))
                var answer = "    Answer: " + style.bold(TerminalText.clean(a.question.card.answer))
                if let typed = a.typed {
                    answer += typed.isEmpty ? style.dim(" (no answer given)") : style.dim(" (you typed: \(TerminalText.clean(typed)))")
                } else {
                    answer += style.dim(" (not answered)")
                }
                say(answer)
                screen.source(a.question.card, deckTitle: a.question.deckTitle, indent: "    ")
            }
        }
        let disputed = result.disputed
        if !disputed.isEmpty {
            say(style.bold("Disputed \(disputed.count) (counted right; the sources disagree):"))
            for a in disputed {
                guard case .disputed(let other)? = a.verdict else { continue }
                say("  " + TerminalText.clean(a.question.card.question))
                say("    This card says: " + style.bold(TerminalText.clean(a.question.card.answer))
                    + style.dim(" (you typed: \(TerminalText.clean(a.typed ?? "")))"))
                say("    Another source says: " + TerminalText.clean(other.card.answer) + " — " + TerminalText.clean(other.place))
            }
        }
        var time = "Time: " + Self.duration(result.seconds)
        if let timeLimit { time += " of \(Self.duration(timeLimit))" }
        say(time)
        say(style.bold("Score: \(result.correct)/\(result.total) (\(result.percent)%)"))
    }

    /// "45 s", "3 min 05 s", "1 h 02 min".
    static func duration(_ seconds: TimeInterval) -> String {
        let s = Int(seconds.rounded())
        if s < 60 { return "\(s) s" }
        if s < 3600 { return "\(s / 60) min" + (s % 60 == 0 ? "" : String(format: " %02d s", s % 60)) }
        return "\(s / 3600) h" + String(format: " %02d min", (s % 3600) / 60)
    }

    /// "4:05" left.
    static func clock(_ seconds: TimeInterval) -> String {
        let s = Int(seconds.rounded(.up))
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}
