import DeckModel
import Foundation
import Glibc
import JSONKit
import Testing

/// posix_spawn + waitpid. Foundation's Process learns of a child's exit through a descriptor
/// the child inherits; the tmux server the driver starts inherits it too and outlives the
/// driver, so `waitUntilExit` would never return.
func spawnAndWait(_ path: String, _ args: [String]) throws -> Int32 {
    var pid: pid_t = 0
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    // The test runner's blocked and ignored signals must not reach the terminal under test.
    var attr = posix_spawnattr_t()
    posix_spawnattr_init(&attr)
    defer { posix_spawnattr_destroy(&attr) }
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&attr, &empty)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for sig in [SIGINT, SIGTERM, SIGHUP, SIGPIPE] { sigaddset(&defaults, sig) }
    posix_spawnattr_setsigdefault(&attr, &defaults)
    posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    let argv: [UnsafeMutablePointer<CChar>?] = ([path] + args).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    let rc = posix_spawn(&pid, path, &actions, &attr, argv, environ)
    guard rc == 0 else { throw CLIError(message: "posix_spawn \(path): \(rc)") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return status
}

struct CLIError: Error { var message: String }

/// The study REPL in a real terminal (tmux), keys typed as a person would.
@Suite(.serialized) struct TerminalSessionTests {
    static var canDrive: Bool { CLI.hasShared && CLI.hasTmux }

    /// Runs `factdeck study` in a tmux pane, sends `keys`, returns the whole screen and exit code.
    func drive(_ ws: Workspace, command sub: String = "study", args: String = "--no-fuzz", env: String = "", keys: [String], cols: Int = 80) throws -> (screen: String, rc: String) {
        let out = ws.root + "/screen.txt"
        let command = "cd \(ws.root) && INPUTRC=/dev/null FACTDECK_NOW=2026-11-23T10:00:00Z \(env) \(CLI.binary) \(sub) \(args)"
        let args = [CLI.sharedRoot.appendingPathComponent("tools/tmux_drive.sh").path, "-a", "-o", out, "-x", "\(cols)", "-y", "60", "-p", "> ", "--", command] + keys
        _ = try spawnAndWait("/bin/bash", args)
        let screen = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        let rc = ((try? String(contentsOfFile: out + ".rc", encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return (screen, rc)
    }

    @Test(.enabled(if: canDrive)) func rightWrongTypoUndoCompletionHistoryAndCtrlD() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let (screen, rc) = try drive(ws, keys: [
            "sleep:0.5", "Jupiter", "Enter", "Enter",
            "Venus", "Enter", "Enter",
            "1781", "Enter", "Enter",
            "Nicolaus Copernicsu", "Enter", "wait:Almost", "Enter",
            ":un", "Tab", "Enter", "wait:Undid",
            ":st", "Tab", "Enter", "wait:Studied",
            "Up", "Up", "Enter", "wait:Undid your [A-Za-z]+ answer to: In what year",
            "C-d",
        ])
        #expect(rc == "0", "\(screen)")
        #expect(screen.contains("✓ Correct: Jupiter"))
        #expect(screen.contains("✗ Not quite. The answer is: Mars"))
        #expect(screen.contains("≈ Almost: check the spelling: Nicolaus Copernicus"))
        #expect(screen.contains("> :undo"), "Tab should complete :un to :undo")
        #expect(screen.contains("> :stats"), "Tab should complete :st to :stats")
        #expect(screen.contains("Undid your Hard answer to: Who proposed"))
        // A right answer is Good or Easy depending on how fast tmux typed it.
        #expect(screen.contains("answer to: In what year did William Herschel discover Uranus?"), "Up Up should recall :undo")
        #expect(screen.contains("Source (Giants, Planets): Jupiter is the largest planet in the solar system."))

        // On disk: four reviews and two undos, each line whole; the last two answers undone.
        let lines = ws.logLines
        #expect(lines.count == 6)
        #expect(lines.filter { $0.contains(#""kind":"review""#) }.count == 4)
        #expect(lines.filter { $0.contains(#""kind":"undo""#) }.count == 2)
        #expect(lines[3].contains(#""typed":"Nicolaus Copernicsu""#) && lines[3].contains(#""rating":2"#))
        // History keeps the commands, never the answers.
        let history = (try? String(contentsOfFile: ws.progress + "/history", encoding: .utf8)) ?? ""
        #expect(history.contains(":undo") && history.contains(":stats"))
        #expect(!history.contains("Jupiter") && !history.contains("Copernic"))
        // The session saved its snapshot on the way out.
        #expect(FileManager.default.fileExists(atPath: ws.progress + "/planets.cards.json"))
    }

    @Test(.enabled(if: canDrive)) func ctrlCClearsTheLineThenQuitsOnAnEmptyOne() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        // Ctrl-C flushes unread input, so each key waits until the screen shows the last one.
        let (screen, rc) = try drive(ws, keys: ["sleep:0.5", "Jupiter", "Enter", "wait:Graded", "Enter", "wait:Red Planet", "half typed", "wait:half typed", "C-c", "wait:\\^C", "C-c"])
        #expect(rc == "0", "\(screen)")
        #expect(screen.contains("half typed^C"))
        #expect(screen.contains("Studied 1 card"))
        #expect(ws.logLines.count == 1)
    }

    @Test(.enabled(if: canDrive)) func aQuizOfThreeWithOneMissEndsWithTheScoreAndTheMiss() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        // The seed fixes the three cards and their order: learn them from a piped run.
        let plan = try CLI.run(["quiz", "--decks", ws.decks, "--progress", ws.progress, "--count", "3", "--seed", "4", "--json"])
        let answers = try #require(JSONParser.parse(Array(plan.stdout.utf8))["questions"]?.arrayValue).compactMap { $0["answer"]?.stringValue }
        #expect(answers.count == 3)
        try FileManager.default.removeItem(atPath: ws.progress + "/quizzes.jsonl")
        // Miss the first, put the second off with :skip, answer the third, then the second.
        let (screen, rc) = try drive(ws, command: "quiz", args: "--count 3 --seed 4", keys: [
            "sleep:0.5", "no idea", "Enter", "wait:Question 2 of 3",
            ":sk", "Tab", "Enter", "wait:Skipped",
            answers[2], "Enter", "wait:Question 3 of 3", answers[1], "Enter", "wait:Score",
        ])
        #expect(rc == "0", "\(screen)")
        #expect(screen.contains("> :skip"), "Tab should complete :sk to :skip")
        #expect(screen.contains("✗ Not quite. The answer is:"))
        #expect(screen.contains("Missed 1 of 3:"))
        #expect(screen.contains("(you typed: no idea)"))
        let lines = screen.split(separator: "\n").map(String.init)
        let score = try #require(lines.firstIndex(of: "Score: 2/3 (67%)"))
        #expect(lines[score - 1].hasPrefix("Time: "))
        // The miss is listed with its answer and its source sentence.
        let missed = try #require(lines.firstIndex(of: "Missed 1 of 3:"))
        #expect(lines[missed + 2].hasPrefix("    Answer: ") && lines[missed + 3].hasPrefix("    Source ("))
        // Nothing was written but the quiz's result.
        #expect(ws.logLines.isEmpty)
        #expect(FileManager.default.fileExists(atPath: ws.progress + "/quizzes.jsonl"))
    }

    @Test(.enabled(if: canDrive)) func editTheAnswerOnScreenThenAnswerWithTheNewOne() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        // Each field starts out holding its text: Enter keeps the question, Ctrl-U clears the answer.
        let (screen, rc) = try drive(ws, keys: [
            "sleep:0.5", ":ed", "Tab", "Enter", "wait:Question: Which planet is the largest",
            "Enter", "wait:Answer: Jupiter", "C-u", "Jove", "Enter", "wait:Also accept:", "Enter", "wait:Saved",
            "Jove", "Enter", "wait:Graded", "C-d",
        ])
        #expect(rc == "0", "\(screen)")
        #expect(screen.contains("> :edit"), "Tab should complete :ed to :edit")
        #expect(screen.contains("Saved (answer); regenerating the deck keeps it."))
        #expect(screen.contains("✓ Correct: Jove"))
        let lines = ws.logLines
        #expect(lines.count == 1 && lines[0].contains(#""typed":"Jove""#) && !lines[0].contains(#""rating":1"#))
        let edits = (try? String(contentsOfFile: ws.progress + "/edits.json", encoding: .utf8)) ?? ""
        #expect(edits.contains(#""answer":"Jove""#) && edits.contains(#""fields":["answer"]"#))
        #expect(!((try? String(contentsOfFile: ws.progress + "/history", encoding: .utf8)) ?? "").contains("Jove"), "field text is not history")
    }

    @Test(.enabled(if: canDrive)) func coloursOnlyWithoutNoColorAndTextWrapsToTheTerminal() throws {
        let long = Workspace.sampleCards.map { c -> DeckModel.Card in
            var c = c
            c.question = "In the long and winding history of astronomy, " + c.question
            return c
        }
        let ws = try Workspace(cards: long)
        defer { ws.remove() }
        let (screen, rc) = try drive(ws, keys: ["sleep:0.5", "C-d"], cols: 40)
        #expect(rc == "0")
        #expect(screen.split(separator: "\n").allSatisfy { $0.count <= 40 })
        #expect(screen.contains("In the long and winding history of"))
        #expect(!screen.contains("\u{1B}"), "capture-pane strips colour; escapes must never show as text")
    }
}

