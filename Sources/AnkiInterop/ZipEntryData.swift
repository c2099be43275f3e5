import Foundation
import ZIPFoundation

/// An entry's deflated bytes, found from the zip's own headers and inflated with a bound:
/// on Linux, ZIPFoundation 0.9.20 inflates until the stream says it ended, reading past the
/// entry to the end of the file and then forever (weichsel/ZIPFoundation#389), so a package
/// whose collection's stream is cut short hung `factdeck import` (found by fuzz-anki-package).
/// Here the stream gets exactly the entry's compressed bytes and an unfinished one is an error.
struct ZipEntryData {
    /// Where the entry's compressed bytes start in the file, and how many there are.
    let offset: UInt64
    let compressedSize: UInt64

    enum Problem: Error { case unsupported, damaged }

    /// The bytes of the last central-directory entry named `name` (as ZIPFoundation keeps
    /// the last of equal names). ZIP64 sizes and offsets are not read: Anki writes none.
    static func locate(_ name: String, in handle: FileHandle) throws(Problem) -> ZipEntryData {
        do {
            let size = try handle.seekToEnd()
            let tailLength = min(size, 22 + 0xFFFF)
            try handle.seek(toOffset: size - tailLength)
            let tail = [UInt8](try handle.read(upToCount: Int(tailLength)) ?? Data())
            // The end-of-central-directory record: the last "PK\5\6" with room for its 22 bytes.
            guard tail.count >= 22, let eocd = stride(from: tail.count - 22, through: 0, by: -1).first(where: {
                tail[$0] == 0x50 && tail[$0 + 1] == 0x4B && tail[$0 + 2] == 0x05 && tail[$0 + 3] == 0x06
            }) else { throw Problem.damaged }
            let cdSize = UInt64(u32(tail, eocd + 12)), cdOffset = UInt64(u32(tail, eocd + 16))
            guard cdSize != 0xFFFF_FFFF, cdOffset != 0xFFFF_FFFF else { throw Problem.unsupported }
            guard cdOffset + cdSize <= size else { throw Problem.damaged }
            try handle.seek(toOffset: cdOffset)
            let cd = [UInt8](try handle.read(upToCount: Int(cdSize)) ?? Data())
            let wanted = Array(name.utf8)
            var found: (local: UInt64, compressed: UInt64)?
            var i = 0
            while i + 46 <= cd.count, u32(cd, i) == 0x0201_4B50 {
                let nameLength = Int(u16(cd, i + 28)), extra = Int(u16(cd, i + 30)), comment = Int(u16(cd, i + 32))
                guard i + 46 + nameLength <= cd.count else { break }
                if Array(cd[(i + 46)..<(i + 46 + nameLength)]) == wanted {
                    found = (UInt64(u32(cd, i + 42)), UInt64(u32(cd, i + 20)))
                }
                i += 46 + nameLength + extra + comment
            }
            guard let found else { throw Problem.damaged }
            guard found.local != 0xFFFF_FFFF, found.compressed != 0xFFFF_FFFF else { throw Problem.unsupported }
            try handle.seek(toOffset: found.local)
            let local = [UInt8](try handle.read(upToCount: 30) ?? Data())
            guard local.count == 30, u32(local, 0) == 0x0403_4B50 else { throw Problem.damaged }
            let offset = found.local + 30 + UInt64(u16(local, 26)) + UInt64(u16(local, 28))
            guard offset + found.compressed <= size else { throw Problem.damaged }
            return ZipEntryData(offset: offset, compressedSize: found.compressed)
        } catch let problem as Problem {
            throw problem
        } catch {
            throw .damaged
        }
    }

    /// Inflates the entry's bytes, handing each piece of output to `consumer`; the CRC-32 of
    /// the output is returned. A stream that wants more than the entry holds is `.damaged`.
    func inflate(from handle: FileHandle, consumer: (Data) throws -> Void) throws -> CRC32 {
        try handle.seek(toOffset: offset)
        let total = Int64(compressedSize)
        return try Data.decompress(size: total, bufferSize: 64 << 10, skipCRC32: false, provider: { position, chunk in
            guard position < total else { throw Problem.damaged }
            let bytes = try handle.read(upToCount: Int(min(Int64(chunk), total - position))) ?? Data()
            guard !bytes.isEmpty else { throw Problem.damaged }  // an empty piece is what made it spin
            return bytes
        }, consumer: consumer)
    }

    private static func u16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }
    private static func u32(_ b: [UInt8], _ i: Int) -> UInt32 { UInt32(u16(b, i)) | UInt32(u16(b, i + 2)) << 16 }
}
