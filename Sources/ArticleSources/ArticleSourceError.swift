/// Why an article could not be fetched or its PDF text read. Messages are one line, for
/// the user, and do not name the file or address (the caller puts it in front).
public enum ArticleSourceError: Error, CustomStringConvertible, Sendable, Equatable {
    /// `pdftotext` (poppler-utils) is not installed.
    case pdfToolMissing
    /// pdftotext could not read the file (damaged, not a PDF, encrypted); its own message.
    case unreadablePDF(String)
    case notAWebAddress
    /// The server answered with an error status.
    case httpStatus(Int, String)
    /// The page is of a type factdeck does not read (an image, JSON, a zip ...).
    case unsupportedType(String)
    case tooLarge(limitBytes: Int)
    case tooManyRedirects(Int)
    case timedOut(seconds: Int)
    /// Anything else the network said (no such host, connection refused, TLS).
    case network(String)
    case unreadableFile(String)

    public var description: String {
        switch self {
        case .pdfToolMissing:
            return "reading PDFs needs pdftotext from poppler-utils; install it (Debian/Ubuntu: apt-get install poppler-utils, macOS: brew install poppler)"
        case .unreadablePDF(let why):
            return "is not a readable PDF (\(why))"
        case .notAWebAddress:
            return "is not an http:// or https:// address"
        case .httpStatus(let code, let reason):
            return "the server answered \(code) \(reason)"
        case .unsupportedType(let type):
            return "is \(type), not a web page (HTML), a PDF or plain text"
        case .tooLarge(let limit):
            return "is larger than \(limit / (1 << 20)) MB, too large for an article"
        case .tooManyRedirects(let n):
            return "redirects more than \(n) times (a redirect loop?)"
        case .timedOut(let seconds):
            return "did not answer within \(seconds) s"
        case .network(let why):
            return "could not be fetched: \(why)"
        case .unreadableFile(let why):
            return "cannot be read: \(why)"
        }
    }
}
