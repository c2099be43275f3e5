import Hashing

/// The project's one seeded generator (Steele, Lea and Flood's SplitMix64): reproducible
/// shuffles, distractors, fuzz and property tests. The same seed gives the same sequence on
/// every machine and run, which `SystemRandomNumberGenerator` cannot.
@frozen
public struct SeededGenerator: RandomNumberGenerator, Sendable, Hashable {
    @usableFromInline var state: UInt64

    /// A generator whose sequence is fixed by `seed`.
    @inlinable public init(seed: UInt64) { state = seed }

    /// Seeded from text (e.g. an article's checksum) by its FNV-1a hash, so the same text
    /// gives the same sequence.
    public init(seedText: String) { state = FNV1a.hash(seedText) }

    @inlinable public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
