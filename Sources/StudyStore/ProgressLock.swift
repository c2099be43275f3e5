import Foundation
import ISOTime

#if canImport(Glibc)
import Glibc
#endif

/// An advisory flock on `<progress>/.lock` held by the one process allowed to write progress.
/// The holder writes its pid and command into the file so a refused second writer can name it.
public final class ProgressLock: @unchecked Sendable {
    public let path: String
    private var fd: Int32

    /// Takes the lock or throws `.locked` naming the holder; never waits. `since` (the
    /// caller's clock) goes into the holder's note, for the message a refused writer shows.
    public init(folder: String, purpose: String, since: Date?) throws(StoreError) {
        path = (folder as NSString).appendingPathComponent(".lock")
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(path: path, operation: "open lock file", reason: String(cString: strerror(errno))) }
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            let err = errno
            let holder = Self.readHolder(fd)
            // closed here and marked so: a class whose init throws still runs deinit, and a
            // second close would close whatever another thread has just opened as this number
            close(fd)
            fd = -1
            if err == EWOULDBLOCK { throw .locked(path: folder, holder: holder) }
            throw .io(path: path, operation: "lock", reason: String(cString: strerror(err)))
        }
        let note = Array("pid \(getpid()) (\(purpose))\(since.map { " since " + ISODate.format($0) } ?? "")\n".utf8)
        _ = ftruncate(fd, 0)
        _ = note.withUnsafeBytes { pwrite(fd, $0.baseAddress!, $0.count, 0) }
    }

    private static func readHolder(_ fd: Int32) -> String? {
        var buf = [UInt8](repeating: 0, count: 512)
        let n = buf.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, $0.count, 0) }
        guard n > 0 else { return nil }
        let text = String(decoding: buf[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : "factdeck " + text
    }

    deinit {
        guard fd >= 0 else { return }
        _ = flock(fd, LOCK_UN)
        close(fd)
    }
}
