import Foundation
import Scheduling
import StudyStore

/// Appends reviews to a progress folder as fast as it can, printing "ack SEQ" after each
/// append returns (i.e. after fsync). The crash test kills it with SIGKILL mid-stream and
/// checks that every acknowledged review is still in the log.
@main
struct StoreTorture {
    static func main() throws {
        let args = CommandLine.arguments
        guard args.count >= 3, let count = Int(args[2]) else {
            FileHandle.standardError.write(Data("usage: StoreTorture FOLDER COUNT\n".utf8))
            exit(2)
        }
        let store = try ProgressStore(folder: args[1], mode: .writer, purpose: "torture")
        _ = try store.load(decks: ["torture"])
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        for i in 0..<count {
            let card = "card-\(i % 37)"
            let before = store.progress(deck: "torture", card: card).schedule
            var after = before
            after.reps += 1
            after.phase = .review
            after.due = t0.addingTimeInterval(Double(i) * 60 + 86_400)
            let e = try store.record(
                LogEntry(kind: .review, deck: "torture", card: card, time: t0.addingTimeInterval(Double(i) * 60), rating: .good,
                         responseMillis: 1000 + i, typed: "answer \(i) with some padding to make lines longer", before: before, after: after))
            print("ack \(e.seq)")
            fflush(nil)
        }
    }
}
