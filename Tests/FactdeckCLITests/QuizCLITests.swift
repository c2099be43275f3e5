import DeckModel
import Foundation
import Glibc
import JSONKit
import Testing

/// `factdeck quiz` through pipes: the score line, the schedule untouched, bad input refused.
@Suite struct QuizCLITests {
    let env = ["FACTDECK_NOW": "2026-11-23T10:00:00Z"]

    func quiz(_ ws: Workspace, _ args: [String], stdin: String = "") throws -> CLI.Result {
        try CLI.run(["quiz", "--decks", ws.decks, "--progress", ws.progress] + args, stdin: stdin, env: env)
    }

    static let capitals: [Card] = (1...6).map { i in
        Card(id: "p\(i)", type: [.question, .cloze, .choice][i % 3],
             question: i % 3 == 1 ? "The capital of France number \(i) is ____." : "Which city is capital number \(i)?",
             answer: "Paris", choices: i % 3 == 2 ? ["Lyon", "Paris", "Nice"] : [],
             source: CardSource(sentence: "Paris is the capital of France (\(i)).", section: "Capitals"))
    }

    @Test func aDeckWhoseAnswersAreAllTheSameWordScoresFullMarks() throws {
        let ws = try Workspace(cards: Self.capitals)
        defer { ws.remove() }
        let r = try quiz(ws, ["--count", "4", "--seed", "3"], stdin: String(repeating: "paris\n", count: 4))
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.last == "Score: 4/4 (100%)")
        #expect(!r.stdout.contains("Missed"))
        #expect(!r.stdout.contains("\u{1B}"), "piped output is plain text")
    }

    @Test func allWrongScoresZeroAndListsEveryMissWithItsAnswerAndSource() throws {
        let ws = try Workspace(cards: Self.capitals)
        defer { ws.remove() }
        let r = try quiz(ws, ["--count", "3", "--seed", "3"], stdin: "Rome\nMadrid\n\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasSuffix("Score: 0/3 (0%)\n"))
        #expect(r.stdout.contains("Missed 3 of 3:"))
        #expect(r.stdout.components(separatedBy: "Answer: Paris").count == 4)
        #expect(r.stdout.contains("(you typed: Rome)") && r.stdout.contains("(no answer given)"))
        #expect(r.stdout.contains("Source (Capitals, Planets): Paris is the capital of France"))
    }

    @Test func endOfInputLeavesTheRestMissedAndTheResultIsRecorded() throws {
        let ws = try Workspace(cards: Self.capitals)
        defer { ws.remove() }
        let r = try quiz(ws, ["--count", "5", "--seed", "9"], stdin: "Paris\n")
        #expect(r.stdout.hasSuffix("Score: 1/5 (20%)\n"))
        #expect(r.stdout.components(separatedBy: "(not answered)").count == 5)
        let history = try String(contentsOfFile: ws.progress + "/quizzes.jsonl", encoding: .utf8)
        let v = try JSONParser.parse(Array(history.utf8.dropLast()))
        #expect(v["total"]?.intValue == 5 && v["correct"]?.intValue == 1 && v["end"]?.stringValue == "quit")
        #expect(v["missed"]?.arrayValue?.count == 4 && v["decks"]?.arrayValue == [.string("planets")])
    }

    @Test func theSameSeedAsksTheSameQuestions() throws {
        let ws = try Workspace(cards: Self.capitals)
        defer { ws.remove() }
        func asked(_ seed: String) throws -> [String] {
            let r = try quiz(ws, ["--count", "3", "--seed", seed, "--json"], stdin: "")
            let v = try JSONParser.parse(Array(r.stdout.utf8))
            return v["questions"]?.arrayValue?.compactMap { $0["card"]?.stringValue } ?? []
        }
        let first = try asked("11")
        #expect(first.count == 3)
        #expect(try asked("11") == first)
    }

    @Test func aQuizLeavesCardStatesDueDatesAndStatsAsTheyWere() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        // Some history first: a log, snapshots, due dates.
        let study = try CLI.run(["study", "--decks", ws.decks, "--progress", ws.progress, "--no-fuzz"],
                                stdin: "Jupiter\nVenus\n1781\n:quit\n", env: env)
        #expect(study.status == 0, "\(study.stderr)")
        let files = ["reviews.jsonl", "planets.cards.json"]
        let before = files.map { FileManager.default.contents(atPath: ws.progress + "/" + $0) }
        #expect(before.allSatisfy { $0 != nil })
        let statsBefore = try CLI.run(["stats", "--json", "--decks", ws.decks, "--progress", ws.progress], env: env)
        let decksBefore = try CLI.run(["decks", "--decks", ws.decks, "--progress", ws.progress], env: env)

        for weakest in [false, true] {
            let r = try quiz(ws, ["--count", "4", "--seed", "1"] + (weakest ? ["--weakest"] : []), stdin: "Jupiter\nMars\nx\n1781\n")
            #expect(r.status == 0, "\(r.stderr)")
        }
        #expect(files.map { FileManager.default.contents(atPath: ws.progress + "/" + $0) } == before, "byte for byte")
        #expect(try CLI.run(["decks", "--decks", ws.decks, "--progress", ws.progress], env: env).stdout == decksBefore.stdout)
        let statsAfter = try CLI.run(["stats", "--json", "--decks", ws.decks, "--progress", ws.progress], env: env)
        guard case .object(let a) = try JSONParser.parse(Array(statsBefore.stdout.utf8)),
              case .object(let b) = try JSONParser.parse(Array(statsAfter.stdout.utf8))
        else {
            Issue.record("stats --json is not an object")
            return
        }
        #expect(JSONValue.object(a.filter { $0.0 != "quizzes" }) == JSONValue.object(b.filter { $0.0 != "quizzes" }))
        let quizzes = try #require(JSONValue.object(b)["quizzes"]?.arrayValue)
        #expect(quizzes.count == 2 && quizzes.allSatisfy { $0["total"]?.intValue == 4 })
        let page = try CLI.run(["stats", "--decks", ws.decks, "--progress", ws.progress], env: env)
        #expect(page.stdout.contains("Last quizzes"))
    }

    @Test func theTimeLimitEndsAQuizWaitingForAnAnswer() throws {
        let ws = try Workspace(cards: Self.capitals)
        defer { ws.remove() }
        // One answer, then input that stays open: only the time limit (0.6 s) can end it.
        let p = try RunningCLI(
            ["quiz", "--decks", ws.decks, "--progress", ws.progress, "--count", "3", "--seed", "2", "--time", "0.01"],
            env: env, captureStdout: true)
        p.stdin.write(Data("Paris\n".utf8))
        let out = String(decoding: try #require(p.stdout).readDataToEndOfFile(), as: UTF8.self)
        p.finish()
        #expect(p.process.terminationStatus == 0)
        #expect(out.contains("Time is up."))
        #expect(out.hasSuffix("Score: 1/3 (33%)\n"), "\(out)")
        #expect(out.components(separatedBy: "(not answered)").count == 3)
        let history = try String(contentsOfFile: ws.progress + "/quizzes.jsonl", encoding: .utf8)
        #expect(history.contains(#""end":"timeUp""#))
    }

    @Test func jsonPrintsOneObjectOnStdoutAndTheQuestionsOnStderr() throws {
        let ws = try Workspace(cards: Self.capitals)
        defer { ws.remove() }
        let r = try quiz(ws, ["--count", "2", "--seed", "5", "--json"], stdin: "Paris\nLyon\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.filter { $0 == "\n" }.count == 1)
        let v = try JSONParser.parse(Array(r.stdout.utf8))
        #expect(v["format"]?.stringValue == "factdeck.quiz")
        #expect(v["correct"]?.intValue == 1 && v["total"]?.intValue == 2 && v["percent"]?.intValue == 50)
        #expect(v["seed"]?.intValue == 5 && v["end"]?.stringValue == "completed")
        let missed = try #require(v["missed"]?.arrayValue?.first)
        #expect(missed["answer"]?.stringValue == "Paris" && missed["typed"]?.stringValue == "Lyon")
        #expect(missed["sentence"]?.stringValue?.hasPrefix("Paris is the capital") == true)
        #expect(r.stderr.contains("Question 1 of 2") && r.stderr.contains("✓ Correct: Paris"))
    }

    @Test func weakestAsksTheCardYouFailedFirst() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        // Mars answered wrong (a lapse-free learning card with low stability), the others right.
        _ = try CLI.run(["study", "--decks", ws.decks, "--progress", ws.progress, "--no-fuzz"],
                        stdin: "Jupiter\nVenus\n1781\nCopernicus\n:quit\n", env: env)
        let later = ["FACTDECK_NOW": "2026-11-30T10:00:00Z"]
        let r = try CLI.run(["quiz", "--decks", ws.decks, "--progress", ws.progress, "--weakest", "--count", "1", "--json"], stdin: "", env: later)
        let v = try JSONParser.parse(Array(r.stdout.utf8))
        #expect(v["questions"]?.arrayValue?.first?["card"]?.stringValue == "c-red")
        #expect(v["pick"]?.stringValue == "weakest")
    }

    @Test("bad input is one line on stderr and a non-zero exit", arguments: [
        (["--count", "0"], "--count must be a whole number of questions, 1 or more (got '0')"),
        (["--count", "-3"], "--count must be a whole number of questions, 1 or more (got '-3')"),
        (["--count", "ten"], "--count must be a whole number of questions, 1 or more (got 'ten')"),
        (["--count", "2.5"], "--count must be a whole number"),
        (["moons"], "no deck named 'moons'"),
        (["--types", "essay"], "--types: unknown card type 'essay'"),
        (["--types", "choice"], "no cards of type choice to ask in 'Planets'"),
        (["--time", "0"], "--time must be a number of minutes above 0"),
        (["--seed", "-1"], "--seed must be a whole number"),
    ])
    func badInput(args: [String], message: String) throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let r = try quiz(ws, args, stdin: "x\n")
        #expect(r.status == 1)
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: ws.progress + "/quizzes.jsonl"))
    }

    @Test func anEmptyDeckSetIsRefused() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        try FileManager.default.removeItem(atPath: ws.decks + "/planets.json")
        let r = try quiz(ws, [], stdin: "x\n")
        #expect(r.status == 1 && r.stderr.contains("no decks to quiz on") && r.stderr.split(separator: "\n").count == 1)
    }

    @Test func aQuizBesideAStudySessionAndAnotherQuizRecordsItsResult() throws {
        let ws = try Workspace(cards: Self.capitals)
        defer { ws.remove() }
        let session = try RunningCLI(["study", "--decks", ws.decks, "--progress", ws.progress], env: env)
        defer { session.finish() }
        session.waitForLock(progress: ws.progress)
        // Two quizzes at once, while the session holds the progress folder.
        let results = ResultBox()
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            results.add(try? quiz(ws, ["--count", "2", "--seed", "\(i)"], stdin: "Paris\nParis\n"))
        }
        #expect(results.all.count == 2)
        for r in results.all {
            #expect(r?.status == 0, "\(r?.stderr ?? "")")
            #expect(r?.stdout.hasSuffix("Score: 2/2 (100%)\n") == true)
        }
        let history = try String(contentsOfFile: ws.progress + "/quizzes.jsonl", encoding: .utf8)
        #expect(history.split(separator: "\n").count == 2)
        #expect(!FileManager.default.fileExists(atPath: ws.progress + "/reviews.jsonl"), "the quizzes wrote no review")
    }
}

/// Results gathered from concurrent runs.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [CLI.Result?] = []
    func add(_ r: CLI.Result?) { lock.withLock { items.append(r) } }
    var all: [CLI.Result?] { lock.withLock { items } }
}
