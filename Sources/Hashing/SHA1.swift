/// SHA-1 (FIPS 180-4): Anki's note checksum (`csum`, the first 4 bytes of SHA-1 of the sort
/// field) and ids derived from Anki's. Not used for anything secret. Hand-written for the
/// same reason as `SHA256`.
enum SHA1 {
    /// The 20-byte digest of `message`.
    static func digest(_ message: some Collection<UInt8>) -> [UInt8] {
        var h: (UInt32, UInt32, UInt32, UInt32, UInt32) = (0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0)
        let data = MessagePadding.padded(message)
        var w = [UInt32](repeating: 0, count: 80)
        for chunk in stride(from: 0, to: data.count, by: 64) {
            for i in 0..<16 { w[i] = MessagePadding.word(data, chunk + i * 4) }
            for i in 16..<80 {
                let x = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]
                w[i] = (x << 1) | (x >> 31)
            }
            var (a, b, c, d, e) = h
            for i in 0..<80 {
                let f: UInt32, k: UInt32
                switch i {
                case 0..<20: (f, k) = ((b & c) | (~b & d), 0x5A82_7999)
                case 20..<40: (f, k) = (b ^ c ^ d, 0x6ED9_EBA1)
                case 40..<60: (f, k) = ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC)
                default: (f, k) = (b ^ c ^ d, 0xCA62_C1D6)
                }
                let t = ((a << 5) | (a >> 27)) &+ f &+ e &+ k &+ w[i]
                e = d
                d = c
                c = (b << 30) | (b >> 2)
                b = a
                a = t
            }
            h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e)
        }
        return MessagePadding.bytes([h.0, h.1, h.2, h.3, h.4])
    }

    /// The digest of `text`'s UTF-8.
    static func digest(_ text: String) -> [UInt8] { digest(Array(text.utf8)) }

    /// Lower-case hex of the digest of `text`'s UTF-8.
    static func hex(_ text: String) -> String { Hex.lowercase(digest(text)) }

    /// A stable 64-bit number from a text: the first 8 bytes of its digest, big-endian.
    static func number(_ text: String) -> UInt64 {
        digest(text).prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }
}
