import ArgumentParser
import Foundation

/// Options every command takes: where the decks and the progress live.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder of deck files.", valueName: "dir"))
    var decks: String = "decks"

    @Option(name: .long, help: ArgumentHelp("Folder of the learner's progress.", valueName: "dir"))
    var progress: String = "progress"

    /// The current time, or FACTDECK_NOW when set (for tests and reproducible runs).
    func now() throws -> Date { try Clock.now() }
}
