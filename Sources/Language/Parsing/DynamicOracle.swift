/// The dynamic oracle of arc-hybrid (Goldberg & Nivre 2013): for any configuration, how
/// many gold arcs each transition makes unreachable. Training follows the model's own
/// (sometimes wrong) choices and still learns the best move from where it went, so the
/// parser sees its own mistakes in training. Exact for projective gold trees.
struct DynamicOracle {
    /// Gold head of each word (index 0 unused), and its label.
    let heads: [Int32]
    let labels: [Int16]

    /// Cost of the unlabelled left-arc (top of stack -> dependent of the buffer front).
    func leftCost(_ st: ArcHybridState) -> Int {
        let s0 = st.stackWord(0), s1 = st.stackWord(1), b = st.front
        var cost = dependentsInBuffer(of: s0, st)
        let h = Int(heads[s0])
        if h == s1 || h > b { cost += 1 }
        return cost
    }

    /// Cost of the unlabelled right-arc (top of stack -> dependent of the word below it).
    func rightCost(_ st: ArcHybridState) -> Int {
        let s0 = st.stackWord(0)
        var cost = dependentsInBuffer(of: s0, st)
        if Int(heads[s0]) >= st.front { cost += 1 }
        return cost
    }

    /// Cost of shift: the buffer front can no longer take a head below the current top,
    /// nor any dependent on the stack.
    func shiftCost(_ st: ArcHybridState) -> Int {
        let b = st.front
        let h = Int32(heads[b])
        var cost = 0
        let top = st.stack.count - 1
        for i in 0...top {
            let k = st.stack[i]
            if i < top && k == h { cost += 1 }
            if heads[Int(k)] == Int32(b) { cost += 1 }
        }
        return cost
    }

    private func dependentsInBuffer(of word: Int, _ st: ArcHybridState) -> Int {
        guard st.front <= st.count else { return 0 }
        var n = 0
        let w = Int32(word)
        for d in st.front...st.count where heads[d] == w { n += 1 }
        return n
    }

    /// The cost of every class, with invalid classes at `Int.max`.
    func costs(_ st: ArcHybridState, valid: UnsafePointer<Bool>, into out: UnsafeMutablePointer<Int>, classCount: Int) {
        let shift = valid[Transition.shift] ? shiftCost(st) : Int.max
        var left = Int.max, right = Int.max
        var goldLabelLeft = -1, goldLabelRight = -1
        if st.stack.count >= 2 {
            let s0 = st.stackWord(0)
            if st.canLeft {
                left = leftCost(st)
                if Int(heads[s0]) == st.front { goldLabelLeft = Int(labels[s0]) }
            }
            right = rightCost(st)
            if Int(heads[s0]) == st.stackWord(1) { goldLabelRight = Int(labels[s0]) }
        }
        out[Transition.shift] = shift
        var cls = 1
        while cls < classCount {
            if !valid[cls] {
                out[cls] = Int.max
            } else if Transition.isLeft(cls) {
                out[cls] = left + (goldLabelLeft >= 0 && Transition.label(cls) != goldLabelLeft ? 1 : 0)
            } else {
                out[cls] = right + (goldLabelRight >= 0 && Transition.label(cls) != goldLabelRight ? 1 : 0)
            }
            cls += 1
        }
    }
}
