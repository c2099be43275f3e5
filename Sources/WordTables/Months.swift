/// English month names and their abbreviations: one table for the reader (date lines), the
/// generator (dates in sentences) and answer checking (dates as typed).
public enum Months {
    /// "january" ... "december", in order.
    public static let names = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december",
    ]

    /// The usual abbreviations, lower case and without their dot ("sept" too; May has none).
    public static let abbreviations: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
        "oct": 10, "nov": 11, "dec": 12,
    ]

    /// Month numbers (1-12) by lower-case name and abbreviation, each abbreviation followed by
    /// `suffix`: "." where text is read as written ("Jan." is a month, "Jan" may be a name),
    /// "" where punctuation is gone already (typed answers).
    public static func numbers(abbreviationSuffix suffix: String) -> [String: Int] {
        var table: [String: Int] = [:]
        for (i, name) in names.enumerated() { table[name] = i + 1 }
        for (abbreviation, n) in abbreviations { table[abbreviation + suffix] = n }
        return table
    }
}
