import SeededRandom
import Testing

@Suite struct SeededGeneratorTests {
    /// The first outputs of SplitMix64 seeded with 0 and 1234567, as Vigna's reference
    /// splitmix64.c computes them (worked out independently with Python integers): a seed must
    /// give the same sequence everywhere, since quizzes, fuzz and decks are reproduced from it.
    @Test("the sequence is the reference SplitMix64's", arguments: [
        (UInt64(0), [0xe220_a839_7b1d_cdaf as UInt64, 0x6e78_9e6a_a1b9_65f4, 0x06c4_5d18_8009_454f]),
        (UInt64(1_234_567), [0x599e_d017_fb08_fc85 as UInt64, 0x2c73_f084_5854_0fa5, 0x883e_bce5_a3f2_7c77]),
    ])
    func reference(seed: UInt64, expected: [UInt64]) {
        var g = SeededGenerator(seed: seed)
        #expect((0..<expected.count).map { _ in g.next() } == expected)
    }

    @Test("a text seed is its FNV-1a hash, so the same text gives the same sequence")
    func textSeed() {
        var a = SeededGenerator(seedText: "sha256:abc"), b = SeededGenerator(seedText: "sha256:abc")
        var c = SeededGenerator(seedText: "sha256:abd")
        let x = (0..<4).map { _ in a.next() }
        #expect(x == (0..<4).map { _ in b.next() })
        #expect(x != (0..<4).map { _ in c.next() })
        #expect(SeededGenerator(seedText: "") == SeededGenerator(seed: 0xcbf2_9ce4_8422_2325))
    }
}
