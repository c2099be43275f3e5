import Testing

@testable import Language

@Suite struct ClauseConstraintTests {
    static let tags = TagSet(universal: [.noun, .verb, .verb], penn: ["NNS", "VBP", "VBN"])
    static let labels = LabelSet(names: ["root", "nsubj", "acl", "acl:relcl", "obj", "mark"])
    static let constraint = ClauseConstraint(tags: tags, labels: labels)
    static let finite: Int32 = 1, participle: Int32 = 2

    /// The moves left open when the verb (tagged `second`) is on top of the stack over word 1;
    /// with `withSubject`, the verb has first taken the word before it as its subject.
    static func openMoves(second: Int32, withSubject: Bool) -> [Bool] {
        var state = ArcHybridState(count: 3)
        state.shift()  // word 1 ("species")
        if withSubject {
            state.shift()  // a subject word before the verb
            state.left(labels.index(of: "nsubj")!)  // ... becomes the subject of the next word
        }
        state.shift()  // the verb
        var mask = [Bool](repeating: true, count: Transition.classCount(labels: labels.count))
        let tags: [Int32] = withSubject ? [0, 0, second] : [0, second, 0]
        tags.withUnsafeBufferPointer { constraint.restrict(state, tags: $0, mask: &mask) }
        return mask
    }

    static func allows(_ mask: [Bool], _ name: String) -> Bool {
        let l = labels.index(of: name)!
        return mask[Transition.right(l)] || mask[Transition.left(l)]
    }

    /// "Most species have eight strips": "have" (finite, no subject or marker) may not join
    /// "species" as a clause; other relations and shifting stay open.
    @Test func aBareFiniteVerbIsNoNounClause() {
        let mask = Self.openMoves(second: Self.finite, withSubject: false)
        #expect(!Self.allows(mask, "acl"))
        #expect(!Self.allows(mask, "acl:relcl"))
        #expect(Self.allows(mask, "obj"))
        #expect(mask[Transition.shift])
    }

    /// A participle ("found in caves") is a reduced relative clause, and a finite verb with
    /// its own subject ("strips that run") a relative clause: both stay allowed.
    @Test(arguments: [(ClauseConstraintTests.participle, false), (ClauseConstraintTests.finite, true)])
    func participlesAndClausesWithASubjectMayStillBeOne(_ tag: Int32, _ withSubject: Bool) {
        let mask = Self.openMoves(second: tag, withSubject: withSubject)
        #expect(Self.allows(mask, "acl"))
        #expect(Self.allows(mask, "acl:relcl"))
    }
}
