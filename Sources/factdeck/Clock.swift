import Foundation
import ISOTime

/// The one place that reads the clock; everything below is handed the instant it needs.
///
/// Dates come from the wall clock, or from FACTDECK_NOW (fixed, for tests and reproducible
/// runs). Durations (how long an answer took, a quiz's time limit) come from the monotonic
/// clock, which FACTDECK_NOW does not stop and which a clock change cannot run backwards.
struct Clock: Sendable {
    /// FACTDECK_NOW's instant, when it is set.
    let fixed: Date?

    /// The clock the environment asks for; a malformed FACTDECK_NOW is an error.
    init() throws {
        guard let raw = ProcessInfo.processInfo.environment["FACTDECK_NOW"], !raw.isEmpty else {
            fixed = nil
            return
        }
        guard let date = ISODate.parse(raw.trimmingCharacters(in: .whitespaces)) else {
            throw CLIError("FACTDECK_NOW=\(raw) is not an ISO 8601 time (e.g. 2026-11-23T09:30:00Z); unset it or fix it")
        }
        fixed = date
    }

    /// The current date, or FACTDECK_NOW's.
    func now() -> Date { fixed ?? Date() }

    /// A reading of the monotonic clock, to measure a duration from with `seconds(since:)`.
    func instant() -> ContinuousClock.Instant { ContinuousClock.now }

    /// Seconds on the monotonic clock since `start`.
    func seconds(since start: ContinuousClock.Instant) -> TimeInterval {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    /// The current date (or FACTDECK_NOW's), for commands that need it once.
    static func now() throws -> Date { try Clock().now() }
}
