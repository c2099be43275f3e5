import Foundation

/// SHA-256 and SHA-1 as the project uses them: article checksums and content-derived card ids
/// (SHA-256); Anki's note checksum and the ids derived from Anki's (SHA-1, which Anki's format
/// fixes; nothing here is secret). Written here rather than taken from apple/swift-crypto:
/// its bundled BoringSSL took a fresh clone's first build from 55 s to 134 s (ARCHITECTURE.md),
/// for two digests of a few hundred lines checked against the FIPS 180-4 vectors.
public enum ContentHash {
    /// The 32-byte SHA-256 digest of `bytes`.
    public static func sha256(_ bytes: some DataProtocol) -> [UInt8] { SHA256.digest(Array(bytes)) }

    /// Lower-case hex of the SHA-256 digest of `bytes`.
    public static func sha256Hex(_ bytes: some DataProtocol) -> String { Hex.lowercase(sha256(bytes)) }

    /// Lower-case hex of the SHA-256 digest of `text`'s UTF-8.
    public static func sha256Hex(_ text: String) -> String { sha256Hex(Array(text.utf8)) }

    /// The 20-byte SHA-1 digest of `text`'s UTF-8.
    public static func sha1(_ text: String) -> [UInt8] { SHA1.digest(Array(text.utf8)) }

    /// Lower-case hex of the SHA-1 digest of `text`'s UTF-8.
    public static func sha1Hex(_ text: String) -> String { Hex.lowercase(sha1(text)) }

    /// A stable 64-bit number from a text: the first 8 bytes of its SHA-1, big-endian.
    public static func sha1Number(_ text: String) -> UInt64 {
        sha1(text).prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }
}
