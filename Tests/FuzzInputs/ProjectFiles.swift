import Foundation

/// The project's own files (bundled decks, sample articles), as seeds for mutation.
public enum ProjectFiles {
    /// The package root, from this file's place in it (Tests/FuzzInputs/).
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The bytes of the file at `path` under the package root.
    public static func bytes(_ path: String) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else {
            preconditionFailure("the project file \(path) is missing")
        }
        return Array(data)
    }

    /// The paths, under the package root, of the files in folder `path` whose names end in `suffix`, sorted.
    public static func files(in path: String, endingIn suffix: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(path).path)) ?? []
        return names.filter { $0.hasSuffix(suffix) }.sorted().map { "\(path)/\($0)" }
    }
}
