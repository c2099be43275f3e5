import Foundation
import JSONKit
import StudyStore
import Testing

/// `factdeck fsrs optimize`, through the real binary.
@Suite struct FSRSOptimizeCLITests {
    let env = ["FACTDECK_NOW": "2026-11-23T10:00:00Z", "TZ": "UTC"]

    /// A made-up learner: `cards` cards rated on day 0, then reviewed 1, 3, 7, 15 and 30 days
    /// later, forgetting now and then; (card, unix seconds, rating) in time order per card.
    static func history(cards: Int) -> [(card: Int, time: Int, rating: Int)] {
        var reviews: [(card: Int, time: Int, rating: Int)] = []
        let start = 1_767_258_000  // 2026-01-01T09:00:00Z
        for card in 0..<cards {
            var day = card % 20
            reviews.append((card, start + day * 86_400 + card * 60, [3, 3, 1, 4, 2][card % 5]))
            for (k, gap) in [1, 3, 7, 15, 30].enumerated() {
                day += gap
                let forgot = (card * 7 + k * 3) % 6 == 0
                reviews.append((card, start + day * 86_400 + card * 60, forgot ? 1 : [3, 3, 3, 2, 4][(card + k) % 5]))
            }
        }
        return reviews
    }

    static func csv(_ reviews: [(card: Int, time: Int, rating: Int)]) -> String {
        "card_id,review_time_unix_ms,rating\n" + reviews.map { "\($0.card),\($0.time * 1000),\($0.rating)\n" }.joined()
    }

    func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test func aCSVLogPrintsTheParametersAndFigures() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let file = ws.root + "/log.csv"
        try write(Self.csv(Self.history(cards: 150)), to: file)

        let r = try CLI.run(["fsrs", "optimize", file, "--json"], env: env)
        #expect(r.status == 0, "\(r.stderr)")
        let object = try JSONParser.parse(Array(r.stdout.utf8))
        let parameters = try #require(object["parameters"]?.arrayValue?.compactMap { $0.doubleValue })
        #expect(parameters.count == 21)
        #expect(object["reviews"]?.intValue == 900 && object["items"]?.intValue == 750)
        #expect(object["fitted"]?.stringValue == "all")
        let fitted = try #require(object["logLoss"]?.doubleValue)
        let defaults = try #require(object["default"]?["logLoss"]?.doubleValue)
        #expect(fitted < defaults)
        #expect(object["rmseBins"]?.doubleValue != nil)
        // Nothing is written without --save, and the same log gives the same answer.
        #expect(!FileManager.default.fileExists(atPath: ws.progress + "/settings.json"))
        #expect(try CLI.run(["fsrs", "optimize", file, "--json"], env: env).stdout == r.stdout)

        let text = try CLI.run(["fsrs", "optimize", file], env: env)
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("FSRS-6 parameters fitted to 900 reviews of 150 cards (750 training items):"))
        #expect(text.stdout.contains("default") && text.stdout.contains("fitted") && text.stdout.contains("RMSE (bins)"))
        #expect(!text.stdout.contains("simulated"))
    }

    @Test func tooFewReviewsIsOneLineAndNoError() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let file = ws.root + "/few.csv"
        try write(Self.csv(Self.history(cards: 2)), to: file)
        let r = try CLI.run(["fsrs", "optimize", file], env: env)
        #expect(r.status == 0 && r.stderr.isEmpty)
        #expect(r.stdout.hasPrefix("Not enough reviews to fit FSRS parameters: from 12 reviews of 2 cards, 0 training items"))
        #expect(r.stdout.split(separator: "\n").count == 1)
        let json = try JSONParser.parse(Array(try CLI.run(["fsrs", "optimize", file, "--json"], env: env).stdout.utf8))
        #expect(json["fitted"]?.stringValue == "none" && json["message"]?.stringValue?.hasPrefix("Not enough") == true)
        #expect(json["parameters"]?.arrayValue?.count == 21)
        // Your own log, when there is none yet; --save then saves nothing.
        let own = try CLI.run(["fsrs", "optimize", "--progress", ws.progress, "--save"], env: env)
        #expect(own.status == 0 && own.stdout.hasPrefix("Not enough reviews to fit FSRS parameters: from 0 reviews of 0 cards"))
        #expect(!FileManager.default.fileExists(atPath: ws.progress + "/settings.json"))
    }

    @Test func malformedRowsAreNamedAndTheRestIsFitted() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let file = ws.root + "/log.csv"
        try write(Self.csv(Self.history(cards: 150)) + "7,1767258000000,9\n", to: file)
        let r = try CLI.run(["fsrs", "optimize", file, "--json"], env: env)
        #expect(r.status == 1)
        #expect(r.stderr.contains("log.csv:902: rating \"9\" is not 1, 2, 3 or 4"))
        #expect(try JSONParser.parse(Array(r.stdout.utf8))["reviews"]?.intValue == 900)
    }

    /// The learner's own log: fitted, saved to settings.json, and then used by `study`.
    @Test func savedParametersScheduleTheNextSession() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        var lines = ""
        var seq = 0
        for review in Self.history(cards: 150) {
            seq += 1
            let time = ISODate.format(Date(timeIntervalSince1970: Double(review.time)))
            lines += #"{"seq":\#(seq),"kind":"review","deck":"history","card":"c\#(review.card)","time":"\#(time)","rating":\#(review.rating),"before":{"phase":"review","reps":1,"lapses":0},"after":{"phase":"review","reps":2,"lapses":0}}"# + "\n"
        }
        // One answer taken back: it must not count.
        seq += 1
        lines += #"{"seq":\#(seq),"kind":"review","deck":"history","card":"c0","time":"2026-06-01T09:00:00Z","rating":1,"before":{"phase":"review","reps":1,"lapses":0},"after":{"phase":"review","reps":2,"lapses":0}}"# + "\n"
        lines += #"{"seq":\#(seq + 1),"kind":"undo","deck":"history","card":"c0","time":"2026-06-01T09:00:05Z","undoes":\#(seq),"after":{"phase":"review","reps":1,"lapses":0}}"# + "\n"
        try write(lines, to: ws.progress + "/reviews.jsonl")

        let shown = try CLI.run(["fsrs", "optimize", "--decks", ws.decks, "--progress", ws.progress], env: env)
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("A simulated year of 20 new cards a day at 90% desired retention"))
        #expect(shown.stdout.contains("Run 'factdeck fsrs optimize --save'"))

        let r = try CLI.run(["fsrs", "optimize", "--decks", ws.decks, "--progress", ws.progress, "--save", "--json"], env: env)
        #expect(r.status == 0, "\(r.stderr)")
        let object = try JSONParser.parse(Array(r.stdout.utf8))
        #expect(object["reviews"]?.intValue == 900)
        #expect(object["simulation"]?["fitted"]?["reviewsPerDay"]?.doubleValue != nil)
        let fitted = try #require(object["parameters"]?.arrayValue?.compactMap { $0.doubleValue })
        let saved = try #require(try StudySettings.load(folder: ws.progress).fsrsParameters)
        #expect(zip(saved, fitted).allSatisfy { abs($0 - $1) <= 0.00005 })
        #expect(object["saved"]?.stringValue == ws.progress + "/settings.json")

        // A new card answered Good starts at the saved w2, one answered Again at w0.
        let study = try CLI.run(["study", "--decks", ws.decks, "--progress", ws.progress, "--no-fuzz"],
                                stdin: "jupiter\nVenus\n:quit\n", env: env)
        #expect(study.status == 0, "\(study.stderr)")
        let answers = ws.logLines.suffix(2).map { try? JSONParser.parse(Array($0.utf8)) }
        #expect(answers.map { $0?["rating"]?.intValue } == [3, 1])
        #expect(answers.map { $0?["after"]?["stability"]?.doubleValue } == [saved[2], saved[0]])
    }
}
