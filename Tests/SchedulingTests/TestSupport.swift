import Foundation
import ISOTime
import Testing

@testable import Scheduling

/// Where the shared FSRS reference material lives: ../shared/eval/fsrs beside the repository.
enum ReferenceFiles {
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // .../Tests/SchedulingTests
        .deletingLastPathComponent()  // .../Tests
        .deletingLastPathComponent()  // the repository root
        .deletingLastPathComponent()  // its parent, which holds shared/
        .appendingPathComponent("shared/eval/fsrs")

    static let pyVectors = directory.appendingPathComponent("vectors.json")
    static let rsVectors = directory.appendingPathComponent("vectors-rs.json")
    static let joshLog = directory.appendingPathComponent(
        "data/review_logs_josh_1711744352250_to_1728234780857.csv")

    static func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }

    static func decode<T: Decodable>(_ type: T.Type, from url: URL) throws -> T {
        try JSONDecoder().decode(type, from: Data(contentsOf: url))
    }
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

/// |a - b| within `tolerance` relative to |b| (absolute near zero).
func close(_ a: Double, _ b: Double, relative tolerance: Double) -> Bool {
    abs(a - b) <= tolerance * max(abs(b), 1e-12)
}

extension Rating {
    init(code: Int) {
        guard let rating = Rating(rawValue: code) else { fatalError("bad rating \(code)") }
        self = rating
    }
}
