import ArgumentParser

/// `factdeck-lang`: the language layer on its own, for people working on the generator.
@main
struct FactdeckLang: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "factdeck-lang",
        abstract: "Train, evaluate and run the tagger and dependency parser behind card generation.",
        subcommands: [TrainCommand.self, EvaluateCommand.self, ParseCommand.self]
    )
}
