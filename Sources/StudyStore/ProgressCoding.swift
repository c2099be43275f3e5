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

    static func entry(_ v: JSONValue) throws(Invalid) -> LogEntry {
        guard v.objectValue != nil else { throw Invalid(problem: "the line holds \(v.typeName), not an entry") }
        guard let seq = v["seq"]?.intValue else { throw Invalid(problem: "no \"seq\"") }
        guard let k = v["kind"]?.stringValue, let kind = LogEntry.Kind(rawValue: k) else {
            throw Invalid(problem: "no valid \"kind\"")
        }
        guard let deck = v["deck"]?.stringValue, let card = v["card"]?.stringValue else {
            throw Invalid(problem: "no \"deck\" or \"card\"")
        }
        guard let time = try date(v["time"], "time") else { throw Invalid(problem: "no \"time\"") }
        var e = LogEntry(seq: seq, kind: kind, deck: deck, card: card, time: time)
        if let r = v["rating"] {
            guard let n = r.intValue, let rating = Rating(rawValue: n) else { throw Invalid(problem: "\"rating\" is not 1 to 4") }
            e.rating = rating
        }
        e.responseMillis = v["ms"]?.intValue
        e.typed = v["typed"]?.stringValue
        e.undoes = v["undoes"]?.intValue
        e.until = try date(v["until"], "until")
        e.note = v["note"]?.stringValue
        if let b = v["before"], !b.isNull { e.before = try schedule(b) }
        if let a = v["after"], !a.isNull { e.after = try schedule(a) }
        if kind == .review && (e.rating == nil || e.after == nil) {
            throw Invalid(problem: "a review without \"rating\" or \"after\"")
        }
        return e
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
