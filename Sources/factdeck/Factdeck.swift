import ArgumentParser

/// The command tree; each subcommand lives in its own file under Commands/.
@main
struct Factdeck: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "factdeck",
        abstract: "Turn articles into question cards and study them with spaced repetition.",
        discussion: """
            Decks live in ./decks (one JSON file per article), progress in ./progress.
            Set FACTDECK_NOW to an ISO 8601 time to run as if it were then.
            """,
        version: version,
        subcommands: [StudyCommand.self, QuizCommand.self, GenerateCommand.self, DecksCommand.self, ConflictsCommand.self, CardsCommand.self, EditCommand.self, DeleteCommand.self, UnflagCommand.self, StatsCommand.self, ExportCommand.self, ImportCommand.self, FSRSCommand.self],
        defaultSubcommand: StudyCommand.self
    )
}
