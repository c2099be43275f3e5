import DeckModel
import Foundation
import Parallel

/// A deck as found on disk.
public struct LoadedDeck: Sendable {
    public var deck: Deck
    public var path: String
    public init(deck: Deck, path: String) {
        self.deck = deck
        self.path = path
    }
}

/// The decks folder: every `*.json` in it is a deck (sub-folders such as `sources/` are not read).
public enum DeckLibrary {
    /// Loads every deck; a broken file is reported and the others still load.
    public static func load(folder: String) -> (decks: [LoadedDeck], errors: [DeckFileError]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            return ([], [.unreadable(path: folder, reason: "no such folder; generate decks with 'factdeck generate ARTICLE --output \(folder)'")])
        }
        var decks: [LoadedDeck] = []
        var errors: [DeckFileError] = []
        var byId: [String: String] = [:]
        let paths = names.sorted().filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.map {
            (folder as NSString).appendingPathComponent($0)
        }
        // Files are read and decoded side by side; the results are then taken in name order,
        // so errors and duplicate ids come out exactly as from a one-by-one pass.
        let results = paths.concurrentMap { path in Result { () throws(DeckFileError) -> Deck in try load(path: path) } }
        for (path, result) in zip(paths, results) {
            do {
                let deck = try result.get()
                if let other = byId[deck.id] {
                    errors.append(.invalid(path: path, problem: "has the same deck id \"\(deck.id)\" as \(other); give one of them another id"))
                    continue
                }
                byId[deck.id] = path
                decks.append(LoadedDeck(deck: deck, path: path))
            } catch {
                errors.append(error)
            }
        }
        return (decks, errors)
    }

    /// Loads one deck file.
    public static func load(path: String) throws(DeckFileError) -> Deck {
        let bytes: [UInt8]?
        do {
            bytes = try DurableFile.read(path)
        } catch {
            throw .unreadable(path: path, reason: error.description)
        }
        guard let bytes else { throw .unreadable(path: path, reason: "no such file") }
        return try DeckCodec.decode(bytes, path: path)
    }

    /// Writes a deck atomically, so a reader never sees half a deck.
    public static func save(_ deck: Deck, to path: String) throws(StoreError) {
        try DurableFile.replace(path, with: DeckCodec.encode(deck))
    }

    /// Picks decks by id, file name (with or without .json) or title, case-insensitively.
    public static func select(_ wanted: [String], from decks: [LoadedDeck]) -> (selected: [LoadedDeck], unknown: [String]) {
        if wanted.isEmpty { return (decks, []) }
        var selected: [LoadedDeck] = []
        var unknown: [String] = []
        for w in wanted {
            let key = w.lowercased()
            let base = ((w as NSString).lastPathComponent as NSString).deletingPathExtension.lowercased()
            if let d = decks.first(where: {
                $0.deck.id.lowercased() == key || $0.deck.title.lowercased() == key
                    || (($0.path as NSString).lastPathComponent as NSString).deletingPathExtension.lowercased() == base
            }) {
                if !selected.contains(where: { $0.deck.id == d.deck.id }) { selected.append(d) }
            } else {
                unknown.append(w)
            }
        }
        return (selected, unknown)
    }
}
