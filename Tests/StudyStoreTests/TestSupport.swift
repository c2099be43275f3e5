import Foundation
import Scheduling
import StudyStore

/// A fresh temporary folder per test, removed by the caller's `defer`.
func makeTempFolder(_ name: String = #function) -> String {
    let dir = FileManager.default.temporaryDirectory
        .appendingPathComponent("factdeck-tests-\(name.filter { $0.isLetter || $0.isNumber })-\(UUID().uuidString)").path
    try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

func removeFolder(_ dir: String) { try? FileManager.default.removeItem(atPath: dir) }

let t0 = Date(timeIntervalSince1970: 1_795_428_000)  // 2026-11-23T10:00:00Z

/// A review entry that moves a card to review, due `days` later.
func review(_ deck: String, _ card: String, at time: Date, rating: Rating = .good, days: Double = 3, from before: SchedulingState = .new) -> LogEntry {
    var after = before
    after.phase = .review
    after.reps += 1
    after.memory = MemoryState(stability: days, difficulty: 5)
    after.lastReview = time
    after.due = time.addingTimeInterval(days * 86_400)
    return LogEntry(kind: .review, deck: deck, card: card, time: time, rating: rating, responseMillis: 2500, typed: "x", before: before, after: after)
}

func readBytes(_ path: String) -> [UInt8]? { FileManager.default.contents(atPath: path).map { [UInt8]($0) } }
