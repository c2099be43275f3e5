import Foundation

/// Instants as whole microseconds since 1970 (UTC): exact in Int64, where `Date` (a Double)
/// can land a hair off (24 h between two Dates may come out a fraction short of 86,400 s).
public enum Timestamp {
    public static let microsPerSecond: Int64 = 1_000_000
    public static let microsPerDay: Int64 = 86_400_000_000

    /// The microsecond nearest to `date`.
    @inlinable public static func micros(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1e6).rounded())
    }

    @inlinable public static func date(micros: Int64) -> Date {
        Date(timeIntervalSince1970: Double(micros) / 1e6)
    }

    /// `a / b` rounded towards minus infinity (b > 0).
    @inlinable public static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
