import Articles
import Foundation

/// Reads saved web pages (or text, Markdown) into articles, as `factdeck generate` does
/// before it writes any card, and prints how fast: the reading half of generate, timed
/// alone. Files are loaded first; one thread, to compare with one-threaded peers.
/// usage: read-pages FILE...
@main
enum ReadPages {
    static func main() {
        let paths = Array(CommandLine.arguments.dropFirst())
        let files = paths.map { (path: $0, bytes: FileManager.default.contents(atPath: $0).map { [UInt8]($0) } ?? []) }
        let start = Date()
        var read = 0, sentences = 0
        for file in files {
            if let article = try? ArticleReader.read(bytes: file.bytes, fileName: file.path) {
                read += 1
                sentences += article.sentences.count
            }
        }
        let seconds = Date().timeIntervalSince(start)
        print(String(format: "%d files, %d read as articles (%d sentences) in %.3f s: %.1f pages/s", files.count, read, sentences, seconds, Double(files.count) / seconds))
    }
}
