import ArgumentParser
import Foundation
import Language

/// A user-facing failure: one line on stderr, exit code 1.
struct ToolError: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
}

enum Stderr {
    static func print(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

/// Runs a command body, turning library errors into one clear line and a failure exit code.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let e as ExitCode {
        throw e
    } catch let e as ValidationError {
        throw e
    } catch {
        Stderr.print("factdeck-lang: \(error)")
        throw ExitCode.failure
    }
}

enum TreebankFile {
    static func read(_ path: String) throws -> [TreebankSentence] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ToolError("\(path): cannot read the file; give the path of a CoNLL-U file")
        }
        let sentences = try CoNLLU.parse(String(decoding: data, as: UTF8.self), source: path)
        if sentences.isEmpty { throw LanguageError.emptyTreebank(source: path) }
        return sentences
    }
}

/// Monotonic seconds, for the speed figures.
func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// The process's peak resident memory so far, in MB (Linux: VmHWM).
func peakMemoryMB() -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kb = line.split(separator: " ").compactMap { Int($0) }.first
        return kb.map { $0 / 1024 }
    }
    return nil
}

/// "0.9512": four decimals, as the figures line wants.
func fourDecimals(_ x: Double) -> String { String(format: "%.4f", x) }

/// The figures line of `evaluate` (its format is a public contract: DESIGN.md).
func figuresLine(_ s: EvaluationScores, wordsPerSecond: Int) -> String {
    "upos=\(fourDecimals(s.upos)) uas=\(fourDecimals(s.uas)) las=\(fourDecimals(s.las)) words=\(s.words) words_per_s=\(wordsPerSecond)"
}

/// The shipped model, or the model file at `path`.
func loadAnalyzer(_ path: String?) throws -> SentenceAnalyzer {
    guard let path else { return try SentenceAnalyzer.english() }
    guard let data = FileManager.default.contents(atPath: path) else { throw ToolError("\(path): cannot read the model file") }
    return SentenceAnalyzer(model: try LanguageModel(decoding: [UInt8](data)))
}
