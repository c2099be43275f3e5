import CSQLite
import Foundation

/// A thin wrapper over the system SQLite (libsqlite3): one connection, prepared statements,
/// and whole-database (de)serialisation so collections never touch the disk.
final class SQLiteDatabase {
    private var handle: OpaquePointer?

    /// An empty in-memory database.
    init() throws(AnkiError) {
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil)
        guard rc == SQLITE_OK, let db else {
            sqlite3_close(db)
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
        let size = sqlite3_int64(bytes.count)
        guard let buffer = sqlite3_malloc64(sqlite3_uint64(bytes.count)) else { throw .sqlite("out of memory") }
        bytes.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
        // Header bytes 18-19 are 2 for a WAL-mode file (Anki's modern collections): an
        // in-memory image has no -wal file, so mark it a rollback-journal file (1) or SQLite
        // refuses to open it.
        let header = buffer.assumingMemoryBound(to: UInt8.self)
        if header[18] == 2 { header[18] = 1 }
        if header[19] == 2 { header[19] = 1 }
        let flags = UInt32(SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY)
        let rc = sqlite3_deserialize(handle, "main", buffer.assumingMemoryBound(to: UInt8.self), size, size, flags)
        guard rc == SQLITE_OK else { throw .sqlite("cannot load the collection (code \(rc))") }
        // Anki's modern collections declare `COLLATE unicase`; plain SQLite needs it registered.
        sqlite3_create_collation_v2(handle, "unicase", SQLITE_UTF8, nil, { _, l1, p1, l2, p2 in
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

    deinit { sqlite3_close_v2(handle) }

    var lastError: String { String(cString: sqlite3_errmsg(handle)) }

    /// Runs one or more statements without parameters.
    func execute(_ sql: String) throws(AnkiError) {
        var message: UnsafeMutablePointer<CChar>?
        if sqlite3_exec(handle, sql, nil, nil, &message) != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? lastError
            sqlite3_free(message)
            throw .sqlite(text)
        }
    }

    /// Runs one statement with bound parameters.
    func run(_ sql: String, _ values: [SQLiteValue]) throws(AnkiError) {
        let stmt = try prepare(sql)
        defer { sqlite3_finalize(stmt) }
        try bind(stmt, values)
        let rc = sqlite3_step(stmt)
        guard rc == SQLITE_DONE || rc == SQLITE_ROW else { throw .sqlite("\(lastError) in: \(sql)") }
    }

    /// Runs a query and returns every row.
    func query(_ sql: String, _ values: [SQLiteValue] = []) throws(AnkiError) -> [[SQLiteValue]] {
        let stmt = try prepare(sql)
        defer { sqlite3_finalize(stmt) }
        try bind(stmt, values)
        var rows: [[SQLiteValue]] = []
        while true {
            let rc = sqlite3_step(stmt)
            if rc == SQLITE_DONE { break }
            guard rc == SQLITE_ROW else { throw .sqlite("\(lastError) in: \(sql)") }
            let n = sqlite3_column_count(stmt)
            var row: [SQLiteValue] = []
            row.reserveCapacity(Int(n))
            for i in 0..<n {
                switch sqlite3_column_type(stmt, i) {
                case SQLITE_INTEGER: row.append(.int(sqlite3_column_int64(stmt, i)))
                case SQLITE_FLOAT: row.append(.double(sqlite3_column_double(stmt, i)))
                case SQLITE_NULL: row.append(.null)
                case SQLITE_BLOB:
                    let count = Int(sqlite3_column_bytes(stmt, i))
                    if let p = sqlite3_column_blob(stmt, i), count > 0 {
                        row.append(.blob(Array(UnsafeRawBufferPointer(start: p, count: count))))
                    } else {
                        row.append(.blob([]))
                    }
                default:
                    if let p = sqlite3_column_text(stmt, i) {
                        let count = Int(sqlite3_column_bytes(stmt, i))
                        row.append(.text(String(decoding: UnsafeRawBufferPointer(start: p, count: count), as: UTF8.self)))
                    } else {
                        row.append(.text(""))
                    }
                }
            }
            rows.append(row)
        }
        return rows
    }

    /// Names of the tables in the database.
    func tableNames() throws(AnkiError) -> Set<String> {
        Set(try query("SELECT name FROM sqlite_master WHERE type = 'table'").compactMap { $0.first?.text })
    }

    /// The whole database as an SQLite file image.
    func serialized() throws(AnkiError) -> Data {
        var size: sqlite3_int64 = 0
        guard let p = sqlite3_serialize(handle, "main", &size, 0) else { throw .sqlite("cannot serialise the database") }
        defer { sqlite3_free(p) }
        return Data(bytes: p, count: Int(size))
    }

    private func prepare(_ sql: String) throws(AnkiError) -> OpaquePointer? {
        var stmt: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &stmt, nil) == SQLITE_OK else {
            throw .sqlite("\(lastError) in: \(sql)")
        }
        return stmt
    }

    private func bind(_ stmt: OpaquePointer?, _ values: [SQLiteValue]) throws(AnkiError) {
        // SQLITE_TRANSIENT: SQLite copies the bytes before bind returns.
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for (i, v) in values.enumerated() {
            let at = Int32(i + 1)
            let rc: Int32
            switch v {
            case .null: rc = sqlite3_bind_null(stmt, at)
            case .int(let n): rc = sqlite3_bind_int64(stmt, at, n)
            case .double(let d): rc = sqlite3_bind_double(stmt, at, d)
            case .text(let s): rc = sqlite3_bind_text(stmt, at, s, -1, transient)
            case .blob(let b): rc = b.withUnsafeBytes { sqlite3_bind_blob(stmt, at, $0.baseAddress, Int32(b.count), transient) }
            }
            guard rc == SQLITE_OK else { throw .sqlite(lastError) }
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
