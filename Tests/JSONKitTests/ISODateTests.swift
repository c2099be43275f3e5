import Foundation
import JSONKit
import Testing

@Suite struct ISODateTests {
    @Test(arguments: [
        ("2026-11-23T10:00:00Z", 1_795_428_000.0),
        ("2026-11-23T10:00:00.250Z", 1_795_428_000.25),
        ("2026-11-23T11:00:00+01:00", 1_795_428_000.0),
        ("2026-11-23 10:00:00", 1_795_428_000.0),
        ("2026-11-23", 1_795_392_000.0),
        ("1969-12-31T23:59:59Z", -1.0),
        ("2024-02-29T00:00:00Z", 1_709_164_800.0),
    ])
    func parsesCommonForms(text: String, epoch: Double) throws {
        let d = try #require(ISODate.parse(text))
        #expect(abs(d.timeIntervalSince1970 - epoch) < 0.0005)
    }

    /// The last two: an offset that moves the time out of the years 0000 to 9999, which
    /// `format` could not write back with four digits.
    @Test(arguments: ["", "2026-13-01", "2026-11-23T25:00:00Z", "yesterday", "2026-11-23T10:00:00Zjunk", "2026-11-23T10:00:00.",
                      "0000-01-01T00:00:00+01:00", "9999-12-31T23:30:00-01:00"])
    func rejectsNonsense(text: String) { #expect(ISODate.parse(text) == nil) }

    @Test(arguments: ["0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z"])
    func readsAndWritesBothEndsOfItsRange(text: String) throws {
        #expect(ISODate.format(try #require(ISODate.parse(text))) == text)
    }

    /// Found by fuzzing: a due date 2^63-1 days away trapped converting its seconds to Int.
    @Test(arguments: [
        (Double.greatestFiniteMagnitude, "9999-12-31T23:59:59.999Z"), (Double.infinity, "9999-12-31T23:59:59.999Z"),
        (1e15, "9999-12-31T23:59:59.999Z"), (-1e300, "0000-01-01T00:00:00Z"), (-Double.infinity, "0000-01-01T00:00:00Z"),
        (Double.nan, "0000-01-01T00:00:00Z"),
    ])
    func writesATimeOutsideItsRangeAsTheNearestEnd(epoch: Double, text: String) {
        #expect(ISODate.format(Date(timeIntervalSince1970: epoch)) == text)
    }

    @Test func formatAgreesWithFoundationAndRoundTrips() {
        let f = ISO8601DateFormatter()
        var rng = SeededGenerator(state: 7)
        for _ in 0..<2000 {
            let secs = Double(Int.random(in: -2_000_000_000...4_000_000_000, using: &rng))
            let d = Date(timeIntervalSince1970: secs)
            #expect(ISODate.format(d) == f.string(from: d))
            #expect(ISODate.parse(ISODate.format(d)) == d)
        }
        let withMillis = Date(timeIntervalSince1970: 1_795_428_000.123)
        #expect(ISODate.format(withMillis) == "2026-11-23T10:00:00.123Z")
    }
}
