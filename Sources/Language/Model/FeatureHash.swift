/// Feature keys are 64-bit hashes folded from small integer atoms (a template number, word
/// hashes, tag and label ids, distances), so extracting a feature allocates nothing. The
/// arithmetic is fixed here, not Swift's per-process seeded `Hasher`, because the keys are
/// stored in the model file and must mean the same in every run.
enum FeatureHash {
    /// The splitmix64 finaliser: every input bit reaches every output bit.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inline(__always)
    static func fold(_ state: UInt64, _ atom: UInt64) -> UInt64 {
        (state ^ atom) &* 0x0000_0100_0000_01B3 &+ 0x2545_F491_4F6C_DD1D
    }

    @inline(__always) static func key(_ template: UInt64, _ a: UInt64) -> UInt64 {
        mix(fold(fold(0xCBF2_9CE4_8422_2325, template), a))
    }
    @inline(__always) static func key(_ template: UInt64, _ a: UInt64, _ b: UInt64) -> UInt64 {
        mix(fold(fold(fold(0xCBF2_9CE4_8422_2325, template), a), b))
    }
    @inline(__always) static func key(_ template: UInt64, _ a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 {
        mix(fold(fold(fold(fold(0xCBF2_9CE4_8422_2325, template), a), b), c))
    }
    @inline(__always) static func key(_ template: UInt64, _ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64) -> UInt64 {
        mix(fold(fold(fold(fold(fold(0xCBF2_9CE4_8422_2325, template), a), b), c), d))
    }

    /// FNV-1a over Unicode scalar values, finalised: the hash of a word or an affix.
    @inline(__always)
    static func scalars(_ values: UnsafeBufferPointer<UInt32>, from start: Int, to end: Int) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        var i = start
        while i < end {
            h = (h ^ UInt64(values[i])) &* 0x0000_0100_0000_01B3
            i += 1
        }
        return mix(h ^ UInt64(end - start))
    }

    /// A word that is not there (before the sentence, an empty stack slot).
    static let none: UInt64 = 0x1F2E_3D4C_5B6A_7988
    /// The artificial root word of the parser.
    static let root: UInt64 = 0x7A69_5847_3625_1403
}
