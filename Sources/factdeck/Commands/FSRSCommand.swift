import ArgumentParser
import Foundation
import Glibc
import Scheduling
import StudyStore

/// `factdeck fsrs ...`: the scheduler on its own, for checking it against other FSRS tools.
struct FSRSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fsrs",
        abstract: "Run the FSRS-6 scheduler on a review log.",
        subcommands: [Replay.self, Optimize.self]
    )

    struct Replay: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replay a review log (CSV) and print each card's memory state after every review.",
            discussion: """
                The CSV's header names its columns, in any order: card_id, review_time (ms since \
                the epoch, or ISO 8601), review_rating (1-4), and optionally review_state and \
                review_duration ('rating' and 'review_time_unix_ms' are accepted too). Default \
                parameters (py-fsrs: steps 1m 10m, relearning 10m, retention 0.9), no fuzz. \
                A malformed row is reported with its line number on stderr; the other rows still \
                replay and the exit code is 1.
                """
        )

        @Argument(help: "The review log, a CSV file ('-' for stdin).")
        var file: String

        @Flag(help: "One JSON object per review and line (card_id, review_time, rating, stability, difficulty, state, step, due).")
        var json = false

        @Flag(help: "Only totals: cards by final state, median stability, mean difficulty.")
        var summary = false

        @Option(help: "Desired retention (0.7 to 0.99).")
        var retention: Double = 0.9

        func validate() throws {
            if summary && json { throw ValidationError("--summary and --json exclude each other") }
        }

        func run() throws {
            try reportingErrors {
                let bytes = try FSRSCommand.readLog(file)
                let parameters: FSRSParameters
                do {
                    parameters = try FSRSParameters(desiredRetention: retention)
                } catch {
                    throw CLIError("--retention: \(error)")
                }
                let result = ReviewLogReplay.replay(csv: bytes, parameters: parameters)
                if summary {
                    print(result.summary.text, terminator: "")
                } else if json {
                    // Streamed in chunks: a million reviews would be ~200 MB as one buffer.
                    result.writeJSONLines { Self.writeOut($0) }
                } else {
                    result.writeTextLines { Self.writeOut($0) }
                }
                try FSRSCommand.report(result.errors, file: file)
            }
        }

        private static func writeOut(_ buf: UnsafeBufferPointer<UInt8>) {
            var off = 0
            while off < buf.count {
                let n = write(STDOUT_FILENO, buf.baseAddress! + off, buf.count - off)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
                off += n
            }
        }
    }
}

extension FSRSCommand {
    /// The bytes of a review log named on the command line ('-' for stdin).
    static func readLog(_ file: String) throws -> [UInt8] {
        if file == "-" { return [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }
        guard let bytes = try DurableFile.read(file) else { throw CLIError("\(file): no such file") }
        return bytes
    }

    /// Names the malformed rows on stderr (the first 50) and fails the run when there are any;
    /// the valid rows have been used by then.
    static func report(_ errors: [ReplayError], file: String) throws {
        for e in errors.prefix(50) { Stderr.print("factdeck: \(file):\(e.line): \(e.message)") }
        if errors.count > 50 { Stderr.print("factdeck: \(file): \(errors.count - 50) more malformed rows") }
        if !errors.isEmpty { throw ExitCode.failure }
    }
}
