import Foundation
import JSONKit

/// The cached card states of one deck (`progress/<deck>.cards.json`): rebuilt from the log
/// whenever it is missing or behind it, so losing it never loses progress.
public struct ProgressSnapshot: Sendable {
    public static let format = "factdeck.progress"
    public static let currentVersion = 1

    public var deck: String
    /// Card states by card id, including orphans whose cards left the deck.
    public var cards: [String: CardProgress]
    /// The log byte size and last seq this snapshot includes.
    public var logSize: Int
    public var logSeq: Int

    public init(deck: String, cards: [String: CardProgress] = [:], logSize: Int = 0, logSeq: Int = 0) {
        self.deck = deck
        self.cards = cards
        self.logSize = logSize
        self.logSeq = logSeq
    }

    /// One card per line, sorted by id: readable, diffable, and errors point at a line.
    public func encoded() -> [UInt8] {
        var w = JSONWriter(capacity: 128 + cards.count * 160)
        w.raw("{\"format\":\"\(Self.format)\",\"version\":\(Self.currentVersion),\"deck\":")
        w.string(deck)
        w.raw(",\"logSize\":")
        w.int(logSize)
        w.raw(",\"logSeq\":")
        w.int(logSeq)
        w.raw(",\"cards\":{")
        for (i, id) in cards.keys.sorted().enumerated() {
            w.raw(i == 0 ? "\n" : ",\n")
            w.string(id)
            w.raw(":")
            ProgressCoding.write(cards[id]!, &w)
        }
        w.raw("\n}}\n")
        return w.bytes
    }

    /// Parses a snapshot; every problem is reported with the file and line.
    public static func decode(_ bytes: [UInt8], path: String) throws(StoreError) -> ProgressSnapshot {
        // Valid snapshots decode straight from the bytes (ProgressSnapshotFastDecoder.swift);
        // anything else, every error included, takes the generic path below.
        if let snap = decodeFast(bytes) { return snap }
        return try decodeGeneric(bytes, path: path)
    }

    /// The generic path: a JSONValue tree, then checks that name the file and line.
    static func decodeGeneric(_ bytes: [UInt8], path: String) throws(StoreError) -> ProgressSnapshot {
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw .corruptSnapshot(path: path, line: error.line, problem: error.problem)
        }
        func bad(_ problem: String, near key: String? = nil) -> StoreError {
            .corruptSnapshot(path: path, line: key.map { line(of: $0, in: bytes) } ?? 1, problem: problem)
        }
        guard root["format"]?.stringValue == format else { throw bad("\"format\" is not \"\(format)\"") }
        guard let version = root["version"]?.intValue else { throw bad("no \"version\"") }
        if version > currentVersion { throw .newerVersion(path: path, version: version) }
        guard let deck = root["deck"]?.stringValue else { throw bad("no \"deck\"") }
        guard let members = root["cards"]?.objectValue else { throw bad("no \"cards\" object") }
        var snap = ProgressSnapshot(deck: deck, logSize: root["logSize"]?.intValue ?? 0, logSeq: root["logSeq"]?.intValue ?? 0)
        snap.cards.reserveCapacity(members.count)
        for (id, v) in members {
            do {
                snap.cards[id] = try ProgressCoding.progress(v)
            } catch {
                throw bad("card \(id): \(error.problem)", near: "\"\(id)\"")
            }
        }
        return snap
    }

    private static func line(of needle: String, in bytes: [UInt8]) -> Int {
        let n = Array(needle.utf8)
        guard !n.isEmpty, bytes.count >= n.count else { return 1 }
        var line = 1
        var i = 0
        while i <= bytes.count - n.count {
            if bytes[i] == 0x0A { line += 1 }
            if bytes[i] == n[0] && Array(bytes[i..<i + n.count]) == n { return line }
            i += 1
        }
        return 1
    }
}
