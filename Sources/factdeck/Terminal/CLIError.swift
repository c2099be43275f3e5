import ArgumentParser
import Foundation

/// A user-facing failure: printed as one line on stderr, exit code 1, no stack.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
}

/// Writes to stderr (data goes to stdout, everything else here).
enum Stderr {
    static func print(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func warn(_ text: String) { print("factdeck: warning: \(text)") }
}

/// Runs a command body, turning library errors into one clear line and a failure exit code.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let e as ExitCode {
        throw e
    } catch let e as CleanExit {
        throw e
    } catch let e as ValidationError {
        throw e
    } catch {
        Stderr.print("factdeck: \(error)")
        throw ExitCode.failure
    }
}
