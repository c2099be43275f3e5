/// Why an input could not be turned into an article.
/// Messages are one line, user-facing, and do not name the file (the caller prefixes it).
public enum ArticleError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The input has no bytes, or only whitespace and control characters.
    case empty
    /// The input looks like binary data (NUL bytes, many control bytes, a known binary signature).
    case binary
    /// The input was read but no sentence survived (only headings, boilerplate, markup).
    case noSentences
    /// The article is in another language (named); factdeck writes English cards only.
    case notEnglish(String)
    /// A PDF whose pages hold no text (a scan without OCR).
    case noTextLayer
    /// The file could not be read (convenience reader only).
    case unreadable(String)

    public var description: String {
        switch self {
        case .empty: return "is empty"
        case .binary: return "looks like binary data, not an article"
        case .noSentences: return "has no sentences"
        case .notEnglish(let language): return "is in \(language), not English: factdeck writes English cards only; nothing written"
        case .noTextLayer: return "has no text to read (a scanned PDF? run OCR on it first, e.g. ocrmypdf)"
        case .unreadable(let why): return "cannot be read: \(why)"
        }
    }
}
