/// A finite verb (VBD, VBZ, VBP, MD) attaches to a noun as a clause (`acl`, `acl:relcl`)
/// only when that clause has a subject, a relative word acting as one, or a marker ("the
/// reason he refused", "strips that run", "the result that he lacked"): in EWT train, 1,059
/// of 1,077 such arcs do. Without the rule the parser reads "Most species have eight strips"
/// as a noun with a reduced relative clause and no main verb. Applied in training as well,
/// so the parser learns its scores on the same moves it may make.
struct ClauseConstraint: Sendable {
    /// Per tag class: a finite verb.
    let finite: [Bool]
    /// Per label: a clause attached to a noun.
    let nounClause: [Bool]
    /// Bits (as in `ArcHybridState.leftLabels`) of the labels that give a clause its own
    /// subject or marker.
    let clauseMarkers: UInt64

    init(tags: TagSet, labels: LabelSet) {
        finite = tags.finiteVerbs
        nounClause = labels.names.map { $0 == "acl" || $0 == "acl:relcl" }
        var bits: UInt64 = 0
        for (i, name) in labels.names.enumerated() where i < 64 {
            let universal = name.split(separator: ":").first.map(String.init) ?? name
            if ["nsubj", "csubj", "expl", "mark"].contains(universal) { bits |= 1 << UInt64(i) }
        }
        clauseMarkers = bits
    }

    /// Clears, in `mask`, the noun-clause arcs that would take the stack top as a bare finite clause.
    @inline(__always)
    func restrict(_ state: ArcHybridState, tags: UnsafeBufferPointer<Int32>, mask: UnsafeMutablePointer<Bool>) {
        let s0 = state.stackWord(0)
        guard s0 > 0, finite[Int(tags[s0 - 1])],
            (state.leftLabels[s0] | state.rightLabels[s0]) & clauseMarkers == 0
        else { return }
        for l in nounClause.indices where nounClause[l] {
            mask[Transition.left(l)] = false
            mask[Transition.right(l)] = false
        }
    }
}
