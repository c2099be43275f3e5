import SeededRandom
import Scheduling

/// Seeded hostile inputs for the readers' property tests: real inputs mutated as a fuzzer
/// (or a damaged disk, or a careless edit) would mutate them, plus random bytes.
///
/// The same `seed` gives the same inputs, so a failure names an input that can be made
/// again: `MutatedInputs(...).input(at: i)`.
public struct MutatedInputs: Sequence {
    public let seeds: [[UInt8]]
    public let count: Int
    public let seed: UInt64
    /// Inputs never grow past this (a mutation that would is cut back), so every input is
    /// read in bounded work.
    public let maxLength: Int
    /// Tokens of the format (keys, keywords, separators), inserted as odd text is.
    public let tokens: [[UInt8]]

    public init(seeds: [[UInt8]], count: Int, seed: UInt64, maxLength: Int = 1 << 14, tokens: [String] = []) {
        precondition(!seeds.isEmpty, "mutations need at least one real input")
        self.seeds = seeds
        self.count = count
        self.seed = seed
        self.maxLength = maxLength
        self.tokens = tokens.map { Array($0.utf8) }
    }

    public func makeIterator() -> AnyIterator<[UInt8]> {
        var i = 0
        return AnyIterator {
            guard i < count else { return nil }
            defer { i += 1 }
            return input(at: i)
        }
    }

    /// The `index`-th input: one in sixteen is random bytes, one in sixteen a seed as it is,
    /// the rest a seed after one to eight mutations.
    public func input(at index: Int) -> [UInt8] {
        var rng = SeededGenerator(seed: seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
        switch rng.next() % 16 {
        case 0:
            return (0..<Int(rng.next() % 512)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        case 1:
            return Array(seeds[index % seeds.count].prefix(maxLength))
        default:
            var bytes = seeds[Int(rng.next() % UInt64(seeds.count))]
            for _ in 0...(rng.next() % 8) { mutate(&bytes, &rng) }
            return Array(bytes.prefix(maxLength))
        }
    }

    private func mutate(_ bytes: inout [UInt8], _ rng: inout SeededGenerator) {
        func position(_ limit: Int) -> Int { limit <= 0 ? 0 : Int(rng.next() % UInt64(limit + 1)) }
        func range() -> Range<Int> {
            let start = position(bytes.count)
            return start..<Swift.min(bytes.count, start + 1 + position(Swift.min(64, bytes.count - start)))
        }
        switch rng.next() % 9 {
        case 0:  // flip a bit
            if !bytes.isEmpty { bytes[position(bytes.count - 1)] ^= 1 << (rng.next() % 8) }
        case 1:  // set a byte to anything
            if !bytes.isEmpty { bytes[position(bytes.count - 1)] = UInt8(truncatingIfNeeded: rng.next()) }
        case 2:  // cut the end off
            bytes.removeLast(bytes.count - position(bytes.count))
        case 3:  // cut a piece out
            bytes.removeSubrange(range())
        case 4:  // repeat a piece, up to many times
            let piece = bytes[range()]
            let times = 1 + Int(rng.next() % (rng.next() % 4 == 0 ? 200 : 3))
            bytes.insert(contentsOf: Array(repeating: Array(piece), count: times).joined(), at: position(bytes.count))
        case 5:  // odd text
            bytes.insert(contentsOf: OddText.samples[Int(rng.next() % UInt64(OddText.samples.count))], at: position(bytes.count))
        case 6:  // a token of the format, or odd text when there are none
            let pool = tokens.isEmpty ? OddText.samples : tokens
            bytes.insert(contentsOf: pool[Int(rng.next() % UInt64(pool.count))], at: position(bytes.count))
        case 7:  // move a piece elsewhere
            let r = range()
            let piece = Array(bytes[r])
            bytes.removeSubrange(r)
            bytes.insert(contentsOf: piece, at: position(bytes.count))
        default:  // a few random bytes
            bytes.insert(contentsOf: (0..<(1 + rng.next() % 8)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }, at: position(bytes.count))
        }
        if bytes.count > maxLength { bytes.removeLast(bytes.count - maxLength) }
    }
}
