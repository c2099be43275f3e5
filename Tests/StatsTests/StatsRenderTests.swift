import Foundation
import JSONKit
import Stats
import Testing

/// The page as printed, at 80 and at 60 columns, with and without colour.
@Suite struct StatsRenderTests {
    let report: StatsReport

    init() throws {
        report = try Fixture.report()
    }

    func page(_ width: Int, color: Bool = false) -> String {
        StatsRenderer(width: width, color: color).render(report)
    }

    /// Display columns of a line of plain text (every character the page uses is one column wide).
    static func columns(_ line: Substring) -> Int { line.unicodeScalars.count }

    /// The text with SGR colour codes taken out.
    static func stripped(_ s: String) -> String {
        s.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    }

    /// The lines from the one starting with `prefix`, `count` of them.
    func section(_ text: String, from prefix: String, lines count: Int) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let i = lines.firstIndex(where: { $0.hasPrefix(prefix) }) else { return "(no \(prefix))" }
        return lines[i..<min(lines.count, i + count)].joined(separator: "\n")
    }

    @Test(arguments: [80, 60])
    func noLineIsWiderThanTheTerminal(width: Int) {
        let text = page(width)
        for line in text.split(separator: "\n") {
            #expect(Self.columns(line) <= width, "\(line)")
        }
        #expect(text.hasSuffix("\n"))
    }

    @Test(arguments: [80, 60])
    func noEscapeCodesWithoutColour(width: Int) {
        #expect(!page(width).utf8.contains(0x1B))
    }

    @Test(arguments: [80, 60])
    func colourOnlyAddsEscapeCodes(width: Int) {
        let coloured = page(width, color: true)
        #expect(coloured.utf8.contains(0x1B))
        #expect(Self.stripped(coloured) == page(width))
    }

    @Test func cardTableAt80And60Columns() {
        #expect(section(page(80), from: "Deck ", lines: 4) == Self.cards80)
        // Narrow: short headers and a legend for them.
        #expect(section(page(60), from: "Deck ", lines: 6) == Self.cards60)
    }

    @Test func forecastChartAt80And60Columns() {
        #expect(section(page(80), from: "Due in the next", lines: 9) == Self.forecast80)
        #expect(section(page(60), from: "Due in the next", lines: 10) == Self.forecast60)
    }

    @Test(arguments: [80, 60])
    func summaryRetentionHeatmapAndLists(width: Int) {
        let text = page(width)
        #expect(text.hasPrefix("Stats for 2026-11-23 · 2 decks · 10 cards\n"))
        #expect(text.contains("Today     2 reviews · 50% correct · 13 s\n"))
        #expect(text.contains("Streak    3 days · longest 4 days\n"))
        #expect(text.contains("last 7 days     0.0% of 1  33.3% of 3  25.0% of 4\n"))
        #expect(text.contains("desired 90%"))
        // Heatmap: 52 week columns, today (Monday) in the last one, Tuesday onwards blank.
        let mon = section(text, from: "Mon ", lines: 1)
        #expect(mon.count == 4 + 52)
        #expect(mon.hasSuffix("█"))
        #expect(section(text, from: "Tue ", lines: 1).count == 4 + 51)
        #expect(text.contains("(leech)"))
        #expect(text.contains("  note: date looks wrong\n"))
        #expect(text.contains("1 damaged line of the review log was skipped"))
    }

    @Test func jsonShape() throws {
        let bytes = report.json.encoded()
        #expect(!bytes.contains(0x0A))  // one object on one line
        let v = try JSONParser.parse(bytes)
        #expect(v.objectValue?.map(\.0) == [
            "format", "version", "now", "cards", "decks", "reviews", "today", "streak", "retention",
            "forecast", "heatmap", "hardest", "flagged", "memory", "damagedLogLines", "quizzes", "conflicts",
        ])
        #expect(v["conflicts"]?.arrayValue?.isEmpty == true)
        #expect(v["format"]?.stringValue == "factdeck.stats")
        #expect(v["now"]?.stringValue == "2026-11-23T10:00:00Z")
        #expect(v["cards"]?.objectValue?.map(\.0) == [
            "total", "new", "learning", "review", "relearning", "young", "mature", "suspended", "buried", "flagged", "leeches",
        ])
        #expect(v["cards"]?["total"]?.intValue == 10)
        #expect(v["decks"]?.arrayValue?.map { $0["id"]?.stringValue } == ["solar", "hist"])
        #expect(v["decks"]?.arrayValue?.first?["cards"]?["review"]?.intValue == 4)
        #expect(v["reviews"]?["total"]?.intValue == 14)
        #expect(v["reviews"]?["undone"]?.intValue == 1)
        #expect(v["reviews"]?["byRating"]?.objectValue?.map(\.0) == ["again", "hard", "good", "easy"])
        #expect(v["today"]?["reviews"]?.intValue == 2)
        #expect(v["today"]?["correctRate"]?.doubleValue == 0.5)
        #expect(v["today"]?["timeMs"]?.intValue == 13_000)
        #expect(v["streak"]?["current"]?.intValue == 3)
        #expect(v["streak"]?["longest"]?.intValue == 4)
        #expect(v["retention"]?["desired"]?.doubleValue == 0.9)
        let windows = v["retention"]?["windows"]?.arrayValue ?? []
        #expect(windows.map { $0["days"]?.intValue } == [7, 30, 365])
        #expect(windows.first?["young"]?["rate"]?.doubleValue == 0)
        #expect(windows.first?["mature"]?["reviews"]?.intValue == 3)
        #expect(windows.first?["mature"]?["rate"]?.doubleValue == 0.3333)
        let due = v["forecast"]?["due"]?.arrayValue ?? []
        #expect(due.count == 30)
        #expect(due.first?["date"]?.stringValue == "2026-11-23")
        #expect(due.prefix(4).map { $0["cards"]?.intValue } == [2, 0, 1, 1])
        #expect(v["forecast"]?["overdue"]?.intValue == 1)
        #expect(v["forecast"]?["later"]?.intValue == 1)
        #expect(v["heatmap"]?["reviews"]?.arrayValue?.count == 358)
        #expect(v["hardest"]?["leechThreshold"]?.intValue == 8)
        #expect(v["hardest"]?["cards"]?.arrayValue?.first?["leech"]?.boolValue == true)
        #expect(v["flagged"]?.arrayValue?.first?["note"]?.stringValue == "date looks wrong")
        #expect(v["memory"]?["cards"]?.intValue == 6)
        #expect(v["memory"]?["averageRetrievability"]?.doubleValue != nil)
        #expect(v["damagedLogLines"]?.intValue == 1)
    }

    @Test func emptyJSONStillHasEveryKey() throws {
        let empty = StatsBuilder.report(decks: Fixture.decks, entries: [], now: Fixture.now, days: UTCStudyDays(), desiredRetention: 0.9)
        let v = try JSONParser.parse(empty.json.encoded())
        #expect(v["reviews"]?["total"]?.intValue == 0)
        #expect(v["today"]?["correctRate"]?.isNull == true)
        #expect(v["memory"]?["averageRetrievability"]?.isNull == true)
        #expect(v["cards"]?["new"]?.intValue == 10)
    }

    @Test func deckTextCannotDriveTheTerminal() {
        var r = report
        r.decks[0].title = "Evil\u{1B}[2J\u{1B}]0;pwned\u{07} Deck"
        r.hardest[0].question = "Q\u{1B}[31m red \u{9B}"
        let text = StatsRenderer(width: 80, color: false).render(r)
        #expect(!text.utf8.contains(0x1B))
        #expect(text.contains("Evil Deck"))
    }

    static let cards80 = """
        Deck           Cards  New  Learn  Review  Relearn  Suspended  Buried  Flagged
        Solar System       7    1      1       4        1          1       1        0
        World History      3    2      0       1        0          0       0        1
        Total             10    3      1       5        1          1       1        1
        """

    static let forecast80 = """
        Due in the next 30 days: 4 cards · 1 overdue (shown today) · 1 later
        2 ┤█
          │█
          │█
          │█   █ █
          │█   █ █
          │█   █ █
        0 └┬─────────────┬─────────────┬─────────────┬─────────────┬──
           today         +7d           +14d          +21d          +28d
        """

    static let cards60 = """
        Deck           All  New  Lrn  Rev  Rel  Sus  Bur  Flg
        Solar System     7    1    1    4    1    1    1    0
        World History    3    2    0    1    0    0    0    1
        Total           10    3    1    5    1    1    1    1
        All cards · Lrn learn · Rev review · Rel relearn
        Sus suspended · Bur buried · Flg flagged
        """

    static let forecast60 = """
        Due in the next 30 days: 4 cards · 1 overdue (shown today)
        1 later
        2 ┤█
          │█
          │█
          │█ ██
          │█ ██
          │█ ██
        0 └┬──────┬──────┬──────┬──────┬─
           today  +7d    +14d   +21d   +28d
        """
}
