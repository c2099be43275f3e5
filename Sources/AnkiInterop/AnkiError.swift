/// Why an Anki export or import failed; one line for the user.
public enum AnkiError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The input is not an Anki package (not a zip, no collection inside, ...).
    case notAnkiPackage(String)
    /// A zip entry whose name would leave the package (`../x`, `/etc/x`, `a\b`).
    case unsafeEntry(String)
    /// The package holds more than the importer is willing to unpack (a zip bomb).
    case tooLarge(String)
    /// A collection whose schema version this build does not read.
    case unsupportedSchema(String)
    /// The collection's contents do not make sense (unknown note type, bad JSON).
    case damaged(String)
    /// SQLite reported an error.
    case sqlite(String)
    /// Reading or writing a file failed.
    case io(path: String, reason: String)
    /// Nothing to export or import.
    case empty(String)
    /// A system library loaded at run time (SQLite, zstd) is not installed.
    case missingLibrary(name: String, package: String)
    /// A system library is installed but lacks what factdeck calls.
    case libraryTooOld(name: String, package: String, detail: String)

    public var description: String {
        switch self {
        case .notAnkiPackage(let s): "not an Anki package: \(s)"
        case .unsafeEntry(let s): "refusing the package: entry \"\(s)\" points outside the package"
        case .tooLarge(let s): "refusing the package: \(s)"
        case .unsupportedSchema(let s): "unsupported Anki collection: \(s)"
        case .damaged(let s): "damaged Anki collection: \(s)"
        case .sqlite(let s): "SQLite: \(s)"
        case .io(let path, let reason): "\(path): \(reason)"
        case .empty(let s): s
        case .missingLibrary(let name, let package):
            "\(name) is not installed; install the \(package) package (Debian/Ubuntu: sudo apt-get install \(package))"
        case .libraryTooOld(let name, let package, let detail):
            "\(name) is too old (\(detail)); upgrade the \(package) package"
        }
    }
}
