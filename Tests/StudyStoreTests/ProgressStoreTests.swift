import Foundation
import JSONKit
import Scheduling
import Testing

@testable import StudyStore

@Suite struct ProgressStoreTests {
    @Test func reviewsRoundTripThroughLogAndSnapshot() throws {
        let dir = makeTempFolder()
        defer { removeFolder(dir) }
        let expected: [String: CardProgress]
        do {
            let store = try ProgressStore(folder: dir, mode: .writer)
            _ = try store.load(decks: ["d"])
            try store.record(review("d", "a", at: t0))
            try store.record(review("d", "b", at: t0.addingTimeInterval(5), rating: .again, days: 0.01))
            try store.record(LogEntry(kind: .flag, deck: "d", card: "b", time: t0, note: "the date looks wrong"))
            try store.record(LogEntry(kind: .suspend, deck: "d", card: "c", time: t0))
            try store.record(LogEntry(kind: .bury, deck: "d", card: "a", time: t0, until: t0.addingTimeInterval(86_400)))
            try store.saveSnapshots()
            expected = try ProgressStore(folder: dir, mode: .readOnly).load(decks: ["d"])["d"]!
        }
        #expect(expected["a"]?.schedule.phase == .review)
        #expect(expected["a"]?.buriedUntil == t0.addingTimeInterval(86_400))
        #expect(expected["b"]?.flagNote == "the date looks wrong")
        #expect(expected["c"]?.suspended == true)
        // Without the snapshot the log alone gives the same states.
        try FileManager.default.removeItem(atPath: ProgressStore(folder: dir, mode: .readOnly).snapshotPath(deck: "d"))
        let rebuilt = try ProgressStore(folder: dir, mode: .readOnly).load(decks: ["d"])["d"]!
        #expect(rebuilt == expected)
        let entries = try ProgressStore(folder: dir, mode: .readOnly).allEntries()
        #expect(entries.map(\.seq) == [1, 2, 3, 4, 5])
        #expect(entries[0].typed == "x" && entries[0].responseMillis == 2500 && entries[0].rating == .good)
    }

    @Test func snapshotOlderThanLogIsCaughtUpFromTheLog() throws {
        let dir = makeTempFolder()
        defer { removeFolder(dir) }
        do {
            let store = try ProgressStore(folder: dir, mode: .writer)
            _ = try store.load(decks: ["d"])
            try store.record(review("d", "a", at: t0))
            try store.saveSnapshots()
            // Appended after the snapshot, then the process "dies" before saving again.
            try store.record(review("d", "b", at: t0.addingTimeInterval(60)))
        }
        let states = try ProgressStore(folder: dir, mode: .readOnly).load(decks: ["d"])["d"]!
        #expect(Set(states.keys) == ["a", "b"])
    }

    /// Sessions that study one of two decks: the log's seq keeps counting across starts
    /// whose snapshots are current, and the untouched deck's snapshot stays trusted.
    @Test func seqKeepsCountingAcrossSessionsThatStartFromCurrentSnapshots() throws {
        let dir = makeTempFolder()
        defer { removeFolder(dir) }
        for session in 0..<3 {
            let store = try ProgressStore(folder: dir, mode: .writer)
            _ = try store.load(decks: ["a", "b"])
            #expect(store.warnings.isEmpty, "session \(session): \(store.warnings)")
            for deck in session == 0 ? ["a", "b"] : ["a"] {
                try store.record(review(deck, "c\(session)", at: t0.addingTimeInterval(Double(session) * 60)))
            }
            try store.saveSnapshots()
        }
        let reader = try ProgressStore(folder: dir, mode: .readOnly)
        let states = try reader.load(decks: ["a", "b"])
        #expect(reader.warnings.isEmpty, "\(reader.warnings)")
        #expect(Set(states["a"]!.keys) == ["c0", "c1", "c2"] && Set(states["b"]!.keys) == ["c0"])
        #expect(try reader.allEntries().map(\.seq) == [1, 2, 3, 4])
    }

    /// Today's entries are read backwards in 64 KiB chunks: lines across chunk ends, damaged
    /// lines and a cut-off tail must give what a whole scan filtered by time gives.
    @Test func entriesSinceReadsTheLogTailAsAWholeScanWould() throws {
        let dir = makeTempFolder()
        defer { removeFolder(dir) }
        let store = try ProgressStore(folder: dir, mode: .writer)
        var lines: [String] = []
        for i in 0..<3000 {
            let time = ISO8601DateFormatter().string(from: t0.addingTimeInterval(Double(i - 2000) * 60))
            lines.append(#"{"seq":\#(i + 1),"kind":"flag","deck":"d","card":"c\#(i)","time":"\#(time)","note":"\#(String(repeating: "n", count: i % 97))"}"#)
            if i % 499 == 0 { lines.append(#"{"seq":0,"kind":"flag","#) }
        }
        try (lines.joined(separator: "\n") + "\n" + #"{"seq":3001,"kind""#).write(toFile: store.logPath, atomically: true, encoding: .utf8)
        let since = t0.addingTimeInterval(-300 * 60)
        let got = try store.entries(since: since)
        let expected = try store.allEntries().filter { $0.time >= since }
        #expect(got.count == 1300)
        #expect(got == expected)
    }

    @Test func undoRestoresTheStateBeforeTheReview() throws {
        let dir = makeTempFolder()
        defer { removeFolder(dir) }
        let store = try ProgressStore(folder: dir, mode: .writer)
        _ = try store.load(decks: ["d"])
        let first = try store.record(review("d", "a", at: t0))
        let second = try store.record(review("d", "a", at: t0.addingTimeInterval(3 * 86_400), days: 9, from: first.after!))
        try store.record(LogEntry(kind: .undo, deck: "d", card: "a", time: t0, before: second.after, after: second.before, undoes: second.seq))
        #expect(store.progress(deck: "d", card: "a").schedule == first.after)
        let replayed = try ProgressStore(folder: dir, mode: .readOnly).load(decks: ["d"])["d"]!["a"]!
        #expect(replayed.schedule == first.after)
    }

    @Test func truncatedLastLineIsSkippedWithWarningAndRepairedOnNextAppend() throws {
        let dir = makeTempFolder()
        defer { removeFolder(dir) }
        let logPath: String
        do {
            let store = try ProgressStore(folder: dir, mode: .writer)
            _ = try store.load(decks: ["d"])
            try store.record(review("d", "a", at: t0))
            try store.record(review("d", "b", at: t0))
            logPath = store.logPath
        }
        let handle = try #require(FileHandle(forWritingAtPath: logPath))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"seq":3,"kind":"review","deck":"d","card":"c","ti"#.utf8))
        handle.closeFile()

        let reader = try ProgressStore(folder: dir, mode: .readOnly)
        let states = try reader.load(decks: ["d"])["d"]!
        #expect(Set(states.keys) == ["a", "b"])
        #expect(reader.damagedLogLines == 1)
        #expect(reader.warnings.contains { $0.contains("reviews.jsonl:3") && $0.contains("cut off") })

        let writer = try ProgressStore(folder: dir, mode: .writer)
        _ = try writer.load(decks: ["d"])
        let e = try writer.record(review("d", "c", at: t0))
        #expect(e.seq == 3)
        let scan = try ReviewLog.scan(logPath)
        #expect(scan.damagedLines == 0 && scan.entries.map(\.entry.card) == ["a", "b", "c"])
        #expect(String(decoding: readBytes(logPath + ".damaged") ?? [], as: UTF8.self).contains(#""card":"c","ti"#))
    }

    @Test func damagedLineInTheMiddleIsSkippedAndCounted() throws {
        let dir = makeTempFolder()
        defer { removeFolder(dir) }
        let logPath = (dir as NSString).appendingPathComponent("reviews.jsonl")
        var w = JSONWriter()
        ProgressCoding.write(review("d", "a", at: t0), &w)
        var text = String(decoding: w.bytes, as: UTF8.self) + "\n"
        text += "this is not json\n"
        text = text.replacingOccurrences(of: "\"seq\":0", with: "\"seq\":1")
        var w2 = JSONWriter()
        var e2 = review("d", "b", at: t0)
        e2.seq = 2
        ProgressCoding.write(e2, &w2)
        text += String(decoding: w2.bytes, as: UTF8.self) + "\n"
        try text.write(toFile: logPath, atomically: true, encoding: .utf8)
        let store = try ProgressStore(folder: dir, mode: .readOnly)
        let states = try store.load(decks: ["d"])["d"]!
        #expect(Set(states.keys) == ["a", "b"])
        #expect(store.damagedLogLines == 1)
        #expect(store.warnings.first?.contains("reviews.jsonl:2") == true)
    }

    @Test func corruptSnapshotGivesFileAndLineAndIsNeverOverwritten() throws {
        let dir = makeTempFolder()
        defer { removeFolder(dir) }
        let path: String
        do {
            let store = try ProgressStore(folder: dir, mode: .writer)
            _ = try store.load(decks: ["d"])
            for (i, c) in ["a", "b", "c"].enumerated() { try store.record(review("d", c, at: t0.addingTimeInterval(Double(i)))) }
            try store.saveSnapshots()
            path = store.snapshotPath(deck: "d")
        }
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"phase\":\"review\"", with: "\"phase\":\"reveiw\"")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let damaged = readBytes(path)

        for mode in [ProgressStore.Mode.readOnly, .writer] {
            let store = try ProgressStore(folder: dir, mode: mode)
            do {
                _ = try store.load(decks: ["d"])
                Issue.record("expected an error")
            } catch {
                guard case .corruptSnapshot(let p, let line, _) = error else {
                    Issue.record("wrong error \(error)")
                    continue
                }
                #expect(p == path && line == 2)
                #expect(error.description.contains(path + ":2"))
                #expect(error.description.contains("rebuild it from the review log"))
            }
            try store.saveSnapshots()
        }
        #expect(readBytes(path) == damaged)

        // Broken JSON syntax is reported with its line too.
        try "{\"format\":\"factdeck.progress\",\n\"version\":1,\n\"cards\":{\n\"a\":{\"state\":{}\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: StoreError.self) { _ = try ProgressStore(folder: dir, mode: .readOnly).load(decks: ["d"]) }
    }

    @Test func newerSnapshotVersionIsRefused() throws {
        let dir = makeTempFolder()
        defer { removeFolder(dir) }
        let store = try ProgressStore(folder: dir, mode: .readOnly)
        try #"{"format":"factdeck.progress","version":9,"deck":"d","cards":{}}"#.write(toFile: store.snapshotPath(deck: "d"), atomically: true, encoding: .utf8)
        #expect(throws: StoreError.newerVersion(path: store.snapshotPath(deck: "d"), version: 9)) { try store.load(decks: ["d"]) }
    }

    @Test func secondWriterIsRefusedNamingTheHolderWhileReadersWork() throws {
        let dir = makeTempFolder()
        defer { removeFolder(dir) }
        let first = try ProgressStore(folder: dir, mode: .writer, purpose: "study")
        _ = try first.load(decks: ["d"])
        try first.record(review("d", "a", at: t0))
        do {
            _ = try ProgressStore(folder: dir, mode: .writer)
            Issue.record("second writer was allowed")
        } catch {
            guard case .locked(_, let holder) = error else {
                Issue.record("wrong error \(error)")
                return
            }
            #expect(holder?.contains("pid \(getpid())") == true)
            #expect(holder?.contains("study") == true)
            #expect(error.description.contains("is in use"))
        }
        let reader = try ProgressStore(folder: dir, mode: .readOnly)
        #expect(try reader.load(decks: ["d"])["d"]?["a"]?.schedule.phase == .review)
        withExtendedLifetime(first) {}
    }

    @Test func lockIsReleasedWhenTheWriterGoesAway() throws {
        let dir = makeTempFolder()
        defer { removeFolder(dir) }
        do { _ = try ProgressStore(folder: dir, mode: .writer) }
        _ = try ProgressStore(folder: dir, mode: .writer)
    }

    @Test func regeneratedDeckKeepsProgressByIdAndKeepsOrphans() throws {
        let dir = makeTempFolder()
        defer { removeFolder(dir) }
        do {
            let store = try ProgressStore(folder: dir, mode: .writer)
            _ = try store.load(decks: ["d"])
            try store.record(review("d", "kept", at: t0))
            try store.record(review("d", "removed", at: t0))
            try store.saveSnapshots()
        }
        // The deck now holds "kept" and a new card; "removed" is gone from the deck file.
        do {
            let store = try ProgressStore(folder: dir, mode: .writer)
            let states = try store.load(decks: ["d"])["d"]!
            #expect(states["kept"]?.schedule.reps == 1)
            #expect(states["brand-new"] == nil)
            try store.record(review("d", "brand-new", at: t0.addingTimeInterval(60)))
            try store.saveSnapshots()
        }
        let snap = try ProgressSnapshot.decode(readBytes(ProgressStore(folder: dir, mode: .readOnly).snapshotPath(deck: "d"))!, path: "s")
        #expect(Set(snap.cards.keys) == ["kept", "removed", "brand-new"])
    }

    @Test(arguments: ["../../etc/passwd", "/etc/passwd", "..", ".", ".hidden", "a/b", "a\\b", "", "  ", "deck\u{0}x", "x/../../y", "Ünïcode Déck", String(repeating: "z", count: 500)])
    func hostileDeckIdsNeverLeaveTheProgressFolder(id: String) throws {
        let dir = makeTempFolder()
        defer { removeFolder(dir) }
        let store = try ProgressStore(folder: dir, mode: .writer)
        let path = store.snapshotPath(deck: id)
        let name = (path as NSString).lastPathComponent
        #expect((path as NSString).deletingLastPathComponent == dir)
        #expect(!name.contains("/") && !name.contains("..") && !name.hasPrefix("."))
        #expect(name.utf8.count < 200)
        _ = try store.load(decks: [id])
        try store.record(review(id, "a", at: t0))
        try store.saveSnapshots()
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try ProgressStore(folder: dir, mode: .readOnly).load(decks: [id])[id]?["a"] != nil)
    }

    @Test func differentIdsGetDifferentFiles() {
        let ids = ["a/b", "a-b", "A-B", "a b", "a..b", "a.b", "../a-b"]
        #expect(Set(ids.map(SafeFileName.make)).count == ids.count)
        #expect(SafeFileName.make("solar-system") == "solar-system")
    }
}
