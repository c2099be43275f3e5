import DeckModel
import Foundation
import JSONKit
import Testing

/// Two hand-written decks about coffee that disagree twice (Brazil's share: around 35%
/// and an estimated 40 percent; London's first coffee house: 1652 and 1650) and agree
/// or explain themselves otherwise (rounding, other years, a stated rise, another
/// scope), plus an old deck without claims.
extension Workspace {
    static func withConflictingSources() throws -> Workspace {
        let ws = try Workspace()
        try FileManager.default.removeItem(atPath: ws.decks + "/planets.json")
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures/conflicts", withExtension: nil))
        for name in ["coffee-trade.json", "coffee-regions.json", "tea-history.json"] {
            try FileManager.default.copyItem(atPath: fixtures.appendingPathComponent(name).path, toPath: ws.decks + "/" + name)
        }
        return ws
    }
}

@Suite struct ConflictsCLITests {
    let env = ["FACTDECK_NOW": "2026-11-23T10:00:00Z"]

    func run(_ ws: Workspace, _ args: [String], stdin: String = "") throws -> CLI.Result {
        try CLI.run(args + ["--decks", ws.decks, "--progress", ws.progress], stdin: stdin, env: env)
    }

    @Test func conflictsListsTheValuesWithTheirDecksSectionsAndSentences() throws {
        let ws = try Workspace.withConflictingSources()
        defer { ws.remove() }
        let r = try run(ws, ["conflicts"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("brazil: world coffee production — 2 values in 2 decks"))
        #expect(r.stdout.contains("  35% · The Coffee Trade, Producers · c-brazil-share"))
        #expect(r.stdout.contains("  40 percent · Where Coffee Grows, Growing regions · c-brazil-estimate"))
        #expect(r.stdout.contains("Brazil produces an estimated 40 percent of the world's coffee."))
        #expect(r.stdout.contains("first coffee house in london: open"))
        #expect(r.stdout.contains("2 conflicts: 10 facts with values compared across 2 decks."))
        #expect(r.stdout.contains("1 deck has no recorded values"))
        for explained in ["c-vietnam", "c-colombia", "c-ethiopia", "c-brazil-exports", "c-arabica"] {
            #expect(!r.stdout.contains(explained), "\(explained) is explained by its sentence")
        }
    }

    /// The public contract (DESIGN.md): a JSON array of conflicts, each listing its cards
    /// with deck, card id, answer and sentence.
    @Test func jsonIsAnArrayOfConflictsEachListingItsCards() throws {
        let ws = try Workspace.withConflictingSources()
        defer { ws.remove() }
        let r = try run(ws, ["conflicts", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let conflicts = try #require(try JSONParser.parse(Array(r.stdout.utf8)).arrayValue)
        #expect(conflicts.count == 2)
        for conflict in conflicts {
            let cards = try #require(conflict["cards"]?.arrayValue)
            #expect(cards.count >= 2)
            for card in cards {
                for key in ["deck", "deckTitle", "card", "answer", "sentence"] {
                    #expect(card[key]?.stringValue?.isEmpty == false, "\(key) in \(card)")
                }
                #expect(card["value"]?.doubleValue != nil)
            }
        }
        let brazil = conflicts[0]
        #expect(brazil["subject"]?.stringValue == "brazil" && brazil["quantity"]?.stringValue == "world|coffee production")
        #expect(brazil["values"]?.arrayValue?.compactMap(\.doubleValue) == [35, 40])
        let cards = try #require(brazil["cards"]?.arrayValue)
        #expect(cards.map { $0["deck"]?.stringValue } == ["coffee-trade", "coffee-regions"])
        #expect(cards.map { $0["card"]?.stringValue } == ["c-brazil-share", "c-brazil-estimate"])
        #expect(cards.map { $0["answer"]?.stringValue } == ["35%", "40 percent"])
        #expect(cards[1]["section"]?.stringValue == "Growing regions")
        #expect(cards[1]["sentence"]?.stringValue == "Brazil produces an estimated 40 percent of the world's coffee.")
    }

    @Test func namingDecksKeepsTheirConflictsAndExitIsZeroEitherWay() throws {
        let ws = try Workspace.withConflictingSources()
        defer { ws.remove() }
        let named = try run(ws, ["conflicts", "Where Coffee Grows", "--json"])
        #expect(named.status == 0)
        #expect(try JSONParser.parse(Array(named.stdout.utf8)).arrayValue?.count == 2)
        let none = try run(ws, ["conflicts", "tea-history", "--json"])
        #expect(none.status == 0 && none.stdout == "[]\n")
        let text = try run(ws, ["conflicts", "tea-history"])
        #expect(text.status == 0 && text.stdout.hasPrefix("No conflicts: "))
        let unknown = try run(ws, ["conflicts", "no-such-deck"])
        #expect(unknown.status == 1 && unknown.stderr.contains("no deck named 'no-such-deck'"))
    }

    @Test func aCardWhoseAnswerTheLearnerEditedNoLongerConflicts() throws {
        let ws = try Workspace.withConflictingSources()
        defer { ws.remove() }
        let edit = try run(ws, ["edit", "c-brazil-share", "--answer", "40%"])
        #expect(edit.status == 0, "\(edit.stderr)")
        let r = try run(ws, ["conflicts", "--json"])
        let conflicts = try #require(try JSONParser.parse(Array(r.stdout.utf8)).arrayValue)
        #expect(conflicts.count == 1 && conflicts[0]["subject"]?.stringValue == "first coffee house in london")
    }

    @Test func decksCountsConflictsAndStatsJSONListsThem() throws {
        let ws = try Workspace.withConflictingSources()
        defer { ws.remove() }
        let decks = try run(ws, ["decks"])
        #expect(decks.status == 0, "\(decks.stderr)")
        let rows = decks.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        #expect(rows[0].last == "CONFLICTS")
        let counts = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0.dropLast(6).joined(separator: " "), $0.last.map(String.init)) })
        #expect(counts == ["Where Coffee Grows": "2", "The Coffee Trade": "2", "A Short History of Tea": "0"])

        let stats = try run(ws, ["stats", "--json"])
        #expect(stats.status == 0, "\(stats.stderr)")
        let all = try #require(try JSONParser.parse(Array(stats.stdout.utf8))["conflicts"]?.arrayValue)
        #expect(all.count == 2 && all[0]["cards"]?.arrayValue?.first?["card"]?.stringValue == "c-brazil-share")
        let tea = try run(ws, ["stats", "tea-history", "--json"])
        #expect(try JSONParser.parse(Array(tea.stdout.utf8))["conflicts"]?.arrayValue?.isEmpty == true)
        let text = try run(ws, ["stats"])
        #expect(text.stdout.contains("Conflicting sources (2)") && text.stdout.contains("35% / 40 percent"))
    }

    /// Study through a pipe: the other source after the answer; its value graded
    /// "disputed", Hard, and the card flagged until `unflag`.
    @Test func studyShowsTheOtherSourceAndGradesItsValueDisputed() throws {
        let ws = try Workspace.withConflictingSources()
        defer { ws.remove() }
        let r = try run(ws, ["study", "coffee-trade", "--no-fuzz"], stdin: "40 percent\n:quit\n")
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        let verdict = try #require(lines.firstIndex(of: "≠ Disputed: that is what another source says. This card says: 35%"))
        #expect(lines[verdict + 1].hasPrefix("Source (Producers, The Coffee Trade): Brazil is the largest grower"))
        #expect(lines.contains("⚠ Another source says 40 percent — Where Coffee Grows, Growing regions"))
        #expect(lines.contains { $0.hasPrefix("Graded Hard, next in ") })
        #expect(r.stdout.contains("Flagged until you settle it"))
        let log = ws.logLines
        #expect(log.count == 2)
        #expect(log[0].contains(#""kind":"review""#) && log[0].contains(#""rating":2"#) && log[0].contains(#""typed":"40 percent""#))
        #expect(log[1].contains(#""kind":"flag""#) && log[1].contains("another source says 40 percent (Where Coffee Grows, Growing regions)"))

        let flagged = try run(ws, ["decks", "--flagged"])
        #expect(flagged.stdout.contains("note: disputed: another source says 40 percent"))
        let unflag = try run(ws, ["unflag", "c-brazil-share"])
        #expect(unflag.status == 0 && unflag.stdout.hasPrefix("Unflagged c-brazil-share (The Coffee Trade)"))
        #expect(ws.logLines.last?.contains(#""kind":"unflag""#) == true)
        let again = try run(ws, ["unflag", "c-brazil-share"])
        #expect(again.status == 1 && again.stderr.contains("card c-brazil-share is not flagged"))
    }

    @Test func aRightAnswerStillSaysAnotherSourceDisagrees() throws {
        let ws = try Workspace.withConflictingSources()
        defer { ws.remove() }
        let r = try run(ws, ["study", "coffee-trade", "--no-fuzz"], stdin: "35 percent\nabout 17 percent\n:quit\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("✓ Correct: 35%\n"))
        #expect(r.stdout.contains("⚠ Another source says 40 percent — Where Coffee Grows, Growing regions"))
        #expect(r.stdout.components(separatedBy: "Another source says").count == 2, "Vietnam's 17% and 16.8% agree")
        #expect(!ws.logLines.contains { $0.contains(#""kind":"flag""#) })
    }

    @Test func aQuizCountsTheOtherSourcesValueRightAsDisputed() throws {
        let ws = try Workspace.withConflictingSources()
        defer { ws.remove() }
        // One question: which card the seed draws is read from a first run.
        let plan = try run(ws, ["quiz", "coffee-regions", "--types", "choice", "--count", "1", "--seed", "1", "--json"])
        #expect(try JSONParser.parse(Array(plan.stdout.utf8))["questions"]?.arrayValue?.first?["card"]?.stringValue == "c-london-1650")
        let r = try run(ws, ["quiz", "coffee-regions", "--types", "choice", "--count", "1", "--seed", "1"], stdin: "1652\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("≠ Disputed: that is what another source says. This card says: 1650"))
        #expect(r.stdout.contains("⚠ Another source says 1652 — The Coffee Trade, History"))
        #expect(r.stdout.contains("Disputed 1 (counted right; the sources disagree):"))
        #expect(r.stdout.hasSuffix("Score: 1/1 (100%)\n"))
        #expect(ws.logLines.isEmpty, "a quiz flags nothing: it never changes card states")
    }
}

extension TerminalSessionTests {
    /// The same in a real terminal: type the other source's value, read the feedback.
    @Test(.enabled(if: canDrive)) func aDisputedAnswerInTheTerminal() throws {
        let ws = try Workspace.withConflictingSources()
        defer { ws.remove() }
        let (screen, rc) = try drive(ws, args: "coffee-trade --no-fuzz", keys: [
            "sleep:0.5", "40 percent", "Enter", "wait:Enter: next", "Enter", "wait:What share", "C-d",
        ], cols: 100)
        #expect(rc == "0", "\(screen)")
        #expect(screen.contains("≠ Disputed: that is what another source says. This card says: 35%"))
        #expect(screen.contains("⚠ Another source says 40 percent — Where Coffee Grows, Growing regions"))
        #expect(screen.contains("Graded Hard"))
        #expect(ws.logLines.contains { $0.contains(#""kind":"flag""#) })
    }
}
