import ArgumentParser
import Articles
import Foundation
import Language

/// `factdeck-lang parse`: plain text in, CoNLL-U out.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Split text into sentences and words, tag and parse it, and print CoNLL-U.",
        discussion: """
            Reads the files given, or stdin. Blank lines separate paragraphs; sentences are \
            found by the article reader's sentence splitter.
            """
    )

    @Argument(help: "Text files ('-' or nothing for stdin).")
    var files: [String] = []

    @Option(help: "A model file to use instead of the shipped one.")
    var model: String?

    @Flag(help: "Read the text as running prose: a sentence of six or more words ending in a full stop has a finite verb.")
    var prose = false

    func run() throws {
        try reportingErrors {
            let analyzer = try loadAnalyzer(model)
            var texts: [String] = []
            if files.isEmpty || files == ["-"] {
                texts.append(String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self))
            } else {
                for f in files {
                    guard let data = FileManager.default.contents(atPath: f) else { throw ToolError("\(f): cannot read the file") }
                    texts.append(String(decoding: data, as: UTF8.self))
                }
            }
            var n = 0
            var out = ""
            for text in texts {
                for paragraph in text.components(separatedBy: "\n\n") {
                    let flat = paragraph.split(whereSeparator: \.isNewline).joined(separator: " ")
                    for sentence in SentenceSplitter.split(flat) {
                        n += 1
                        out += CoNLLU.format(analyzer.analyse(sentence.text, prose: prose), id: String(n))
                        if out.utf8.count > 1 << 16 {
                            print(out, terminator: "")
                            out = ""
                        }
                    }
                }
            }
            print(out, terminator: "")
        }
    }
}
