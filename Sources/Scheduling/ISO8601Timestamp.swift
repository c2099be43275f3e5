import Foundation

/// ISO 8601 text for instants, written and read by hand over bytes (no DateFormatter: replay
/// formats two dates per review).
public enum ISO8601Timestamp {
    /// Python's `datetime.isoformat()` of a UTC instant: `2024-03-29T20:32:32.250000+00:00`,
    /// the fraction only when it is not zero (as py-fsrs prints `due`).
    public static func string(from date: Date) -> String {
        String(decoding: bytes(micros: Timestamp.micros(date)), as: UTF8.self)
    }

    /// The isoformat() text of an instant in microseconds since 1970, as bytes.
    static func bytes(micros: Int64) -> [UInt8] {
        writingBytes(capacity: ByteWriter.maximumTimestampLength) { writer in
            write(micros: micros, to: &writer)
        }
    }

    /// Parses ISO 8601 text (`2024-03-29T20:32:32.25Z`, `+01:00` offsets, a space for `T`,
    /// date only); text without an offset is taken as UTC.
    public static func date(from text: String) -> Date? {
        var text = text
        return text.withUTF8 { buffer in
            parseMicros(buffer[...]).map(Timestamp.date(micros:))
        }
    }

    @inline(__always)
    static func write(micros: Int64, to out: inout ByteWriter) {
        var cache = CivilDateCache()
        write(micros: micros, to: &out, cache: &cache)
    }

    /// As `write(micros:to:)`, reusing calendar dates worked out before (a log spans few days).
    @inline(__always)
    static func write(micros: Int64, to out: inout ByteWriter, cache: inout CivilDateCache) {
        let days = Timestamp.floorDivide(micros, Timestamp.microsPerDay)
        let microOfDay = Int(micros - days * Timestamp.microsPerDay)
        let (year, month, day) = cache.civil(fromDays: days)
        let secondOfDay = microOfDay / 1_000_000
        let fraction = microOfDay % 1_000_000
        if year < 0 { out.write(byte: UInt8(ascii: "-")) }
        out.write(abs(year), width: 4)
        out.write(byte: UInt8(ascii: "-"))
        out.write(twoDigits: month)
        out.write(byte: UInt8(ascii: "-"))
        out.write(twoDigits: day)
        out.write(byte: UInt8(ascii: "T"))
        out.write(twoDigits: secondOfDay / 3600)
        out.write(byte: UInt8(ascii: ":"))
        out.write(twoDigits: secondOfDay / 60 % 60)
        out.write(byte: UInt8(ascii: ":"))
        out.write(twoDigits: secondOfDay % 60)
        if fraction != 0 {
            out.write(byte: UInt8(ascii: "."))
            out.write(fraction, width: 6)
        }
        out.write(literal: "+00:00")
    }

    /// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's civil_from_days).
    static func civil(fromDays days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }

    /// A proleptic Gregorian date to days since 1970-01-01 (days_from_civil).
    static func days(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Microseconds since 1970 from ISO 8601 bytes, or nil when they are not a valid date-time.
    static func parseMicros(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> Int64? {
        var p = ByteCursor(text: text)
        guard let year = p.number(digits: 4), p.skip("-"), let month = p.number(digits: 2), p.skip("-"),
            let day = p.number(digits: 2), (1...12).contains(month), day >= 1,
            day <= daysIn(month: month, year: year)
        else { return nil }
        var micros = days(year: year, month: month, day: day) * Timestamp.microsPerDay
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

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// Remembers recent day numbers' calendar dates: a direct-mapped table of 1,024 days.
struct CivilDateCache {
    private var days = [Int64](repeating: .min, count: 1024)
    private var dates = [(year: Int, month: Int, day: Int)](repeating: (0, 0, 0), count: 1024)

    @inline(__always)
    mutating func civil(fromDays day: Int64) -> (year: Int, month: Int, day: Int) {
        let slot = Int(truncatingIfNeeded: day) & 1023
        if days[slot] == day { return dates[slot] }
        let date = ISO8601Timestamp.civil(fromDays: day)
        days[slot] = day
        dates[slot] = date
        return date
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
