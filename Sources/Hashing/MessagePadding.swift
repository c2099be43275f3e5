/// The padding SHA-1 and SHA-256 share (FIPS 180-4 §5.1.1): a 1 bit, zeros, and the message
/// length in bits as a big-endian 64-bit number, to a multiple of 64 bytes.
enum MessagePadding {
    static func padded(_ message: some Collection<UInt8>) -> [UInt8] {
        var data = Array(message)
        let bitLength = UInt64(data.count) &* 8
        data.append(0x80)
        while data.count % 64 != 56 { data.append(0) }
        for i in (0..<8).reversed() { data.append(UInt8(truncatingIfNeeded: bitLength >> (UInt64(i) * 8))) }
        return data
    }

    /// The big-endian 32-bit word at `offset`.
    @inline(__always)
    static func word(_ data: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(data[offset]) << 24 | UInt32(data[offset + 1]) << 16 | UInt32(data[offset + 2]) << 8 | UInt32(data[offset + 3])
    }

    /// The words, each as four big-endian bytes.
    static func bytes(_ words: [UInt32]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(words.count * 4)
        for v in words { for shift in [24, 16, 8, 0] as [UInt32] { out.append(UInt8(truncatingIfNeeded: v >> shift)) } }
        return out
    }
}
