import FuzzInputs
import FuzzSupport
import StudyStore

@_cdecl("fuzz_snapshot_main")
public func fuzzSnapshotMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, check: SnapshotTarget.check)
}

/// A progress snapshot's bytes (`progress/<deck>.cards.json`) through `ProgressSnapshot.decode`.
enum SnapshotTarget {
    static func check(_ bytes: [UInt8]) {
        let path = "progress/fuzz.cards.json"
        do {
            let snapshot = try ProgressSnapshot.decode(bytes, path: path)
            // What it reads it writes, and what it writes reads back to the same bytes.
            let written = snapshot.encoded()
            let again: ProgressSnapshot
            do {
                again = try ProgressSnapshot.decode(written, path: path)
            } catch {
                Invariant.fail("a decoded snapshot does not read back: \(error)")
            }
            Invariant.require(again.encoded() == written, "writing the snapshot read back changes it")
            Invariant.require(again.deck == snapshot.deck && again.cards.count == snapshot.cards.count,
                              "the snapshot read back has other cards")
        } catch {
            Invariant.require(error.description.hasPrefix(path), "the error does not name the file: \(error)")
            if case .corruptSnapshot(_, let line, _) = error {
                Invariant.require(line >= 1 && line <= Lines.count(bytes), "line \(line) is outside the input: \(error)")
            }
        }
    }
}
