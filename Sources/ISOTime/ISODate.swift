import Foundation

/// ISO 8601 instants, read and written by hand over bytes: the project's one codec for them.
///
/// Two spellings are written: the progress files' (`2026-11-23T10:00:00Z`, a millisecond
/// fraction only when there is one) and Python's `datetime.isoformat()` of a UTC instant
/// (`2024-03-29T20:32:32.250000+00:00`), which `fsrs replay` prints as py-fsrs does. One
/// parser reads both and the common variants: a space or `t` for `T`, no seconds, a `,` or
/// `.` fraction (digits past the microsecond dropped), `Z`, `+HH`, `+HHMM` or `+HH:MM`, or no
/// zone (then UTC), or a date alone. Days are checked against their month, hours < 24,
/// minutes and seconds < 60.
///
/// Foundation's `ISO8601DateFormatter` costs about 2 µs a date; the review log holds
/// millions of them and a replay writes two a review.
public enum ISODate {
    /// How `write` spells an instant.
    public enum Style: Sendable {
        /// `2026-11-23T10:00:00Z`, `.123` milliseconds when not zero (the progress files).
        case utc
        /// `2024-03-29T20:32:32.250000+00:00`, microseconds when not zero (Python's isoformat()).
        case python
    }

    /// Bytes `write` takes at most (a five-digit year with its sign and microseconds).
    public static let maximumLength = 34

    /// `date` in the progress files' spelling, to the nearest millisecond.
    public static func format(_ date: Date) -> String {
        // A time outside the years 0000-9999 (an Anki due date 2^63-1 days away, NaN) is
        // written as the nearest end of them: its seconds would trap converting to Int64,
        // and a writer must write what its reader takes back (fuzz finding).
        let t = date.timeIntervalSince1970
        let clamped = t.isNaN ? lowest : Swift.min(Swift.max(t, lowest), highest)
        let millis = Int64((clamped * 1000).rounded())
        return text(micros: millis * 1000, style: .utc)
    }

    /// The instants `format` writes with a four-digit year and `parse` reads back.
    public static let range = Date(timeIntervalSince1970: lowest)...Date(timeIntervalSince1970: highest)
    static let lowest = -62_167_219_200.0, highest = 253_402_300_799.999

    /// `micros` (since 1970) in `style`.
    public static func text(micros: Int64, style: Style) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maximumLength) { buffer in
            let start = buffer.baseAddress!
            var cursor = start
            let days = Timestamp.floorDivide(micros, Timestamp.microsPerDay)
            write(date: CivilDate.date(days: days), microOfDay: Int(micros - days * Timestamp.microsPerDay), style: style, to: &cursor)
            return String(decoding: UnsafeBufferPointer(start: start, count: cursor - start), as: UTF8.self)
        }
    }

    /// Writes `micros` (since 1970) in `style` at `cursor` and moves it past; at most
    /// `maximumLength` bytes. `cache` remembers dates worked out before (a log spans few days).
    @inlinable
    public static func write(
        micros: Int64, style: Style, to cursor: inout UnsafeMutablePointer<UInt8>, cache: inout CivilDateCache
    ) {
        let days = Timestamp.floorDivide(micros, Timestamp.microsPerDay)
        write(date: cache.date(days: days), microOfDay: Int(micros - days * Timestamp.microsPerDay), style: style, to: &cursor)
    }

    @inlinable
    static func write(
        date: (year: Int, month: Int, day: Int), microOfDay: Int, style: Style, to cursor: inout UnsafeMutablePointer<UInt8>
    ) {
        let secondOfDay = microOfDay / 1_000_000
        let fraction = microOfDay % 1_000_000
        if date.year < 0 { put(UInt8(ascii: "-"), &cursor) }
        writeDigits(abs(date.year), width: 4, to: &cursor)
        put(UInt8(ascii: "-"), &cursor)
        writeTwoDigits(date.month, to: &cursor)
        put(UInt8(ascii: "-"), &cursor)
        writeTwoDigits(date.day, to: &cursor)
        put(UInt8(ascii: "T"), &cursor)
        writeTwoDigits(secondOfDay / 3600, to: &cursor)
        put(UInt8(ascii: ":"), &cursor)
        writeTwoDigits(secondOfDay / 60 % 60, to: &cursor)
        put(UInt8(ascii: ":"), &cursor)
        writeTwoDigits(secondOfDay % 60, to: &cursor)
        switch style {
        case .utc:
            if fraction >= 1000 {
                put(UInt8(ascii: "."), &cursor)
                writeDigits(fraction / 1000, width: 3, to: &cursor)
            }
            put(UInt8(ascii: "Z"), &cursor)
        case .python:
            if fraction != 0 {
                put(UInt8(ascii: "."), &cursor)
                writeDigits(fraction, width: 6, to: &cursor)
            }
            for b in "+00:00".utf8 { put(b, &cursor) }
        }
    }

    @inlinable @inline(__always)
    static func put(_ byte: UInt8, _ cursor: inout UnsafeMutablePointer<UInt8>) {
        cursor.pointee = byte
        cursor += 1
    }

    /// Exactly two digits (0-99): most of a date, and a million of them a replay.
    @inlinable @inline(__always)
    static func writeTwoDigits(_ value: Int, to cursor: inout UnsafeMutablePointer<UInt8>) {
        cursor[0] = UInt8(truncatingIfNeeded: 48 + value / 10)
        cursor[1] = UInt8(truncatingIfNeeded: 48 + value % 10)
        cursor += 2
    }

    /// Writes `value` (>= 0) in decimal, zero-padded to at least `width` digits, at `cursor`
    /// and moves it past (the replay's other numbers are written with it too).
    @inlinable @inline(__always)
    public static func writeDigits(_ value: Int, width: Int, to cursor: inout UnsafeMutablePointer<UInt8>) {
        var digits = 1
        var limit = 10
        while value >= limit && digits < 19 {
            digits += 1
            limit &*= 10
        }
        let count = max(digits, width)
        var rest = value
        var position = count - 1
        while position >= 0 {
            cursor[position] = UInt8(truncatingIfNeeded: 48 + rest % 10)
            rest /= 10
            position -= 1
        }
        cursor += count
    }

    // MARK: Reading

    /// The instant `text` names, or nil when it is no valid ISO 8601 date or date-time.
    public static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    /// The instant in `bytes`, or nil.
    public static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        if let seconds = canonicalSeconds(bytes) { return Date(timeIntervalSince1970: Double(seconds)) }
        // an offset can move year 0000 or 9999 out of the range `format` writes back
        guard let m = micros(bytes[...]), Double(m) / 1_000_000 >= lowest, Double(m) / 1_000_000 <= highest else { return nil }
        return Timestamp.date(micros: m)
    }

    /// Seconds since 1970 of exactly `YYYY-MM-DDTHH:MM:SSZ`, the spelling the progress files
    /// write (a log line holds three or four), in straight-line code; nil for anything else,
    /// which the general reader below then reads (to the same instant where both apply).
    @inlinable
    static func canonicalSeconds(_ p: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard p.count == 20, p[4] == UInt8(ascii: "-"), p[7] == UInt8(ascii: "-"), p[10] == UInt8(ascii: "T"),
            p[13] == UInt8(ascii: ":"), p[16] == UInt8(ascii: ":"), p[19] == UInt8(ascii: "Z")
        else { return nil }
        var bad = false
        @inline(__always) func two(_ i: Int) -> Int {
            let a = Int(p[i]) &- 48, b = Int(p[i + 1]) &- 48
            if a < 0 || a > 9 || b < 0 || b > 9 { bad = true }
            return a &* 10 &+ b
        }
        let year = two(0) &* 100 &+ two(2), month = two(5), day = two(8)
        let hour = two(11), minute = two(14), second = two(17)
        guard !bad, (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year), hour < 24,
            minute < 60, second < 60
        else { return nil }
        return CivilDate.days(year: year, month: month, day: day) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    /// Microseconds since 1970 of the ISO 8601 text in `text`, or nil.
    public static func micros(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> Int64? {
        var p = ByteCursor(text: text)
        guard let year = p.number(digits: 4), p.skip("-"), let month = p.number(digits: 2), p.skip("-"),
            let day = p.number(digits: 2), (1...12).contains(month), day >= 1,
            day <= CivilDate.daysIn(month: month, year: year)
        else { return nil }
        var micros = CivilDate.days(year: year, month: month, day: day) * Timestamp.microsPerDay
        if p.atEnd { return micros }
        guard p.skip("T") || p.skip("t") || p.skip(" ") else { return nil }
        guard let hour = p.number(digits: 2), hour < 24, p.skip(":"), let minute = p.number(digits: 2), minute < 60
        else { return nil }
        var second = 0
        if p.skip(":") {
            guard let s = p.number(digits: 2), s < 60 else { return nil }
            second = s
        }
        micros += Int64(hour * 3600 + minute * 60 + second) * Timestamp.microsPerSecond
        if p.skip(".") || p.skip(",") {
            guard let fraction = p.fractionMicros() else { return nil }
            micros += fraction
        }
        if p.atEnd { return micros }
        if p.skip("Z") || p.skip("z") { return p.atEnd ? micros : nil }
        let sign: Int64
        if p.skip("+") { sign = 1 } else if p.skip("-") { sign = -1 } else { return nil }
        guard let offsetHours = p.number(digits: 2), offsetHours < 24 else { return nil }
        var offsetMinutes = 0
        if !p.atEnd {
            _ = p.skip(":")
            guard let m = p.number(digits: 2), m < 60 else { return nil }
            offsetMinutes = m
        }
        guard p.atEnd else { return nil }
        return micros - sign * Int64(offsetHours * 3600 + offsetMinutes * 60) * Timestamp.microsPerSecond
    }
}

/// Reads fixed-width numbers and separators off ISO 8601 bytes.
///
/// A struct with mutating methods rather than closures over a local index: captured variables
/// were boxed and exclusivity-checked at run time, which made ISO parsing ten times slower.
private struct ByteCursor {
    let text: Slice<UnsafeBufferPointer<UInt8>>
    var i: Int

    init(text: Slice<UnsafeBufferPointer<UInt8>>) {
        self.text = text
        i = text.startIndex
    }

    var atEnd: Bool { i == text.endIndex }

    mutating func number(digits: Int) -> Int? {
        guard text.endIndex - i >= digits else { return nil }
        var value = 0
        for _ in 0..<digits {
            let digit = Int(text[i]) - 48
            guard digit >= 0 && digit <= 9 else { return nil }
            value = value * 10 + digit
            i += 1
        }
        return value
    }

    mutating func skip(_ ascii: Unicode.Scalar) -> Bool {
        guard i < text.endIndex, text[i] == UInt8(ascii: ascii) else { return false }
        i += 1
        return true
    }

    /// Digits after the decimal point as microseconds (digits past the sixth are dropped).
    mutating func fractionMicros() -> Int64? {
        var scale: Int64 = 100_000
        var fraction: Int64 = 0
        let start = i
        while i < text.endIndex, text[i] >= 48, text[i] <= 57 {
            fraction += Int64(text[i] - 48) * scale
            scale /= 10
            i += 1
        }
        return i > start ? fraction : nil
    }
}
