/// A broken promise of a reader: the fuzzer keeps the input as a crash (libFuzzer catches
/// the trap and writes `crash-<sha1>`), and the message says which promise broke.
public enum Invariant {
    public static func fail(_ message: String, file: StaticString = #fileID, line: UInt = #line) -> Never {
        fatalError("invariant broken: \(message)", file: file, line: line)
    }

    public static func require(
        _ condition: Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line
    ) {
        if !condition { fail(message(), file: file, line: line) }
    }
}
