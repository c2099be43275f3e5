import DeckModel
import Foundation
import Hashing
import ISOTime
import JSONKit
import Scheduling
import StudyStore

/// How to import.
public struct AnkiImportOptions: Sendable {
    /// Put every card into one deck of this name instead of one deck per Anki deck.
    public var deckName: String?
    public init(deckName: String? = nil) { self.deckName = deckName }
}

/// What an Anki package holds, as factdeck decks and review-log entries. Nothing is written:
/// the caller saves the decks and records the entries (in order) once the whole read worked.
public struct AnkiImportResult: Sendable {
    public var decks: [Deck]
    /// Reviews (and suspensions) from Anki's revlog, oldest first, `seq` 0 (the store numbers them).
    public var entries: [LogEntry]
    /// Notes or cards that could not become factdeck cards, and why.
    public var warnings: [String]
    /// Counts read from the collection.
    public var notes: Int
    public var ankiCards: Int
    public var revlog: Int
    /// Which collection file the package held.
    public var collectionFile: String
}

/// Reads Anki packages (.apkg): the modern layout (zstd `collection.anki21b`, schema 18) and
/// the legacy one (`collection.anki21` / `collection.anki2`, schema 11).
///
/// Basic-like notes become question cards (question: the fields the front template shows,
/// answer: the fields the back adds), cloze notes one cloze card per deletion number; HTML
/// becomes plain text. Card ids derive from the note GUID and card ordinal, so importing the
/// same package twice gives the same cards.
public enum AnkiImporter {
    public static func read(path: String, options: AnkiImportOptions = AnkiImportOptions()) throws(AnkiError) -> AnkiImportResult {
        try read(path: path, options: options, collectionLimit: AnkiPackageReader.maxCollectionBytes)
    }

    static func read(path: String, options: AnkiImportOptions, collectionLimit: UInt64) throws(AnkiError) -> AnkiImportResult {
        let pkg = try AnkiPackageReader.open(path: path, collectionLimit: collectionLimit)
        let db = try SQLiteDatabase(image: pkg.collection)
        return try read(db, collectionFile: pkg.collectionName, options: options)
    }

    /// The factdeck card id of an Anki card (note GUID + template/cloze ordinal).
    public static func cardID(guid: String, ord: Int) -> String {
        "a-" + String(ContentHash.sha1Hex("anki:\(guid):\(ord)").prefix(12))
    }

    /// A deck id from an Anki deck name: lower-case letters and digits joined by `-`.
    public static func deckID(name: String) -> String {
        var out = ""
        for ch in name.lowercased() {
            if ch.isLetter || ch.isNumber { out.append(ch) } else if !out.isEmpty && !out.hasSuffix("-") { out.append("-") }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "anki" : out
    }

    struct NoteType {
        var name: String
        var cloze: Bool
        var fields: [String]
        var templates: [(name: String, qfmt: String, afmt: String)]
    }

    static func read(_ db: SQLiteDatabase, collectionFile: String, options: AnkiImportOptions) throws(AnkiError) -> AnkiImportResult {
        let tables = try db.tableNames()
        guard ["col", "notes", "cards"].allSatisfy(tables.contains) else {
            throw .notAnkiPackage("the collection has no col/notes/cards tables")
        }
        let colRows = try db.query("SELECT ver FROM col LIMIT 1")
        guard let col = colRows.first, let ver = col[0].int else { throw .damaged("the col table is empty") }
        let noteTypes: [Int64: NoteType]
        let deckNames: [Int64: String]
        switch ver {
        case 11: (noteTypes, deckNames) = try legacyModels(db)
        // Schema 15 moved note types and decks out of col's JSON into tables; 18 is current.
        case 15...18 where ["notetypes", "fields", "templates", "decks"].allSatisfy(tables.contains):
            (noteTypes, deckNames) = try tableModels(db)
        default:
            throw .unsupportedSchema("schema version \(ver) (this factdeck reads schemas 11 and 15 to 18)")
        }

        struct NoteRow { var guid: String; var mid: Int64; var tags: [String]; var fields: [String] }
        var notes: [Int64: NoteRow] = [:]
        for r in try db.query("SELECT id, guid, mid, tags, flds FROM notes ORDER BY id") {
            guard let id = r[0].int, let mid = r[2].int else { continue }
            notes[id] = NoteRow(guid: r[1].text ?? String(id), mid: mid,
                                tags: (r[3].text ?? "").split(separator: " ").map(String.init),
                                fields: (r[4].text ?? "").components(separatedBy: AnkiSchema.fieldSeparator))
        }

        var warnings: [String] = []
        var decks: [String: Deck] = [:]
        var deckOrder: [String] = []
        /// Anki card id -> (factdeck deck id, card id, queue, flags, data)
        var cardKeys: [Int64: (deck: String, card: String, queue: Int64, flags: Int64, data: String)] = [:]
        let cardRows = try db.query("SELECT id, nid, did, odid, ord, queue, flags, data FROM cards ORDER BY nid, ord")
        for r in cardRows {
            guard let cid = r[0].int, let nid = r[1].int, let ord = r[4].int.map(Int.init) else { continue }
            guard let note = notes[nid] else { warnings.append("card \(cid) belongs to no note; skipped"); continue }
            guard let type = noteTypes[note.mid] else {
                throw .damaged("note \(nid) uses note type \(note.mid), which the collection does not define")
            }
            let did = (r[3].int ?? 0) != 0 ? r[3].int! : (r[2].int ?? 1)
            let ankiDeck = options.deckName ?? deckNames[did] ?? "Anki deck \(did)"
            let deckID = deckID(name: ankiDeck)
            guard let card = makeCard(note.fields, type: type, ord: ord, guid: note.guid, tags: note.tags, warnings: &warnings, label: "note \(nid)") else { continue }
            if decks[deckID] == nil {
                decks[deckID] = Deck(id: deckID, title: ankiDeck, source: DeckSource(title: ankiDeck, generator: "factdeck import (Anki)"), cards: [])
                deckOrder.append(deckID)
            }
            guard !decks[deckID]!.cards.contains(where: { $0.id == card.id }) else { continue }
            decks[deckID]!.cards.append(card)
            cardKeys[cid] = (deckID, card.id, r[5].int ?? 0, r[6].int ?? 0, r[7].text ?? "")
        }

        // History: one review entry per answer, states rebuilt from Anki's intervals.
        var entries: [LogEntry] = []
        var revlogCount = 0
        var lastState: [Int64: SchedulingState] = [:]
        var lastIndex: [Int64: Int] = [:]
        if tables.contains("revlog") {
            for r in try db.query("SELECT id, cid, ease, ivl, factor, time, type FROM revlog ORDER BY id") {
                revlogCount += 1
                guard let id = r[0].int, let cid = r[1].int, let key = cardKeys[cid] else { continue }
                let ease = r[2].int ?? 0, ivl = r[3].int ?? 0, factor = r[4].int ?? 0, kind = r[6].int ?? 0
                // Manual reschedules (ease 0, type 4/5) are not answers.
                guard (1...4).contains(ease), kind <= 3, let rating = Rating(rawValue: Int(ease)) else { continue }
                let time = Date(timeIntervalSince1970: Double(id) / 1000)
                let before = lastState[cid] ?? .new
                var after = SchedulingState(lastReview: time, reps: before.reps + 1, lapses: before.lapses)
                if ivl > 0 {
                    after.phase = .review
                    after.intervalDays = Double(ivl)
                    after.due = time.addingTimeInterval(Double(ivl) * 86400)
                } else {
                    let relearning = kind == 2 || (before.phase == .review && rating == .again) || before.phase == .relearning
                    after.phase = relearning ? .relearning : .learning
                    after.step = 0
                    after.due = time.addingTimeInterval(Double(-ivl))
                }
                if before.phase == .review && rating == .again { after.lapses += 1 }
                if factor > 0 { after.ease = Double(factor) / 1000 }
                // A time or interval past the year 9999 (a damaged row) is no review the log can hold.
                guard ISODate.range.contains(time), ISODate.range.contains(after.due ?? time) else {
                    warnings.append("review \(id) of card \(cid) is dated past the year 9999; skipped")
                    continue
                }
                lastState[cid] = after
                lastIndex[cid] = entries.count
                entries.append(LogEntry(kind: .review, deck: key.deck, card: key.card, time: time, rating: rating,
                                        responseMillis: r[5].int.map(Int.init), before: before, after: after))
            }
        }
        // The FSRS memory Anki kept for a card goes into its last state.
        for (cid, i) in lastIndex {
            guard let data = cardKeys[cid]?.data, !data.isEmpty,
                  let v = try? JSONParser.parse(Array(data.utf8)),
                  let s = v["s"]?.doubleValue, let d = v["d"]?.doubleValue else { continue }
            entries[i].after?.memory = MemoryState(stability: s, difficulty: d)
        }
        // Suspended and flagged cards stay so.
        let end = entries.last?.time ?? Date(timeIntervalSince1970: 0)
        for (cid, key) in cardKeys.sorted(by: { $0.key < $1.key }) {
            if key.queue == -1 {
                entries.append(LogEntry(kind: .suspend, deck: key.deck, card: key.card, time: lastState[cid]?.lastReview ?? end))
            }
            if key.flags & 7 != 0 {
                entries.append(LogEntry(kind: .flag, deck: key.deck, card: key.card, time: lastState[cid]?.lastReview ?? end,
                                        note: "flagged in Anki"))
            }
        }
        entries.sort { $0.time < $1.time }

        return AnkiImportResult(
            decks: deckOrder.map { decks[$0]! }, entries: entries, warnings: warnings, notes: notes.count,
            ankiCards: cardRows.count, revlog: revlogCount, collectionFile: collectionFile)
    }

    /// Schema 11: note types and decks are JSON in the `col` row.
    static func legacyModels(_ db: SQLiteDatabase) throws(AnkiError) -> ([Int64: NoteType], [Int64: String]) {
        guard let col = try db.query("SELECT models, decks FROM col LIMIT 1").first else { throw .damaged("the col table is empty") }
        func json(_ v: SQLiteValue, _ what: String) throws(AnkiError) -> JSONValue {
            do { return try JSONParser.parse(Array((v.text ?? "").utf8)) } catch { throw .damaged("col.\(what) is not JSON: \(error)") }
        }
        let models = try json(col[0], "models")
        let deckJSON = try json(col[1], "decks")
        var noteTypes: [Int64: NoteType] = [:]
        for (key, m) in models.objectValue ?? [] {
            guard let id = Int64(key) ?? m["id"]?.intValue.map(Int64.init) else { continue }
            let fields = (m["flds"]?.arrayValue ?? []).enumerated()
                .map { (ord: $1["ord"]?.intValue ?? $0, name: $1["name"]?.stringValue ?? "Field \($0 + 1)") }
                .sorted { $0.ord < $1.ord }.map(\.name)
            let templates = (m["tmpls"]?.arrayValue ?? []).enumerated()
                .map { (ord: $1["ord"]?.intValue ?? $0, t: (name: $1["name"]?.stringValue ?? "", qfmt: $1["qfmt"]?.stringValue ?? "", afmt: $1["afmt"]?.stringValue ?? "")) }
                .sorted { $0.ord < $1.ord }.map(\.t)
            noteTypes[id] = NoteType(name: m["name"]?.stringValue ?? "", cloze: m["type"]?.intValue == 1, fields: fields, templates: templates)
        }
        var deckNames: [Int64: String] = [:]
        for (key, d) in deckJSON.objectValue ?? [] {
            if let id = Int64(key), let name = d["name"]?.stringValue { deckNames[id] = name }
        }
        return (noteTypes, deckNames)
    }

    /// Schemas 15 to 18: `notetypes`, `fields`, `templates` and `decks` tables with protobuf
    /// configs (FORMATS.md §3). Fields and templates join on `notetypes.id`: Anki's own
    /// exports carry orphan rows of stock types.
    static func tableModels(_ db: SQLiteDatabase) throws(AnkiError) -> ([Int64: NoteType], [Int64: String]) {
        var noteTypes: [Int64: NoteType] = [:]
        for r in try db.query("SELECT id, name, config FROM notetypes") {
            guard let id = r[0].int else { continue }
            guard let config = ProtobufReader.fields(r[2].bytes) else { throw .damaged("note type \(id) has an unreadable config") }
            // Notetype.Config field 1: kind, 1 = cloze.
            noteTypes[id] = NoteType(name: r[1].text ?? "", cloze: ProtobufReader.varint(config, 1) == 1, fields: [], templates: [])
        }
        for r in try db.query("SELECT ntid, name FROM fields ORDER BY ntid, ord") {
            guard let id = r[0].int, noteTypes[id] != nil else { continue }
            noteTypes[id]!.fields.append(r[1].text ?? "")
        }
        for r in try db.query("SELECT ntid, name, config FROM templates ORDER BY ntid, ord") {
            guard let id = r[0].int, noteTypes[id] != nil else { continue }
            guard let config = ProtobufReader.fields(r[2].bytes) else { throw .damaged("a template of note type \(id) has an unreadable config") }
            // Template.Config: 1 q_format, 2 a_format.
            noteTypes[id]!.templates.append((r[1].text ?? "", ProtobufReader.string(config, 1), ProtobufReader.string(config, 2)))
        }
        var deckNames: [Int64: String] = [:]
        for r in try db.query("SELECT id, name FROM decks") {
            // The hierarchy separator is U+001F in the table, "::" everywhere a user sees it.
            if let id = r[0].int, let name = r[1].text { deckNames[id] = name.replacingOccurrences(of: "\u{1F}", with: "::") }
        }
        return (noteTypes, deckNames)
    }

    static func makeCard(_ fields: [String], type: NoteType, ord: Int, guid: String, tags: [String], warnings: inout [String], label: String) -> Card? {
        func field(_ name: String) -> String? {
            guard let i = type.fields.firstIndex(where: { $0.caseInsensitiveCompare(name) == .orderedSame }), i < fields.count else { return nil }
            return fields[i]
        }
        let id = cardID(guid: guid, ord: ord)
        let factType = tags.first { $0.hasPrefix("factdeck::fact::") }.map { String($0.dropFirst("factdeck::fact::".count)) }
        if type.cloze {
            let qfmt = type.templates.first?.qfmt ?? ""
            let textField = references(qfmt).first { $0.modifiers.contains("cloze") }.flatMap { field($0.name) } ?? fields.first ?? ""
            let nodes = Cloze.parse(textField)
            let number = ord + 1
            let question = AnkiHTML.plainText(Cloze.question(nodes, number: number))
            var seen = Set<String>()
            let answers = Cloze.answers(nodes, number: number).map(AnkiHTML.plainText).filter { !$0.isEmpty && seen.insert($0).inserted }
            guard question.contains("____"), !answers.isEmpty else {
                warnings.append("\(label): cloze c\(number) has no deletion in its text; skipped")
                return nil
            }
            let sentence = AnkiHTML.plainText(Cloze.revealed(nodes))
            return Card(id: id, type: .cloze, question: question, answer: answers.joined(separator: ", "),
                        source: CardSource(sentence: sentence), factType: factType)
        }
        // Standard: the front shows some fields, the back adds the answer.
        let template = type.templates.indices.contains(ord) ? type.templates[ord] : type.templates.first  // a negative ord from a damaged collection too
        let special: Set<String> = ["FrontSide", "Tags", "Deck", "Subdeck", "Card", "CardFlag", "Type", "CardID"]
        var frontNames: [String] = []
        var backNames: [String] = []
        if let template {
            for r in references(template.qfmt) where !special.contains(r.name) && !r.modifiers.contains("type") && !frontNames.contains(r.name) {
                frontNames.append(r.name)
            }
            for r in references(template.afmt) where !special.contains(r.name) && !frontNames.contains(r.name) && !backNames.contains(r.name) {
                backNames.append(r.name)
            }
        }
        func text(_ names: [String]) -> String {
            names.compactMap { field($0) }.map(AnkiHTML.plainText).filter { !$0.isEmpty }.joined(separator: " · ")
        }
        var question = text(frontNames)
        var answer = backNames.isEmpty ? "" : AnkiHTML.plainText(field(backNames[0]) ?? "")
        let extra = text(Array(backNames.dropFirst()))
        if question.isEmpty && answer.isEmpty && fields.count >= 2 {
            question = AnkiHTML.plainText(fields[0])
            answer = AnkiHTML.plainText(fields[1])
        }
        guard !question.isEmpty, !answer.isEmpty else {
            warnings.append("\(label) (\(type.name)) card \(ord + 1): empty question or answer; skipped")
            return nil
        }
        // factdeck's own exports put the source under the answer; peel it off again.
        if type.name == AnkiExporter.basicNoteTypeName, let f = fields.dropFirst().first, let cut = f.range(of: "<div class=\"source\">") {
            let a = AnkiHTML.plainText(String(f[..<cut.lowerBound]))
            if !a.isEmpty { answer = a }
            return Card(id: id, type: .question, question: question, answer: answer,
                        source: CardSource(sentence: AnkiHTML.plainText(String(f[cut.upperBound...]))), factType: factType)
        }
        return Card(id: id, type: .question, question: question, answer: answer, source: CardSource(sentence: extra), factType: factType)
    }

    /// `{{Field}}`, `{{type:Field}}`, `{{cloze:Text}}` ... in a template; section tags (`#`, `^`, `/`) skipped.
    static func references(_ template: String) -> [(name: String, modifiers: [String])] {
        var out: [(String, [String])] = []
        var rest = Substring(template)
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let inner = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            rest = rest[close.upperBound...]
            if inner.hasPrefix("#") || inner.hasPrefix("^") || inner.hasPrefix("/") || inner.hasPrefix("!") { continue }
            var parts = inner.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            let name = parts.removeLast().trimmingCharacters(in: .whitespaces)
            out.append((name, parts.map { $0.lowercased() }))
        }
        return out
    }
}
