import ArgumentParser
import DeckModel
import Foundation
import Glibc
import StudySession
import StudyStore

/// `factdeck quiz`: test yourself on a set of cards; a score at the end, the schedule untouched.
struct QuizCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: "Test yourself: a set number of questions, a score at the end, your schedule untouched.",
        discussion: """
            Picks cards at random across the decks (or the ones you are most likely to have \
            forgotten, with --weakest), asks each once and says at once whether you were right. \
            At the end: every missed card with its answer and source sentence, the time taken, \
            and 'Score: K/N (P%)'. Commands: :skip (ask it later) :source :help :quit. A quiz \
            never changes card states or due dates; its result is added to progress/quizzes.jsonl \
            and 'factdeck stats' shows the last scores. When stdin is not a terminal, one answer \
            is read per line.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Argument(help: ArgumentHelp("Decks to draw from, by id, title or file name (default: all).", valueName: "deck"))
    var deckNames: [String] = []

    // Read as text so that "-3" or "ten" get a one-line error rather than a usage page.
    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Questions to ask (default 20; all when the decks hold fewer).", valueName: "n"))
    var count: String?

    @Option(name: .long, help: ArgumentHelp("Only these kinds of card, comma-separated: cloze, question, choice, truefalse.", valueName: "types"))
    var types: String?

    @Flag(help: "The cards you are most likely to have forgotten (lowest recall, then most lapses, then new) instead of random ones.")
    var weakest = false

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("End the quiz after this many minutes; unanswered questions count as missed.", valueName: "minutes"))
    var time: String?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Seed of the random pick: the same seed and decks give the same quiz.", valueName: "s"))
    var seed: String?

    @Flag(help: "Print the result as one JSON object on stdout (the questions go to stderr).")
    var json = false

    /// The options as values, or the one-line reason they are not valid.
    struct Plan {
        var count = 20
        var types: Set<CardType>?
        var timeLimit: TimeInterval?
        var seed: UInt64?
    }

    func plan() throws -> Plan {
        var plan = Plan()
        if let count {
            guard let n = Int(count.trimmingCharacters(in: .whitespaces)), n >= 1 else {
                throw CLIError("--count must be a whole number of questions, 1 or more (got '\(count)')")
            }
            plan.count = n
        }
        if let types {
            var set = Set<CardType>()
            for name in types.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) where !name.isEmpty {
                guard let type = CardType(rawValue: name) else {
                    throw CLIError("--types: unknown card type '\(name)' (expected cloze, question, choice or truefalse, comma-separated)")
                }
                set.insert(type)
            }
            guard !set.isEmpty else { throw CLIError("--types needs at least one of cloze, question, choice, truefalse") }
            plan.types = set
        }
        if let time {
            guard let minutes = Double(time.trimmingCharacters(in: .whitespaces)), minutes.isFinite, minutes > 0, minutes <= 24 * 60 else {
                throw CLIError("--time must be a number of minutes above 0 and at most 1440 (got '\(time)')")
            }
            plan.timeLimit = minutes * 60
        }
        if let seed {
            guard let s = UInt64(seed.trimmingCharacters(in: .whitespaces)) else {
                throw CLIError("--seed must be a whole number from 0 to \(UInt64.max) (got '\(seed)')")
            }
            plan.seed = s
        }
        return plan
    }

    func run() throws {
        try reportingErrors {
            var runner = try QuizRunner(command: self, plan: try plan())
            try runner.run()
        }
    }
}
