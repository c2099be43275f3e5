/// A block's text as the card generator reads it (`text`: reference marks, pronunciation
/// leftovers and the spacing they leave removed) and the block as the page has it (`raw`),
/// tied byte for byte: `origin[k]` is the index in `raw` that `text[k]` came from. With it a
/// sentence found in the clean text is cut from the page's own text too, so a card can quote
/// its sentence as the reader saw it while its id stays on the clean words.
struct CleanedText {
    /// What the generator reads: whitespace collapsed, marks removed.
    var text: [UInt8]
    /// The block's bytes as written (marks, pronunciation and all); empty when nothing was
    /// removed from the text but whitespace, since each sentence then reads the same in both.
    var raw: [UInt8]
    /// For each byte of `text`, where in `raw` it came from (non-decreasing); empty with `raw`.
    var origin: [Int32]

    /// The text with nothing but whitespace changed: the page's sentences are its own.
    init(text: [UInt8]) {
        self.text = text
        self.raw = []
        self.origin = []
    }

    init(text: [UInt8], raw: [UInt8], origin: [Int32]) {
        precondition(text.count == origin.count, "one origin per byte of text")
        self.text = text
        self.raw = raw
        self.origin = origin
    }

    /// Whether something besides whitespace was removed from the page's text.
    var hasRemovals: Bool { !raw.isEmpty }

    /// The page's own text of the sentence at `range` of `text`, whitespace collapsed.
    /// Reference marks between two sentences go with the one before them ("… in 1907.[12]"),
    /// as do marks at the end of the block; the first sentence of the block (`range` starting
    /// at 0) also takes whatever was removed before it.
    func original(of range: Range<Int>) -> [UInt8] {
        guard hasRemovals, !range.isEmpty else { return Array(text[range]) }
        let start = range.lowerBound == 0 ? 0 : Int(origin[range.lowerBound])
        // The last kept byte, then on over what the cleaner removed, up to the next kept
        // byte that is not a space: a mark after the full stop belongs to this sentence.
        var end = Int(origin[range.upperBound - 1]) + 1
        var k = range.upperBound
        var j = end
        while j < raw.count {
            if k < origin.count && Int(origin[k]) <= j {
                // A kept byte: a space may stand between this sentence and a mark still to
                // come (the space kept, the mark removed); anything else ends the search.
                guard text[k] == 0x20 else { break }
                k += 1
                continue
            }
            let spaces = ByteText.spaceLength(raw, j)
            if spaces > 0 { j += spaces; continue }
            if raw[j] >= 0x20 { end = j + 1 }
            j += 1
        }
        return ByteText.collapseSpaces(raw[start..<end])
    }
}
