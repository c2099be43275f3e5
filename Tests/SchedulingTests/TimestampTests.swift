import Foundation
import ISOTime
import Testing

@testable import Scheduling

struct TimestampTests {
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
