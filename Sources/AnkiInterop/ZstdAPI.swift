/// The few libzstd functions factdeck uses, with their C signatures, taken from the
/// system's `libzstd.so.1` at run time.
struct ZstdAPI: @unchecked Sendable {
    typealias Stream = OpaquePointer
    /// `ZSTD_inBuffer` and `ZSTD_outBuffer` are both `{ pointer, size_t size, size_t pos }`:
    /// three machine words, passed as a pointer to them.
    typealias BufferFields = (Int, Int, Int)

    /// A ZSTD_inBuffer / ZSTD_outBuffer; C sees `fields` (a homogeneous tuple, laid out like
    /// the C struct).
    struct Buffer {
        var fields: BufferFields
        init(pointer: UnsafeRawPointer?, size: Int) { fields = (Int(bitPattern: pointer), size, 0) }
        var size: Int { fields.1 }
        var pos: Int { fields.2 }
    }

    /// Calls `body` with C pointers to the two buffers' words.
    static func withPointers<R>(_ a: inout Buffer, _ b: inout Buffer, _ body: (UnsafeMutablePointer<Int>, UnsafeMutablePointer<Int>) -> R) -> R {
        withUnsafeMutablePointer(to: &a.fields) { pa in
            withUnsafeMutablePointer(to: &b.fields) { pb in
                pa.withMemoryRebound(to: Int.self, capacity: 3) { ia in
                    pb.withMemoryRebound(to: Int.self, capacity: 3) { ib in body(ia, ib) }
                }
            }
        }
    }

    /// ZSTD_decompressStream's frame handling as used here is stable since 1.4.
    static let requirement = SystemLibrary.Requirement(
        fileName: "libzstd.so.1", debianPackage: "libzstd1", override: "FACTDECK_LIBZSTD",
        versionFunction: "ZSTD_versionNumber", minimumVersion: 10400,
        versionText: { "\($0 / 10000).\($0 / 100 % 100)" })

    /// Loaded once, on first use; only commands that read modern Anki packages need it.
    static let shared: Result<ZstdAPI, AnkiError> = Result { () throws(AnkiError) in try ZstdAPI(requirement) }

    static func load() throws(AnkiError) -> ZstdAPI { try shared.get() }

    let createDStream: @convention(c) () -> Stream?
    let freeDStream: @convention(c) (Stream?) -> Int
    let initDStream: @convention(c) (Stream?) -> Int
    let getFrameContentSize: @convention(c) (UnsafeRawPointer?, Int) -> UInt64
    let dStreamOutSize: @convention(c) () -> Int
    let decompressStream: @convention(c) (Stream?, UnsafeMutablePointer<Int>?, UnsafeMutablePointer<Int>?) -> Int
    let isError: @convention(c) (Int) -> UInt32
    let errorName: @convention(c) (Int) -> UnsafePointer<CChar>?
    let createCStream: @convention(c) () -> Stream?
    let freeCStream: @convention(c) (Stream?) -> Int
    let initCStream: @convention(c) (Stream?, Int32) -> Int
    let compressStream: @convention(c) (Stream?, UnsafeMutablePointer<Int>?, UnsafeMutablePointer<Int>?) -> Int
    let endStream: @convention(c) (Stream?, UnsafeMutablePointer<Int>?) -> Int
    let cStreamOutSize: @convention(c) () -> Int

    init(_ requirement: SystemLibrary.Requirement) throws(AnkiError) {
        let lib = try SystemLibrary.open(requirement)
        createDStream = try lib.function("ZSTD_createDStream")
        freeDStream = try lib.function("ZSTD_freeDStream")
        initDStream = try lib.function("ZSTD_initDStream")
        getFrameContentSize = try lib.function("ZSTD_getFrameContentSize")
        dStreamOutSize = try lib.function("ZSTD_DStreamOutSize")
        decompressStream = try lib.function("ZSTD_decompressStream")
        isError = try lib.function("ZSTD_isError")
        errorName = try lib.function("ZSTD_getErrorName")
        createCStream = try lib.function("ZSTD_createCStream")
        freeCStream = try lib.function("ZSTD_freeCStream")
        initCStream = try lib.function("ZSTD_initCStream")
        compressStream = try lib.function("ZSTD_compressStream")
        endStream = try lib.function("ZSTD_endStream")
        cStreamOutSize = try lib.function("ZSTD_CStreamOutSize")
    }
}
