import DeckModel
import Foundation

/// Which cards `factdeck cards` lists: a text search and filters on kind and marks.
public struct CardQuery: Sendable, Hashable {
    /// Words to find in the question, answer or source sentence, ignoring case and accents.
    public var search: String?
    public var type: CardType?
    public var onlyFlagged = false
    public var onlySuspended = false

    public init(search: String? = nil, type: CardType? = nil, onlyFlagged: Bool = false, onlySuspended: Bool = false) {
        self.search = search
        self.type = type
        self.onlyFlagged = onlyFlagged
        self.onlySuspended = onlySuspended
    }

    /// Whether `card`, with `progress`, is one the query asks for. A search matches when the
    /// folded text holds the folded search as typed (words in that order): "sao paulo"
    /// finds "São Paulo", "godel" finds "Gödel", "lodz" finds "Łódź".
    public func matches(_ card: Card, progress: CardProgress) -> Bool {
        if let type, card.type != type { return false }
        if onlyFlagged && !progress.isFlagged { return false }
        if onlySuspended && !progress.suspended { return false }
        guard let search else { return true }
        let needle = Self.fold(search)
        if needle.isEmpty { return true }
        return [card.question, card.answer, card.source.sentence].contains { Self.fold($0).contains(needle) }
    }

    /// Lower case, no accents, one space between words, typographic quotes and dashes made
    /// plain, and the letters that do not decompose into a base and an accent (ø, ł, ß, æ ...)
    /// spelt as an English keyboard types them.
    public static func fold(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var out = ""
        out.reserveCapacity(folded.count)
        var space = false
        for ch in folded {
            if ch.isWhitespace {
                space = !out.isEmpty
                continue
            }
            if space {
                out.append(" ")
                space = false
            }
            out += spelt[ch] ?? String(ch)
        }
        return out
    }

    private static let spelt: [Character: String] = [
        "ø": "o", "ł": "l", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "ŧ": "t",
        "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th",
        "\u{2018}": "'", "\u{2019}": "'", "\u{201C}": "\"", "\u{201D}": "\"", "\u{2013}": "-", "\u{2014}": "-",
    ]
}
