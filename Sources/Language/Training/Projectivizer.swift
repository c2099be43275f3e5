/// Makes a gold tree projective by lifting each crossing arc to the head's head until
/// nothing crosses (the "lift" step of Nivre & Nilsson's pseudo-projective parsing, without
/// encoding the lift in the label). A transition parser of this kind can only build
/// projective trees; training on the lifted tree keeps the oracle exact. About 1% of EWT's
/// arcs cross.
enum Projectivizer {
    /// `heads[i]` for words 1...n (index 0 is the root, unused); returns the lifted heads.
    static func lift(_ heads: [Int32]) -> [Int32] {
        var heads = heads
        let n = heads.count - 1
        guard n > 1 else { return heads }
        while let d = shortestCrossingArc(heads, n) {
            let h = Int(heads[d])
            heads[d] = heads[h]
        }
        return heads
    }

    /// The dependent of the shortest non-projective arc, if any. An arc h -> d is
    /// projective when every word between them descends from h.
    private static func shortestCrossingArc(_ heads: [Int32], _ n: Int) -> Int? {
        var best: Int?
        var bestLength = Int.max
        for d in 1...n {
            let h = Int(heads[d])
            guard h > 0 else { continue }
            let lo = min(h, d), hi = max(h, d)
            if hi - lo >= bestLength { continue }
            for k in (lo + 1)..<hi where !descends(k, from: h, heads) {
                best = d
                bestLength = hi - lo
                break
            }
        }
        return best
    }

    private static func descends(_ word: Int, from ancestor: Int, _ heads: [Int32]) -> Bool {
        var k = word
        var steps = 0
        while k > 0 && steps < heads.count {
            if k == ancestor { return true }
            k = Int(heads[k])
            steps += 1
        }
        return ancestor == 0
    }
}
