import Foundation
import ISOTime
import JSONKit
import Scheduling

/// JSON shapes of scheduling states, card progress and log entries (shared by log and snapshot).
enum ProgressCoding {
    struct Invalid: Error { var problem: String }

    static func write(_ s: SchedulingState, _ w: inout JSONWriter) {
        w.raw("{\"phase\":")
        w.string(s.phase.rawValue)
        if let step = s.step {
            w.raw(",\"step\":")
            w.int(step)
        }
        if let m = s.memory {
            w.raw(",\"stability\":")
            w.number(m.stability)
            w.raw(",\"difficulty\":")
            w.number(m.difficulty)
        }
        if let due = s.due {
            w.raw(",\"due\":")
            w.string(ISODate.format(due))
        }
        if let last = s.lastReview {
            w.raw(",\"last\":")
            w.string(ISODate.format(last))
        }
        w.raw(",\"reps\":")
        w.int(s.reps)
        w.raw(",\"lapses\":")
        w.int(s.lapses)
        if let e = s.ease {
            w.raw(",\"ease\":")
            w.number(e)
        }
        if let i = s.intervalDays {
            w.raw(",\"interval\":")
            w.number(i)
        }
        w.raw("}")
    }

    static func schedule(_ v: JSONValue) throws(Invalid) -> SchedulingState {
        guard v.objectValue != nil else { throw Invalid(problem: "a card state is \(v.typeName), not an object") }
        guard let name = v["phase"]?.stringValue, let phase = CardPhase(rawValue: name) else {
            throw Invalid(problem: "a card state has no valid \"phase\"")
        }
        var s = SchedulingState(phase: phase)
        s.step = v["step"]?.intValue
        if let st = v["stability"]?.doubleValue, let d = v["difficulty"]?.doubleValue {
            s.memory = MemoryState(stability: st, difficulty: d)
        }
        s.due = try date(v["due"], "due")
        s.lastReview = try date(v["last"], "last")
        s.reps = v["reps"]?.intValue ?? 0
        s.lapses = v["lapses"]?.intValue ?? 0
        s.ease = v["ease"]?.doubleValue
        s.intervalDays = v["interval"]?.doubleValue
        return s
    }

    static func date(_ v: JSONValue?, _ name: String) throws(Invalid) -> Date? {
        guard let v, !v.isNull else { return nil }
        guard let text = v.stringValue, let d = ISODate.parse(text) else {
            throw Invalid(problem: "\"\(name)\" is not an ISO 8601 time")
        }
        return d
    }

    static func write(_ e: LogEntry, _ w: inout JSONWriter) {
        w.raw("{\"seq\":")
        w.int(e.seq)
        w.raw(",\"kind\":")
        w.string(e.kind.rawValue)
        w.raw(",\"deck\":")
        w.string(e.deck)
        w.raw(",\"card\":")
        w.string(e.card)
        w.raw(",\"time\":")
        w.string(ISODate.format(e.time))
        if let r = e.rating {
            w.raw(",\"rating\":")
            w.int(r.rawValue)
        }
        if let ms = e.responseMillis {
            w.raw(",\"ms\":")
            w.int(ms)
        }
        if let t = e.typed {
            w.raw(",\"typed\":")
            w.string(t)
        }
        if let u = e.undoes {
            w.raw(",\"undoes\":")
            w.int(u)
        }
        if let u = e.until {
            w.raw(",\"until\":")
            w.string(ISODate.format(u))
        }
        if let n = e.note {
            w.raw(",\"note\":")
            w.string(n)
        }
        if let b = e.before {
            w.raw(",\"before\":")
            write(b, &w)
        }
        if let a = e.after {
            w.raw(",\"after\":")
            write(a, &w)
        }
        w.raw("}")
    }

    /// A log entry's members as read, before any rule is applied: the tree path and the fast
    /// line decoder both fill one and hand it to `entry(_:)`, so the log's rules and their
    /// wording live in one place.
    struct EntryMembers {
        var seq: Int?
        /// Absent, or not one of the kinds.
        var kind: LogEntry.Kind?
        var deck: String?
        var card: String?
        var time = DateMember.absent
        /// A `rating` member is there (whatever its value).
        var ratingPresent = false
        var rating: Int?
        var ms: Int?
        var typed: String?
        var undoes: Int?
        var until = DateMember.absent
        var note: String?
        var before = StateMember.absent
        var after = StateMember.absent
    }

    /// A time member as found (null reads as absent).
    enum DateMember {
        case absent, bad
        case ok(Date)
    }

    /// A card state member as found (null reads as absent).
    enum StateMember {
        case absent
        /// Read already (the fast path reads only well-formed states).
        case state(SchedulingState)
        /// Still a JSON value: `schedule(_:)` checks it.
        case value(JSONValue)
    }

    static func entry(_ v: JSONValue) throws(Invalid) -> LogEntry {
        guard v.objectValue != nil else { throw Invalid(problem: "the line holds \(v.typeName), not an entry") }
        var m = EntryMembers()
        m.seq = v["seq"]?.intValue
        m.kind = v["kind"]?.stringValue.flatMap(LogEntry.Kind.init(rawValue:))
        m.deck = v["deck"]?.stringValue
        m.card = v["card"]?.stringValue
        m.time = dateMember(v["time"])
        if let r = v["rating"] {
            m.ratingPresent = true
            m.rating = r.intValue
        }
        m.ms = v["ms"]?.intValue
        m.typed = v["typed"]?.stringValue
        m.undoes = v["undoes"]?.intValue
        m.until = dateMember(v["until"])
        m.note = v["note"]?.stringValue
        if let b = v["before"], !b.isNull { m.before = .value(b) }
        if let a = v["after"], !a.isNull { m.after = .value(a) }
        return try entry(m)
    }

    private static func dateMember(_ v: JSONValue?) -> DateMember {
        guard let v, !v.isNull else { return .absent }
        guard let text = v.stringValue, let d = ISODate.parse(text) else { return .bad }
        return .ok(d)
    }

    /// The log's rules for an entry, in the order they are checked.
    @inline(__always)
    static func entry(_ m: EntryMembers) throws(Invalid) -> LogEntry {
        guard let seq = m.seq else { throw Invalid(problem: "no \"seq\"") }
        guard let kind = m.kind else { throw Invalid(problem: "no valid \"kind\"") }
        guard let deck = m.deck, let card = m.card else { throw Invalid(problem: "no \"deck\" or \"card\"") }
        let time: Date
        switch m.time {
        case .absent: throw Invalid(problem: "no \"time\"")
        case .bad: throw Invalid(problem: "\"time\" is not an ISO 8601 time")
        case .ok(let t): time = t
        }
        var e = LogEntry(seq: seq, kind: kind, deck: deck, card: card, time: time)
        if m.ratingPresent {
            guard let n = m.rating, let rating = Rating(rawValue: n) else { throw Invalid(problem: "\"rating\" is not 1 to 4") }
            e.rating = rating
        }
        e.responseMillis = m.ms
        e.typed = m.typed
        e.undoes = m.undoes
        switch m.until {
        case .absent: break
        case .bad: throw Invalid(problem: "\"until\" is not an ISO 8601 time")
        case .ok(let t): e.until = t
        }
        e.note = m.note
        e.before = try state(m.before)
        e.after = try state(m.after)
        if kind == .review && (e.rating == nil || e.after == nil) {
            throw Invalid(problem: "a review without \"rating\" or \"after\"")
        }
        return e
    }

    private static func state(_ member: StateMember) throws(Invalid) -> SchedulingState? {
        switch member {
        case .absent: return nil
        case .state(let s): return s
        case .value(let v): return try schedule(v)
        }
    }

    static func write(_ p: CardProgress, _ w: inout JSONWriter) {
        w.raw("{\"state\":")
        write(p.schedule, &w)
        if p.suspended { w.raw(",\"suspended\":true") }
        if let b = p.buriedUntil {
            w.raw(",\"buried\":")
            w.string(ISODate.format(b))
        }
        if let n = p.flagNote {
            w.raw(",\"flag\":")
            w.string(n)
        }
        w.raw("}")
    }

    static func progress(_ v: JSONValue) throws(Invalid) -> CardProgress {
        guard let st = v["state"] else { throw Invalid(problem: "a card has no \"state\"") }
        var p = CardProgress(schedule: try schedule(st))
        p.suspended = v["suspended"]?.boolValue ?? false
        p.buriedUntil = try date(v["buried"], "buried")
        p.flagNote = v["flag"]?.stringValue
        return p
    }
}
