/// Why an input could not be turned into an article.
/// Messages are one line, user-facing, and do not name the file (the caller prefixes it).
public enum ArticleError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The input has no bytes, or only whitespace and control characters.
    case empty
    /// The input looks like binary data (NUL bytes, many control bytes, a known binary signature).
    case binary
    /// The input was read but no sentence survived (only headings, boilerplate, markup).
    case noSentences
    /// The file could not be read (convenience reader only).
    case unreadable(String)

    public var description: String {
        switch self {
        case .empty: return "is empty"
        case .binary: return "looks like binary data, not an article"
        case .noSentences: return "has no sentences"
        case .unreadable(let why): return "cannot be read: \(why)"
        }
    }
}
