import DeckModel
import DelimitedText
import Foundation
import Hashing

/// Reads Anki text files ("Notes in Plain Text" exports, with `#separator:`, `#html:`,
/// `#notetype:`, `#deck:`, `#… column:` headers) and plain CSV/TSV files: two columns are a
/// question and its answer, `{{c1::…}}` makes cloze cards (FORMATS.md §4).
///
/// Rows with a `#guid column:` get the same card ids as the same notes imported from an
/// Anki package, so a deck imported both ways does not double.
public enum AnkiTextImporter {
    /// The largest text file read (a text file of notes is small; this stops a mistaken path to a disk image).
    public static let maxBytes = 64 << 20

    public static func read(path: String, options: AnkiImportOptions = AnkiImportOptions()) throws(AnkiError) -> AnkiImportResult {
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if (attributes[.type] as? FileAttributeType) == .typeDirectory { throw AnkiError.io(path: path, reason: "is a folder, not a file") }
            if let size = attributes[.size] as? Int, size > maxBytes {
                throw AnkiError.tooLarge("\(path) is \(size >> 20) MiB; a text file of notes is read up to \(maxBytes >> 20) MiB")
            }
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch let e as AnkiError {
            throw e
        } catch {
            throw .io(path: path, reason: FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file")
        }
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        return try parse(Array(data), fileName: name, fileExtension: ext, path: path, options: options)
    }

    /// The headers a text file may open with (`#key:value`, keys case-insensitive).
    struct Headers {
        var separator: UInt8?
        var html: Bool?
        var tags: [String] = []
        var columns: [String]?
        var notetype: String?
        var deck: String?
        var notetypeColumn: Int?
        var deckColumn: Int?
        var tagsColumn: Int?
        var guidColumn: Int?
    }

    static func parse(_ all: [UInt8], fileName: String, fileExtension: String, path: String, options: AnkiImportOptions) throws(AnkiError) -> AnkiImportResult {
        var bytes = all[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.contains(0) { throw .notAnkiPackage("\(path) is binary, not a text file of notes") }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw .damaged("\(path) is not UTF-8 text; save it as UTF-8 and import it again")
        }

        // Header lines come first, one per line.
        var headers = Headers()
        var line = 1
        while bytes.first == UInt8(ascii: "#") {
            let end = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            let text = String(decoding: bytes[bytes.startIndex..<end], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard let colon = text.firstIndex(of: ":") else { break }
            let key = text[text.index(after: text.startIndex)..<colon].lowercased().trimmingCharacters(in: .whitespaces)
            let value = String(text[text.index(after: colon)...])
            guard apply(key: key, value: value, to: &headers, path: path, line: line) else { break }
            bytes = end < bytes.endIndex ? bytes[(end + 1)...] : bytes[end...]
            line += 1
        }

        let separator = headers.separator
            ?? (fileExtension == "csv" ? UInt8(ascii: ",") : fileExtension == "tsv" || fileExtension == "tab" ? UInt8(ascii: "\t") : nil)
            ?? guessSeparator(bytes)
        if let c = headers.columns?.first {
            headers.columns = c.split(separator: Character(UnicodeScalar(separator)), omittingEmptySubsequences: false).map(String.init)
        }
        // `#` lines among the notes are comments, as in Anki.
        let records = bytes.withUnsafeBufferPointer {
            DelimitedTextScanner.rows($0, separator: separator, commentMarker: UInt8(ascii: "#"), firstLine: line)
        }
        guard !records.isEmpty else { throw .empty("\(path): no notes in the file") }
        // Without `#html:`, a file is HTML when its fields look like it.
        let html = headers.html ?? records.prefix(500).contains { r in r.fields.contains(where: looksLikeHTML) }

        var warnings: [String] = []
        var decks: [String: Deck] = [:]
        var deckOrder: [String] = []
        var notes = 0
        var cardsMade = 0
        let special = Set([headers.guidColumn, headers.notetypeColumn, headers.deckColumn, headers.tagsColumn].compactMap { $0 })
        for r in records {
            func column(_ n: Int?) -> String? { n.flatMap { $0 >= 1 && $0 <= r.fields.count ? r.fields[$0 - 1] : nil } }
            var fields = r.fields.enumerated().filter { !special.contains($0.offset + 1) }.map(\.element)
            let typeName = column(headers.notetypeColumn) ?? headers.notetype
            let type = noteType(named: typeName, fields: fields)
            // Columns named like the note type's fields go to those fields (`#columns:Back;Front`).
            if let names = headers.columns?.enumerated().filter({ !special.contains($0.offset + 1) }).map(\.element) {
                var mapped = Array(repeating: "", count: type.fields.count)
                for (i, n) in names.enumerated() where i < fields.count {
                    if let j = type.fields.firstIndex(where: { $0.caseInsensitiveCompare(n.trimmingCharacters(in: .whitespaces)) == .orderedSame }) {
                        mapped[j] = fields[i]
                    }
                }
                if mapped.contains(where: { !$0.isEmpty }) { fields = mapped }
            }
            // A column past the note type's fields holds the tags (as in Anki).
            var tags = headers.tags
            if let t = column(headers.tagsColumn) {
                tags += t.split(separator: " ").map(String.init)
            } else if headers.tagsColumn == nil && fields.count > type.fields.count {
                tags += fields[type.fields.count].split(separator: " ").map(String.init)
            }
            if fields.count > type.fields.count { fields.removeLast(fields.count - type.fields.count) }
            while fields.count < type.fields.count { fields.append("") }
            if !html { fields = fields.map(AnkiHTML.escape) }
            guard fields.contains(where: { !AnkiHTML.plainText($0).isEmpty }) else {
                warnings.append("\(path): line \(r.line): an empty note; skipped")
                continue
            }
            notes += 1
            let guid = column(headers.guidColumn).flatMap { $0.isEmpty ? nil : $0 }
                ?? "text:" + ContentHash.sha1Hex(type.name + "\u{1F}" + fields.joined(separator: "\u{1F}"))
            let deckTitle = options.deckName ?? column(headers.deckColumn).flatMap { $0.isEmpty ? nil : $0 } ?? headers.deck ?? fileName
            let deckID = AnkiImporter.deckID(name: deckTitle)
            for ord in cardOrdinals(type, fields) {
                cardsMade += 1
                guard let card = AnkiImporter.makeCard(fields, type: type, ord: ord, guid: guid, tags: tags, warnings: &warnings,
                                                       label: "\(path): line \(r.line)") else { continue }
                if decks[deckID] == nil {
                    decks[deckID] = Deck(id: deckID, title: deckTitle, source: DeckSource(title: deckTitle, generator: "factdeck import (text)"), cards: [])
                    deckOrder.append(deckID)
                }
                if decks[deckID]!.cards.contains(where: { $0.id == card.id }) {
                    warnings.append("\(path): line \(r.line): the same note again; skipped")
                    continue
                }
                decks[deckID]!.cards.append(card)
            }
        }
        return AnkiImportResult(decks: deckOrder.map { decks[$0]! }, entries: [], warnings: warnings, notes: notes,
                                ankiCards: cardsMade, revlog: 0, collectionFile: "text")
    }

    /// Applies one `#key:value` header; false when the key is not a header (a data line that starts with `#`).
    static func apply(key: String, value: String, to h: inout Headers, path: String, line: Int) -> Bool {
        func index(_ v: String) -> Int? { Int(v.trimmingCharacters(in: .whitespaces)).flatMap { $0 >= 1 ? $0 : nil } }
        switch key {
        case "separator":
            switch value.lowercased() {
            case "tab": h.separator = UInt8(ascii: "\t")
            case "comma": h.separator = UInt8(ascii: ",")
            case "semicolon": h.separator = UInt8(ascii: ";")
            case "space": h.separator = UInt8(ascii: " ")
            case "pipe": h.separator = UInt8(ascii: "|")
            case "colon": h.separator = UInt8(ascii: ":")
            default: if value.utf8.count == 1 { h.separator = value.utf8.first }
            }
        case "html": h.html = ["true", "yes", "1"].contains(value.lowercased().trimmingCharacters(in: .whitespaces))
        case "tags": h.tags = value.split(separator: " ").map(String.init)
        case "columns": h.columns = [value]  // split once the separator is known
        case "notetype": h.notetype = value.trimmingCharacters(in: .whitespaces)
        case "deck": h.deck = value.trimmingCharacters(in: .whitespaces)
        case "notetype column": h.notetypeColumn = index(value)
        case "deck column": h.deckColumn = index(value)
        case "tags column": h.tagsColumn = index(value)
        case "guid column": h.guidColumn = index(value)
        case "if matches", "match scope": break
        default: return false
        }
        return true
    }

    /// Anki's stock note types by name; an unknown name is Basic, or Cloze when the text has deletions.
    static func noteType(named name: String?, fields: [String]) -> AnkiImporter.NoteType {
        let front = "{{FrontSide}}\n\n<hr id=answer>\n\n"
        let basic = AnkiImporter.NoteType(name: name ?? "Basic", cloze: false, fields: AnkiSchema.basicFields,
                                          templates: [AnkiSchema.basicTemplate])
        let cloze = AnkiImporter.NoteType(name: name ?? "Cloze", cloze: true, fields: AnkiSchema.clozeFields,
                                          templates: [AnkiSchema.clozeTemplate])
        switch name?.lowercased() {
        case "cloze", AnkiExporter.clozeNoteTypeName.lowercased(): return cloze
        case "basic (and reversed card)":
            var t = basic
            t.templates.append(("Card 2", "{{Back}}", front + "{{Front}}"))
            return t
        case "basic (optional reversed card)":
            var t = basic
            t.fields.append("Add Reverse")
            t.templates.append(("Card 2", "{{#Add Reverse}}{{Back}}{{/Add Reverse}}", front + "{{Front}}"))
            return t
        case "basic (type in the answer)":
            var t = basic
            t.templates = [("Card 1", "{{Front}}\n\n{{type:Back}}", "{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}")]
            return t
        default:
            if let first = fields.first, first.range(of: #"\{\{c\d+::"#, options: .regularExpression) != nil { return cloze }
            return basic
        }
    }

    /// The cards a note makes: one per cloze number, or one per template whose front is not
    /// empty (Anki's rule; it is what makes "optional reversed" optional).
    static func cardOrdinals(_ type: AnkiImporter.NoteType, _ fields: [String]) -> [Int] {
        if type.cloze {
            let numbers = Cloze.numbers(Cloze.parse(fields.first ?? ""))
            return numbers.isEmpty ? [0] : numbers.map { $0 - 1 }
        }
        func value(_ name: String) -> String {
            guard let i = type.fields.firstIndex(where: { $0.caseInsensitiveCompare(name) == .orderedSame }), i < fields.count else { return "" }
            return AnkiHTML.plainText(fields[i])
        }
        return type.templates.indices.filter { ord in
            var q = type.templates[ord].qfmt
            // {{#Field}}…{{/Field}} shows only when the field has text.
            while let open = q.range(of: #"\{\{#([^}]+)\}\}"#, options: .regularExpression) {
                let name = String(q[open].dropFirst(3).dropLast(2))
                guard let close = q.range(of: "{{/\(name)}}", range: open.upperBound..<q.endIndex) else { break }
                if value(name).isEmpty { q.removeSubrange(open.lowerBound..<close.upperBound) } else {
                    q.removeSubrange(close)
                    q.removeSubrange(open)
                }
            }
            return AnkiImporter.references(q).contains { !value($0.name).isEmpty }
        }
    }

    static func looksLikeHTML(_ field: String) -> Bool {
        field.range(of: #"<(br|b|i|u|div|span|p|img|sub|sup|ul|ol|li|a)\b[^>]*>|&(amp|lt|gt|nbsp|quot);"#,
                    options: [.regularExpression, .caseInsensitive]) != nil
    }
}

extension AnkiTextImporter {
    /// The separator a file without a `#separator:` header most likely uses: among tab, pipe,
    /// semicolon, comma and colon, the one that splits the most lines into the same number
    /// (two or more) of fields. Anki takes the first of these that merely appears, which
    /// splits a comma file on the colon of "10:30"; consistency does not.
    static func guessSeparator(_ bytes: ArraySlice<UInt8>) -> UInt8 {
        let sample = bytes.prefix(64 << 10)
        var best: (separator: UInt8, score: Int) = (UInt8(ascii: "\t"), 0)
        for candidate in "\t|;,:".utf8 {
            let rows = sample.withUnsafeBufferPointer {
                DelimitedTextScanner.rows($0, separator: candidate, commentMarker: UInt8(ascii: "#"))
            }
            var counts: [Int: Int] = [:]
            for r in rows.prefix(200) where r.fields.count >= 2 { counts[r.fields.count, default: 0] += 1 }
            let score = counts.values.max() ?? 0
            if score > best.score { best = (candidate, score) }
        }
        return best.score > 0 ? best.separator : UInt8(ascii: "\t")
    }
}
