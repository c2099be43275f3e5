/// What kind of fact an answer is.
public enum FactType: String, Sendable, Hashable, CaseIterable {
    case year, date, number, percent, money, person, place, organisation, term

    var isNumeric: Bool { [.year, .date, .number, .percent, .money].contains(self) }
}

enum Geography {
    static func isRegion(_ name: String) -> Bool {
        Lexicon.regions.contains(String(CardID.normalize(name).map { $0 == " " ? "_" : $0 }))
    }

    static func isCountry(_ name: String) -> Bool {
        let n = CardID.normalize(name)
        if Lexicon.countries.contains(n) { return true }
        return Lexicon.countryPhrases.contains(String(n.map { $0 == " " ? "_" : $0 }))
    }
}
