import Foundation

/// Runs poppler's `pdftotext -layout` on a PDF file and returns what it prints: the IO
/// half of reading a PDF (the other half, `ArticleReader.read(pdfText:)`, is pure).
public struct PDFTextExtractor: Sendable {
    /// Path of `pdftotext`, or nil when it is not installed.
    public var executable: String?

    /// Looks for `pdftotext` on `searchPath` (default: the PATH environment variable).
    public init(searchPath: String? = ProcessInfo.processInfo.environment["PATH"]) {
        let dirs = (searchPath ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        executable = dirs.map { "\($0)/pdftotext" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    public init(executable: String?) {
        self.executable = executable
    }

    public func text(ofFileAt path: String) throws(ArticleSourceError) -> String {
        guard let executable else { throw .pdfToolMissing }
        // Output and messages go to files, not pipes: nothing to drain while it runs, and
        // no read of ours can be cut short by a signal.
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("factdeck-pdftotext-\(UUID().uuidString)")
        let output = base.appendingPathExtension("txt"), errors = base.appendingPathExtension("err")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: output)
            try? FileManager.default.removeItem(at: errors)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-layout", "-enc", "UTF-8", path, output.path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        do {
            let messages = try FileHandle(forWritingTo: errors)
            defer { try? messages.close() }
            process.standardError = messages
            try process.run()
            process.waitUntilExit()
        } catch {
            throw .unreadablePDF("pdftotext did not start: \(error.localizedDescription)")
        }
        guard process.terminationStatus == 0 else {
            let said = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            let line = said.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.last { !$0.isEmpty }
            throw .unreadablePDF(line.map { "pdftotext: \($0)" } ?? "pdftotext exit code \(process.terminationStatus)")
        }
        guard let data = FileManager.default.contents(atPath: output.path) else { throw .unreadablePDF("pdftotext wrote no text") }
        return String(decoding: data, as: UTF8.self)
    }
}
