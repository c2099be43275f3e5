import DeckModel
import Foundation
import Hashing
import JSONKit
import Scheduling
import StudyStore
import ZIPFoundation

/// How to export.
public struct AnkiExportOptions: Sendable {
    /// Also write the review log (revlog) and each card's scheduling.
    public var withProgress: Bool
    /// The moment of the export (note/card `mod` times, "today" for due dates).
    public var now: Date

    public init(withProgress: Bool = false, now: Date) {
        self.withProgress = withProgress
        self.now = now
    }
}

/// What an export wrote.
public struct AnkiExportSummary: Sendable, Equatable {
    public var decks: Int
    public var notes: Int
    public var cards: Int
    public var revlog: Int
}

/// Writes factdeck decks as an Anki package (.apkg) in the legacy layout every current Anki
/// imports: `collection.anki21` (SQLite, schema 11) + `media` (`{}`) + `meta` (`08 02`).
///
/// - question and true/false cards become notes of type "factdeck Basic" (Front, Back: the
///   answer with the source sentence and the article title);
/// - multiple-choice cards the same, the Front listing the choices as a) b) c) d);
/// - cloze cards notes of type "factdeck Cloze" (`____` -> `{{c1::answer}}`, Back Extra: source).
///
/// Ids are derived from names, so a second export of the same decks updates the notes that
/// a first import made instead of duplicating them: note GUIDs from deck and card ids,
/// note-type ids from their names, deck ids from deck titles.
public enum AnkiExporter {
    public static let basicNoteTypeName = "factdeck Basic"
    public static let clozeNoteTypeName = "factdeck Cloze"

    /// The GUID of the note made from a card: stable across exports.
    public static func noteGUID(deck: String, card: String) -> String {
        "fd" + String(ContentHash.sha1Hex("factdeck:\(deck):\(card)").prefix(14))
    }

    /// The id of a note type (or deck) of this name: stable, in the past (Anki ids are epoch ms).
    public static func noteTypeID(name: String) -> Int64 { stableID("factdeck-notetype:" + name, base: 1_400_000_000_000) }
    public static func deckID(name: String) -> Int64 { stableID("factdeck-deck:" + name, base: 1_400_000_000_000) }

    static func stableID(_ key: String, base: Int64) -> Int64 {
        base + Int64(ContentHash.sha1Number(key) % 100_000_000_000)
    }

    /// The Anki deck name of a factdeck deck: its title (`::` in it makes sub-decks, as in Anki).
    public static func deckName(_ deck: Deck) -> String {
        let t = deck.title.trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? deck.id : t
    }

    /// Writes the package to `path` (atomically: on any error nothing is written).
    /// `progress` and `reviewLog` are used only with `options.withProgress`.
    @discardableResult
    public static func export(
        decks: [Deck], progress: [String: [String: CardProgress]] = [:], reviewLog: [LogEntry] = [],
        to path: String, options: AnkiExportOptions
    ) throws(AnkiError) -> AnkiExportSummary {
        let (data, summary) = try package(decks: decks, progress: progress, reviewLog: reviewLog, options: options)
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .io(path: path, reason: "cannot write: \(error.localizedDescription)")
        }
        return summary
    }

    /// The package as bytes.
    public static func package(
        decks: [Deck], progress: [String: [String: CardProgress]] = [:], reviewLog: [LogEntry] = [],
        options: AnkiExportOptions
    ) throws(AnkiError) -> (Data, AnkiExportSummary) {
        let (collection, summary) = try collection(decks: decks, progress: progress, reviewLog: reviewLog, options: options)
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            let when = options.now
            func add(_ name: String, _ bytes: Data, deflate: Bool) throws {
                try archive.addEntry(
                    with: name, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: when,
                    compressionMethod: deflate ? .deflate : .none
                ) { position, size in
                    bytes.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            // What Anki's own legacy export writes: meta = PackageMetadata{version: LEGACY_2}.
            try add("meta", Data([0x08, 0x02]), deflate: false)
            try add("collection.anki21", collection, deflate: true)
            try add("media", Data("{}".utf8), deflate: false)
            guard let data = archive.data else { throw AnkiError.sqlite("the zip archive is empty") }
            return (data, summary)
        } catch let e as AnkiError {
            throw e
        } catch {
            throw .io(path: "(package)", reason: "cannot build the zip archive: \(error)")
        }
    }

    /// The SQLite collection (schema 11) as a file image.
    static func collection(
        decks: [Deck], progress: [String: [String: CardProgress]], reviewLog: [LogEntry], options: AnkiExportOptions
    ) throws(AnkiError) -> (Data, AnkiExportSummary) {
        guard !decks.isEmpty else { throw .empty("no decks to export") }
        let now = options.now
        let nowSeconds = Int64(now.timeIntervalSince1970.rounded(.down))
        let nowMillis = Int64((now.timeIntervalSince1970 * 1000).rounded(.down))
        let basicID = noteTypeID(name: basicNoteTypeName)
        let clozeID = noteTypeID(name: clozeNoteTypeName)

        // Day 0 of the collection: the day of the first exported review (or today), so review
        // due days are non-negative.
        var firstTime = now
        var reviews: [LogEntry] = []
        if options.withProgress {
            let undone = Set(reviewLog.compactMap { $0.kind == .undo ? $0.undoes : nil })
            let wanted = Set(decks.map(\.id))
            reviews = reviewLog.filter { $0.kind == .review && $0.rating != nil && !undone.contains($0.seq) && wanted.contains($0.deck) }
            if let t = reviews.map(\.time).min(), t < firstTime { firstTime = t }
        }
        let crt = Int64((firstTime.timeIntervalSince1970 / 86400).rounded(.down)) * 86400

        let db = try SQLiteDatabase()
        try db.execute("PRAGMA page_size = 4096; PRAGMA journal_mode = DELETE;")
        try db.execute(AnkiSchema.ddl)
        try db.execute("BEGIN")

        var deckJSON: [(String, JSONValue)] = [("1", AnkiSchema.deck(id: 1, name: "Default", modSeconds: 0, description: ""))]
        var usedIDs = Set<Int64>()
        func uniqueID(_ key: String, base: Int64) -> Int64 {
            var id = stableID(key, base: base)
            while usedIDs.contains(id) { id += 1 }
            usedIDs.insert(id)
            return id
        }
        var cardIDs: [String: Int64] = [:]  // "deck\u{0}card" -> Anki card id
        var summary = AnkiExportSummary(decks: 0, notes: 0, cards: 0, revlog: 0)
        var position = 0
        var seenGUIDs = Set<String>()

        for deck in decks {
            let name = deckName(deck)
            let did = deckID(name: name)
            if !deckJSON.contains(where: { $0.0 == String(did) }) {
                let desc = deck.source.title.map { "From the article “\(AnkiHTML.escape($0))” (factdeck)." } ?? "Made by factdeck."
                deckJSON.append((String(did), AnkiSchema.deck(id: did, name: name, modSeconds: nowSeconds, description: desc)))
                summary.decks += 1
            }
            let article = deck.source.title ?? deck.title
            let states = progress[deck.id] ?? [:]
            for card in deck.cards {
                let guid = noteGUID(deck: deck.id, card: card.id)
                guard seenGUIDs.insert(guid).inserted else { continue }  // a card listed twice
                let note = NoteContent(card: card, article: article)
                let nid = uniqueID("factdeck-note:\(deck.id):\(card.id)", base: 1_500_000_000_000)
                let cid = uniqueID("factdeck-card:\(deck.id):\(card.id)", base: 1_600_000_000_000)
                cardIDs[deck.id + "\u{0}" + card.id] = cid
                let tags = " factdeck::\(card.type.rawValue)" + (card.factType.map { " factdeck::fact::\(tagSafe($0))" } ?? "") + " "
                try db.run(
                    "INSERT INTO notes VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    [.int(nid), .text(guid), .int(note.cloze ? clozeID : basicID), .int(nowSeconds), -1, .text(tags),
                     .text(note.fields.joined(separator: AnkiSchema.fieldSeparator)),
                     .text(AnkiHTML.sortText(note.fields[0])), .int(AnkiHTML.checksum(note.fields[0])), 0, ""])
                position += 1
                var row = CardRow(due: Int64(position))
                if options.withProgress, let p = states[card.id] {
                    row = CardRow(progress: p, position: Int64(position), now: now, crt: crt)
                }
                try db.run(
                    "INSERT INTO cards VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    [.int(cid), .int(nid), .int(did), 0, .int(nowSeconds), -1, .int(row.type), .int(row.queue), .int(row.due),
                     .int(row.ivl), .int(row.factor), .int(row.reps), .int(row.lapses), .int(row.left), 0, 0,
                     .int(row.flags), .text(row.data)])
                summary.notes += 1
                summary.cards += 1
            }
        }

        var revlogIDs = Set<Int64>()
        for r in reviews {
            guard let cid = cardIDs[r.deck + "\u{0}" + r.card], let rating = r.rating else { continue }
            var id = Int64((r.time.timeIntervalSince1970 * 1000).rounded(.down))
            while revlogIDs.contains(id) { id += 1 }
            revlogIDs.insert(id)
            let before = r.before ?? .new
            let after = r.after ?? before
            let type: Int64 = switch before.phase {
            case .new, .learning: 0
            case .review: 1
            case .relearning: 2
            }
            let factor: Int64 = after.phase == .review || after.phase == .relearning
                ? Int64(((after.ease ?? 2.5) * 1000).rounded()) : 0
            let millis = Int64(max(0, min(r.responseMillis ?? 0, 60_000)))
            try db.run(
                "INSERT INTO revlog VALUES (?,?,?,?,?,?,?,?,?)",
                [.int(id), .int(cid), -1, .int(Int64(rating.rawValue)), .int(revlogInterval(after, at: r.time)),
                 .int(revlogInterval(before, at: r.time)), .int(factor), .int(millis), .int(type)])
            summary.revlog += 1
        }

        let models: JSONValue = .object([
            (String(basicID), AnkiSchema.noteType(id: basicID, name: basicNoteTypeName, cloze: false, modSeconds: nowSeconds)),
            (String(clozeID), AnkiSchema.noteType(id: clozeID, name: clozeNoteTypeName, cloze: true, modSeconds: nowSeconds)),
        ])
        let firstDeck = deckJSON.count > 1 ? deckJSON[1].0 : "1"
        let conf: JSONValue = .object([
            ("schedVer", .number(2)), ("curModel", .string(String(basicID))), ("curDeck", .number(Double(firstDeck) ?? 1)),
            ("activeDecks", .array([.number(Double(firstDeck) ?? 1)])), ("nextPos", .number(Double(position + 1))),
            ("sortType", .string("noteFld")), ("sortBackwards", .bool(false)), ("addToCur", .bool(true)),
            ("collapseTime", .number(1200)), ("estTimes", .bool(true)), ("dueCounts", .bool(true)),
            ("newSpread", .number(0)), ("timeLim", .number(0)),
        ])
        try db.run(
            "INSERT INTO col VALUES (1,?,?,?,11,0,0,0,?,?,?,?,?)",
            [.int(crt), .int(nowMillis), .int(nowMillis), .text(AnkiSchema.json(conf)), .text(AnkiSchema.json(models)),
             .text(AnkiSchema.json(.object(deckJSON))), .text(AnkiSchema.json(.object([("1", AnkiSchema.defaultDeckConfig)]))),
             .text("{}")])
        try db.execute("COMMIT")
        return (try db.serialized(), summary)
    }

    /// A tag may not contain spaces.
    static func tagSafe(_ s: String) -> String {
        String(s.map { $0.isWhitespace ? "_" : $0 })
    }

    /// Anki's revlog interval: days when positive, seconds when negative (learning steps).
    static func revlogInterval(_ s: SchedulingState, at time: Date) -> Int64 {
        switch s.phase {
        case .new: return 0
        case .review:
            return max(1, reviewIntervalDays(s, from: time))
        case .learning, .relearning:
            guard let due = s.due else { return 0 }
            let seconds = Int64(due.timeIntervalSince(s.lastReview ?? time).rounded())
            return -max(1, seconds)
        }
    }

    /// A review card's interval in whole days.
    static func reviewIntervalDays(_ s: SchedulingState, from time: Date) -> Int64 {
        if let days = s.intervalDays { return max(1, Int64(days.rounded())) }
        guard let due = s.due else { return 1 }
        return max(1, Int64((due.timeIntervalSince(s.lastReview ?? time) / 86400).rounded()))
    }
}

/// The fields of the note made from one card.
struct NoteContent {
    var cloze: Bool
    var fields: [String]

    init(card: Card, article: String) {
        var source = "<div class=\"source\">" + AnkiHTML.escape(card.source.sentence)
        var whereFrom = AnkiHTML.escape(article)
        if let section = card.source.section, !section.isEmpty { whereFrom += " · " + AnkiHTML.escape(section) }
        source += "<br><i>" + whereFrom + "</i></div>"
        let answer = AnkiHTML.escape(card.answer)
        switch card.type {
        case .cloze where card.question.contains("____"):
            // Anki's cloze syntax ends at "}}" and takes "::" as the hint separator.
            let deletion = answer.replacingOccurrences(of: "}}", with: "}&#125;").replacingOccurrences(of: "::", with: ":&#58;")
            let parts = card.question.components(separatedBy: "____")
            let text = AnkiHTML.escape(parts[0]) + "{{c1::" + deletion + "}}" + AnkiHTML.escape(parts.dropFirst().joined(separator: "____"))
            cloze = true
            fields = [text, source]
        case .choice where !card.choices.isEmpty:
            let letters = Array("abcdefghijklmnopqrstuvwxyz")
            var list: [String] = []
            var answerLine = answer
            for (i, choice) in card.choices.enumerated() {
                let letter = i < letters.count ? String(letters[i]) : String(i + 1)
                list.append("\(letter)) " + AnkiHTML.escape(choice))
                if choice == card.answer { answerLine = "\(letter)) " + answer }
            }
            cloze = false
            fields = [AnkiHTML.escape(card.question) + "<br><div class=\"choices\">" + list.joined(separator: "<br>") + "</div>",
                      answerLine + source]
        default:
            cloze = false
            fields = [AnkiHTML.escape(card.question), answer + source]
        }
    }
}

/// A `cards` row's scheduling columns.
struct CardRow {
    var type: Int64 = 0
    var queue: Int64 = 0
    var due: Int64
    var ivl: Int64 = 0
    var factor: Int64 = 0
    var reps: Int64 = 0
    var lapses: Int64 = 0
    var left: Int64 = 0
    var flags: Int64 = 0
    var data = ""

    init(due: Int64) { self.due = due }

    init(progress p: CardProgress, position: Int64, now: Date, crt: Int64) {
        let s = p.schedule
        due = position
        func day(_ d: Date) -> Int64 { Int64(((d.timeIntervalSince1970 - Double(crt)) / 86400).rounded(.down)) }
        let today = day(now)
        switch s.phase {
        case .new:
            break
        case .learning, .relearning:
            type = s.phase == .learning ? 1 : 3
            let dueDate = s.due ?? now
            if day(dueDate) > today {
                queue = 3
                due = day(dueDate)
            } else {
                queue = 1
                due = Int64(dueDate.timeIntervalSince1970.rounded(.down))
            }
            // Steps left: today*1000 + total, with factdeck's default steps (1m 10m; relearning 10m).
            let remaining = Int64(max(1, (s.phase == .learning ? 2 : 1) - (s.step ?? 0)))
            left = remaining * 1000 + remaining
            ivl = s.phase == .relearning ? AnkiExporter.reviewIntervalDays(s, from: s.lastReview ?? now) : 0
            factor = Int64(((s.ease ?? 2.5) * 1000).rounded())
        case .review:
            type = 2
            queue = 2
            due = day(s.due ?? now)
            ivl = AnkiExporter.reviewIntervalDays(s, from: s.lastReview ?? now)
            factor = Int64(((s.ease ?? 2.5) * 1000).rounded())
        }
        if s.phase != .new {
            reps = Int64(s.reps)
            lapses = Int64(s.lapses)
            var members: [(String, JSONValue)] = []
            if let m = s.memory {
                members.append(("s", .number((m.stability * 10000).rounded() / 10000)))
                members.append(("d", .number((m.difficulty * 10000).rounded() / 10000)))
            }
            if let last = s.lastReview { members.append(("lrt", .number(last.timeIntervalSince1970.rounded(.down)))) }
            if !members.isEmpty { data = AnkiSchema.json(.object(members)) }
        }
        if p.suspended {
            queue = -1
        } else if let until = p.buriedUntil, until > now {
            queue = -3
        }
        if p.isFlagged { flags = 1 }
    }
}
