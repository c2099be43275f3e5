/// Why a deck file could not be read, in words a user can act on. Always names the file.
public enum DeckFileError: Error, CustomStringConvertible, Sendable, Equatable {
    case unreadable(path: String, reason: String)
    case syntax(path: String, line: Int, column: Int, problem: String)
    case invalid(path: String, problem: String)
    case newerVersion(path: String, version: Int)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "\(path): cannot read the deck (\(reason))"
        case .syntax(let path, let line, let column, let problem):
            return "\(path):\(line):\(column): not valid JSON: \(problem). Fix the file by hand or regenerate it with 'factdeck generate'."
        case .invalid(let path, let problem):
            return "\(path): \(problem). Fix the file by hand or regenerate it with 'factdeck generate'."
        case .newerVersion(let path, let version):
            return "\(path): written in deck format version \(version), but this factdeck reads up to version \(Deck.currentVersion). Update factdeck to study this deck."
        }
    }
}
