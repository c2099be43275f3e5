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
}
