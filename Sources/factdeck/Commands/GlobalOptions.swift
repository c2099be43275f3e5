import ArgumentParser
import Foundation
import ISOTime
import JSONKit

/// Options every command takes: where the decks and the progress live.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder of deck files.", valueName: "dir"))
    var decks: String = "decks"

    @Option(name: .long, help: ArgumentHelp("Folder of the learner's progress.", valueName: "dir"))
    var progress: String = "progress"

    /// The current time, or FACTDECK_NOW when set (for tests and reproducible runs).
    func now() throws -> Date { try Clock.now() }
}

/// The one place that reads the clock.
enum Clock {
    static func now() throws -> Date {
        guard let raw = ProcessInfo.processInfo.environment["FACTDECK_NOW"], !raw.isEmpty else { return Date() }
        guard let d = ISODate.parse(raw.trimmingCharacters(in: .whitespaces)) else {
            throw CLIError("FACTDECK_NOW=\(raw) is not an ISO 8601 time (e.g. 2026-11-23T09:30:00Z); unset it or fix it")
        }
        return d
    }
}
