import DeckModel
import FuzzInputs
import FuzzSupport

@_cdecl("fuzz_deck_main")
public func fuzzDeckMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, check: DeckTarget.check)
}

/// A deck file's bytes through `DeckCodec.decode` (the fast decoder, then the generic one).
enum DeckTarget {
    static func check(_ bytes: [UInt8]) {
        let path = "decks/fuzz.json"
        let decoded: Result<Deck, DeckFileError> = Result { () throws(DeckFileError) in try DeckCodec.decode(bytes, path: path) }
        // The generic path alone, which the fast decoder must agree with whenever it answers.
        let generic: Result<Deck, DeckFileError> = Result { () throws(DeckFileError) in try DeckRoundTrip.decodeGeneric(bytes, path: path) }
        if let fast = DeckCodec.decodeFast(bytes) {
            Invariant.require(generic == .success(fast), "the fast decoder read \(fast), the generic one \(generic)")
        }
        Invariant.require(decoded == generic, "decode gave \(decoded), the generic path \(generic)")
        switch decoded {
        case .success(let deck):
            Invariant.requireReadable(deck)
        case .failure(let error):
            Invariant.require(error.description.hasPrefix(path), "the error does not name the file: \(error)")
            if case .syntax(_, let line, let column, _) = error {
                Invariant.require(line >= 1 && line <= Lines.count(bytes) && column >= 1,
                                  "line \(line), column \(column) is outside the input: \(error)")
            }
        }
    }
}
