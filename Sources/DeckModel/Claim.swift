/// What a card's fact states, normalised so that cards from different articles can be
/// compared: who or what it is about, what is measured, and the value with its unit.
///
/// "Brazil grows around 35% of the world's coffee" states `subject` "brazil",
/// `quantity` "world|coffee production", `value` 35, `unit` "percent", `kind` "percent",
/// `approximate` true. The generator writes it; cards of older decks,
/// and cards whose answer the learner changed, have none and never conflict.
///
/// Text fields are kept lower-case with single spaces (the initialiser makes them so):
/// two claims are about the same thing exactly when `subject`, `quantity`, `unit` and
/// `kind` are equal (see `relation(to:)`).
public struct Claim: Sendable, Hashable {
    /// Who or what the fact is about ("china", "university of bologna").
    public var subject: String
    /// What is measured, or the relation ("north korea|trade", "found", "count:moon"):
    /// the generator's normalised scope, so that "imports" and "trade" stay different.
    public var quantity: String
    /// The figure the card's answer states (for a range, the figure the answer gives
    /// first; the bounds are `low` and `high`).
    public var value: Double
    /// "percent", "year", "usd", "km", "count:moon" ...
    public var unit: String
    /// The fact type (`Card.factType`): "year", "date", "number", "percent", "money".
    public var kind: String
    /// Lower bound of a range ("between 80 and 90 percent"), or alone: at least ("more than 80").
    public var low: Double?
    /// Upper bound of a range, or alone: at most ("up to 90", "less than 90").
    public var high: Double?
    /// Hedged in the sentence ("about", "around", "an estimated", "some"): the value is
    /// rounded, so its trailing zeros are not significant.
    public var approximate: Bool
    /// The period the sentence states the value for ("2019", "2019-2020"), if any.
    public var time: String?
    /// The sentence states a change over time ("rose from", "fell to", "increased").
    public var trend: Bool

    public init(
        subject: String, quantity: String, value: Double, unit: String, kind: String, low: Double? = nil, high: Double? = nil,
        approximate: Bool = false, time: String? = nil, trend: Bool = false
    ) {
        self.subject = Self.normalised(subject)
        self.quantity = Self.normalised(quantity)
        self.value = value
        self.unit = Self.normalised(unit)
        self.kind = Self.normalised(kind)
        self.low = low
        self.high = high
        self.approximate = approximate
        self.time = time.map(Self.normalised).flatMap { $0.isEmpty ? nil : $0 }
        self.trend = trend
    }

    /// Lower-case, runs of white space as one space, none at the ends.
    public static func normalised(_ text: String) -> String {
        // Deck files hold normalised text already: checking costs a scan, rebuilding
        // allocates (a deck of 30,000 claims is read at every study start).
        var previousSpace = true
        var clean = true
        for b in text.utf8 {
            let upper = b >= 0x41 && b <= 0x5A
            let space = b == 0x20
            if upper || b >= 0x80 || (b < 0x20) || (space && previousSpace) { clean = false; break }
            previousSpace = space
        }
        if clean && !previousSpace { return text }
        return text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Whether the value is a range or a bound rather than a single figure.
    public var isBounded: Bool { low != nil || high != nil }
}
