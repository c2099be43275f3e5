import DeckModel
import Foundation
import Testing

/// The bundled decks are factdeck's own output: regenerating them from decks/sources must give
/// the same deck checksums (SHA-256 of the article) and the same card ids, which learners'
/// progress is keyed by. A change of hash library or of id rules shows here first.
@Suite struct BundledDecksTests {
    @Test func regeneratingTheBundledDecksKeepsTheirChecksumsAndCardIDs() throws {
        let root = CLI.repoRoot.path
        let decks = root + "/decks"
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("factdeck-bundled-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let sources = try FileManager.default.contentsOfDirectory(atPath: decks + "/sources").sorted().map { decks + "/sources/" + $0 }
        #expect(sources.count >= 3)
        let r = try CLI.run(["generate"] + sources + ["--output", out])
        #expect(r.status == 0, "\(r.stderr)")
        let bundled = try FileManager.default.contentsOfDirectory(atPath: decks).filter { $0.hasSuffix(".json") }.sorted()
        #expect(bundled.count == sources.count)
        for name in bundled {
            let committed = try DeckCodec.decode([UInt8](Data(contentsOf: URL(fileURLWithPath: decks + "/" + name))), path: name)
            let fresh = try DeckCodec.decode([UInt8](Data(contentsOf: URL(fileURLWithPath: out + "/" + name))), path: name)
            #expect(fresh.source.checksum == committed.source.checksum, "\(name)")
            #expect(fresh.source.checksum?.hasPrefix("sha256:") == true)
            #expect(fresh.cards.map(\.id) == committed.cards.map(\.id), "\(name)")
            #expect(!committed.cards.isEmpty)
        }
    }
}
