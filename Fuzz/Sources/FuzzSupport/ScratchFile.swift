import Foundation

/// Files for readers that only take a path: one folder per process under $TMPDIR (run.sh
/// points it into Fuzz/.work), each name overwritten by the next input.
public enum ScratchFile {
    private static let folder: String = {
        let base = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
        let dir = "\(base)/factdeck-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }()

    /// Writes `bytes` to `name` in this process's folder and returns the file's path.
    public static func write(_ bytes: [UInt8], named name: String) -> String {
        let path = "\(folder)/\(name)"
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            fatalError("cannot write the scratch file \(path)")
        }
        return path
    }
}
