import DeckModel
import Testing

/// When two stated figures disagree, and when the sentences explain the difference.
@Suite struct ClaimRelationTests {
    /// A percent of North Korea's trade, as two articles might state it.
    static func share(
        _ value: Double, about: Bool = false, subject: String = "china", quantity: String = "north korea|trade",
        time: String? = nil, trend: Bool = false, low: Double? = nil, high: Double? = nil
    ) -> Claim {
        Claim(subject: subject, quantity: quantity, value: value, unit: "percent", kind: "percent", low: low, high: high,
              approximate: about, time: time, trend: trend)
    }

    static func figure(_ value: Double, unit: String, kind: String = "number", about: Bool = false, low: Double? = nil) -> Claim {
        Claim(subject: "x", quantity: "y", value: value, unit: unit, kind: kind, low: low, approximate: about)
    }

    struct Pair: CustomTestStringConvertible, Sendable {
        var label: String
        var a: Claim
        var b: Claim
        var expected: ClaimRelation
        var testDescription: String { label }
    }

    static let pairs: [Pair] = [
        // The issue's own example: two hedged figures, 85 and 90, disagree.
        Pair(label: "around 85% / an estimated 90 percent", a: share(85, about: true), b: share(90, about: true), expected: .conflict),
        Pair(label: "85% / 90%", a: share(85), b: share(90), expected: .conflict),
        Pair(label: "85% / 86%", a: share(85), b: share(86), expected: .conflict),
        // Rounding.
        Pair(label: "about 85% / 84.6%", a: share(85, about: true), b: share(84.6), expected: .rounding),
        Pair(label: "85% / 84.6% (rounded silently)", a: share(85), b: share(84.6), expected: .rounding),
        Pair(label: "about 90% / 88%", a: share(90, about: true), b: share(88), expected: .rounding),
        Pair(label: "90% / 88% (90 stated flat is 90)", a: share(90), b: share(88), expected: .conflict),
        Pair(label: "about 90% / 85% (half way is not a rounding)", a: share(90, about: true), b: share(85), expected: .conflict),
        Pair(label: "84.6% / 84.7%", a: share(84.6), b: share(84.7), expected: .conflict),
        Pair(label: "about 1,300 km / 1,340 km", a: figure(1300, unit: "km", about: true), b: figure(1340, unit: "km"), expected: .rounding),
        Pair(label: "1,300 km / 1,340 km", a: figure(1300, unit: "km"), b: figure(1340, unit: "km"), expected: .conflict),
        Pair(label: "$5 billion / $5.3 billion", a: figure(5e9, unit: "usd", kind: "money"), b: figure(5.3e9, unit: "usd", kind: "money"), expected: .rounding),
        Pair(label: "$5 billion / $6 billion", a: figure(5e9, unit: "usd", kind: "money"), b: figure(6e9, unit: "usd", kind: "money"), expected: .conflict),
        Pair(label: "1.3 million / 1,340,000", a: figure(1.3e6, unit: "count:person"), b: figure(1_340_000, unit: "count:person"), expected: .rounding),
        Pair(label: "10 moons / 12 moons", a: figure(10, unit: "count:moon"), b: figure(12, unit: "count:moon"), expected: .conflict),
        Pair(label: "about 80 moons / 83 moons", a: figure(80, unit: "count:moon", about: true), b: figure(83, unit: "count:moon"), expected: .rounding),
        Pair(label: "founded 1088 / 1087", a: figure(1088, unit: "year", kind: "year"), b: figure(1087, unit: "year", kind: "year"), expected: .conflict),
        Pair(label: "1900 / 1903 (a year is exact)", a: figure(1900, unit: "year", kind: "year"), b: figure(1903, unit: "year", kind: "year"), expected: .conflict),
        Pair(label: "around 1900 / 1890", a: figure(1900, unit: "year", kind: "year", about: true), b: figure(1890, unit: "year", kind: "year"), expected: .rounding),
        Pair(label: "dates are never rounded", a: figure(19_690_720, unit: "date", kind: "date", about: true), b: figure(19_690_721, unit: "date", kind: "date"), expected: .conflict),
        // Different years or periods.
        Pair(label: "in 2019 / in 2020", a: share(85, time: "2019"), b: share(90, time: "2020"), expected: .differentTime),
        Pair(label: "in 2019 / no year (precision first)", a: share(85, time: "2019"), b: share(90), expected: .differentTime),
        Pair(label: "2010-2020 / 2010-2020", a: share(5.3, time: "2010-2020"), b: share(7, time: " 2010-2020"), expected: .conflict),
        // Different scopes: imports are not total trade.
        Pair(label: "imports / trade", a: share(91.6, quantity: "north korea|imports"), b: share(85, quantity: "north korea|trade"), expected: .unrelated),
        Pair(label: "China / Russia", a: share(85), b: share(10, subject: "russia"), expected: .unrelated),
        Pair(label: "percent / count", a: figure(85, unit: "percent"), b: figure(90, unit: "count:moon"), expected: .unrelated),
        // Ranges and bounds.
        Pair(label: "80-90% / 85%", a: share(80, low: 80, high: 90), b: share(85), expected: .overlappingRanges),
        Pair(label: "10-20% / 15-25%", a: share(10, low: 10, high: 20), b: share(15, low: 15, high: 25), expected: .overlappingRanges),
        Pair(label: "10-20% / 20-30% (they meet)", a: share(10, low: 10, high: 20), b: share(20, low: 20, high: 30), expected: .overlappingRanges),
        Pair(label: "10-20% / 25%", a: share(10, low: 10, high: 20), b: share(25), expected: .conflict),
        Pair(label: "10-20% / 21%", a: share(10, low: 10, high: 20), b: share(21), expected: .conflict),
        Pair(label: "more than $5 billion / $5.3 billion", a: figure(5e9, unit: "usd", kind: "money", low: 5e9), b: figure(5.3e9, unit: "usd", kind: "money"), expected: .overlappingRanges),
        Pair(label: "more than $5 billion / $4 billion", a: figure(5e9, unit: "usd", kind: "money", low: 5e9), b: figure(4e9, unit: "usd", kind: "money"), expected: .conflict),
        // A change over time stated as such.
        Pair(label: "rose from 89.1 to 91.6 percent / 85 percent", a: share(91.6, trend: true), b: share(85), expected: .changeOverTime),
        // The same fact twice.
        Pair(label: "85% twice", a: share(85), b: share(85), expected: .same),
        Pair(label: "about 85% / 85%", a: share(85, about: true), b: share(85), expected: .same),
        Pair(label: "text is normalised", a: share(85, subject: "  China "), b: share(90, subject: "china", quantity: "North Korea|Trade"), expected: .conflict),
    ]

    @Test(arguments: pairs)
    func pairsAreJudgedAsDocumented(pair: Pair) {
        #expect(pair.a.relation(to: pair.b) == pair.expected)
        #expect(pair.b.relation(to: pair.a) == pair.expected, "the relation is symmetric")
    }

    @Test(arguments: [
        (share(84.6), 84.6, 0.1),
        (share(85), 85, 1),
        (share(90, about: true), 90, 10),
        (share(90), 90, 1),
        (figure(1300, unit: "km", about: true), 1300, 100),
        (figure(5e9, unit: "usd", kind: "money"), 5e9, 1e9),
        (figure(1900, unit: "year", kind: "year"), 1900, 1),
        (figure(1900, unit: "year", kind: "year", about: true), 1900, 100),
        (share(0.05), 0.05, 0.01),
        (share(0), 0, 1),
    ] as [(Claim, Double, Double)])
    func resolutionIsTheLastSignificantDigit(claim: Claim, figure: Double, expected: Double) {
        #expect(abs(claim.resolution(of: figure) - expected) < expected * 1e-9)
    }

    /// Random claims over a few subjects, values, flags and periods: the relation is
    /// symmetric, a claim is the `same` as itself, and only claims about the same thing relate.
    @Test func relationIsSymmetricOnRandomClaims() {
        var seed: UInt64 = 0x5EED
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        let values: [Double] = [85, 84.6, 90, 88, 1300, 1340, 5e9, 5.3e9, 10, 12, 0.5]
        func random() -> Claim {
            let v = values[next(values.count)]
            let bounded = next(4) == 0
            return Claim(
                subject: ["a", "b"][next(2)], quantity: "q", value: v, unit: ["percent", "usd"][next(2)], kind: "number",
                low: bounded ? v : nil, high: bounded && next(2) == 0 ? v * 1.2 : nil, approximate: next(2) == 0,
                time: [nil, "2019"][next(2)], trend: next(6) == 0)
        }
        for _ in 0..<2000 {
            let a = random(), b = random()
            #expect(a.relation(to: b) == b.relation(to: a), "\(a) / \(b)")
            #expect(a.relation(to: a) == .same)
            #expect((a.relation(to: b) == .unrelated) == !a.isAbout(theSameAs: b))
        }
    }
}
