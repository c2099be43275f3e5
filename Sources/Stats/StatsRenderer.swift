import Foundation
import TerminalKit

/// Draws a `StatsReport` for the terminal: summary lines, tables, a due-forecast bar chart
/// and a reviews heatmap, every line at most `width` columns. With `color` off the text
/// holds no escape codes at all (pipes, NO_COLOR, TERM=dumb).
public struct StatsRenderer: Sendable {
    public var width: Int
    public var color: Bool

    public init(width: Int, color: Bool) {
        self.width = max(40, width)
        self.color = color
    }

    /// What `factdeck stats` prints when nothing has been studied.
    public static let emptyMessage = "no reviews yet: run factdeck study"

    // MARK: styling (applied after measuring and padding)

    func sgr(_ s: String, _ code: String) -> String { color && !s.isEmpty ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    func bold(_ s: String) -> String { sgr(s, "1") }
    private func dim(_ s: String) -> String { sgr(s, "2") }
    private func green(_ s: String) -> String { sgr(s, "32") }
    private func yellow(_ s: String) -> String { sgr(s, "33") }
    private func red(_ s: String) -> String { sgr(s, "31") }
    private func cyan(_ s: String) -> String { sgr(s, "36") }

    // MARK: the whole page

    public func render(_ r: StatsReport) -> String {
        if r.isEmpty {
            // Quizzes change no card, and decks disagree from the start: both can come before any review.
            var blocks = [[Self.emptyMessage]]
            if !r.quizzes.isEmpty { blocks.append(quizzes(r)) }
            if !r.conflicts.isEmpty { blocks.append(conflicts(r)) }
            return blocks.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
        }
        var blocks: [[String]] = []
        blocks.append(summary(r))
        blocks.append(cardTable(r))
        blocks.append(retentionTable(r))
        blocks.append(forecastChart(r))
        blocks.append(heatmap(r))
        blocks.append(hardest(r))
        if !r.flagged.isEmpty { blocks.append(flagged(r)) }
        if !r.conflicts.isEmpty { blocks.append(conflicts(r)) }
        if !r.quizzes.isEmpty { blocks.append(quizzes(r)) }
        if r.damagedLogLines > 0 {
            let n = r.damagedLogLines
            blocks.append(TerminalText.wrap(
                "\(StatsText.plural(n, "damaged line")) of the review log \(n == 1 ? "was" : "were") skipped (see the warnings).",
                width: width).map(yellow))
        }
        return blocks.filter { !$0.isEmpty }.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    // MARK: summary

    func summary(_ r: StatsReport) -> [String] {
        let deckCount = r.decks.count
        var lines = TerminalText.wrap(
            "Stats for \(r.today.date) · \(StatsText.plural(deckCount, "deck")) · \(StatsText.plural(r.cards.total, "card"))",
            width: width
        ).map(bold)
        let labelWidth = 10
        func field(_ label: String, _ items: [String]) {
            let first = TerminalText.padRight(label, labelWidth)
            let wrapped = TerminalText.wrapList(items, width: width, first: first, indent: String(repeating: " ", count: labelWidth))
            for (i, l) in wrapped.enumerated() {
                lines.append(i == 0 ? bold(String(l.prefix(labelWidth))) + String(l.dropFirst(labelWidth)) : l)
            }
        }
        let t = r.today
        var today = [StatsText.plural(t.reviews, "review")]
        if let rate = t.correctRate { today.append("\(StatsText.percent(rate)) correct") }
        if t.reviews > 0 { today.append(StatsText.duration(millis: t.millis)) }
        if t.newCards > 0 { today.append("\(StatsText.count(t.newCards)) new") }
        field("Today", today)
        var streak = StatsText.plural(r.streak.current, "day")
        if r.streak.current > 0 && !r.streak.studiedToday { streak += " (study today to keep it)" }
        field("Streak", [streak, "longest \(StatsText.plural(r.streak.longest, "day"))"])
        if let avg = r.memory.averageRetrievability {
            let recalled = Int(r.memory.expectedRecalled.rounded())
            field("Memory", [
                "\(StatsText.percent(avg, decimals: 1)) average recall",
                "about \(StatsText.count(recalled)) of \(StatsText.count(r.memory.cards)) studied cards if tested now",
            ])
        }
        var all = ["\(StatsText.plural(r.totals.reviews, "review")) on \(StatsText.plural(r.totals.daysStudied, "day"))"]
        if r.totals.reviews > 0 {
            all.append("\(StatsText.percent(Double(r.totals.correct) / Double(r.totals.reviews))) correct")
            all.append(StatsText.duration(millis: r.totals.millis))
        }
        if r.totals.undone > 0 { all.append("\(StatsText.count(r.totals.undone)) undone") }
        field("All time", all)
        return lines
    }

    // MARK: tables

    /// A column of a fitted table.
    private struct Column {
        var long: String
        var short: String
        var values: [String]
        /// Values for a narrow table (compact numbers); the long ones when nil.
        var shortValues: [String]? = nil
        var right = true
        /// Lower goes first when the table must lose columns.
        var priority = 0
    }

    /// Lays out columns after a first, flexible text column that takes what is left (down to
    /// `minFirst`), using long headers if they fit, then short ones, then dropping columns.
    private func fitTable(
        firstHeader: String, first: [String], minFirst: Int, maxFirst: Int, columns: [Column], emphasizeLast: Bool = false
    ) -> (lines: [String], legend: [String]) {
        var cols = columns
        var useShort = false
        func cells(_ c: Column, _ short: Bool) -> [String] { short ? (c.shortValues ?? c.values) : c.values }
        func columnsWidth(_ cs: [Column], short: Bool) -> Int {
            cs.reduce(0) { acc, c in
                acc + 2 + max(TerminalText.width(short ? c.short : c.long), cells(c, short).map(TerminalText.width).max() ?? 0)
            }
        }
        while true {
            if minFirst + columnsWidth(cols, short: false) <= width { break }
            if minFirst + columnsWidth(cols, short: true) <= width {
                useShort = true
                break
            }
            guard cols.count > 1, let drop = cols.indices.min(by: { cols[$0].priority < cols[$1].priority }) else { break }
            cols.remove(at: drop)
        }
        let firstWidth = max(TerminalText.width(firstHeader), min(maxFirst, width - columnsWidth(cols, short: useShort),
                                                             first.map(TerminalText.width).max() ?? 0))
        var lines: [String] = []
        let rows = first.count
        for row in -1..<rows {
            var line = row < 0 ? firstHeader : TerminalText.truncate(first[row], to: firstWidth)
            line = TerminalText.padRight(line, firstWidth)
            for c in cols {
                let header = useShort ? c.short : c.long
                let values = cells(c, useShort)
                let w = max(TerminalText.width(header), values.map(TerminalText.width).max() ?? 0)
                let cell = row < 0 ? header : values[row]
                line += "  " + (c.right ? TerminalText.padLeft(cell, w) : TerminalText.padRight(cell, w))
            }
            while line.hasSuffix(" ") { line.removeLast() }
            if row < 0 {
                lines.append(bold(line))
            } else if emphasizeLast && row == rows - 1 {
                lines.append(bold(line))
            } else {
                lines.append(line)
            }
        }
        var legend: [String] = []
        if useShort {
            let names = cols.filter { $0.short != $0.long }.map { "\($0.short) \($0.long.lowercased())" }
            if !names.isEmpty { legend = TerminalText.wrapList(names, width: width).map(dim) }
        }
        return (lines, legend)
    }

    func cardTable(_ r: StatsReport) -> [String] {
        var rows = r.decks.map { (TerminalText.clean($0.title), $0.cards) }
        let showTotal = r.decks.count > 1
        if showTotal { rows.append(("Total", r.cards)) }
        func col(_ long: String, _ short: String, _ p: Int, _ f: (StatsReport.CardCounts) -> Int) -> Column {
            Column(
                long: long, short: short, values: rows.map { StatsText.count(f($0.1)) },
                shortValues: rows.map { StatsText.compact(f($0.1)) }, priority: p)
        }
        let columns = [
            col("Cards", "All", 9, \.total), col("New", "New", 8, \.new), col("Learn", "Lrn", 7, \.learning),
            col("Review", "Rev", 8, \.review), col("Relearn", "Rel", 6, \.relearning),
            col("Suspended", "Sus", 4, \.suspended), col("Buried", "Bur", 2, \.buried), col("Flagged", "Flg", 3, \.flagged),
        ]
        let (lines, legend) = fitTable(
            firstHeader: "Deck", first: rows.map(\.0), minFirst: 12, maxFirst: 32, columns: columns, emphasizeLast: showTotal)
        var out = lines + legend
        var extra: [String] = []
        if r.cards.review > 0 { extra.append("in review: \(StatsText.count(r.cards.young)) young, \(StatsText.count(r.cards.mature)) mature (interval 21 days or more)") }
        if r.cards.leeches > 0 { extra.append(StatsText.plural(r.cards.leeches, "leech", "leeches")) }
        if !extra.isEmpty {
            extra[0] = extra[0].prefix(1).uppercased() + extra[0].dropFirst()
            out += TerminalText.wrapList(extra, width: width)
        }
        return out
    }

    func retentionTable(_ r: StatsReport) -> [String] {
        var out = TerminalText.wrap("True retention (reviews answered right; desired \(StatsText.percent(r.desiredRetention)))", width: width).map(bold)
        func cell(_ t: StatsReport.Tally, _ short: Bool) -> String {
            guard let rate = t.rate else { return "–" }
            return "\(StatsText.percent(rate, decimals: 1)) of \(short ? StatsText.compact(t.total) : StatsText.count(t.total))"
        }
        let labels = r.retention.map { "last \($0.days) days" }
        func col(_ name: String, _ p: Int, _ f: (StatsReport.Retention) -> StatsReport.Tally) -> Column {
            Column(long: name, short: name, values: r.retention.map { cell(f($0), false) },
                   shortValues: r.retention.map { cell(f($0), true) }, priority: p)
        }
        let columns = [col("Young", 2, \.young), col("Mature", 1, \.mature), col("All", 3, \.all)]
        let (lines, _) = fitTable(firstHeader: "", first: labels, minFirst: 13, maxFirst: 14, columns: columns)
        out += lines
        return out
    }

    // MARK: forecast bar chart

    private static let eighths: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    func forecastChart(_ r: StatsReport) -> [String] {
        let f = r.forecast
        let n = f.days.count
        var title = ["Due in the next \(n) days: \(StatsText.plural(f.total, "card"))"]
        if f.overdue > 0 { title.append("\(StatsText.count(f.overdue)) overdue (shown today)") }
        if f.later > 0 { title.append("\(StatsText.count(f.later)) later") }
        var out = TerminalText.wrapList(title, width: width).map(bold)
        guard n > 0, f.total > 0 else {
            out.append(dim("Nothing due."))
            return out
        }
        // Columns: one per day with a gap when there is room, one per day without, else days grouped.
        let maxLabel = StatsText.count(f.days.map(\.count).max() ?? 0)
        let labelWidth = max(TerminalText.width(maxLabel), 1)
        let plotWidth = width - labelWidth - 2
        var perColumn = 1
        var gap = 0
        if n * 2 <= plotWidth {
            gap = 1
        } else if n > plotWidth {
            perColumn = (n + plotWidth - 1) / plotWidth
        }
        var values: [Int] = []
        var i = 0
        while i < n {
            values.append(f.days[i..<min(n, i + perColumn)].reduce(0) { $0 + $1.count })
            i += perColumn
        }
        let top = values.max() ?? 1
        let height = 6
        let eighthsTall = values.map { v -> Int in v == 0 ? 0 : max(1, Int((Double(v) / Double(top) * Double(height * 8)).rounded())) }
        let topLabel = perColumn == 1 ? maxLabel : StatsText.count(top)
        for row in 0..<height {
            let floor = (height - 1 - row) * 8
            var bars = ""
            for e in eighthsTall {
                if e >= floor + 8 {
                    bars.append("█")
                } else if e > floor {
                    bars.append(Self.eighths[e - floor - 1])
                } else {
                    bars.append(" ")
                }
                if gap > 0 { bars.append(" ") }
            }
            while bars.hasSuffix(" ") { bars.removeLast() }
            let label = row == 0 ? TerminalText.padLeft(topLabel, labelWidth) + " ┤" : String(repeating: " ", count: labelWidth) + " │"
            out.append(dim(label) + cyan(bars))
        }
        // X axis with a tick each week, and labels under the ticks that have room.
        let step = 1 + gap
        let plotColumns = values.count * step - gap
        var axis = Array(repeating: Character("─"), count: max(1, plotColumns))
        var labels = Array(repeating: Character(" "), count: max(1, plotColumns) + 6)
        var nextFree = 0
        for (c, _) in values.enumerated() {
            let day = c * perColumn
            guard day % 7 == 0 || (perColumn > 1 && c == 0) else { continue }
            let x = c * step
            if x < axis.count { axis[x] = "┬" }
            let text = day == 0 ? "today" : "+\(day)d"
            if x >= nextFree && x + text.count <= plotColumns + 2 && labelWidth + 2 + x + text.count <= width {
                for (k, ch) in text.enumerated() where x + k < labels.count { labels[x + k] = ch }
                nextFree = x + text.count + 1
            }
        }
        out.append(dim(TerminalText.padLeft("0", labelWidth) + " └" + String(axis)))
        var labelLine = String(repeating: " ", count: labelWidth + 2) + String(labels)
        while labelLine.hasSuffix(" ") { labelLine.removeLast() }
        out.append(dim(labelLine))
        if perColumn > 1 { out.append(dim("(each bar: \(perColumn) days)")) }
        return out
    }

    // MARK: heatmap

    private static let shades: [Character] = ["·", "░", "▒", "▓", "█"]
    private static let weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    func heatmap(_ r: StatsReport) -> [String] {
        let h = r.heatmap
        guard !h.days.isEmpty else { return [] }
        let labelWidth = 4
        let allWeeks = (h.days.count + 6) / 7
        let weeks = min(allWeeks, width - labelWidth)
        let days = Array(h.days.suffix(h.days.count - (allWeeks - weeks) * 7))
        let shown = days.reduce(0) { $0 + $1.count }
        let active = days.filter { $0.count > 0 }.count
        var out = TerminalText.wrap(
            "Reviews per day, last \(StatsText.plural(weeks, "week")): \(StatsText.count(shown)) on \(StatsText.plural(active, "day"))",
            width: width
        ).map(bold)
        let top = days.map(\.count).max() ?? 0
        func level(_ v: Int) -> Int { v == 0 || top == 0 ? 0 : min(4, max(1, Int((4 * Double(v) / Double(top)).rounded(.up)))) }
        // Month labels over the first week of each month.
        var monthLine = Array(repeating: Character(" "), count: weeks + 3)
        var nextFree = 0
        var previousMonth = -1
        for w in 0..<weeks {
            let month = days[w * 7].date.month
            if month != previousMonth {
                if w >= nextFree {
                    for (k, ch) in Self.monthNames[month - 1].enumerated() { monthLine[w + k] = ch }
                    nextFree = w + 4
                }
                previousMonth = month
            }
        }
        var months = String(repeating: " ", count: labelWidth) + String(monthLine)
        while months.hasSuffix(" ") { months.removeLast() }
        if TerminalText.width(months) > width { months = String(months.prefix(width)) }
        out.append(dim(months))
        for weekday in 0..<7 {
            var line = dim(TerminalText.padRight(Self.weekdayNames[weekday], labelWidth))
            var run = ""
            var runLevel = -1
            func flush() {
                guard !run.isEmpty else { return }
                line += paint(run, level: runLevel)
                run = ""
            }
            for w in 0..<weeks {
                let i = w * 7 + weekday
                guard i < days.count else { break }
                let l = level(days[i].count)
                if l != runLevel { flush(); runLevel = l }
                run.append(Self.shades[l])
            }
            flush()
            out.append(line)
        }
        var legend = String(repeating: " ", count: labelWidth) + "less "
        legend += Self.shades.enumerated().map { paint(String($1), level: $0) }.joined(separator: " ")
        legend += " more"
        if top > 0 { legend += dim("  (█ = \(StatsText.count(top)))") }
        out.append(legend)
        return out
    }

    private func paint(_ s: String, level: Int) -> String {
        switch level {
        case 0: return dim(s)
        case 4: return sgr(s, "1;32")
        default: return green(s)
        }
    }

    // MARK: hardest and flagged cards

    func hardest(_ r: StatsReport) -> [String] {
        var out = TerminalText.wrap("Hardest cards (most lapses; a leech at \(r.leechThreshold))", width: width).map(bold)
        guard !r.hardest.isEmpty else {
            out.append(dim("No card has lapsed yet."))
            return out
        }
        let lapses = r.hardest.map { StatsText.count($0.lapses) }
        let lw = max(6, lapses.map(TerminalText.width).max() ?? 0)
        let deckTitles = r.hardest.map { TerminalText.clean($0.deckTitle) }
        let dw = min(max(4, deckTitles.map(TerminalText.width).max() ?? 0), width < 70 ? 12 : 18)
        let qw = width - lw - dw - 4
        out.append(bold(TerminalText.padLeft("Lapses", lw) + "  " + TerminalText.padRight("Deck", dw) + "  Question"))
        for (i, c) in r.hardest.enumerated() {
            let tag = c.leech ? " (leech)" : ""
            let q = TerminalText.truncate(TerminalText.clean(c.question), to: qw - tag.count)
            var line = TerminalText.padLeft(lapses[i], lw) + "  " + TerminalText.padRight(TerminalText.truncate(deckTitles[i], to: dw), dw) + "  " + q
            line += c.leech ? red(tag) : ""
            out.append(line)
        }
        return out
    }

    /// One line per conflict: what it is about and the values, then where to read more.
    func conflicts(_ r: StatsReport) -> [String] {
        var out = TerminalText.wrap("Conflicting sources (\(r.conflicts.count))", width: width).map(bold)
        for c in r.conflicts {
            var answers: [String] = []
            for card in c.cards where !answers.contains(card.card.answer) { answers.append(card.card.answer) }
            out += TerminalText.wrap(
                TerminalText.clean(c.topic) + ": " + answers.map(TerminalText.clean).joined(separator: " / "), width: width,
                first: "  ", indent: "    ")
        }
        out.append(dim("  'factdeck conflicts' shows the sources and their sentences."))
        return out
    }

    func flagged(_ r: StatsReport) -> [String] {
        var out = TerminalText.wrap("Flagged cards (\(r.flagged.count))", width: width).map(bold)
        for c in r.flagged {
            out += TerminalText.wrap(TerminalText.clean(c.deckTitle) + " · " + TerminalText.clean(c.card), width: width, first: "", indent: "  ")
            out += TerminalText.wrap(TerminalText.clean(c.question), width: width, first: "  Q: ", indent: "     ")
            if let note = c.note, !note.isEmpty {
                out += TerminalText.wrap(TerminalText.clean(note), width: width, first: "  note: ", indent: "        ").map(yellow)
            } else {
                out.append(dim("  (no note)"))
            }
        }
        return out
    }
}
