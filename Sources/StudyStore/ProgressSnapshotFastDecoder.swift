import Foundation
import ISOTime
import JSONKit
import Scheduling

/// The fast path of `ProgressSnapshot.decode`: card states straight from the bytes with a
/// `JSONScanner`, no `JSONValue` tree. It only handles valid snapshots of the expected
/// shape; on anything else it gives up and the generic path decodes the file or reports the
/// problem with its file and line.
extension ProgressSnapshot {
    /// The snapshot in `bytes` when the fast path can decode it, nil when it declines (the
    /// file may still be valid: `decode(_:path:)` is the authority). Equal to the generic
    /// result whenever it is not nil.
    public static func decodeFast(_ bytes: [UInt8]) -> ProgressSnapshot? {
        bytes.withUnsafeBufferPointer { buf -> ProgressSnapshot? in
            var s = JSONScanner(buf)
            return try? SnapshotFastDecoder.snapshot(&s)
        }
    }
}

enum SnapshotFastDecoder {
    typealias Mismatch = JSONScanner.Mismatch

    static func snapshot(_ s: inout JSONScanner) throws(Mismatch) -> ProgressSnapshot {
        var seen: UInt32 = 0
        var format = false
        var version: Int?
        var deck: String?
        var logSize = 0
        var logSeq = 0
        var cards: [String: CardProgress]?
        guard try s.beginObject() else { throw Mismatch() }
        repeat {
            let k = try s.key()
            if JSONScanner.equals(k, "format"), seen & 1 == 0 {
                seen |= 1
                guard try s.string() == ProgressSnapshot.format else { throw Mismatch() }
                format = true
            } else if JSONScanner.equals(k, "version"), seen & 2 == 0 {
                seen |= 2
                guard let v = JSONScanner.intValue(try s.number()) else { throw Mismatch() }
                version = v
            } else if JSONScanner.equals(k, "deck"), seen & 4 == 0 {
                seen |= 4
                deck = try s.string()
            } else if JSONScanner.equals(k, "logSize"), seen & 8 == 0 {
                seen |= 8
                logSize = try optionalInt(&s) ?? 0
            } else if JSONScanner.equals(k, "logSeq"), seen & 16 == 0 {
                seen |= 16
                logSeq = try optionalInt(&s) ?? 0
            } else if JSONScanner.equals(k, "cards"), seen & 32 == 0 {
                seen |= 32
                cards = try members(&s)
            } else {
                try s.skipValue(depth: 1)
            }
        } while try s.nextMember()
        try s.finish()
        guard format, let version, version <= ProgressSnapshot.currentVersion, let deck, let cards else { throw Mismatch() }
        return ProgressSnapshot(deck: deck, cards: cards, logSize: logSize, logSeq: logSeq)
    }

    static func optionalInt(_ s: inout JSONScanner) throws(Mismatch) -> Int? {
        s.null() ? nil : JSONScanner.intValue(try s.number())
    }

    static func optionalDouble(_ s: inout JSONScanner) throws(Mismatch) -> Double? {
        s.null() ? nil : try s.number()
    }

    static func members(_ s: inout JSONScanner) throws(Mismatch) -> [String: CardProgress] {
        var cards: [String: CardProgress] = [:]
        guard try s.beginObject() else { return cards }
        // A snapshot line takes some 150-200 bytes.
        cards.reserveCapacity(max(16, (s.end - s.pos) / 150))
        repeat {
            let id = try s.keyString()
            cards[id] = try progress(&s)
        } while try s.nextMember()
        return cards
    }

    static func progress(_ s: inout JSONScanner) throws(Mismatch) -> CardProgress {
        var seen: UInt32 = 0
        var p = CardProgress()
        guard try s.beginObject() else { throw Mismatch() }
        repeat {
            let k = try s.key()
            if JSONScanner.equals(k, "state"), seen & 1 == 0 {
                seen |= 1
                p.schedule = try schedule(&s)
            } else if JSONScanner.equals(k, "suspended"), seen & 2 == 0 {
                seen |= 2
                p.suspended = s.null() ? false : try s.bool()
            } else if JSONScanner.equals(k, "buried"), seen & 4 == 0 {
                seen |= 4
                p.buriedUntil = try date(&s)
            } else if JSONScanner.equals(k, "flag"), seen & 8 == 0 {
                seen |= 8
                p.flagNote = s.null() ? nil : try s.string()
            } else {
                try s.skipValue(depth: 4)
            }
        } while try s.nextMember()
        guard seen & 1 != 0 else { throw Mismatch() }
        return p
    }

    static func date(_ s: inout JSONScanner) throws(Mismatch) -> Date? {
        if s.null() { return nil }
        let d: Date?
        if let raw = try s.plainStringBytes() {
            d = ISODate.parse(bytes: raw)
        } else {
            d = ISODate.parse(try s.string())
        }
        guard let d else { throw Mismatch() }
        return d
    }

    static func phase(_ s: inout JSONScanner) throws(Mismatch) -> CardPhase {
        if let t = try s.plainStringBytes() {
            if JSONScanner.equals(t, "review") { return .review }
            if JSONScanner.equals(t, "new") { return .new }
            if JSONScanner.equals(t, "learning") { return .learning }
            if JSONScanner.equals(t, "relearning") { return .relearning }
            throw Mismatch()
        }
        guard let p = CardPhase(rawValue: try s.string()) else { throw Mismatch() }
        return p
    }

    static func schedule(_ s: inout JSONScanner) throws(Mismatch) -> SchedulingState {
        var seen: UInt32 = 0
        var phase: CardPhase?
        var st = SchedulingState()
        var stability: Double?
        var difficulty: Double?
        guard try s.beginObject() else { throw Mismatch() }
        repeat {
            let k = try s.key()
            if JSONScanner.equals(k, "phase"), seen & 1 == 0 {
                seen |= 1
                phase = try Self.phase(&s)
            } else if JSONScanner.equals(k, "stability"), seen & 2 == 0 {
                seen |= 2
                stability = try optionalDouble(&s)
            } else if JSONScanner.equals(k, "difficulty"), seen & 4 == 0 {
                seen |= 4
                difficulty = try optionalDouble(&s)
            } else if JSONScanner.equals(k, "due"), seen & 8 == 0 {
                seen |= 8
                st.due = try date(&s)
            } else if JSONScanner.equals(k, "last"), seen & 16 == 0 {
                seen |= 16
                st.lastReview = try date(&s)
            } else if JSONScanner.equals(k, "reps"), seen & 32 == 0 {
                seen |= 32
                st.reps = try optionalInt(&s) ?? 0
            } else if JSONScanner.equals(k, "lapses"), seen & 64 == 0 {
                seen |= 64
                st.lapses = try optionalInt(&s) ?? 0
            } else if JSONScanner.equals(k, "step"), seen & 128 == 0 {
                seen |= 128
                st.step = try optionalInt(&s)
            } else if JSONScanner.equals(k, "ease"), seen & 256 == 0 {
                seen |= 256
                st.ease = try optionalDouble(&s)
            } else if JSONScanner.equals(k, "interval"), seen & 512 == 0 {
                seen |= 512
                st.intervalDays = try optionalDouble(&s)
            } else {
                try s.skipValue(depth: 5)
            }
        } while try s.nextMember()
        guard let phase else { throw Mismatch() }
        st.phase = phase
        if let stability, let difficulty { st.memory = MemoryState(stability: stability, difficulty: difficulty) }
        return st
    }
}
