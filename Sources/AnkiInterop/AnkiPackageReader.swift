import Foundation
import ZIPFoundation

/// What a package holds, unpacked into memory with its checks passed.
struct AnkiPackage {
    /// The zip entry the collection came from (`collection.anki21b`, `collection.anki21`, `collection.anki2`).
    var collectionName: String
    /// The collection's SQLite file image (decompressed).
    var collection: [UInt8]
    /// `meta`'s PackageMetadata version (1, 2, 3), nil when the package has no `meta`.
    var metaVersion: Int?
}

/// Opens .apkg files safely: a zip whose every entry name stays inside the package, sizes
/// bounded (zip bombs), and the collection file Anki itself would read.
enum AnkiPackageReader {
    /// The largest collection the importer unpacks (declared and actual size).
    static let maxCollectionBytes: UInt64 = 256 << 20
    /// The largest uncompressed package in all (declared sizes).
    static let maxTotalBytes: UInt64 = 2 << 30

    static func open(path: String, collectionLimit: UInt64 = maxCollectionBytes) throws(AnkiError) -> AnkiPackage {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw FileManager.default.fileExists(atPath: path)
                ? .io(path: path, reason: "cannot read the file") : .io(path: path, reason: "no such file")
        }
        let head = (try? handle.read(upToCount: 4)) ?? Data()
        try? handle.close()
        guard head.count == 4, head[0] == 0x50, head[1] == 0x4B, head[2] == 0x03 || head[2] == 0x05 else {
            throw .notAnkiPackage("\(path) is not a zip archive")
        }
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw .notAnkiPackage("\(path) is not a readable zip archive (\(error))")
        }
        var entries: [String: Entry] = [:]
        var total: UInt64 = 0
        for entry in archive {
            let name = entry.path
            try checkName(name)
            total += entry.uncompressedSize
            if total > maxTotalBytes { throw .tooLarge("it would unpack to more than \(maxTotalBytes >> 20) MiB") }
            if entry.type == .file { entries[name] = entry }
        }

        var metaVersion: Int?
        if let meta = entries["meta"] {
            let bytes = try read(meta, from: archive, path: path, limit: 1024)
            // protobuf PackageMetadata { Version version = 1; }: 08 <varint>; empty = 0.
            metaVersion = bytes.count >= 2 && bytes[0] == 0x08 ? Int(bytes[1]) : 0
        }
        let name: String
        switch metaVersion {
        case 3?: name = "collection.anki21b"
        case 2?: name = "collection.anki21"
        case 1?: name = "collection.anki2"
        case nil: name = entries["collection.anki21"] != nil ? "collection.anki21" : "collection.anki2"
        default: throw .unsupportedSchema("the package format version \(metaVersion!) is unknown (newer than this factdeck)")
        }
        guard let entry = entries[name] else {
            throw .notAnkiPackage("\(path) has no \(name) (the collection) inside")
        }
        var collection = try read(entry, from: archive, path: path, limit: collectionLimit)
        // The modern layout compresses the collection with zstd (FORMATS.md §3); the dummy
        // collection.anki2 beside it is for old clients and is ignored.
        if Zstd.isCompressed(collection) {
            collection = try Zstd.decompress(collection, limit: collectionLimit, name: name)
        } else if name == "collection.anki21b" {
            throw .damaged("\(name) is not zstd-compressed as Anki writes it")
        }
        return AnkiPackage(collectionName: name, collection: collection, metaVersion: metaVersion)
    }

    /// Entry names must be plain, relative and free of `..`: Anki's own are `meta`,
    /// `collection.anki21`, `media`, `0`, `1`, ...
    static func checkName(_ name: String) throws(AnkiError) {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        if name.hasPrefix("/") || name.contains("\\") || name.contains("\0") || parts.contains("..")
            || (name.count >= 2 && name.dropFirst().hasPrefix(":")) {
            throw .unsafeEntry(name)
        }
    }

    static func read(_ entry: Entry, from archive: Archive, path: String, limit: UInt64) throws(AnkiError) -> [UInt8] {
        if entry.uncompressedSize > limit {
            throw .tooLarge("\(entry.path) would unpack to \(entry.uncompressedSize >> 20) MiB (limit \(limit >> 20) MiB)")
        }
        var out: [UInt8] = []
        out.reserveCapacity(Int(entry.uncompressedSize))
        struct Overflow: Error {}
        let consume = { (chunk: Data) throws in
            out.append(contentsOf: chunk)
            // The declared size can lie: stop as soon as the real output passes the limit.
            if UInt64(out.count) > limit { throw Overflow() }
        }
        do {
            if entry.isCompressed {
                // Deflated entries are inflated here, bounded to their own bytes (ZipEntryData).
                guard let handle = FileHandle(forReadingAtPath: path) else { throw ZipEntryData.Problem.damaged }
                defer { try? handle.close() }
                let checksum = try ZipEntryData.locate(entry.path, in: handle).inflate(from: handle, consumer: consume)
                guard checksum == entry.checksum else { throw ZipEntryData.Problem.damaged }
            } else {
                _ = try archive.extract(entry, consumer: consume)
            }
        } catch is Overflow {
            throw .tooLarge("\(entry.path) unpacks to more than \(limit >> 20) MiB")
        } catch ZipEntryData.Problem.unsupported {
            throw .notAnkiPackage("\(path): \(entry.path) is stored in ZIP64 form, which factdeck does not read; export the deck from Anki again")
        } catch {
            throw .damaged("\(path): \(entry.path) is damaged (its compressed data is cut short or does not match its checksum); export the deck from Anki again")
        }
        return out
    }
}
