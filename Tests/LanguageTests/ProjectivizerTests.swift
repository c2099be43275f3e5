import Testing

@testable import Language

@Suite struct ProjectivizerTests {
    /// Word 3 hangs from word 1 across word 2, which is not below word 1 (it is its head):
    /// the arc crosses, and word 3 moves up to word 2.
    @Test func liftsACrossingArcToTheHeadsHead() {
        let heads: [Int32] = [-1, 2, 0, 1, 2]  // index 0 is the root
        let lifted = Projectivizer.lift(heads)
        #expect(lifted == [-1, 2, 0, 2, 2])
    }

    @Test func leavesAProjectiveTreeAlone() {
        let heads: [Int32] = [-1, 2, 0, 4, 2, 2]
        #expect(Projectivizer.lift(heads) == heads)
    }
}
