import DeckModel
import Foundation
import Glibc
import StudyStore

/// Runs the real factdeck binary, as a user or a script would.
struct CLI {
    static var binary: String {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("factdeck").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return repoRoot.appendingPathComponent(".build/debug/factdeck").path
    }

    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sharedRoot = repoRoot.deletingLastPathComponent().appendingPathComponent("shared")
    static var hasShared: Bool { FileManager.default.fileExists(atPath: sharedRoot.appendingPathComponent("tools/tmux_drive.sh").path) }
    static var hasTmux: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    @discardableResult
    static func run(_ args: [String], stdin: String = "", cwd: String? = nil, env: [String: String] = [:]) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = args
        if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = nil
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        let inPipe = CloexecPipe(), outPipe = CloexecPipe(), errPipe = CloexecPipe()
        p.standardInput = inPipe.read
        p.standardOutput = outPipe.write
        p.standardError = errPipe.write
        try p.run()
        // The child has its own copies now; ours would keep the pipes from reaching EOF.
        try inPipe.read.close()
        try outPipe.write.close()
        try errPipe.write.close()
        inPipe.write.write(Data(stdin.utf8))
        try inPipe.write.close()
        // Drain stderr concurrently so a chatty child cannot block on a full pipe.
        nonisolated(unsafe) var err = Data()
        let errDone = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            err = errPipe.read.readDataToEndOfFile()
            errDone.signal()
        }
        let out = outPipe.read.readDataToEndOfFile()
        errDone.wait()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }
}

/// A factdeck process left running while the test does other things: the test writes
/// its stdin (and reads its stdout when captured), then `finish()`es it.
final class RunningCLI {
    let process = Process()
    let stdin: FileHandle
    /// Its stdout, when captured; else it goes to /dev/null.
    let stdout: FileHandle?
    private let inPipe = CloexecPipe()
    private let outPipe = CloexecPipe()

    init(_ args: [String], env: [String: String], captureStdout: Bool = false) throws {
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = args
        process.environment = ProcessInfo.processInfo.environment.merging(env) { $1 }
        process.standardInput = inPipe.read
        process.standardOutput = captureStdout ? outPipe.write : FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        try inPipe.read.close()
        try outPipe.write.close()
        stdin = inPipe.write
        stdout = captureStdout ? outPipe.read : nil
    }

    /// Waits (up to 5 s) until the process holds the progress folder's lock (it writes its
    /// pid there; an earlier holder's note may still be in the file).
    func waitForLock(progress: String) {
        let mine = "pid \(process.processIdentifier) "
        for _ in 0..<100 where !((try? String(contentsOfFile: progress + "/.lock", encoding: .utf8)) ?? "").hasPrefix(mine) {
            usleep(50_000)
        }
    }

    /// Ends its input and waits for it to exit.
    func finish() {
        try? stdin.close()
        process.waitUntilExit()
    }
}

/// A temporary workspace with a decks folder holding a small deck and an empty progress folder.
struct Workspace {
    let root: String
    var decks: String { root + "/decks" }
    var progress: String { root + "/progress" }

    init(cards: [Card] = Workspace.sampleCards) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("factdeck-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/decks", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/progress", withIntermediateDirectories: true)
        try write(Deck(id: "planets", title: "Planets", cards: cards), name: "planets.json")
    }

    func write(_ deck: Deck, name: String) throws {
        try Self.write(deck, to: decks + "/" + name)
    }

    static func write(_ deck: Deck, to path: String) throws {
        try Data(DeckCodec.encode(deck)).write(to: URL(fileURLWithPath: path))
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    var logLines: [String] {
        ((try? String(contentsOfFile: progress + "/reviews.jsonl", encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    static let sampleCards: [Card] = [
        Card(id: "c-largest", type: .question, question: "Which planet is the largest in the solar system?", answer: "Jupiter",
             source: CardSource(sentence: "Jupiter is the largest planet in the solar system.", section: "Giants"), score: 0.9),
        Card(id: "c-red", type: .cloze, question: "____ is called the Red Planet.", answer: "Mars",
             source: CardSource(sentence: "Mars is called the Red Planet.", section: "Rocky planets"), score: 0.8),
        Card(id: "c-uranus", type: .question, question: "In what year did William Herschel discover Uranus?", answer: "1781",
             source: CardSource(sentence: "In 1781, William Herschel discovered Uranus.", section: "Discovery"), score: 0.7),
        Card(id: "c-astronomer", type: .question, question: "Who proposed that the planets orbit the Sun in 1543?", answer: "Nicolaus Copernicus",
             accept: ["Copernicus"], source: CardSource(sentence: "In 1543, Nicolaus Copernicus proposed that the planets orbit the Sun."), score: 0.6),
    ]
}

/// A pipe whose descriptors are close-on-exec: tests run in parallel, and a child started by
/// one test must not inherit another test's pipe, or that test never sees end-of-file.
/// (Process dup2s the child's own ends onto 0/1/2, which clears the flag there.) After
/// `run()`, close the end the child got.
final class CloexecPipe: @unchecked Sendable {
    let read: FileHandle
    let write: FileHandle

    init() {
        var fds: [Int32] = [0, 0]
        precondition(pipe(&fds) == 0, "pipe failed")
        // pipe2 is not exported to Swift; the window before fcntl is microseconds.
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        read = FileHandle(fileDescriptor: fds[0], closeOnDealloc: true)
        write = FileHandle(fileDescriptor: fds[1], closeOnDealloc: true)
    }
}
