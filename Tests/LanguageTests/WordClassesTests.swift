import Foundation
import Testing

@testable import Language

@Suite struct WordClassesTests {
    static func bits(_ letters: String) -> UInt8 {
        letters.reduce(0) { $0 | 1 << UInt8(WordClasses.letters.firstIndex(of: $1)!) }
    }

    @Test func aTableReadsIntoMasksAndMergesRepeatedWords() throws {
        let table = try WordClasses(
            text: "# comment\npz\tlags calls\nnv\tcall lag\nz\toccurs\nv\tcalls\n", source: "test")
        #expect(table.count == 5)
        #expect(table.mask(of: LexicalForm("lags").word) == Self.bits("pz"))
        #expect(table.mask(of: LexicalForm("occurs").word) == Self.bits("z"))
        // A word in two lines has both lines' classes; the lookup ignores capitals like the tagger.
        #expect(table.mask(of: LexicalForm("Calls").word) == Self.bits("pzv"))
        #expect(table.mask(of: LexicalForm("Toronto").word) == 0)
    }

    @Test(arguments: [
        ("q\tword\n", "unknown class 'q'"),
        ("nv word\n", "expected CLASSES, a tab and words"),
    ])
    func aDamagedTableIsRefusedWithItsLine(_ text: String, _ reason: String) {
        #expect(throws: LanguageError.malformedWordClasses(source: "t.txt", line: 1, reason: reason)) {
            try WordClasses(text: text, source: "t.txt")
        }
    }

    /// Whether the script can run here: the WordNet files it reads (Debian's `wordnet-base`,
    /// which `.ci/run` installs) and a `python3` on the PATH. A machine with only Swift has
    /// neither, and skips the regeneration check rather than failing it.
    static let canRegenerate: Bool = {
        let files = ["index.noun", "index.verb", "index.adj", "index.adv", "noun.exc", "verb.exc", "adj.exc"]
        let wordNet = files.allSatisfy { FileManager.default.fileExists(atPath: "/usr/share/wordnet/\($0)") }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let python = path.split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/python3")
        }
        return wordNet && python
    }()

    /// The committed table is exactly what the script makes from Debian's WordNet, so it
    /// can be regenerated and checked.
    @Test(.enabled(if: canRegenerate, "needs WordNet (/usr/share/wordnet, Debian wordnet-base) and python3"))
    func theCommittedTableIsWhatTheScriptMakes() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "Data/wordnet/make_word_classes.py"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let made = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let committed = try Data(contentsOf: URL(fileURLWithPath: "Data/wordnet/word-classes.txt"))
        #expect(made == committed)
    }

    /// The shipped model carries the table: a word WordNet knows only as a verb is marked so.
    @Test func theShippedModelCarriesTheWordClasses() throws {
        let classes = try SentenceAnalyzer.english().model.tagger.wordClasses
        #expect(classes.count > 100_000)
        #expect(classes.mask(of: LexicalForm("occurs").word) == Self.bits("z"))
        #expect(classes.mask(of: LexicalForm("call").word) == Self.bits("nv"))
    }
}
