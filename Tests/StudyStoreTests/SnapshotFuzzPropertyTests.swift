import Foundation
import FuzzInputs
import Scheduling
import Testing

@testable import StudyStore

/// Progress snapshots damaged every way a fuzzer would damage them: `ProgressSnapshot.decode`
/// never crashes, its fast path never disagrees with the generic one, what it reads it writes
/// back, and what it refuses it refuses with the file and a line of it.
@Suite struct SnapshotFuzzPropertyTests {
    /// A snapshot with a card in every state the store writes.
    static let seeds: [[UInt8]] = {
        let learning = SchedulingState(phase: .learning, step: 1, memory: MemoryState(stability: 0.4, difficulty: 6.2),
                                       due: t0.addingTimeInterval(600), lastReview: t0, reps: 1)
        let review = SchedulingState(phase: .review, memory: MemoryState(stability: 31.5, difficulty: 3.25),
                                     due: t0.addingTimeInterval(31 * 86_400), lastReview: t0, reps: 7, lapses: 2)
        var sm2 = review
        sm2.memory = nil
        sm2.ease = 2.36
        sm2.intervalDays = 12
        let snapshot = ProgressSnapshot(deck: "solar-system", cards: [
            "c-new": .untouched,
            "c-learning": CardProgress(schedule: learning),
            "c-review": CardProgress(schedule: review, flagNote: "the \"answer\" is out of date\n"),
            "c-sm2": CardProgress(schedule: sm2, suspended: true),
            "c-buried": CardProgress(schedule: review, buriedUntil: t0.addingTimeInterval(86_400.125)),
            "c-é😀": CardProgress(schedule: learning, flagNote: ""),
        ], logSize: 48_211, logSeq: 312)
        return [snapshot.encoded(), ProgressSnapshot(deck: "empty").encoded()]
    }()

    static let tokens = [
        "\"format\":", "\"factdeck.progress\"", "\"version\":", "\"deck\":", "\"cards\":", "\"logSize\":", "\"logSeq\":",
        "\"state\":", "\"phase\":", "\"review\"", "\"relearning\"", "\"due\":", "\"last\":", "\"stability\":", "\"ease\":",
        "\"suspended\":", "\"buried\":", "\"flag\":", "null", "true", "{}", "[]", "2", "1e400", "-1",
    ]

    @Test func mutatedSnapshotsAreReadOrRefusedWithTheirLine() {
        let path = "progress/mutated.cards.json"
        var read = 0
        for (i, bytes) in MutatedInputs(seeds: Self.seeds, count: 3000, seed: 22, tokens: Self.tokens).enumerated() {
            if let fast = ProgressSnapshot.decodeFast(bytes) {
                let generic = try? ProgressSnapshot.decodeGeneric(bytes, path: path)
                #expect(generic?.cards == fast.cards && generic?.deck == fast.deck, "input \(i)")
                #expect(generic?.logSize == fast.logSize && generic?.logSeq == fast.logSeq, "input \(i)")
            }
            do {
                let snapshot = try ProgressSnapshot.decode(bytes, path: path)
                read += 1
                let written = snapshot.encoded()
                let again = try? ProgressSnapshot.decode(written, path: path)
                #expect(again?.encoded() == written, "input \(i): the snapshot does not read back as written")
                #expect(snapshot.cards.count <= bytes.count / 8, "input \(i): more cards than the bytes can hold")
            } catch {
                #expect(error.description.hasPrefix(path), "input \(i): \(error)")
                switch error {
                case .corruptSnapshot(_, let line, _): #expect(line >= 1 && line <= Lines.count(bytes), "input \(i): \(error)")
                case .newerVersion: break
                default: Issue.record("input \(i): \(error)")
                }
            }
        }
        #expect(read >= 100)
    }
}
