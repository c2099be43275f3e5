/// Damerau-Levenshtein distance in its "optimal string alignment" form: insertions,
/// deletions, substitutions and transpositions of two adjacent characters each cost 1,
/// and no substring is edited twice.
///
/// The restricted form is what typing errors need ("teh" -> "the" is one slip, not two)
/// and is simpler and faster than the unrestricted distance; they differ only on
/// contrived inputs ("ca" -> "abc").
public enum EditDistance {
    /// The distance between `a` and `b`, or a value above `limit` as soon as the
    /// distance is known to exceed it (answers are short, but typed junk can be long).
    public static func damerauLevenshtein(_ a: String, _ b: String, limit: Int = .max) -> Int {
        damerauLevenshtein(Array(a), Array(b), limit: limit)
    }

    static func damerauLevenshtein<C: Equatable>(_ a: [C], _ b: [C], limit: Int = .max) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        if abs(a.count - b.count) > limit { return limit == .max ? abs(a.count - b.count) : limit + 1 }
        // Three rolling rows: two back (for transpositions), previous, current.
        var twoBack = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        var previousRowMinimum = 0
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, twoBack[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            // A transposition reaches back two rows, so stop only when two rows in a row
            // are over the limit: every later cell is built from one of them.
            if limit != .max, rowMinimum > limit, previousRowMinimum > limit { return limit + 1 }
            previousRowMinimum = rowMinimum
            (twoBack, previous, current) = (previous, current, twoBack)
        }
        return previous[b.count]
    }
}
