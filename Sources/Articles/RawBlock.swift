/// A block of text found by a format parser, before cleaning and boilerplate checks.
struct RawBlock {
    enum Kind: Equatable {
        case heading(Int)  // level 1-6
        case paragraph
        case listItem
    }
    var kind: Kind
    var bytes: [UInt8]
    /// Set when the parser already knows the block is not article text (code, table, nav, ...).
    var dropReason: String? = nil
    /// Sorted ranges of `bytes` the page marks as reference marks (`<sup class="reference">`):
    /// part of the page's sentence, never of the clean text.
    var marks: [Range<Int>] = []

    /// The bytes with the reference marks left out.
    var unmarkedBytes: [UInt8] {
        guard !marks.isEmpty else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var from = 0
        for m in marks {
            out.append(contentsOf: bytes[from..<m.lowerBound])
            from = m.upperBound
        }
        out.append(contentsOf: bytes[from...])
        return out
    }
}
