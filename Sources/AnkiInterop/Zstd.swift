import CZstd

/// Decompression of zstd frames (Anki's modern packages) through the system libzstd.
enum Zstd {
    /// The frame magic every zstd stream starts with.
    static let magic: [UInt8] = [0x28, 0xB5, 0x2F, 0xFD]

    static func isCompressed(_ bytes: [UInt8]) -> Bool { bytes.count >= 4 && Array(bytes.prefix(4)) == magic }

    /// Decompresses `bytes` (one or more frames), refusing output beyond `limit` bytes: a
    /// frame's declared size can lie, so the limit is checked on what actually comes out.
    static func decompress(_ bytes: [UInt8], limit: UInt64, name: String) throws(AnkiError) -> [UInt8] {
        guard let stream = ZSTD_createDStream() else { throw .damaged("\(name): out of memory for zstd") }
        defer { ZSTD_freeDStream(stream) }
        ZSTD_initDStream(stream)
        var out: [UInt8] = []
        let declared = bytes.withUnsafeBytes { ZSTD_getFrameContentSize($0.baseAddress, $0.count) }
        // UInt64.max: size unknown; UInt64.max - 1: not a frame (ZSTD_CONTENTSIZE_UNKNOWN / _ERROR).
        if declared < UInt64.max - 1 {
            if declared > limit { throw .tooLarge("\(name) would unpack to \(declared >> 20) MiB (limit \(limit >> 20) MiB)") }
            out.reserveCapacity(Int(declared))
        }
        let chunk = ZSTD_DStreamOutSize()
        var buffer = [UInt8](repeating: 0, count: chunk)
        let failure: String? = bytes.withUnsafeBytes { src -> String? in
            var input = ZSTD_inBuffer(src: src.baseAddress, size: src.count, pos: 0)
            var pending = 0
            // zstd does not consume a frame's last byte before it has flushed all its output
            // (zstd's streaming_decompression example), so "input used up" ends the loop.
            while input.pos < input.size {
                let (result, produced) = buffer.withUnsafeMutableBytes { dst -> (Int, Int) in
                    var output = ZSTD_outBuffer(dst: dst.baseAddress, size: dst.count, pos: 0)
                    let r = ZSTD_decompressStream(stream, &output, &input)
                    return (r, output.pos)
                }
                if ZSTD_isError(result) != 0 { return String(cString: ZSTD_getErrorName(result)) }
                out.append(contentsOf: buffer[0..<produced])
                if UInt64(out.count) > limit { return "limit" }
                pending = result
            }
            return pending == 0 ? nil : "the data ends mid-frame"
        }
        if failure == "limit" { throw .tooLarge("\(name) unpacks to more than \(limit >> 20) MiB") }
        if let failure { throw .damaged("\(name) is not valid zstd data (\(failure))") }
        return out
    }
}
