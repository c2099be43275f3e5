import Foundation
import Testing

/// `factdeck import` as a user runs it: files in, decks and progress out, nothing written on failure.
@Suite struct ImportCLITests {
    static let fixtures = CLI.sharedRoot.appendingPathComponent("tools/anki/fixtures").path
    static var hasFixtures: Bool { FileManager.default.fileExists(atPath: fixtures + "/with-history.apkg") }
    let env = ["FACTDECK_NOW": "2026-11-23T10:00:00Z"]

    @Test(.enabled(if: hasFixtures)) func modernPackageImportsOnceWithItsHistory() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let args = ["import", Self.fixtures + "/with-history.apkg", "--decks", ws.decks, "--progress", ws.progress]
        let first = try CLI.run(args, env: env)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("14 cards") && first.stdout.contains("91 reviews"))
        let again = try CLI.run(args, env: env)
        #expect(again.status == 0 && again.stdout.contains("0 reviews"))
        #expect(ws.logLines.count == 91 + 2)  // + a suspension and a flag
        let decks = try CLI.run(["decks", "--decks", ws.decks, "--progress", ws.progress], env: env)
        let row = try #require(decks.stdout.split(separator: "\n").first { $0.hasPrefix("Swift Fixtures::With History") })
        #expect(row.split(separator: " ").suffix(6).map(String.init) == ["14", "2", "10", "1", "1", "0"])
    }

    @Test func csvBecomesADeckYouCanStudy() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let csv = ws.root + "/capitals.csv"
        try "Capital of France?,Paris\n\"Capital of Peru, in South America?\",Lima\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let r = try CLI.run(["import", csv, "--decks", ws.decks, "--progress", ws.progress], env: env)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("2 cards") && r.stdout.contains("capitals.json"))
        let study = try CLI.run(["study", "capitals", "--decks", ws.decks, "--progress", ws.progress, "--no-fuzz"],
                                stdin: "paris\nlima\n:quit\n", env: env)
        #expect(study.status == 0, "\(study.stderr)")
        #expect(study.stdout.contains("Capital of France?") && study.stdout.contains("Studied 2 cards, 100% correct"))
    }

    @Test func unreadableFilesFailClearlyAndWriteNothing() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let before = try FileManager.default.contentsOfDirectory(atPath: ws.decks)
        let binary = ws.root + "/photo.jpg"
        try Data([0xFF, 0xD8, 0xFF, 0x00, 0x10, 0x4A, 0x46]).write(to: URL(fileURLWithPath: binary))
        let notZip = ws.root + "/broken.apkg"
        try Data("PK\u{3}\u{4}garbage".utf8).write(to: URL(fileURLWithPath: notZip))
        for (file, words) in [(binary, "binary"), (notZip, "zip"), (ws.root + "/missing.csv", "no such file")] {
            let r = try CLI.run(["import", file, "--decks", ws.decks, "--progress", ws.progress], env: env)
            #expect(r.status != 0)
            #expect(r.stderr.contains(URL(fileURLWithPath: file).lastPathComponent) && r.stderr.contains(words), "\(r.stderr)")
            #expect(!r.stderr.contains("Fatal") && !r.stderr.contains("Stack"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: ws.decks) == before)
        #expect(ws.logLines.isEmpty)
    }

    /// SQLite and zstd are loaded at run time: where one is missing, `import` and `export`
    /// say which library and package in one line and write nothing; other commands never
    /// load them.
    @Test(.enabled(if: hasFixtures)) func aMissingSystemLibraryIsOneLineAndWritesNothing() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let before = try FileManager.default.contentsOfDirectory(atPath: ws.decks)
        let cases: [(variable: String, package: String, args: [String])] = [
            ("FACTDECK_LIBZSTD", "libzstd1", ["import", Self.fixtures + "/with-history.apkg"]),
            ("FACTDECK_LIBSQLITE3", "libsqlite3-0", ["import", Self.fixtures + "/with-history.apkg"]),
            ("FACTDECK_LIBSQLITE3", "libsqlite3-0", ["export", "--anki", ws.root + "/out.apkg"]),
        ]
        for c in cases {
            var missing = env
            missing[c.variable] = "libfactdeck-absent.so.7"
            let r = try CLI.run(c.args + ["--decks", ws.decks, "--progress", ws.progress], env: missing)
            #expect(r.status == 1)
            let lines = r.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(r.stderr)")
            #expect(r.stderr.contains("libfactdeck-absent.so.7 is not installed") && r.stderr.contains("apt-get install \(c.package)"), "\(r.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: ws.decks) == before)
        #expect(ws.logLines.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: ws.root + "/out.apkg"))
        var neither = env
        neither["FACTDECK_LIBZSTD"] = "libfactdeck-absent.so.7"
        neither["FACTDECK_LIBSQLITE3"] = "libfactdeck-absent.so.7"
        for args in [["decks"], ["stats"], ["study"]] {
            let r = try CLI.run(args + ["--decks", ws.decks, "--progress", ws.progress], stdin: ":quit\n", env: neither)
            #expect(r.status == 0 && !r.stderr.contains("not installed"), "\(args): \(r.stderr)")
        }
    }
}
