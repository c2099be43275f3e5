import ArgumentParser
import Articles
import CardGeneration
import DeckModel
import Foundation
import Glibc
import StudyStore
import TerminalKit

/// `factdeck generate`: articles in, one deck file per article out.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Turn articles (.txt, .md, .html) into decks of question cards.",
        discussion: """
            Writes DIR/<name>.json for each ARTICLE, <name> being the file's base name \
            (lower-cased, unsafe characters replaced). Regenerating keeps card ids of unchanged \
            facts, so progress carries over. A file that gives no cards never replaces an \
            existing deck. The exit code is 1 when any file failed.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Argument(help: "Article files.")
    var articles: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("Folder to write the decks to (default: the --decks folder).", valueName: "dir"))
    var output: String?

    @Flag(name: .shortAndLong, help: "Also list the sentences skipped and why.")
    var verbose = false

    func validate() throws {
        if articles.isEmpty { throw ValidationError("name at least one article file") }
    }

    func run() throws {
        try reportingErrors {
            let outDir = output ?? options.decks
            try DurableFile.ensureDirectory(outDir)
            // Distractors come from the other decks there already, plus each deck made in this run.
            var others = DeckLibrary.load(folder: outDir).decks.map(\.deck)
            let showBar = articles.count > 1 && isatty(STDERR_FILENO) == 1
            var failed = 0
            var totals: [CardType: Int] = [:]
            var written = 0
            for (i, path) in articles.enumerated() {
                if showBar { progressBar(done: i, total: articles.count, current: path) }
                do {
                    let slug = Self.slug(for: path)
                    let pool = DistractorPool(cards: others.filter { $0.id != slug }.flatMap(\.cards))
                    let (deck, summary, warnings) = try generate(path, pool: pool)
                    for w in warnings { clearLine(showBar); Stderr.warn("\(path): \(w)") }
                    guard !deck.cards.isEmpty else {
                        clearLine(showBar)
                        Stderr.print("factdeck: \(path): no cards could be made (\(summary.skipped.count) sentences, none a checkable fact); nothing written")
                        if verbose { printSkipped(summary) }
                        failed += 1
                        continue
                    }
                    let target = (outDir as NSString).appendingPathComponent(deck.id + ".json")
                    try DeckLibrary.save(deck, to: target)
                    others.removeAll { $0.id == deck.id }
                    others.append(deck)
                    written += 1
                    for (t, n) in summary.cardsByType { totals[t, default: 0] += n }
                    if !showBar {
                        print("\(target): \(deck.cards.count) cards (\(typeList(summary.cardsByType)))")
                    }
                    if verbose {
                        clearLine(showBar)
                        printSkipped(summary)
                    }
                } catch let e as ArticleError {
                    clearLine(showBar)
                    Stderr.print("factdeck: \(path): \(e)")
                    failed += 1
                } catch {
                    clearLine(showBar)
                    Stderr.print("factdeck: \(path): \(error)")
                    failed += 1
                }
            }
            if showBar {
                progressBar(done: articles.count, total: articles.count, current: "")
                clearLine(true)
            }
            if articles.count > 1 || showBar {
                print("\(written) deck\(written == 1 ? "" : "s") written to \(outDir)/, \(totals.values.reduce(0, +)) cards (\(typeList(totals)))\(failed > 0 ? "; \(failed) failed" : "")")
            }
            if failed > 0 { throw ExitCode.failure }
        }
    }

    private func generate(_ path: String, pool: DistractorPool) throws -> (Deck, GenerationSummary, [String]) {
        guard let bytes = try DurableFile.read(path) else { throw CLIError("no such file") }
        let article = try ArticleReader.read(bytes: bytes, fileName: path)
        let slug = Self.slug(for: path)
        let checksum = "sha256:" + SHA256.hex(bytes)
        var rng = SeededGenerator(seedText: checksum)
        let source = DeckSource(path: path, title: article.title, checksum: checksum, generator: "factdeck \(Factdeck.version)")
        let (deck, summary) = DeckGenerator.deck(article: article, deckID: slug, source: source, pool: pool, using: &rng)
        return (deck, summary, article.warnings)
    }

    /// The deck file name and id for an article path: base name, lower-cased, safe characters only.
    static func slug(for path: String) -> String {
        let base = ((path as NSString).lastPathComponent as NSString).deletingPathExtension.lowercased()
        var out = ""
        for c in base.unicodeScalars {
            if (c >= "a" && c <= "z") || (c >= "0" && c <= "9") || c == "-" || c == "_" {
                out.unicodeScalars.append(c)
            } else if out.last != "-" {
                out.append("-")
            }
        }
        while out.hasPrefix("-") { out.removeFirst() }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "deck" : out
    }

    private func typeList(_ counts: [CardType: Int]) -> String {
        CardType.allCases.compactMap { t in counts[t].map { "\($0) \(t.rawValue)" } }.joined(separator: ", ")
    }

    private func printSkipped(_ summary: GenerationSummary) {
        for s in summary.skipped {
            Stderr.print("  skipped: \(TerminalText.clean(String(s.sentence.prefix(90)))) (\(s.reason))")
        }
    }

    private func progressBar(done: Int, total: Int, current: String) {
        let width = 30
        let filled = total == 0 ? width : width * done / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let name = TerminalText.clean((current as NSString).lastPathComponent).prefix(30)
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(bar) \(done)/\(total) \(name)".utf8))
    }

    private func clearLine(_ on: Bool) {
        if on { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }
}
