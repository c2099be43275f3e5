/// zstd (Anki's modern `collection.anki21b` packages) through the system `libzstd.so.1`,
/// loaded at run time: dpkg and apt themselves depend on it, so it is on every
/// Debian/Ubuntu machine, and no headers are needed to build.
enum Zstd {
    /// The frame magic every zstd stream starts with.
    static let magic: [UInt8] = [0x28, 0xB5, 0x2F, 0xFD]

    static func isCompressed(_ bytes: [UInt8]) -> Bool { bytes.count >= 4 && Array(bytes.prefix(4)) == magic }

    /// Decompresses `bytes` (one or more frames), refusing output beyond `limit` bytes: a
    /// frame's declared size can lie, so the limit is checked on what actually comes out.
    static func decompress(_ bytes: [UInt8], limit: UInt64, name: String) throws(AnkiError) -> [UInt8] {
        let api = try ZstdAPI.load()
        guard let stream = api.createDStream() else { throw .damaged("\(name): out of memory for zstd") }
        defer { _ = api.freeDStream(stream) }
        _ = api.initDStream(stream)
        var out: [UInt8] = []
        let declared = bytes.withUnsafeBytes { api.getFrameContentSize($0.baseAddress, $0.count) }
        // UInt64.max: size unknown; UInt64.max - 1: not a frame (ZSTD_CONTENTSIZE_UNKNOWN / _ERROR).
        if declared < UInt64.max - 1 {
            if declared > limit { throw .tooLarge("\(name) would unpack to \(declared >> 20) MiB (limit \(limit >> 20) MiB)") }
            out.reserveCapacity(Int(declared))
        }
        var buffer = [UInt8](repeating: 0, count: api.dStreamOutSize())
        let failure: String? = bytes.withUnsafeBytes { src -> String? in
            var input = ZstdAPI.Buffer(pointer: src.baseAddress, size: src.count)
            var pending = 0
            // zstd does not consume a frame's last byte before it has flushed all its output
            // (zstd's streaming_decompression example), so "input used up" ends the loop.
            while input.pos < input.size {
                let (result, produced) = buffer.withUnsafeMutableBytes { dst -> (Int, Int) in
                    var output = ZstdAPI.Buffer(pointer: dst.baseAddress, size: dst.count)
                    let r = ZstdAPI.withPointers(&output, &input) { api.decompressStream(stream, $0, $1) }
                    return (r, output.pos)
                }
                if api.isError(result) != 0 { return api.errorName(result).map { String(cString: $0) } ?? "error \(result)" }
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

    /// Compresses `bytes` as a streaming writer does: one frame with no declared content
    /// size (what Anki writes for large collections). Tests build packages with it.
    static func compressStream(_ bytes: [UInt8], level: Int32 = 3) throws(AnkiError) -> [UInt8] {
        let api = try ZstdAPI.load()
        guard let stream = api.createCStream() else { throw .damaged("out of memory for zstd") }
        defer { _ = api.freeCStream(stream) }
        _ = api.initCStream(stream, level)
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: api.cStreamOutSize())
        bytes.withUnsafeBytes { src in
            var input = ZstdAPI.Buffer(pointer: src.baseAddress, size: src.count)
            var remaining = 1
            while input.pos < input.size || remaining != 0 {
                buffer.withUnsafeMutableBytes { dst in
                    var output = ZstdAPI.Buffer(pointer: dst.baseAddress, size: dst.count)
                    let more = input.pos < input.size
                    remaining = ZstdAPI.withPointers(&output, &input) { out, inp in
                        more ? api.compressStream(stream, out, inp) : api.endStream(stream, out)
                    }
                    out.append(contentsOf: dst.prefix(output.pos))
                }
                if input.pos < input.size { remaining = 1 }
            }
        }
        return out
    }
}
