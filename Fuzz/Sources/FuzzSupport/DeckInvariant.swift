import DeckModel
import FuzzInputs

extension Invariant {
    /// A deck a reader made (decoded, generated or imported) is one `DeckCodec` writes and
    /// reads back as it was: otherwise `factdeck study` would refuse or change the saved file.
    public static func requireReadable(_ deck: Deck, file: StaticString = #fileID, line: UInt = #line) {
        if let problem = DeckRoundTrip.problem(deck) { fail("deck \(deck.id): \(problem)", file: file, line: line) }
    }
}
