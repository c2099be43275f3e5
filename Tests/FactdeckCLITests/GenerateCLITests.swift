import DeckModel
import Foundation
import JSONKit
import Testing

/// `factdeck generate` as a user runs it: several files, some bad, one output folder.
@Suite struct GenerateCLITests {
    static let article = """
        The Solar System

        The Planets

        Jupiter is the largest planet in the solar system. In 1781, William Herschel discovered Uranus with a telescope in Bath. \
        Neptune was first observed in 1846 by Johann Galle at the Berlin Observatory.

        Space Agencies

        The National Aeronautics and Space Administration (NASA) was founded in 1958. \
        The European Space Agency was founded in 1975 and has 22 member states.
        """

    func workspace() throws -> (root: String, out: String) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("factdeck-gen-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        return (root, root + "/decks")
    }

    @Test func badFilesAreNamedGoodOnesStillWrittenExitCodeSaysSo() throws {
        let (root, out) = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Self.article.write(toFile: root + "/Solar System!.txt", atomically: true, encoding: .utf8)
        try "".write(toFile: root + "/empty.txt", atomically: true, encoding: .utf8)
        try Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D, 0, 1, 2, 3] + [UInt8](repeating: 0, count: 500)).write(to: URL(fileURLWithPath: root + "/image.txt"))
        let r = try CLI.run(["generate", root + "/Solar System!.txt", root + "/empty.txt", root + "/image.txt", root + "/missing.txt", "--output", out])
        #expect(r.status == 1)
        #expect(r.stderr.contains("empty.txt: is empty"))
        #expect(r.stderr.contains("image.txt: looks like binary data"))
        #expect(r.stderr.contains("missing.txt"))
        #expect(!r.stderr.contains("Fatal error"))
        let deck = try DeckCodec.decode([UInt8](Data(contentsOf: URL(fileURLWithPath: out + "/solar-system.json"))), path: "deck")
        #expect(deck.id == "solar-system" && deck.title == "The Solar System")
        #expect(deck.cards.count >= 3)
        #expect(deck.source.checksum?.hasPrefix("sha256:") == true)
        #expect(deck.cards.allSatisfy { $0.source.sentence.count > 10 })
        #expect(deck.cards.contains { $0.answer == "1781" || $0.answer.contains("Herschel") })
    }

    /// Articles are analysed side by side and each one's distractors come from all the
    /// others, so naming them in another order gives the same decks, byte for byte.
    /// Found by fuzzing: libxml2 printed "encoding error : input conversion failed" to the
    /// terminal for a page whose bytes do not fit the charset it declares.
    @Test func aPageInTheWrongCharsetPrintsNoLibraryMessages() throws {
        let (root, out) = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let page = Array("<html><head><meta charset=\"shift_jis\"><title>Canal</title></head><body><p>The Panama Canal opened in 1914 ".utf8)
            + [0x81, 0x39, 0xFF, 0xFE] + Array(" after ten years of work.</p></body></html>".utf8)
        try Data(page).write(to: URL(fileURLWithPath: root + "/canal.html"))
        let r = try CLI.run(["generate", root + "/canal.html", "--output", out])
        #expect(!r.stderr.contains("encoding error") && !r.stderr.contains("I/O error"), "\(r.stderr)")
        #expect(!r.stdout.contains("encoding error"))
    }

    @Test func theOrderArticlesAreNamedInChangesNoDeck() throws {
        let (root, out) = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let sources = CLI.repoRoot.appendingPathComponent("decks/sources").path
        let paths = try FileManager.default.contentsOfDirectory(atPath: sources).sorted().map { sources + "/" + $0 }
        #expect(paths.count >= 3)
        var outputs: [[String: Data]] = []
        for (k, order) in [paths, paths.reversed(), Array(paths.dropFirst()) + [paths[0]]].enumerated() {
            let dir = out + "-\(k)"
            let r = try CLI.run(["generate"] + order + ["--output", dir])
            #expect(r.status == 0, "\(r.stderr)")
            var files: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: dir) {
                files[name] = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name))
            }
            outputs.append(files)
        }
        #expect(outputs[0].count == paths.count)
        #expect(outputs[1] == outputs[0])
        #expect(outputs[2] == outputs[0])
    }

    @Test func aFileWithNoCardsNeverReplacesAnExistingDeck() throws {
        let (root, out) = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/notes.txt"
        try Self.article.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["generate", path, "--output", out]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: out + "/notes.json"))
        try "Notes\n\nMaybe later.\n".write(toFile: path, atomically: true, encoding: .utf8)
        let r = try CLI.run(["generate", path, "--output", out])
        #expect(r.status == 1)
        #expect(r.stderr.contains("notes.txt"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/notes.json")) == before)
    }

    @Test func regeneratingKeepsCardIdsAndProgress() throws {
        let (root, out) = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/space.txt"
        try Self.article.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["generate", path, "--output", out]).status == 0)
        let first = try DeckCodec.decode([UInt8](Data(contentsOf: URL(fileURLWithPath: out + "/space.json"))), path: "d")
        // Study one card, then change an unrelated sentence and regenerate.
        let env = ["FACTDECK_NOW": "2026-11-23T10:00:00Z"]
        let studied = try CLI.run(["study", "--decks", out, "--progress", root + "/progress", "--new", "1"], stdin: "\n3\n", env: env)
        #expect(studied.status == 0, "\(studied.stderr)")
        let log = try String(contentsOfFile: root + "/progress/reviews.jsonl", encoding: .utf8)
        let studiedCard = try #require(first.cards.first { log.contains("\"card\":\"\($0.id)\"") })
        // Edit a sentence the studied card does not come from.
        let marker = studiedCard.source.sentence.contains("member states") ? "Berlin Observatory" : "member states"
        let edited = Self.article.replacingOccurrences(of: marker, with: marker == "member states" ? "member countries" : "Berlin observatory")
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["generate", path, "--output", out]).status == 0)
        let second = try DeckCodec.decode([UInt8](Data(contentsOf: URL(fileURLWithPath: out + "/space.json"))), path: "d")
        #expect(second.cards.contains { $0.id == studiedCard.id })
        let unchanged = first.cards.filter { !$0.source.sentence.contains(marker) }
        #expect(!unchanged.isEmpty)
        #expect(Set(unchanged.map(\.id)).isSubset(of: Set(second.cards.map(\.id))))
        let decks = try CLI.run(["decks", "--decks", out, "--progress", root + "/progress"], env: env)
        let row = try #require(decks.stdout.split(separator: "\n").first { $0.hasPrefix("The Solar System") })
        let cols = row.split(separator: " ").suffix(6).map(String.init)
        #expect(Int(cols[1]) == second.cards.count - 1, "the studied card keeps its progress: \(row)")
    }

    @Test func escapeSequencesInArticlesNeverReachTheDeck() throws {
        let (root, out) = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let hostile = Self.article.replacingOccurrences(of: "Jupiter is", with: "\u{1B}[31mJupiter\u{1B}[0m\u{07} is")
            .replacingOccurrences(of: "Bath.", with: "Bath.\u{1B}]0;pwned\u{07}")
        try hostile.write(toFile: root + "/hostile.txt", atomically: true, encoding: .utf8)
        #expect(try CLI.run(["generate", root + "/hostile.txt", "--output", out]).status == 0)
        let text = try String(contentsOfFile: out + "/hostile.json", encoding: .utf8)
        #expect(!text.contains("\\u001b") && !text.contains("\u{1B}") && !text.contains("\\u0007") && !text.contains("pwned"))
    }
}
