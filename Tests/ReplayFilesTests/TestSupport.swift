import Foundation
import ISOTime
import Testing

/// py-fsrs' real review log, in ../shared/eval/fsrs/data beside the repository.
enum ReferenceFiles {
    static let joshLog: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // .../Tests/ReplayFilesTests
        .deletingLastPathComponent()  // .../Tests
        .deletingLastPathComponent()  // the repository root
        .deletingLastPathComponent()  // its parent, which holds shared/
        .appendingPathComponent("shared/eval/fsrs/data/review_logs_josh_1711744352250_to_1728234780857.csv")

    static func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }
}

/// The files bundled with this test target.
enum Fixtures {
    static func bytes(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
        return [UInt8](try Data(contentsOf: url))
    }
}

/// A fixed UTC instant from ISO text, for readable tests.
func utc(_ text: String) -> Date {
    guard let date = ISODate.parse(text) else { fatalError("bad test date \(text)") }
    return date
}
