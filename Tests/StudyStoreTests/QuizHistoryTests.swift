import Foundation
import JSONKit
import StudyStore
import Testing

@Suite struct QuizHistoryTests {
    static func record(_ i: Int) -> QuizRecord {
        QuizRecord(
            time: t0.addingTimeInterval(Double(i) * 60), seconds: 42.25, decks: ["planets", "moons"], total: 10, correct: i % 11,
            missed: [QuizRecord.CardRef(deck: "planets", card: "c-\(i)")], ending: "timeUp", pick: "weakest",
            seed: i == 0 ? UInt64.max : UInt64(i), timeLimitMinutes: 2.5)
    }

    @Test func recordsComeBackAsWritten() throws {
        let dir = makeTempFolder()
        defer { removeFolder(dir) }
        let folder = dir + "/progress"  // created by the first append
        for i in 0..<3 { try QuizHistory.append(Self.record(i), folder: folder) }
        let (records, warnings) = try QuizHistory.load(folder: folder)
        #expect(warnings.isEmpty)
        var expected = (0..<3).map(Self.record)
        expected = expected.map { var r = $0; r.seconds = 42.3; return r }  // tenths of a second
        #expect(records == expected)
        #expect(records[0].seed == UInt64.max, "a seed beyond 2^53 keeps every digit")
        #expect(records[1].percent == 10)
    }

    @Test func aMissingHistoryIsEmpty() throws {
        let dir = makeTempFolder()
        defer { removeFolder(dir) }
        let (records, warnings) = try QuizHistory.load(folder: dir)
        #expect(records.isEmpty && warnings.isEmpty)
    }

    @Test func aCutOffLineIsSkippedAndTheNextResultStartsOnALineOfItsOwn() throws {
        let dir = makeTempFolder()
        defer { removeFolder(dir) }
        try QuizHistory.append(Self.record(1), folder: dir)
        let path = QuizHistory.path(in: dir)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"time":"2026-11-23T10:00:00Z","tot"#.utf8))  // a crash mid-write
        try handle.close()
        var (records, warnings) = try QuizHistory.load(folder: dir)
        #expect(records.count == 1 && warnings.count == 1 && warnings[0].contains("quizzes.jsonl:2: the last line is cut off"))
        try QuizHistory.append(Self.record(2), folder: dir)
        (records, warnings) = try QuizHistory.load(folder: dir)
        #expect(records.map(\.correct) == [1, 2])
        #expect(warnings.count == 1 && warnings[0].contains("quizzes.jsonl:2: skipped a damaged quiz line"))
    }

    @Test func concurrentQuizzesEachRecordAWholeLine() throws {
        let dir = makeTempFolder()
        defer { removeFolder(dir) }
        // Each thread opens the file itself, as separate processes would.
        DispatchQueue.concurrentPerform(iterations: 40) { i in
            try! QuizHistory.append(Self.record(i), folder: dir)
        }
        let (records, warnings) = try QuizHistory.load(folder: dir)
        #expect(warnings.isEmpty)
        #expect(records.count == 40)
        #expect(Set(records.map(\.time)).count == 40)
    }
}
