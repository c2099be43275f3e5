#if canImport(Glibc)
import Glibc
#endif

// libFuzzer's entry for programs that keep their own `main` (TOOLCHAIN.md §6): SwiftPM
// links an executable with `--defsym main=<module>_main`, so each target defines that
// symbol and hands its check to the driver from there.
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The running target's check: set once, before libFuzzer starts calling back (one thread).
nonisolated(unsafe) private var currentCheck: (([UInt8]) -> Void)?

/// What libFuzzer calls with every input it makes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    currentCheck?(bytes)
    return 0
}

/// Starts libFuzzer on a target's check.
public enum FuzzDriver {
    /// Runs libFuzzer with the command line `argc`/`argv` (its own flags and corpus folders),
    /// calling `check` with every input. A check reports a broken invariant with `Invariant.fail`.
    public static func run(
        _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, check: @escaping ([UInt8]) -> Void
    ) -> CInt {
        currentCheck = check
        var argc = argc
        var argv = argv
        return LLVMFuzzerRunDriver(&argc, &argv, fuzzTestOneInput)
    }
}
