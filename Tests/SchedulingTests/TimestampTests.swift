import Foundation
import Testing

@testable import Scheduling

struct TimestampTests {
    @Test("ISO text is written as Python's isoformat()", arguments: [
        (1_711_744_352_250_000 as Int64, "2024-03-29T20:32:32.250000+00:00"),
        (0, "1970-01-01T00:00:00+00:00"),
        (-1, "1969-12-31T23:59:59.999999+00:00"),
        (951_782_400_000_000, "2000-02-29T00:00:00+00:00"),
        (253_402_300_799_000_000, "9999-12-31T23:59:59+00:00"),
    ])
    func format(micros: Int64, text: String) {
        #expect(String(decoding: ISO8601Timestamp.bytes(micros: micros), as: UTF8.self) == text)
    }

    @Test("ISO text is read in its common spellings", arguments: [
        ("2024-03-29T20:32:32.250000+00:00", "2024-03-29T20:32:32.25Z"),
        ("2024-03-29T21:32:32.25+01:00", "2024-03-29T20:32:32.25Z"),
        ("2024-03-29T15:32:32.25-0500", "2024-03-29T20:32:32.25Z"),
        ("2024-03-29 20:32:32.25", "2024-03-29T20:32:32.25Z"),
        ("2024-03-29T20:32Z", "2024-03-29T20:32:00Z"),
        ("2024-03-29", "2024-03-29T00:00:00Z"),
    ])
    func parse(text: String, same: String) throws {
        let a = try #require(ISO8601Timestamp.date(from: text))
        let b = try #require(ISO8601Timestamp.date(from: same))
        #expect(a == b)
    }

    @Test("invalid dates are refused", arguments: [
        "2024-13-01T00:00:00Z", "2023-02-29", "2024-03-29T24:00:00Z", "2024-03-29T20:32:32Zjunk", "29/03/2024", "",
        "2024-03-29T20:32:32.", "2024-03-29T20:32:32+5",
    ])
    func invalid(text: String) {
        #expect(ISO8601Timestamp.date(from: text) == nil)
    }

    @Test("formatting then parsing returns the same microsecond")
    func roundTrip() throws {
        var generator = SplitMix64(seed: 11)
        for _ in 0..<2_000 {
            let micros = Int64(bitPattern: generator.next() % 8_000_000_000_000_000) - 2_000_000_000_000_000
            let out = ISO8601Timestamp.bytes(micros: micros)
            let parsed = out.withUnsafeBufferPointer { ISO8601Timestamp.parseMicros($0[...]) }
            #expect(parsed == micros, "\(String(decoding: out, as: UTF8.self))")
        }
    }

    @Test("whole days are floored 24-hour periods, as Python's timedelta.days")
    func wholeDays() {
        let day = Timestamp.microsPerDay
        #expect(Timestamp.wholeDays(from: 0, to: day - 1) == 0)
        #expect(Timestamp.wholeDays(from: 0, to: day) == 1)
        #expect(Timestamp.wholeDays(from: day, to: 0) == -1)
        #expect(Timestamp.wholeDays(from: 1, to: 0) == -1)
        // Dates a fraction of a millisecond apart in Double still count a full day.
        let a = Date(timeIntervalSince1970: 1_704_099_600.1)
        #expect(Timestamp.wholeDays(from: Timestamp.micros(a), to: Timestamp.micros(a + 86_400)) == 1)
    }

    @Test("half-microsecond steps round half to even, like timedelta")
    func halfToEven() {
        #expect(Timestamp.halfToEvenHalf(660_000_000) == 330_000_000)
        #expect(Timestamp.halfToEvenHalf(3) == 2)
        #expect(Timestamp.halfToEvenHalf(5) == 2)
        #expect(Timestamp.halfToEvenHalf(7) == 4)
    }
}
