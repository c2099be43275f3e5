import Foundation
import Testing

/// The real binary, through pipes: what scripts and users see.
@Suite struct CLITests {
    let env = ["FACTDECK_NOW": "2026-11-23T10:00:00Z"]

    @Test func helpListsTheCommandsAndVersionPrints() throws {
        let help = try CLI.run(["--help"])
        #expect(help.status == 0)
        for word in ["study", "decks"] { #expect(help.stdout.contains(word)) }
        let version = try CLI.run(["--version"])
        #expect(version.status == 0 && version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).first?.isNumber == true)
        for sub in ["study", "decks"] {
            let r = try CLI.run([sub, "--help"])
            #expect(r.status == 0 && r.stdout.contains("--decks") && r.stdout.contains("--progress"))
        }
    }

    @Test func decksListsCountsFromProgress() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let r = try CLI.run(["decks", "--decks", ws.decks, "--progress", ws.progress], env: env)
        #expect(r.status == 0, "\(r.stderr)")
        let row = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("Planets") })
        #expect(row.split(separator: " ").map(String.init) == ["Planets", "4", "4", "0", "0", "0", "0"])
        #expect(!r.stdout.contains("\u{1B}["))
    }

    @Test func pipedSessionIsPlainTextAndRecordsEveryAnswer() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let r = try CLI.run(["study", "--decks", ws.decks, "--progress", ws.progress, "--no-fuzz"],
                            stdin: "jupiter\nVenus\n1871\n:quit\n", env: env)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.contains("\u{1B}"))
        #expect(r.stdout.contains("✓ Correct: Jupiter"))
        #expect(r.stdout.contains("The answer is: Mars"))
        #expect(ws.logLines.count == 3)
        #expect(r.stdout.contains("Studied 3 cards, 33% correct"))
        let decks = try CLI.run(["decks", "--decks", ws.decks, "--progress", ws.progress], env: env)
        #expect(decks.stdout.contains("Planets"))
        #expect(FileManager.default.fileExists(atPath: ws.progress + "/planets.cards.json"))
    }

    @Test func secondSessionIsRefusedWhileStatsStillWork() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let first = try RunningCLI(["study", "--decks", ws.decks, "--progress", ws.progress], env: env)
        defer { first.finish() }
        first.waitForLock(progress: ws.progress)
        let second = try CLI.run(["study", "--decks", ws.decks, "--progress", ws.progress], stdin: "x\n", env: env)
        #expect(second.status == 1)
        #expect(second.stderr.contains("is in use by factdeck pid \(first.process.processIdentifier)"))
        #expect(!second.stderr.contains("Fatal error"))
        let decks = try CLI.run(["decks", "--decks", ws.decks, "--progress", ws.progress], env: env)
        #expect(decks.status == 0)
    }

    @Test func brokenDeckIsNamedAndOthersStillLoad() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        try #"{"format":"factdeck.deck","version":1,"id":"bad","cards":[{"id":"a","type":"question","question":"Q?"}]}"#
            .write(toFile: ws.decks + "/bad.json", atomically: true, encoding: .utf8)
        let r = try CLI.run(["decks", "--decks", ws.decks, "--progress", ws.progress], env: env)
        #expect(r.status == 1)
        #expect(r.stderr.contains("bad.json: card 1 (a) has no answer"))
        #expect(r.stdout.contains("Planets"))
    }

    @Test func badClockAndMissingFoldersGetClearErrors() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let clock = try CLI.run(["decks", "--decks", ws.decks, "--progress", ws.progress], env: ["FACTDECK_NOW": "next tuesday"])
        #expect(clock.status == 1 && clock.stderr.contains("FACTDECK_NOW=next tuesday is not an ISO 8601 time"))
        let missing = try CLI.run(["study", "--decks", ws.root + "/nope", "--progress", ws.progress], env: env)
        #expect(missing.status == 1 && missing.stderr.contains("nope") && !missing.stderr.contains("Fatal"))
        let unknown = try CLI.run(["study", "moons", "--decks", ws.decks, "--progress", ws.progress], env: env)
        #expect(unknown.status == 1 && unknown.stderr.contains("no deck named 'moons'"))
    }

    @Test func corruptSnapshotStopsWithFileAndLineAndIsLeftAlone() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        _ = try CLI.run(["study", "--decks", ws.decks, "--progress", ws.progress], stdin: "jupiter\n:quit\n", env: env)
        let snap = ws.progress + "/planets.cards.json"
        try "{\"format\":\"factdeck.progress\",\n\"version\":1,\n\"deck\":\"planets\",\n\"cards\":{\"c-largest\":{\"state\":{\"phase\":\"sideways\"}}}}\n"
            .write(toFile: snap, atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: URL(fileURLWithPath: snap))
        let r = try CLI.run(["study", "--decks", ws.decks, "--progress", ws.progress], stdin: "jupiter\n", env: env)
        #expect(r.status == 1)
        #expect(r.stderr.contains("planets.cards.json:4"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: snap)) == before)
    }

    @Test func sessionKilledAfterTwoAnswersKeepsBoth() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLI.binary)
        p.arguments = ["study", "--decks", ws.decks, "--progress", ws.progress]
        p.environment = ProcessInfo.processInfo.environment.merging(env) { $1 }
        let stdin = CloexecPipe(), stdout = CloexecPipe()
        p.standardInput = stdin.read
        p.standardOutput = stdout.write
        try p.run()
        try stdin.read.close()
        try stdout.write.close()
        defer { try? stdin.write.close() }
        stdin.write.write(Data("jupiter\nmars\n".utf8))
        // Both answers are acknowledged on screen once the third card is shown.
        var seen = ""
        while !seen.contains("Herschel") {
            let chunk = stdout.read.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        #expect(seen.contains("Herschel"))
        #expect(ws.logLines.count == 2)
        let again = try CLI.run(["study", "--decks", ws.decks, "--progress", ws.progress], stdin: ":quit\n", env: env)
        #expect(again.status == 0, "\(again.stderr)")
    }
}
