/// How two claims relate: about different things, in agreement, different in a way the
/// sentences explain, or in conflict.
public enum ClaimRelation: String, Sendable, Hashable, CaseIterable {
    /// Different subject, quantity, unit or kind: nothing to compare.
    case unrelated
    /// The same figure (or the same range).
    case same
    /// Stated for different periods ("in 2019" / "in 2020"), or one for a period and the
    /// other not: a figure for one year says nothing against a figure without one.
    case differentTime
    /// Either sentence states a change over time ("rose from 80 to 90 percent"): its
    /// figures are points on a path, not the state of things.
    case changeOverTime
    /// At least one is a range or a bound, and the two overlap.
    case overlappingRanges
    /// One figure is the other rounded (`Claim.resolution`).
    case rounding
    /// The same thing, different values, nothing in the sentences explains it.
    case conflict
}

extension Claim {
    /// Whether `self` and `other` are about the same thing: equal subject, quantity, unit
    /// and kind (the generator normalises them; no fuzzy matching here, because a false
    /// alarm teaches a student to distrust a card that is right).
    public func isAbout(theSameAs other: Claim) -> Bool {
        subject == other.subject && quantity == other.quantity && unit == other.unit && kind == other.kind
    }

    /// How `self` relates to `other`; symmetric.
    ///
    /// The rules, in order: about different things -> `unrelated`; a different `time`
    /// (one stated and one not counts as different) -> `differentTime`; equal values and
    /// bounds -> `same`; either states a `trend` -> `changeOverTime`; either is a range
    /// or bound -> `overlappingRanges` when the two overlap once each bound is widened by
    /// half its resolution, else `conflict`; two single figures -> `rounding` when the
    /// finer one lies strictly within half a resolution step of the coarser one, else
    /// `conflict`.
    public func relation(to other: Claim) -> ClaimRelation {
        guard isAbout(theSameAs: other) else { return .unrelated }
        if time != other.time { return .differentTime }
        if Self.equal(value, other.value) && low == other.low && high == other.high { return .same }
        if trend || other.trend { return .changeOverTime }
        if isBounded || other.isBounded {
            let a = interval, b = other.interval
            return Self.less(max(a.lower, b.lower), min(a.upper, b.upper)) ? .overlappingRanges : .conflict
        }
        let ra = resolution(of: value), rb = other.resolution(of: other.value)
        guard ra != rb else { return .conflict }
        let coarse = ra > rb ? ra : rb
        return Self.less(abs(value - other.value), coarse / 2) ? .rounding : .conflict
    }

    /// The place value of the last significant digit of `figure` as this claim states it:
    /// 0.1 for 84.6, 1 for 85. Trailing zeros of a whole number are significant (90 is
    /// 90, not "80 to 100") unless they are placeholders: when the claim is hedged
    /// ("about 1,300": 100; "an estimated 90": 10), or when a figure of a million or more
    /// other than a year or date is stated ("5 billion": 1 billion), since such figures
    /// are written in words and rounded by nature. Years and dates are exact unless
    /// hedged ("around 1900"); a date is never rounded.
    ///
    /// So "around 85%" and "84.6%" agree (84.6 is within 0.5 of 85), "around 85%" and
    /// "an estimated 90 percent" do not (85 is not strictly within 5 of 90: a writer
    /// who had 85 in mind and rounded to tens could as well have written 80), and
    /// "10 moons" and "12 moons" do not (an exact count).
    public func resolution(of figure: Double) -> Double {
        let m = abs(figure)
        guard m.isFinite, m > 0 else { return 1 }
        if m == m.rounded() {
            let placeholders = kind != "date" && (approximate || (m >= 1e6 && kind != "year"))
            guard placeholders, m < 9e15 else { return 1 }
            var n = Int(m)
            var r = 1.0
            while n % 10 == 0 {
                n /= 10
                r *= 10
            }
            return r
        }
        // The fewest decimals that write it (84.6 -> 0.1), as a Double prints it.
        var scale = 1.0
        for _ in 0..<12 {
            scale *= 10
            let x = m * scale
            if abs(x - x.rounded()) <= 1e-9 * x { break }
        }
        return 1 / scale
    }

    /// The values the claim allows: its bounds (open sides unbounded) or its figure, each
    /// end widened by half its resolution.
    var interval: (lower: Double, upper: Double) {
        if isBounded {
            let lower = low.map { $0 - resolution(of: $0) / 2 } ?? -.infinity
            let upper = high.map { $0 + resolution(of: $0) / 2 } ?? .infinity
            return (lower, upper)
        }
        let half = resolution(of: value) / 2
        return (value - half, value + half)
    }

    /// `a < b` by more than floating-point noise.
    static func less(_ a: Double, _ b: Double) -> Bool {
        guard a.isFinite, b.isFinite else { return a < b }
        return a < b - 1e-9 * Swift.max(1, abs(a), abs(b))
    }

    static func equal(_ a: Double, _ b: Double) -> Bool { !less(a, b) && !less(b, a) }
}
