/// The few SQLite functions factdeck uses, with their C signatures, taken from the system's
/// `libsqlite3.so.0` at run time (Swift's own toolchain depends on that library, so every
/// machine that builds factdeck has it; the headers are not needed).
struct SQLiteAPI: @unchecked Sendable {
    typealias Handle = OpaquePointer
    typealias Statement = OpaquePointer
    typealias Collation = @convention(c) (UnsafeMutableRawPointer?, Int32, UnsafeRawPointer?, Int32, UnsafeRawPointer?) -> Int32

    static let ok: Int32 = 0, row: Int32 = 100, done: Int32 = 101
    static let openReadWrite: Int32 = 0x02, openCreate: Int32 = 0x04
    static let deserializeFreeOnClose: UInt32 = 1, deserializeReadOnly: UInt32 = 4
    static let utf8: Int32 = 1
    static let integer: Int32 = 1, float: Int32 = 2, text: Int32 = 3, blob: Int32 = 4, null: Int32 = 5
    /// SQLITE_TRANSIENT: SQLite copies bound bytes before the bind call returns.
    static var transient: UnsafeRawPointer? { UnsafeRawPointer(bitPattern: -1) }
    /// sqlite3_deserialize is built in by default from 3.36.
    static let requirement = SystemLibrary.Requirement(
        fileName: "libsqlite3.so.0", debianPackage: "libsqlite3-0", override: "FACTDECK_LIBSQLITE3",
        versionFunction: "sqlite3_libversion_number", minimumVersion: 3_036_000,
        versionText: { "\($0 / 1_000_000).\($0 / 1000 % 1000)" })

    /// Loaded once, on first use by `import` or `export`; other commands never touch it.
    static let shared: Result<SQLiteAPI, AnkiError> = Result { () throws(AnkiError) in try SQLiteAPI(requirement) }

    static func load() throws(AnkiError) -> SQLiteAPI { try shared.get() }

    let openV2: @convention(c) (UnsafePointer<CChar>?, UnsafeMutablePointer<Handle?>?, Int32, UnsafePointer<CChar>?) -> Int32
    let closeV2: @convention(c) (Handle?) -> Int32
    let errmsg: @convention(c) (Handle?) -> UnsafePointer<CChar>?
    let malloc64: @convention(c) (UInt64) -> UnsafeMutableRawPointer?
    let free: @convention(c) (UnsafeMutableRawPointer?) -> Void
    let deserialize: @convention(c) (Handle?, UnsafePointer<CChar>?, UnsafeMutablePointer<UInt8>?, Int64, Int64, UInt32) -> Int32
    let serialize: @convention(c) (Handle?, UnsafePointer<CChar>?, UnsafeMutablePointer<Int64>?, UInt32) -> UnsafeMutablePointer<UInt8>?
    let createCollationV2: @convention(c) (Handle?, UnsafePointer<CChar>?, Int32, UnsafeMutableRawPointer?, Collation?, UnsafeRawPointer?) -> Int32
    let exec: @convention(c) (Handle?, UnsafePointer<CChar>?, UnsafeRawPointer?, UnsafeMutableRawPointer?, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32
    let prepareV2: @convention(c) (Handle?, UnsafePointer<CChar>?, Int32, UnsafeMutablePointer<Statement?>?, UnsafeMutablePointer<UnsafePointer<CChar>?>?) -> Int32
    let finalize: @convention(c) (Statement?) -> Int32
    let step: @convention(c) (Statement?) -> Int32
    let columnCount: @convention(c) (Statement?) -> Int32
    let columnType: @convention(c) (Statement?, Int32) -> Int32
    let columnInt64: @convention(c) (Statement?, Int32) -> Int64
    let columnDouble: @convention(c) (Statement?, Int32) -> Double
    let columnBytes: @convention(c) (Statement?, Int32) -> Int32
    let columnBlob: @convention(c) (Statement?, Int32) -> UnsafeRawPointer?
    let columnText: @convention(c) (Statement?, Int32) -> UnsafePointer<UInt8>?
    let bindNull: @convention(c) (Statement?, Int32) -> Int32
    let bindInt64: @convention(c) (Statement?, Int32, Int64) -> Int32
    let bindDouble: @convention(c) (Statement?, Int32, Double) -> Int32
    let bindText: @convention(c) (Statement?, Int32, UnsafePointer<CChar>?, Int32, UnsafeRawPointer?) -> Int32
    let bindBlob: @convention(c) (Statement?, Int32, UnsafeRawPointer?, Int32, UnsafeRawPointer?) -> Int32

    init(_ requirement: SystemLibrary.Requirement) throws(AnkiError) {
        let lib = try SystemLibrary.open(requirement)
        openV2 = try lib.function("sqlite3_open_v2")
        closeV2 = try lib.function("sqlite3_close_v2")
        errmsg = try lib.function("sqlite3_errmsg")
        malloc64 = try lib.function("sqlite3_malloc64")
        free = try lib.function("sqlite3_free")
        deserialize = try lib.function("sqlite3_deserialize")
        serialize = try lib.function("sqlite3_serialize")
        createCollationV2 = try lib.function("sqlite3_create_collation_v2")
        exec = try lib.function("sqlite3_exec")
        prepareV2 = try lib.function("sqlite3_prepare_v2")
        finalize = try lib.function("sqlite3_finalize")
        step = try lib.function("sqlite3_step")
        columnCount = try lib.function("sqlite3_column_count")
        columnType = try lib.function("sqlite3_column_type")
        columnInt64 = try lib.function("sqlite3_column_int64")
        columnDouble = try lib.function("sqlite3_column_double")
        columnBytes = try lib.function("sqlite3_column_bytes")
        columnBlob = try lib.function("sqlite3_column_blob")
        columnText = try lib.function("sqlite3_column_text")
        bindNull = try lib.function("sqlite3_bind_null")
        bindInt64 = try lib.function("sqlite3_bind_int64")
        bindDouble = try lib.function("sqlite3_bind_double")
        bindText = try lib.function("sqlite3_bind_text")
        bindBlob = try lib.function("sqlite3_bind_blob")
    }
}
