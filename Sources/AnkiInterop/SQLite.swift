import Foundation

/// A thin wrapper over the system SQLite (libsqlite3, loaded at run time): one connection,
/// prepared statements, and whole-database (de)serialisation so collections never touch
/// the disk.
final class SQLiteDatabase {
    private let api: SQLiteAPI
    private var handle: OpaquePointer?

    /// An empty in-memory database.
    init() throws(AnkiError) {
        api = try SQLiteAPI.load()
        var db: OpaquePointer?
        let rc = api.openV2(":memory:", &db, SQLiteAPI.openReadWrite | SQLiteAPI.openCreate, nil)
        guard rc == SQLiteAPI.ok, let db else {
            _ = api.closeV2(db)
            throw .sqlite("cannot open an in-memory database (code \(rc))")
        }
        handle = db
    }

    /// An in-memory database holding a copy of `bytes` (an SQLite file image), read-only.
    convenience init(image bytes: [UInt8]) throws(AnkiError) {
        try self.init()
        guard bytes.count >= 16, Array(bytes.prefix(16)) == Array("SQLite format 3\0".utf8) else {
            throw .notAnkiPackage("the collection is not an SQLite database")
        }
        guard let buffer = api.malloc64(UInt64(bytes.count)) else { throw .sqlite("out of memory") }
        bytes.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
        // Header bytes 18-19 are 2 for a WAL-mode file (Anki's modern collections): an
        // in-memory image has no -wal file, so mark it a rollback-journal file (1) or SQLite
        // refuses to open it.
        let header = buffer.assumingMemoryBound(to: UInt8.self)
        if header[18] == 2 { header[18] = 1 }
        if header[19] == 2 { header[19] = 1 }
        let size = Int64(bytes.count)
        let flags = SQLiteAPI.deserializeFreeOnClose | SQLiteAPI.deserializeReadOnly
        let rc = api.deserialize(handle, "main", header, size, size, flags)
        guard rc == SQLiteAPI.ok else { throw .sqlite("cannot load the collection (code \(rc))") }
        // Anki's modern collections declare `COLLATE unicase`; plain SQLite needs it registered.
        _ = api.createCollationV2(handle, "unicase", SQLiteAPI.utf8, nil, { _, l1, p1, l2, p2 in
            let a = String(decoding: UnsafeRawBufferPointer(start: p1, count: Int(l1)), as: UTF8.self)
            let b = String(decoding: UnsafeRawBufferPointer(start: p2, count: Int(l2)), as: UTF8.self)
            switch a.lowercased().compare(b.lowercased()) {
            case .orderedAscending: return -1
            case .orderedDescending: return 1
            case .orderedSame: return 0
            }
        }, nil)
        // A file that is not a database at all fails here, on the first read.
        _ = try query("SELECT count(*) FROM sqlite_master")
    }

    deinit { _ = api.closeV2(handle) }

    var lastError: String { api.errmsg(handle).map { String(cString: $0) } ?? "unknown error" }

    /// Runs one or more statements without parameters.
    func execute(_ sql: String) throws(AnkiError) {
        var message: UnsafeMutablePointer<CChar>?
        if api.exec(handle, sql, nil, nil, &message) != SQLiteAPI.ok {
            let text = message.map { String(cString: $0) } ?? lastError
            api.free(message)
            throw .sqlite(text)
        }
    }

    /// Runs one statement with bound parameters.
    func run(_ sql: String, _ values: [SQLiteValue]) throws(AnkiError) {
        let stmt = try prepare(sql)
        defer { _ = api.finalize(stmt) }
        try bind(stmt, values)
        let rc = api.step(stmt)
        guard rc == SQLiteAPI.done || rc == SQLiteAPI.row else { throw .sqlite("\(lastError) in: \(sql)") }
    }

    /// Runs a query and returns every row.
    func query(_ sql: String, _ values: [SQLiteValue] = []) throws(AnkiError) -> [[SQLiteValue]] {
        let stmt = try prepare(sql)
        defer { _ = api.finalize(stmt) }
        try bind(stmt, values)
        var rows: [[SQLiteValue]] = []
        while true {
            let rc = api.step(stmt)
            if rc == SQLiteAPI.done { break }
            guard rc == SQLiteAPI.row else { throw .sqlite("\(lastError) in: \(sql)") }
            let n = api.columnCount(stmt)
            var row: [SQLiteValue] = []
            row.reserveCapacity(Int(n))
            for i in 0..<n { row.append(column(stmt, i)) }
            rows.append(row)
        }
        return rows
    }

    private func column(_ stmt: OpaquePointer?, _ i: Int32) -> SQLiteValue {
        switch api.columnType(stmt, i) {
        case SQLiteAPI.integer: return .int(api.columnInt64(stmt, i))
        case SQLiteAPI.float: return .double(api.columnDouble(stmt, i))
        case SQLiteAPI.null: return .null
        case SQLiteAPI.blob:
            let count = Int(api.columnBytes(stmt, i))
            guard let p = api.columnBlob(stmt, i), count > 0 else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: p, count: count)))
        default:
            // Text: sqlite3_column_text before sqlite3_column_bytes, as SQLite documents.
            guard let p = api.columnText(stmt, i) else { return .text("") }
            let count = Int(api.columnBytes(stmt, i))
            return .text(String(decoding: UnsafeBufferPointer(start: p, count: count), as: UTF8.self))
        }
    }

    /// Names of the tables in the database.
    func tableNames() throws(AnkiError) -> Set<String> {
        Set(try query("SELECT name FROM sqlite_master WHERE type = 'table'").compactMap { $0.first?.text })
    }

    /// The whole database as an SQLite file image.
    func serialized() throws(AnkiError) -> Data {
        var size: Int64 = 0
        guard let p = api.serialize(handle, "main", &size, 0) else { throw .sqlite("cannot serialise the database") }
        defer { api.free(p) }
        return Data(bytes: p, count: Int(size))
    }

    private func prepare(_ sql: String) throws(AnkiError) -> OpaquePointer? {
        var stmt: OpaquePointer?
        guard api.prepareV2(handle, sql, -1, &stmt, nil) == SQLiteAPI.ok else {
            throw .sqlite("\(lastError) in: \(sql)")
        }
        return stmt
    }

    private func bind(_ stmt: OpaquePointer?, _ values: [SQLiteValue]) throws(AnkiError) {
        for (i, v) in values.enumerated() {
            let at = Int32(i + 1)
            let rc: Int32
            switch v {
            case .null: rc = api.bindNull(stmt, at)
            case .int(let n): rc = api.bindInt64(stmt, at, n)
            case .double(let d): rc = api.bindDouble(stmt, at, d)
            case .text(let s): rc = api.bindText(stmt, at, s, -1, SQLiteAPI.transient)
            case .blob(let b): rc = b.withUnsafeBytes { api.bindBlob(stmt, at, $0.baseAddress, Int32(b.count), SQLiteAPI.transient) }
            }
            guard rc == SQLiteAPI.ok else { throw .sqlite(lastError) }
        }
    }
}

/// One SQLite value.
enum SQLiteValue: Sendable, Hashable {
    case null
    case int(Int64)
    case double(Double)
    case text(String)
    case blob([UInt8])

    var int: Int64? {
        switch self {
        case .int(let n): n
        case .double(let d): Int64(exactly: d.rounded())
        case .text(let s): Int64(s)
        default: nil
        }
    }

    /// A blob's bytes (a text value's UTF-8), empty for anything else.
    var bytes: [UInt8] {
        switch self {
        case .blob(let b): b
        case .text(let s): Array(s.utf8)
        default: []
        }
    }

    var text: String? {
        switch self {
        case .text(let s): s
        case .int(let n): String(n)
        case .double(let d): String(d)
        case .blob(let b): String(decoding: b, as: UTF8.self)
        case .null: nil
        }
    }
}

extension SQLiteValue: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
    init(integerLiteral value: Int64) { self = .int(value) }
    init(stringLiteral value: String) { self = .text(value) }
}

extension SQLiteValue {
    init(_ n: Int) { self = .int(Int64(n)) }
}
