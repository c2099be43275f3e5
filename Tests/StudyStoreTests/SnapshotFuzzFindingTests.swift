import Foundation
import Testing

@testable import StudyStore

/// Damaged snapshots the fuzzers found, kept as files.
@Suite struct SnapshotFuzzFindingTests {
    /// Found by fuzzing: a stability of 0.06e3086092545 read as infinity, which the snapshot
    /// writer writes as null, so the card lost its memory state on the next save.
    @Test func aNumberTooLargeForADoubleIsADamagedLine() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/fuzz-crashes/number-too-large.cards.json").path
        let bytes = try #require(readBytes(path))
        #expect(throws: StoreError.corruptSnapshot(path: path, line: 3, problem: "the number is too large")) {
            try ProgressSnapshot.decode(bytes, path: path)
        }
    }
}
