import DeckModel
import Foundation
import JSONKit

/// `progress/edits.json`: the learner's card edits and deletions, rewritten whole and
/// atomically (temp file, fsync, rename) by the holder of the progress lock.
public enum CardEditsFile {
    public static let format = "factdeck.edits"
    public static let currentVersion = 1

    public static func path(in folder: String) -> String { (folder as NSString).appendingPathComponent("edits.json") }

    /// The edits in `folder`; none when the file does not exist. A damaged file stops
    /// with its name (and is never overwritten: saving needs a successful load first).
    public static func load(folder: String) throws(StoreError) -> CardEdits {
        let path = path(in: folder)
        guard let bytes = try DurableFile.read(path) else { return CardEdits() }
        return try decode(bytes, path: path)
    }

    public static func decode(_ bytes: [UInt8], path: String) throws(StoreError) -> CardEdits {
        func bad(_ p: String) -> StoreError { .corruptEdits(path: path, problem: p) }
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw bad("line \(error.line), column \(error.column): \(error.problem)")
        }
        guard root["format"]?.stringValue == format else { throw bad("\"format\" is not \"\(format)\"") }
        guard let version = root["version"]?.intValue else { throw bad("no \"version\"") }
        if version > currentVersion { throw .newerVersion(path: path, version: version) }
        guard let items = root["cards"]?.arrayValue else { throw bad("no \"cards\" list") }
        var entries: [CardEdits.Entry] = []
        for (i, item) in items.enumerated() {
            let label = "entry \(i + 1)"
            guard let deck = item["deck"]?.stringValue, let card = item["card"]?.stringValue else { throw bad("\(label) has no deck or card id") }
            var e = CardEdits.Entry(deck: deck, card: card)
            for name in item["fields"]?.arrayValue ?? [] {
                guard let f = name.stringValue.flatMap(CardEdits.Field.init(rawValue:)) else { throw bad("\(label) names an unknown field") }
                e.fields.insert(f)
            }
            if let raw = item["edited"] {
                let decoded = Result { () throws(DeckFileError) in try DeckCodec.decodeCard(raw, label: "\(label)'s card", path: path) }
                switch decoded {
                case .success(let c):
                    guard c.id == card else { throw bad("\(label)'s card has id \(c.id), not \(card)") }
                    e.edited = c
                case .failure(.invalid(_, let problem)): throw bad(problem)
                case .failure(let other): throw bad("\(other)")
                }
            }
            e.editedAt = item["editedAt"]?.stringValue.flatMap(ISODate.parse)
            e.deletedAt = item["deletedAt"]?.stringValue.flatMap(ISODate.parse)
            entries.append(e)
        }
        return CardEdits(entries)
    }

    /// The file's bytes: one entry per line, by deck and card id (stable diffs).
    public static func encode(_ edits: CardEdits) -> [UInt8] {
        var out = Array("{\"format\":\"\(format)\",\"version\":\(currentVersion),\"cards\":[".utf8)
        for (i, e) in edits.entries.enumerated() {
            var m: [(String, JSONValue)] = [("deck", .string(e.deck)), ("card", .string(e.card))]
            if !e.fields.isEmpty { m.append(("fields", .array(e.fields.sorted().map { .string($0.rawValue) }))) }
            if let at = e.editedAt { m.append(("editedAt", .string(ISODate.format(at)))) }
            if let at = e.deletedAt { m.append(("deletedAt", .string(ISODate.format(at)))) }
            if let c = e.edited { m.append(("edited", DeckCodec.cardValue(c))) }
            out += Array((i == 0 ? "\n" : ",\n").utf8)
            out += JSONValue.object(m).encoded()
        }
        out += Array("\n]}\n".utf8)
        return out
    }
}

extension ProgressStore {
    /// Replaces `edits.json` atomically. Only the lock's holder may (a study session, or
    /// `factdeck edit`/`delete` for the moment they write).
    public func save(_ edits: CardEdits) throws(StoreError) {
        guard mode == .writer else { throw .io(path: folder, operation: "save card edits", reason: "opened read-only") }
        try DurableFile.replace(CardEditsFile.path(in: folder), with: CardEditsFile.encode(edits))
    }
}
