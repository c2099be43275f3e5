import Foundation
import Glibc
import Testing

@testable import StudyStore

/// Kills a real child process with SIGKILL while it appends, then checks the log.
///
/// The child is the StoreTorture executable, which this test target depends on, so SwiftPM
/// builds it beside the test bundle. When it cannot be found the test fails: a crash test
/// that skips itself would read as a passing one.
@Suite struct CrashSafetyTests {
    static var tortureBinary: String? {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("StoreTorture").path,
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent(".build/debug/StoreTorture").path,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test(arguments: [3, 40, 157])
    func sigkillWhileAppendingLosesNoAcknowledgedReview(killAfter: Int) throws {
        let binary = try #require(
            Self.tortureBinary, "the StoreTorture helper is not next to the test binary nor in .build/debug; build it with the tests")
        let dir = makeTempFolder()
        defer { removeFolder(dir) }
        let child = Process()
        child.executableURL = URL(fileURLWithPath: binary)
        child.arguments = [dir, "100000"]
        // Close-on-exec, so children that parallel tests start don't hold this pipe open.
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        let readEnd = FileHandle(fileDescriptor: fds[0], closeOnDealloc: true)
        let writeEnd = FileHandle(fileDescriptor: fds[1], closeOnDealloc: true)
        child.standardOutput = writeEnd
        try child.run()
        try writeEnd.close()
        var acked = 0
        var buffer = ""
        let reader = readEnd
        while acked < killAfter {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            buffer += String(decoding: chunk, as: UTF8.self)
            while let nl = buffer.firstIndex(of: "\n") {
                let line = buffer[..<nl]
                if line.hasPrefix("ack "), let n = Int(line.dropFirst(4)) { acked = max(acked, n) }
                buffer.removeSubrange(...nl)
            }
        }
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        #expect(child.terminationReason == .uncaughtSignal)
        #expect(acked >= killAfter)

        let store = try ProgressStore(folder: dir, mode: .readOnly)
        let entries = try store.allEntries()
        let seqs = entries.map(\.seq)
        #expect(seqs == Array(1...seqs.count), "log has gaps or disorder")
        #expect(seqs.count >= acked, "acknowledged \(acked) reviews but only \(seqs.count) survived")
        #expect(store.damagedLogLines <= 1, "at most the line being written can be cut off")

        // A new writer repairs any cut-off tail and continues the sequence.
        let writer = try ProgressStore(folder: dir, mode: .writer)
        _ = try writer.load(decks: ["torture"])
        let next = try writer.record(review("torture", "after-crash", at: t0))
        #expect(next.seq == seqs.count + 1)
        #expect(try ReviewLog.scan(store.logPath).damagedLines == 0)
    }
}
