import Foundation

/// Number and time formats for the stats page.
enum StatsText {
    /// 12345 -> "12,345".
    static func count(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }

    /// A count in at most 4 columns: 9,999 stays, 12,345 -> "12k", 1,234,567 -> "1.2M".
    static func compact(_ n: Int) -> String {
        if n < 10_000 { return count(n) }
        if n < 1_000_000 { return "\((n + 500) / 1000)k" }
        if n < 10_000_000 { return String(format: "%.1fM", Double(n) / 1_000_000) }
        return "\((n + 500_000) / 1_000_000)M"
    }

    /// 0.923 -> "92%" (or "92.3%" with `decimals: 1`).
    static func percent(_ rate: Double, decimals: Int = 0) -> String {
        if decimals == 0 { return "\(Int((rate * 100).rounded()))%" }
        return String(format: "%.\(decimals)f%%", rate * 100)
    }

    /// Milliseconds as "45 s", "12 min", "3 h 05 min".
    static func duration(millis: Int) -> String {
        let s = (millis + 500) / 1000
        if s < 60 { return "\(s) s" }
        let m = (s + 30) / 60
        if m < 60 { return "\(m) min" }
        return "\(count(m / 60)) h \(m % 60 < 10 ? "0" : "")\(m % 60) min"
    }

    /// "1 day", "12 days".
    static func plural(_ n: Int, _ one: String, _ many: String? = nil) -> String {
        "\(count(n)) \(n == 1 ? one : (many ?? one + "s"))"
    }
}
