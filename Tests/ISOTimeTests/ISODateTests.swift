import Foundation
import ISOTime
import SeededRandom
import Testing

@Suite struct ISODateTests {
    @Test("common spellings read to the right instant", arguments: [
        ("2026-11-23T10:00:00Z", 1_795_428_000.0),
        ("2026-11-23T10:00:00.250Z", 1_795_428_000.25),
        ("2026-11-23T11:00:00+01:00", 1_795_428_000.0),
        ("2026-11-23 10:00:00", 1_795_428_000.0),
        ("2026-11-23", 1_795_392_000.0),
        ("1969-12-31T23:59:59Z", -1.0),
        ("2024-02-29T00:00:00Z", 1_709_164_800.0),
        ("2024-03-29T20:32:32.250000+00:00", 1_711_744_352.25),
        ("2024-03-29T15:32:32.25-0500", 1_711_744_352.25),
        ("2024-03-29T20:32Z", 1_711_744_320.0),
        ("2024-03-29t20:32:32,25z", 1_711_744_352.25),
    ])
    func parsesCommonForms(text: String, epoch: Double) throws {
        let d = try #require(ISODate.parse(text))
        #expect(d.timeIntervalSince1970 == epoch)
    }

    @Test("nonsense and impossible dates are refused", arguments: [
        "", "2026-13-01", "2026-11-23T25:00:00Z", "yesterday", "2026-11-23T10:00:00Zjunk", "2026-11-23T10:00:00.",
        "2023-02-29", "2026-04-31", "2024-03-29T24:00:00Z", "2024-03-29T20:32:60Z", "29/03/2024", "2024-03-29T20:32:32+5",
        "2024-03-29T20:32:32+24:00",
    ])
    func rejectsNonsense(text: String) { #expect(ISODate.parse(text) == nil) }

    /// An offset that moves the time out of the years 0000 to 9999, which `format` could not
    /// write back with four digits (fuzz finding).
    @Test(arguments: ["0000-01-01T00:00:00+01:00", "9999-12-31T23:30:00-01:00"])
    func refusesATimeAnOffsetMovesOutOfRange(text: String) { #expect(ISODate.parse(text) == nil) }

    @Test(arguments: ["0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z"])
    func readsAndWritesBothEndsOfItsRange(text: String) throws {
        #expect(ISODate.format(try #require(ISODate.parse(text))) == text)
    }

    /// Found by fuzzing: a due date 2^63-1 days away trapped converting its seconds to an integer.
    @Test(arguments: [
        (Double.greatestFiniteMagnitude, "9999-12-31T23:59:59.999Z"), (Double.infinity, "9999-12-31T23:59:59.999Z"),
        (1e15, "9999-12-31T23:59:59.999Z"), (-1e300, "0000-01-01T00:00:00Z"), (-Double.infinity, "0000-01-01T00:00:00Z"),
        (Double.nan, "0000-01-01T00:00:00Z"),
    ])
    func writesATimeOutsideItsRangeAsTheNearestEnd(epoch: Double, text: String) {
        #expect(ISODate.format(Date(timeIntervalSince1970: epoch)) == text)
    }

    @Test("the progress spelling agrees with Foundation's formatter and reads back")
    func formatAgreesWithFoundationAndRoundTrips() {
        let f = ISO8601DateFormatter()
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<2000 {
            let secs = Double(Int.random(in: -2_000_000_000...4_000_000_000, using: &rng))
            let d = Date(timeIntervalSince1970: secs)
            #expect(ISODate.format(d) == f.string(from: d))
            #expect(ISODate.parse(ISODate.format(d)) == d)
        }
        let withMillis = Date(timeIntervalSince1970: 1_795_428_000.123)
        #expect(ISODate.format(withMillis) == "2026-11-23T10:00:00.123Z")
    }

    @Test("milliseconds read back to the very Date they were written from")
    func millisecondsRoundTrip() {
        var rng = SeededGenerator(seed: 8)
        for _ in 0..<2000 {
            let ms = Int64.random(in: -2_000_000_000_000...4_000_000_000_000, using: &rng)
            let d = Date(timeIntervalSince1970: Double(ms) / 1000)
            #expect(ISODate.parse(ISODate.format(d)) == d, "\(ISODate.format(d))")
        }
    }

    @Test("Python's isoformat() spelling, as fsrs replay prints it", arguments: [
        (1_711_744_352_250_000 as Int64, "2024-03-29T20:32:32.250000+00:00"),
        (0, "1970-01-01T00:00:00+00:00"),
        (-1, "1969-12-31T23:59:59.999999+00:00"),
        (951_782_400_000_000, "2000-02-29T00:00:00+00:00"),
        (253_402_300_799_000_000, "9999-12-31T23:59:59+00:00"),
    ])
    func python(micros: Int64, text: String) {
        #expect(ISODate.text(micros: micros, style: .python) == text)
        var cache = CivilDateCache()
        let written = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: ISODate.maximumLength) { buffer in
            var cursor = buffer.baseAddress!
            ISODate.write(micros: micros, style: .python, to: &cursor, cache: &cache)
            return String(decoding: UnsafeBufferPointer(start: buffer.baseAddress!, count: cursor - buffer.baseAddress!), as: UTF8.self)
        }
        #expect(written == text)
    }

    @Test("both spellings read back to the same microsecond")
    func roundTrip() throws {
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<2_000 {
            let micros = Int64(bitPattern: generator.next() % 8_000_000_000_000_000) - 2_000_000_000_000_000
            for style in [ISODate.Style.python, .utc] {
                var text = ISODate.text(micros: micros, style: style)
                let parsed = text.withUTF8 { ISODate.micros($0[...]) }
                let expected = style == .python ? micros : Timestamp.floorDivide(micros, 1000) * 1000
                #expect(parsed == expected, "\(text)")
            }
        }
    }
}

@Suite struct ISODateFastPathTests {
    /// The progress files' own spelling has a reader of its own; it must read every such text
    /// as the general reader does, and refuse what the general reader refuses.
    @Test("the canonical spelling's fast reader agrees with the general one")
    func canonicalAgrees() {
        var rng = SeededGenerator(seed: 21)
        for _ in 0..<5_000 {
            let seconds = Int64.random(in: -62_135_596_800...253_402_300_799, using: &rng)
            var text = ISODate.text(micros: seconds * 1_000_000, style: .utc)
            if Int.random(in: 0..<4, using: &rng) == 0 {
                // Break one digit into something else, or an impossible day or hour.
                var bytes = Array(text.utf8)
                let i = [5, 6, 8, 9, 11, 12, 14, 17].randomElement(using: &rng)!
                bytes[i] = [UInt8(ascii: "9"), UInt8(ascii: "x"), UInt8(ascii: "3")].randomElement(using: &rng)!
                text = String(decoding: bytes, as: UTF8.self)
            }
            let general = text.withUTF8 { ISODate.micros($0[...]) }.map(Timestamp.date(micros:))
            #expect(ISODate.parse(text) == general, "\(text)")
        }
        #expect(ISODate.parse("2023-02-29T10:00:00Z") == nil)
        #expect(ISODate.parse("2024-02-29T23:59:59Z") == Date(timeIntervalSince1970: 1_709_251_199))
    }
}
