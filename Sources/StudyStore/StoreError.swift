/// Why the progress store could not do what was asked, in words a user can act on.
public enum StoreError: Error, CustomStringConvertible, Sendable, Equatable {
    case io(path: String, operation: String, reason: String)
    case locked(path: String, holder: String?)
    case corruptSnapshot(path: String, line: Int, problem: String)
    case newerVersion(path: String, version: Int)
    case corruptLogLine(path: String, line: Int, problem: String)
    case corruptSettings(path: String, problem: String)
    case corruptEdits(path: String, problem: String)

    public var description: String {
        switch self {
        case .io(let path, let operation, let reason):
            return "\(path): cannot \(operation): \(reason)"
        case .locked(let path, let holder):
            let who = holder.map { " by \($0)" } ?? " by another factdeck process"
            return "\(path) is in use\(who). Finish or quit that session first; 'factdeck stats' and 'factdeck decks' still work meanwhile."
        case .corruptSnapshot(let path, let line, let problem):
            return "\(path):\(line): the saved card states are damaged (\(problem)). factdeck leaves the file as it is: fix it by hand, or move it away and factdeck will rebuild it from the review log."
        case .newerVersion(let path, let version):
            return "\(path): written by a newer factdeck (format version \(version)). Update factdeck to use this progress folder."
        case .corruptSettings(let path, let problem):
            return "\(path): \(problem). Fix the file or delete it to use the defaults."
        case .corruptEdits(let path, let problem):
            return "\(path): your card edits cannot be read (\(problem)). factdeck leaves the file as it is: fix it by hand, or move it away to drop the edits."
        case .corruptLogLine(let path, let line, let problem):
            return "\(path):\(line): skipped a damaged review log line (\(problem))"
        }
    }
}
