import Foundation
import JSONKit

#if canImport(Glibc)
import Glibc
#endif

/// `progress/quizzes.jsonl`: every quiz's result, one JSON line each, appended and fsync'ed.
///
/// Quizzes never write the review log or the snapshots, so they do not take the study
/// session's `.lock` (held for a whole session): an append holds an flock on this file
/// only for the write itself. Two quizzes, or a quiz beside a study session, each record
/// their result whole, one line after the other.
public enum QuizHistory {
    public static func path(in folder: String) -> String { (folder as NSString).appendingPathComponent("quizzes.jsonl") }

    /// Appends one record durably (fsync'ed before returning; the folder too when the file
    /// is new). A cut-off last line left by a crash stays on its own line, skipped on reading.
    public static func append(_ record: QuizRecord, folder: String) throws(StoreError) {
        try DurableFile.ensureDirectory(folder)
        let path = path(in: folder)
        let existed = access(path, F_OK) == 0
        let fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(path: path, operation: "open for appending", reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw .io(path: path, operation: "lock", reason: String(cString: strerror(errno))) }
        }
        defer { flock(fd, LOCK_UN) }
        var line: [UInt8] = []
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .io(path: path, operation: "stat", reason: String(cString: strerror(errno))) }
        if st.st_size > 0 {
            var last: UInt8 = 0
            if pread(fd, &last, 1, off_t(st.st_size - 1)) == 1, last != 0x0A { line.append(0x0A) }
        }
        line += record.json.encoded()
        line.append(0x0A)
        try DurableFile.writeAll(fd, line, path: path)
        guard fsync(fd) == 0 else { throw .io(path: path, operation: "fsync", reason: String(cString: strerror(errno))) }
        if !existed { try DurableFile.syncDirectory(folder) }
    }

    /// Every readable record, oldest first; damaged lines are skipped and described in `warnings`.
    public static func load(folder: String) throws(StoreError) -> (records: [QuizRecord], warnings: [String]) {
        let path = path(in: folder)
        guard let bytes = try DurableFile.read(path) else { return ([], []) }
        var records: [QuizRecord] = []
        var warnings: [String] = []
        var lineNo = 0
        var start = 0
        while start < bytes.count {
            lineNo += 1
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            defer { start = end + 1 }
            if end == start { continue }
            if end == bytes.count {
                warnings.append("\(path):\(lineNo): the last line is cut off (factdeck was stopped while writing it); it is skipped")
                break
            }
            do {
                switch QuizRecord.decode(try JSONParser.parse(Array(bytes[start..<end]))) {
                case .success(let r): records.append(r)
                case .failure(let p): warnings.append("\(path):\(lineNo): skipped a damaged quiz line (\(p.text))")
                }
            } catch {
                warnings.append("\(path):\(lineNo): skipped a damaged quiz line (\(error.problem))")
            }
        }
        return (records, warnings)
    }
}
