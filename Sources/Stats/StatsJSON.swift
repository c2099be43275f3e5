import DeckModel
import Foundation
import JSONKit

extension StatsReport {
    /// The `stats --json` object (DESIGN.md: card counts by state, review totals, retention,
    /// due forecast; plus today, streak, heatmap, hardest and flagged cards, memory, the
    /// last quizzes and the conflicting sources as `factdeck conflicts --json` prints them).
    /// Rates are fractions from 0 to 1, null when there is nothing to divide; times in ms.
    public var json: JSONValue {
        func n(_ i: Int) -> JSONValue { .number(Double(i)) }
        func rate(_ d: Double?) -> JSONValue { d.map { .number(($0 * 10_000).rounded() / 10_000) } ?? .null }
        func counts(_ c: CardCounts) -> JSONValue {
            .object([
                ("total", n(c.total)), ("new", n(c.new)), ("learning", n(c.learning)), ("review", n(c.review)),
                ("relearning", n(c.relearning)), ("young", n(c.young)), ("mature", n(c.mature)),
                ("suspended", n(c.suspended)), ("buried", n(c.buried)), ("flagged", n(c.flagged)),
                ("leeches", n(c.leeches)),
            ])
        }
        func tally(_ t: Tally) -> JSONValue {
            .object([("reviews", n(t.total)), ("correct", n(t.passed)), ("rate", rate(t.rate))])
        }
        func ref(_ c: CardRef) -> JSONValue {
            var m: [(String, JSONValue)] = [
                ("deck", .string(c.deck)), ("card", .string(c.card)), ("question", .string(c.question)),
                ("lapses", n(c.lapses)), ("leech", .bool(c.leech)),
            ]
            if let note = c.note { m.append(("note", .string(note))) }
            return .object(m)
        }
        func day(_ d: StatsDate?) -> JSONValue { d.map { .string($0.description) } ?? .null }
        return .object([
            ("format", .string("factdeck.stats")),
            ("version", n(1)),
            ("now", .string(ISODate.format(now))),
            ("cards", counts(cards)),
            ("decks", .array(decks.map { .object([("id", .string($0.id)), ("title", .string($0.title)), ("cards", counts($0.cards))]) })),
            ("reviews", .object([
                ("total", n(totals.reviews)), ("correct", n(totals.correct)),
                ("correctRate", rate(totals.reviews == 0 ? nil : Double(totals.correct) / Double(totals.reviews))),
                ("undone", n(totals.undone)),
                ("byRating", .object(zip(["again", "hard", "good", "easy"], totals.byRating).map { ($0, n($1)) })),
                ("timeMs", n(totals.millis)), ("daysStudied", n(totals.daysStudied)),
                ("firstDay", day(totals.firstDay)), ("lastDay", day(totals.lastDay)),
            ])),
            ("today", .object([
                ("date", day(today.date)), ("reviews", n(today.reviews)), ("correct", n(today.correct)),
                ("correctRate", rate(today.correctRate)), ("newCards", n(today.newCards)), ("timeMs", n(today.millis)),
            ])),
            ("streak", .object([
                ("current", n(streak.current)), ("longest", n(streak.longest)), ("studiedToday", .bool(streak.studiedToday)),
            ])),
            ("retention", .object([
                ("desired", .number(desiredRetention)),
                ("windows", .array(retention.map {
                    .object([("days", n($0.days)), ("young", tally($0.young)), ("mature", tally($0.mature)), ("all", tally($0.all))])
                })),
            ])),
            ("forecast", .object([
                ("days", n(forecast.days.count)), ("overdue", n(forecast.overdue)), ("later", n(forecast.later)),
                ("due", .array(forecast.days.map { .object([("date", .string($0.date.description)), ("cards", n($0.count))]) })),
            ])),
            ("heatmap", .object([
                ("days", n(heatmap.days.count)),
                ("reviews", .array(heatmap.days.map { .object([("date", .string($0.date.description)), ("reviews", n($0.count))]) })),
            ])),
            ("hardest", .object([("leechThreshold", n(leechThreshold)), ("cards", .array(hardest.map(ref)))])),
            ("flagged", .array(flagged.map(ref))),
            ("memory", .object([
                ("cards", n(memory.cards)),
                ("averageRetrievability", rate(memory.averageRetrievability)),
                ("expectedRecalled", .number((memory.expectedRecalled * 10).rounded() / 10)),
            ])),
            ("damagedLogLines", n(damagedLogLines)),
            ("quizzes", quizzesJSON),
            ("conflicts", .array(conflicts.map(\.json))),
        ])
    }
}
