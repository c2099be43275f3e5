import Foundation
import Testing

@testable import StudySession

/// An instant from an ISO 8601 UTC string.
func isoInstant(_ iso: String) -> Date {
    try! Date(iso, strategy: .iso8601)
}

@Suite("StudyDay: the 4 am rollover")
struct StudyDayTests {
    let newYork = StudyDay(rolloverHour: 4, timeZone: TimeZone(identifier: "America/New_York")!)
    let utc = StudyDay(rolloverHour: 4, timeZone: TimeZone(identifier: "UTC")!)

    @Test func beforeFourAmBelongsToThePreviousDay() {
        // 03:59 EDT on the 10th.
        let lateNight = isoInstant("2026-03-10T07:59:00Z")
        #expect(newYork.day(containing: lateNight) == StudyDate(year: 2026, month: 3, day: 9))
        #expect(newYork.startOfDay(containing: lateNight) == isoInstant("2026-03-09T08:00:00Z"))
        #expect(newYork.startOfNextDay(after: lateNight) == isoInstant("2026-03-10T08:00:00Z"))
    }

    @Test func fourAmStartsTheNextDay() {
        let fourAm = isoInstant("2026-03-10T08:00:00Z")  // 04:00 EDT
        #expect(newYork.day(containing: fourAm) == StudyDate(year: 2026, month: 3, day: 10))
        #expect(newYork.startOfDay(containing: fourAm) == fourAm)
        #expect(newYork.startOfNextDay(after: fourAm) == isoInstant("2026-03-11T08:00:00Z"))
    }

    @Test func theTimeZoneDecidesTheDay() {
        let instantValue = isoInstant("2026-03-10T05:00:00Z")  // 01:00 in New York, 05:00 in UTC
        #expect(newYork.day(containing: instantValue) == StudyDate(year: 2026, month: 3, day: 9))
        #expect(utc.day(containing: instantValue) == StudyDate(year: 2026, month: 3, day: 10))
        let kolkata = StudyDay(timeZone: TimeZone(identifier: "Asia/Kolkata")!)
        // 03:30 IST on the 16th is still the 15th's study day, which began at 04:00 IST (22:30Z).
        let night = isoInstant("2026-01-15T22:00:00Z")
        #expect(kolkata.day(containing: night) == StudyDate(year: 2026, month: 1, day: 15))
        #expect(kolkata.startOfDay(containing: night) == isoInstant("2026-01-14T22:30:00Z"))
    }

    @Test func daylightSavingDaysAre23And25HoursLong() {
        // Spring forward on 2026-03-08 (02:00 EST -> 03:00 EDT).
        let mar7 = newYork.start(of: StudyDate(year: 2026, month: 3, day: 7))
        let mar8 = newYork.start(of: StudyDate(year: 2026, month: 3, day: 8))
        #expect(mar7 == isoInstant("2026-03-07T09:00:00Z"))
        #expect(mar8 == isoInstant("2026-03-08T08:00:00Z"))
        #expect(mar8.timeIntervalSince(mar7) == 23 * 3600)
        #expect(newYork.startOfNextDay(after: isoInstant("2026-03-07T12:00:00Z")) == mar8)
        // Fall back on 2026-11-01 (02:00 EDT -> 01:00 EST).
        let oct31 = newYork.start(of: StudyDate(year: 2026, month: 10, day: 31))
        let nov1 = newYork.start(of: StudyDate(year: 2026, month: 11, day: 1))
        #expect(nov1.timeIntervalSince(oct31) == 25 * 3600)
    }

    @Test func aRolloverHourThatDoesNotExistMovesToTheNextHour() {
        let twoAm = StudyDay(rolloverHour: 2, timeZone: TimeZone(identifier: "America/New_York")!)
        // 02:00 does not exist on 2026-03-08 in New York; the day starts at 03:00 EDT.
        #expect(twoAm.start(of: StudyDate(year: 2026, month: 3, day: 8)) == isoInstant("2026-03-08T07:00:00Z"))
    }

    @Test func midnightRollover() {
        let midnight = StudyDay(rolloverHour: 0, timeZone: TimeZone(identifier: "Europe/Berlin")!)
        let early = isoInstant("2026-06-01T22:30:00Z")  // 00:30 CEST on the 2nd
        #expect(midnight.day(containing: early) == StudyDate(year: 2026, month: 6, day: 2))
        #expect(midnight.startOfDay(containing: early) == isoInstant("2026-06-01T22:00:00Z"))
    }

    @Test func countingDays() {
        #expect(newYork.daysBetween(isoInstant("2026-03-09T12:00:00Z"), isoInstant("2026-03-11T07:00:00Z")) == 1)
        #expect(newYork.daysBetween(isoInstant("2026-03-11T07:00:00Z"), isoInstant("2026-03-09T12:00:00Z")) == -1)
        #expect(newYork.daysBetween(isoInstant("2026-03-01T12:00:00Z"), isoInstant("2026-03-31T12:00:00Z")) == 30)
        #expect(newYork.next(StudyDate(year: 2026, month: 12, day: 31)) == StudyDate(year: 2027, month: 1, day: 1))
        #expect(newYork.next(StudyDate(year: 2028, month: 2, day: 28)) == StudyDate(year: 2028, month: 2, day: 29))
        #expect(newYork.next(StudyDate(year: 2026, month: 3, day: 9), by: -10) == StudyDate(year: 2026, month: 2, day: 27))
    }

    @Test func studyDatesPrintAndSort() {
        #expect(StudyDate(year: 2026, month: 3, day: 9).description == "2026-03-09")
        #expect(StudyDate(year: 2026, month: 3, day: 9) < StudyDate(year: 2026, month: 3, day: 10))
        #expect(StudyDate(year: 2025, month: 12, day: 31) < StudyDate(year: 2026, month: 1, day: 1))
    }
}
