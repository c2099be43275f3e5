import ArgumentParser
import ArticleSources
import Articles
import CardGeneration
import Language
import DeckModel
import Foundation
import Parallel
import Glibc
import StudyStore
import TerminalKit

/// `factdeck generate`: articles in, one deck file per article out.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Turn articles (.txt, .md, .html, .pdf, http(s) addresses) into decks of question cards.",
        discussion: """
            Writes DIR/<name>.json for each ARTICLE, <name> being the file's base name \
            (lower-cased, unsafe characters replaced), or for a web address the page's title. \
            PDFs are read with pdftotext (poppler-utils). Articles must be in English: another \
            language is refused. Regenerating keeps card ids of unchanged facts, so progress \
            carries over. An article that gives no cards never replaces an existing deck. The \
            exit code is 1 when any article failed.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Argument(help: "Article files (.txt, .md, .html, .pdf) or http(s):// addresses.")
    var articles: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("Folder to write the decks to (default: the --decks folder).", valueName: "dir"))
    var output: String?

    @Option(help: ArgumentHelp("Seconds to wait for a web page.", valueName: "seconds"))
    var timeout: Double = 30

    @Flag(name: .shortAndLong, help: "Also list the sentences skipped and why.")
    var verbose = false

    func validate() throws {
        if articles.isEmpty { throw ValidationError("name at least one article file") }
        if !(timeout > 0 && timeout <= 3600) { throw ValidationError("--timeout must be between 0 and 3600 seconds") }
    }

    func run() throws {
        try reportingErrors {
            let outDir = output ?? options.decks
            // The grammar model is read once and shared by every article of the run.
            let analyzer: SentenceAnalyzer
            do { analyzer = try SentenceAnalyzer.english() } catch { throw CLIError("\(error)") }
            try DurableFile.ensureDirectory(outDir)
            let loader = ArticleLoader(fetcher: WebPageFetcher(timeout: timeout))
            // Web pages are fetched first: a page's deck is named after its title, and the
            // decks this run replaces must stay out of the distractor pool.
            let addresses = Array(Set(articles.filter(ArticleLoader.isWebAddress))).sorted()
            let pages = Dictionary(uniqueKeysWithValues: zip(addresses, addresses.concurrentMap { address in
                Result { try loader.load(address) }
            }))
            func slug(_ argument: String) -> String {
                guard let page = pages[argument] else { return Self.slug(for: argument) }
                return (try? page.get()).map { Self.slug(forTitle: $0.article.title) } ?? Self.slug(for: argument)
            }
            // Distractors come from the other decks there already and from every article of
            // this run, whatever the order the articles were named in.
            let runSlugs = Set(articles.map(slug))
            var pool = DistractorPool(
                cards: DeckLibrary.load(folder: outDir).decks.map(\.deck).filter { !runSlugs.contains($0.id) }.flatMap(\.cards))
            let showBar = articles.count > 1 && isatty(STDERR_FILENO) == 1
            let bar = ProgressBar(total: articles.count * 2, enabled: showBar)
            var failed = 0
            var totals: [CardType: Int] = [:]
            var written = 0
            // Articles are read and analysed side by side, then written side by side; a run
            // of very large files goes in groups so memory holds one group's articles.
            var first = 0
            for group in Self.groups(articles, maxBytes: 64 << 20) {
                let analysed = group.concurrentMap { path in
                    defer { bar.step(path) }
                    return Result { try analyse(path, loaded: pages[path], slug: slug(path), loader: loader, analyzer: analyzer) }
                }
                // In name order, whatever the order on the command line: the pool's order
                // steers which distractors are drawn.
                let byName = group.indices.map { (slug: slug(group[$0]), path: group[$0], k: $0) }.sorted { ($0.slug, $0.path) < ($1.slug, $1.path) }
                for (_, _, k) in byName {
                    if case .success(let a) = analysed[k] { a.analysis.addAnswers(to: &pool, owner: first + k) }
                }
                let made = Array(analysed.enumerated()).concurrentMap { k, result in
                    defer { bar.step(nil) }
                    return result.map { a in
                        var rng = SeededGenerator(seedText: a.analysis.seedText)
                        let (deck, summary) = a.analysis.deck(
                            deckID: a.slug, source: a.source, pool: pool.excluding(owner: first + k), using: &rng)
                        return (deck: deck, summary: summary, warnings: a.warnings)
                    }
                }
                first += group.count
                for (path, result) in zip(group, made) {
                    do {
                        let (deck, summary, warnings) = try result.get()
                        for w in warnings { bar.clear(); Stderr.warn("\(path): \(w)") }
                        guard !deck.cards.isEmpty else {
                            bar.clear()
                            Stderr.print("factdeck: \(path): no cards could be made (\(summary.skipped.count) sentences, none a checkable fact); nothing written")
                            if verbose { printSkipped(summary) }
                            failed += 1
                            continue
                        }
                        let target = (outDir as NSString).appendingPathComponent(deck.id + ".json")
                        try DeckLibrary.save(deck, to: target)
                        written += 1
                        for (t, n) in summary.cardsByType { totals[t, default: 0] += n }
                        if !showBar {
                            print("\(target): \(deck.cards.count) cards (\(typeList(summary.cardsByType)))")
                        }
                        if verbose {
                            bar.clear()
                            printSkipped(summary)
                        }
                    } catch {
                        bar.clear()
                        Stderr.print("factdeck: \(path): \(error)")
                        failed += 1
                    }
                }
            }
            bar.clear()
            if articles.count > 1 || showBar {
                print("\(written) deck\(written == 1 ? "" : "s") written to \(outDir)/, \(totals.values.reduce(0, +)) cards (\(typeList(totals)))\(failed > 0 ? "; \(failed) failed" : "")")
            }
            if failed > 0 { throw ExitCode.failure }
        }
    }

    /// An article read and analysed, waiting for the run's distractor pool.
    private struct Analysed {
        var analysis: ArticleAnalysis
        var slug: String
        var source: DeckSource
        var warnings: [String]
    }

    private func analyse(_ argument: String, loaded: Result<LoadedArticle, Error>?, slug: String, loader: ArticleLoader, analyzer: SentenceAnalyzer) throws -> Analysed {
        let input = try loaded?.get() ?? loader.load(argument)
        let checksum = "sha256:" + SHA256.hex(input.bytes)
        let source = DeckSource(path: argument, title: input.article.title, checksum: checksum, generator: "factdeck \(Factdeck.version)")
        return Analysed(analysis: DeckGenerator.analyse(input.article, analyzer: analyzer), slug: slug, source: source, warnings: input.article.warnings)
    }

    /// Consecutive articles whose files add up to at most `maxBytes` (one file alone may be larger).
    static func groups(_ paths: [String], maxBytes: Int) -> [[String]] {
        var out: [[String]] = []
        var bytes = 0
        for path in paths {
            var st = stat()
            let size = stat(path, &st) == 0 ? Int(st.st_size) : 0
            if out.isEmpty || bytes + size > maxBytes {
                out.append([])
                bytes = 0
            }
            out[out.count - 1].append(path)
            bytes += size
        }
        return out
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

    /// The deck file name and id for a web page: its title, lower-cased, safe characters
    /// only, at most 80 characters (cut between words).
    static func slug(forTitle title: String) -> String {
        var out = ""
        for c in title.lowercased().unicodeScalars {
            if (c >= "a" && c <= "z") || (c >= "0" && c <= "9") {
                out.unicodeScalars.append(c)
            } else if !out.isEmpty && out.last != "-" && c != "'" && c != "\u{2019}" {
                out.append("-")
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        if out.count > 80 {
            out = String(out.prefix(81))
            if let cut = out.lastIndex(of: "-") { out = String(out[..<cut]) } else { out = String(out.prefix(80)) }
        }
        return out.isEmpty ? "page" : out
    }

    private func typeList(_ counts: [CardType: Int]) -> String {
        CardType.allCases.compactMap { t in counts[t].map { "\($0) \(t.rawValue)" } }.joined(separator: ", ")
    }

    private func printSkipped(_ summary: GenerationSummary) {
        for s in summary.skipped {
            Stderr.print("  skipped: \(TerminalText.clean(String(s.sentence.prefix(90)))) (\(s.reason))")
        }
    }
}

/// The generate progress bar on stderr; workers step it from several threads.
private final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private let enabled: Bool
    private var done = 0

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled
    }

    /// One more step done; `current` names the file just read, if any.
    func step(_ current: String?) {
        guard enabled else { return }
        lock.withLock {
            done += 1
            let width = 30
            let filled = total == 0 ? width : width * done / total
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            let name = TerminalText.clean(((current ?? "") as NSString).lastPathComponent).prefix(30)
            FileHandle.standardError.write(Data("\r\u{1B}[2K\(bar) \(done / 2)/\(total / 2) \(name)".utf8))
        }
    }

    /// Clears the bar's line so a message can take it.
    func clear() {
        guard enabled else { return }
        lock.withLock { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }
}
