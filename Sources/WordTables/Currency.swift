/// A currency as text names it: one table for the generator (money facts) and answer
/// checking ("$5" = "5 dollars"), so both know the same currencies.
public struct Currency: Sendable, Hashable {
    /// A lower-case code, ISO 4217 where one exists ("usd"): what two amounts are compared by.
    public let code: String
    /// The sign written before an amount ("$"), if the currency has one of its own.
    public let symbol: Character?
    /// Words after an amount that name it, the plural first ("dollars", "dollar").
    public let names: [String]

    /// The plural name: how an amount written with the symbol is spelled out ("5 dollars").
    public var plural: String { names[0] }

    public static let all: [Currency] = [
        Currency(code: "usd", symbol: "$", names: ["dollars", "dollar"]),
        Currency(code: "eur", symbol: "€", names: ["euros", "euro"]),
        Currency(code: "gbp", symbol: "£", names: ["pounds", "pound", "sterling"]),
        Currency(code: "jpy", symbol: "¥", names: ["yen"]),
        Currency(code: "cny", symbol: nil, names: ["yuan"]),
        Currency(code: "inr", symbol: nil, names: ["rupees", "rupee"]),
        Currency(code: "frf", symbol: nil, names: ["francs", "franc"]),
        // Only the plural: "passed the million mark" is no money.
        Currency(code: "dem", symbol: nil, names: ["marks"]),
    ]

    /// By sign: "$" -> US dollars.
    public static let bySymbol: [Character: Currency] = Dictionary(
        uniqueKeysWithValues: all.compactMap { c in c.symbol.map { ($0, c) } })

    /// The currency whose sign is `text` ("$"), for readers that hold tokens as strings.
    public static func withSymbol(_ text: String) -> Currency? {
        guard text.count == 1, let c = text.first else { return nil }
        return bySymbol[c]
    }

    /// Every name of every currency ("dollars", "dollar", "euros", ...).
    public static let allNames: Set<String> = Set(all.flatMap(\.names))

    /// By lower-case name or code: "dollars", "dollar", "usd" -> US dollars.
    public static let byWord: [String: Currency] = Dictionary(
        uniqueKeysWithValues: all.flatMap { c in (c.names + [c.code]).map { ($0, c) } })

    /// Letters before "$" that say which dollar ("US$5", "A$20", "HK$1"), to its code.
    public static let dollarPrefixes: [String: String] = [
        "us": "usd", "a": "aud", "au": "aud", "c": "cad", "ca": "cad", "hk": "hkd", "nz": "nzd", "s": "sgd",
    ]
}
