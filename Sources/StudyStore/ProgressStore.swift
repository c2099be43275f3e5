import Foundation
import Parallel
import Scheduling

/// The learner's progress folder: per-deck snapshots (a cache) in front of one append-only
/// review log (the truth). Writers hold an flock; readers never write anything.
public final class ProgressStore: @unchecked Sendable {
    public enum Mode: Sendable { case readOnly, writer }

    public let folder: String
    public let mode: Mode
    /// Problems found while loading that did not stop it (damaged log lines), for stderr.
    public private(set) var warnings: [String] = []
    /// Damaged log lines skipped while loading.
    public private(set) var damagedLogLines = 0

    public var logPath: String { (folder as NSString).appendingPathComponent("reviews.jsonl") }

    private let lock: ProgressLock?
    private var log: ReviewLog?
    private var snapshots: [String: ProgressSnapshot] = [:]
    private var dirty: Set<String> = []
    /// The log size each snapshot on disk covers, to refresh ones that fall far behind.
    private var diskLogSize: [String: Int] = [:]

    /// Opens the folder; a writer creates it if needed and takes the lock or throws `.locked`.
    /// `now` is only written into the lock's note (who holds it since when).
    public init(folder: String, mode: Mode, purpose: String = "study", now: Date? = nil) throws(StoreError) {
        self.folder = folder
        self.mode = mode
        if mode == .writer {
            try DurableFile.ensureDirectory(folder)
            lock = try ProgressLock(folder: folder, purpose: purpose, since: now)
        } else {
            lock = nil
        }
    }

    /// Path of a deck's snapshot; the deck id can never steer it out of the folder.
    public func snapshotPath(deck: String) -> String {
        (folder as NSString).appendingPathComponent(SafeFileName.make(deck) + ".cards.json")
    }

    /// Loads the progress of the given decks: snapshots, then the log entries they miss.
    /// A damaged snapshot throws (and is left untouched); damaged log lines become warnings.
    public func load(decks: [String]) throws(StoreError) -> [String: [String: CardProgress]] {
        var startOffset = Int.max
        var fresh: [String: ProgressSnapshot] = [:]
        let wanted = Array(Set(decks)).sorted()
        // Snapshots are read and decoded side by side (one file per deck); errors are then
        // taken in deck order, as from a one-by-one pass.
        let paths = wanted.map(snapshotPath(deck:))
        let decoded = paths.concurrentMap { path in
            Result { () throws(StoreError) -> ProgressSnapshot? in
                guard let bytes = try DurableFile.read(path) else { return nil }
                return try ProgressSnapshot.decode(bytes, path: path)
            }
        }
        for ((deck, path), result) in zip(zip(wanted, paths), decoded) {
            var snap = ProgressSnapshot(deck: deck)
            if let stored = try result.get() {
                snap = stored
                if snap.deck != deck {
                    // Two ids mapped to one file name cannot happen (SafeFileName hashes), so a
                    // mismatch means a hand-copied file: don't trust it, rebuild from the log.
                    warnings.append("\(path): belongs to deck \"\(snap.deck)\", not \"\(deck)\"; rebuilding from the review log")
                    snap = ProgressSnapshot(deck: deck)
                }
            }
            fresh[deck] = snap
            diskLogSize[deck] = snap.logSize
            startOffset = min(startOffset, snap.logSize)
        }
        if startOffset == .max { startOffset = 0 }
        var scan = try ReviewLog.scan(logPath, from: startOffset)
        // A snapshot ahead of the log, or whose offset does not start the entry it expects,
        // belongs to another log: rebuild everything from the beginning.
        let consistent = fresh.values.allSatisfy { snap in
            if snap.logSize == 0 { return true }
            if snap.logSize > scan.completeSize { return false }
            if let first = scan.entries.first(where: { $0.offset >= snap.logSize }) { return first.entry.seq == snap.logSeq + 1 }
            return true
        }
        if !consistent {
            warnings.append("\(folder): saved card states do not match the review log; rebuilt them from the log")
            for deck in fresh.keys { fresh[deck] = ProgressSnapshot(deck: deck) }
            scan = try ReviewLog.scan(logPath, from: 0)
        }
        warnings += scan.warnings
        damagedLogLines += scan.damagedLines
        // A scan that starts at the snapshots' offset sees only the tail; the seq the log
        // had reached there is the snapshots' (else seq would restart at 1 and the next
        // start would take the untouched decks' snapshots for another log's).
        let lastSeq = max(scan.lastSeq, fresh.values.map(\.logSeq).max() ?? 0)
        for (offset, entry) in scan.entries {
            // Mutated in place: copying a snapshot out and back would copy its whole
            // card table for every entry (quadratic on a long log).
            guard let covered = fresh[entry.deck]?.logSize, offset >= covered else { continue }
            entry.apply(to: &fresh[entry.deck]!.cards[entry.card, default: .untouched])
            dirty.insert(entry.deck)
        }
        for deck in fresh.keys {
            fresh[deck]!.logSize = scan.completeSize
            fresh[deck]!.logSeq = lastSeq
            if DurableFile.exists(snapshotPath(deck: deck)) == false && !(fresh[deck]!.cards.isEmpty) { dirty.insert(deck) }
            snapshots[deck] = fresh[deck]
        }
        if mode == .writer && log == nil {
            log = ReviewLog(path: logPath, lastSeq: lastSeq, completeSize: scan.completeSize, truncatedTail: scan.truncatedTail)
        }
        return fresh.mapValues(\.cards)
    }

    /// Current progress of one card (after `load`).
    public func progress(deck: String, card: String) -> CardProgress {
        snapshots[deck]?.cards[card] ?? .untouched
    }

    /// Appends an event durably (fsync'ed before returning) and applies it; returns it with its seq.
    @discardableResult
    public func record(_ entry: LogEntry) throws(StoreError) -> LogEntry {
        guard mode == .writer else { throw .io(path: folder, operation: "record", reason: "opened read-only") }
        if log == nil { _ = try load(decks: [entry.deck]) }
        if snapshots[entry.deck] == nil { _ = try load(decks: [entry.deck]) }
        let written = try log!.append(entry)
        written.apply(to: &snapshots[entry.deck]!.cards[entry.card, default: .untouched])
        snapshots[entry.deck]!.logSize = log!.size
        snapshots[entry.deck]!.logSeq = log!.sequence
        dirty.insert(entry.deck)
        return written
    }

    /// Writes the snapshots that changed (atomically). Only a writer may; a reader's call is a no-op.
    public func saveSnapshots() throws(StoreError) {
        guard mode == .writer else { return }
        if let log {
            // A rarely studied deck's snapshot would make every start re-read a long log tail.
            for (deck, size) in diskLogSize where log.size - size > 1 << 20 { dirty.insert(deck) }
        }
        for deck in dirty.sorted() {
            guard var snap = snapshots[deck] else { continue }
            if let log {
                // Snapshots not touched since load still cover the whole log as it is now.
                snap.logSize = log.size
                snap.logSeq = log.sequence
            }
            try DurableFile.replace(snapshotPath(deck: deck), with: snap.encoded())
            diskLogSize[deck] = snap.logSize
        }
        dirty.removeAll()
    }

    /// Every entry of the log in order, with damaged lines skipped (warnings collected).
    public func allEntries() throws(StoreError) -> [LogEntry] {
        let scan = try ReviewLog.scan(logPath)
        warnings += scan.warnings
        damagedLogLines += scan.damagedLines
        return scan.entries.map(\.entry)
    }
}

extension DurableFile {
    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }
}

extension ProgressStore {
    /// Log entries at or after `since` (today's reviews, for the daily limits).
    public func entries(since: Date) throws(StoreError) -> [LogEntry] {
        try ReviewLog.entries(logPath, since: since)
    }
}
