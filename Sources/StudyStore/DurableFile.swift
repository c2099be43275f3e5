import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The few file operations the store needs, with the fsyncs that make them survive a crash.
public enum DurableFile {
    /// Whole file as bytes; nil when it does not exist.
    public static func read(_ path: String) throws(StoreError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw .io(path: path, operation: "open", reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .io(path: path, operation: "stat", reason: String(cString: strerror(errno))) }
        // One byte more than the file's size: the read that finds the end then fits, rather
        // than doubling (and zero-filling) a 100 MB buffer to learn that nothing follows.
        var out = [UInt8](repeating: 0, count: Int(st.st_size) + 1)
        var off = 0
        while true {
            if off == out.count { out.append(contentsOf: repeatElement(0, count: max(4096, out.count))) }
            let n = out.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + off, $0.count - off) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, operation: "read", reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            off += n
        }
        out.removeSubrange(off...)
        return out
    }

    /// Replaces `path` atomically: temp file in the same folder, fsync, rename, fsync of the folder.
    /// A reader sees the old file or the new one, never a mix; a crash leaves one of the two.
    public static func replace(_ path: String, with bytes: [UInt8]) throws(StoreError) {
        let dir = (path as NSString).deletingLastPathComponent
        let tmp = "\(path).tmp-\(getpid())"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(path: tmp, operation: "create", reason: String(cString: strerror(errno))) }
        do {
            try writeAll(fd, bytes, path: tmp)
            guard fsync(fd) == 0 else { throw StoreError.io(path: tmp, operation: "fsync", reason: String(cString: strerror(errno))) }
        } catch {
            close(fd)
            unlink(tmp)
            throw error as! StoreError
        }
        // closed once whatever it returns: a second close could close another thread's file
        guard close(fd) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(tmp)
            throw .io(path: tmp, operation: "close", reason: reason)
        }
        guard rename(tmp, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(tmp)
            throw .io(path: path, operation: "replace", reason: reason)
        }
        try syncDirectory(dir.isEmpty ? "." : dir)
    }

    /// fsync of a folder, so a rename or a newly created file in it survives a power loss.
    public static func syncDirectory(_ dir: String) throws(StoreError) {
        let dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dfd >= 0 else { throw .io(path: dir, operation: "open folder", reason: String(cString: strerror(errno))) }
        defer { close(dfd) }
        guard fsync(dfd) == 0 else { throw .io(path: dir, operation: "fsync folder", reason: String(cString: strerror(errno))) }
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(StoreError) {
        var off = 0
        while off < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + off, $0.count - off) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, operation: "write", reason: String(cString: strerror(errno)))
            }
            off += n
        }
    }

    /// Creates the folder (and parents) if missing.
    public static func ensureDirectory(_ dir: String) throws(StoreError) {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: dir, isDirectory: &isDir) {
            if isDir.boolValue { return }
            throw .io(path: dir, operation: "use as a folder", reason: "it is a file")
        }
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        } catch {
            throw .io(path: dir, operation: "create folder", reason: "\(error.localizedDescription)")
        }
    }
}
