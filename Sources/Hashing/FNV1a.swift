/// 64-bit FNV-1a: a fast, stable hash of bytes for ids, file names and seeds. Not for
/// anything secret, and not a checksum of content others verify (that is SHA-256).
public enum FNV1a {
    public static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    public static let prime: UInt64 = 0x100_0000_01b3

    /// The hash of `bytes`.
    @inlinable public static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var h = offsetBasis
        for b in bytes { h = (h ^ UInt64(b)) &* prime }
        return h
    }

    /// The hash of `text`'s UTF-8.
    @inlinable public static func hash(_ text: String) -> UInt64 { hash(text.utf8) }

    /// The hash of `text` as 16 lower-case hex digits.
    public static func hex(_ text: String) -> String {
        Hex.lowercase(withUnsafeBytes(of: hash(text).bigEndian) { Array($0) })
    }
}
