import Foundation

/// ISO 8601 UTC timestamps ("2026-11-23T10:00:00Z", optional fraction, optional offset) by hand:
/// ISO8601DateFormatter costs about 2 µs a date and the log holds millions of them.
public enum ISODate {
    /// The instants `format` writes with a four-digit year and `parse` reads back: the years
    /// 0000 to 9999. Only readers of other programs' data (an Anki revlog) can give others.
    public static let range = Date(timeIntervalSince1970: lowest)...Date(timeIntervalSince1970: highest)
    private static let lowest = -62_167_219_200.0, highest = 253_402_300_799.999

    /// Formats as UTC with a millisecond fraction only when the time has one. A time outside
    /// `range` is written as the nearest end of it (NaN as its start): a writer must write a
    /// line its reader takes back, and the seconds past Int's range would trap.
    public static func format(_ date: Date) -> String {
        let t = date.timeIntervalSince1970
        let ms = (t.isNaN ? lowest * 1000 : Swift.min(Swift.max(t, lowest), highest) * 1000).rounded()
        var secs = Int((ms / 1000).rounded(.down))
        let frac = Int(ms - Double(secs) * 1000)
        let days = floorDiv(secs, 86_400)
        secs -= days * 86_400
        let (y, m, d) = civil(fromDays: days)
        var s = "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(secs / 3600, 2)):\(pad(secs / 60 % 60, 2)):\(pad(secs % 60, 2))"
        if frac != 0 { s += ".\(pad(frac, 3))" }
        return s + "Z"
    }

    /// Parses "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS[.fff]]" with "Z", "+HH:MM" or no zone (then UTC).
    public static func parse(_ text: String) -> Date? {
        var t = text
        return t.withUTF8 { parse(bytes: $0) }
    }

    /// Byte-level variant of `parse(_:)` for hot paths.
    public static func parse(bytes b: UnsafeBufferPointer<UInt8>) -> Date? {
        var i = 0
        func digits(_ n: Int) -> Int? {
            guard i + n <= b.count else { return nil }
            var v = 0
            for k in 0..<n {
                let c = b[i + k]
                guard c >= 0x30 && c <= 0x39 else { return nil }
                v = v * 10 + Int(c - 0x30)
            }
            i += n
            return v
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < b.count, b[i] == c else { return false }
            i += 1
            return true
        }
        guard let y = digits(4), expect(UInt8(ascii: "-")), let mo = digits(2), expect(UInt8(ascii: "-")),
            let d = digits(2), (1...12).contains(mo), (1...31).contains(d)
        else { return nil }
        var secs = 0
        var frac = 0.0
        var offset = 0
        if i < b.count && (b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: " ")) {
            i += 1
            guard let h = digits(2), expect(UInt8(ascii: ":")), let mi = digits(2), h < 24, mi < 60 else { return nil }
            var s = 0
            if expect(UInt8(ascii: ":")) {
                guard let ss = digits(2), ss <= 60 else { return nil }
                s = ss
                if i < b.count && (b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",")) {
                    i += 1
                    var scale = 0.1
                    let start = i
                    while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
                        frac += Double(b[i] - 0x30) * scale
                        scale /= 10
                        i += 1
                    }
                    if i == start { return nil }
                }
            }
            secs = h * 3600 + mi * 60 + s
            if i < b.count {
                if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
                    i += 1
                } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
                    let sign = b[i] == UInt8(ascii: "+") ? 1 : -1
                    i += 1
                    guard let oh = digits(2) else { return nil }
                    _ = expect(UInt8(ascii: ":"))
                    let om = digits(2) ?? 0
                    offset = sign * (oh * 3600 + om * 60)
                }
            }
        }
        guard i == b.count else { return nil }
        let days = days(fromCivil: y, mo, d)
        // An offset can move year 0000 or 9999 out of the range `format` writes back.
        let t = Double(days * 86_400 + secs - offset) + frac
        guard t >= lowest, t <= highest else { return nil }
        return Date(timeIntervalSince1970: t)
    }

    private static func pad(_ v: Int, _ n: Int) -> String {
        let s = String(v)
        return s.count >= n ? s : String(repeating: "0", count: n - s.count) + s
    }

    private static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }

    /// Howard Hinnant's days_from_civil: proleptic Gregorian, days since 1970-01-01.
    static func days(fromCivil y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }
}
