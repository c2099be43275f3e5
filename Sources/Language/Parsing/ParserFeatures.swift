/// The parser's feature templates: Zhang & Nivre's (2011) rich non-local features carried
/// over to arc-hybrid. Where arc-eager looks at the head of the stack top, arc-hybrid
/// looks at the word below it (s1), the only head the top can still get on the stack.
/// w = word, p = tag, l = relation label, v = number of children on a side, s = the set
/// of their labels, d = bucketed distance.
enum ParserFeatures {
    static let maximumCount = 112

    struct Sentence {
        /// Index 0 is the root.
        var words: UnsafeBufferPointer<UInt64>
        var tags: UnsafeBufferPointer<UInt64>
    }

    @inline(__always) static func tagAtom(_ tag: Int) -> UInt64 { UInt64(tag) &+ 0x7A00_0000 }
    static let rootTag: UInt64 = 0x7AFF_FFFE
    static let noTag: UInt64 = 0x7AFF_FFFF
    static let noLabel: UInt64 = 0x6CFF_FFFF

    @inline(__always) static func distance(_ a: Int, _ b: Int) -> UInt64 {
        guard a >= 0, b >= 0 else { return 0xD0 }
        let d = abs(b - a)
        return UInt64(d <= 4 ? d : (d < 10 ? 5 : 6))
    }

    @inline(__always)
    static func extract(_ st: ArcHybridState, _ sentence: Sentence, into out: UnsafeMutablePointer<UInt64>) -> Int {
        let s0 = st.stackWord(0), s1 = st.stackWord(1), s2 = st.stackWord(2)
        let n0 = st.bufferWord(0), n1 = st.bufferWord(1), n2 = st.bufferWord(2)
        let s0l = s0 >= 0 ? Int(st.leftmost[s0]) : -1
        let s0l2 = s0 >= 0 ? Int(st.leftmost2[s0]) : -1
        let s0r = s0 >= 0 ? Int(st.rightmost[s0]) : -1
        let s0r2 = s0 >= 0 ? Int(st.rightmost2[s0]) : -1
        let n0l = n0 >= 0 ? Int(st.leftmost[n0]) : -1
        let n0l2 = n0 >= 0 ? Int(st.leftmost2[n0]) : -1
        let s1r = s1 >= 0 ? Int(st.rightmost[s1]) : -1
        let s1l = s1 >= 0 ? Int(st.leftmost[s1]) : -1

        @inline(__always) func w(_ i: Int) -> UInt64 { i >= 0 ? sentence.words[i] : FeatureHash.none }
        @inline(__always) func p(_ i: Int) -> UInt64 { i >= 0 ? sentence.tags[i] : noTag }
        @inline(__always) func l(_ i: Int) -> UInt64 {
            guard i >= 0 else { return noLabel }
            let label = st.labels[i]
            return label >= 0 ? UInt64(label) &+ 0x6C00_0000 : noLabel
        }
        @inline(__always) func vl(_ i: Int) -> UInt64 { i >= 0 ? UInt64(st.leftCount[i]) : 0xFF }
        @inline(__always) func vr(_ i: Int) -> UInt64 { i >= 0 ? UInt64(st.rightCount[i]) : 0xFF }
        @inline(__always) func sl(_ i: Int) -> UInt64 { i >= 0 ? st.leftLabels[i] : UInt64.max }
        @inline(__always) func sr(_ i: Int) -> UInt64 { i >= 0 ? st.rightLabels[i] : UInt64.max }

        let s0w = w(s0), s0p = p(s0), n0w = w(n0), n0p = p(n0), n1w = w(n1), n1p = p(n1), n2w = w(n2), n2p = p(n2)
        let s1w = w(s1), s1p = p(s1), s2w = w(s2), s2p = p(s2)
        let d = distance(s0, n0), d1 = distance(s1, s0)
        var c = 0
        @inline(__always) func add(_ k: UInt64) {
            out[c] = k
            c += 1
        }
        // Single words.
        add(FeatureHash.key(100, s0w, s0p))
        add(FeatureHash.key(101, s0w))
        add(FeatureHash.key(102, s0p))
        add(FeatureHash.key(103, n0w, n0p))
        add(FeatureHash.key(104, n0w))
        add(FeatureHash.key(105, n0p))
        add(FeatureHash.key(106, n1w, n1p))
        add(FeatureHash.key(107, n1w))
        add(FeatureHash.key(108, n1p))
        add(FeatureHash.key(109, n2w, n2p))
        add(FeatureHash.key(110, n2w))
        add(FeatureHash.key(111, n2p))
        add(FeatureHash.key(112, s1w, s1p))
        add(FeatureHash.key(113, s1w))
        add(FeatureHash.key(114, s1p))
        add(FeatureHash.key(115, s2w))
        add(FeatureHash.key(116, s2p))
        // Pairs.
        add(FeatureHash.key(120, s0w, s0p, n0w, n0p))
        add(FeatureHash.key(121, s0w, s0p, n0w))
        add(FeatureHash.key(122, s0w, n0w, n0p))
        add(FeatureHash.key(123, s0w, s0p, n0p))
        add(FeatureHash.key(124, s0p, n0w, n0p))
        add(FeatureHash.key(125, s0w, n0w))
        add(FeatureHash.key(126, s0p, n0p))
        add(FeatureHash.key(127, n0p, n1p))
        add(FeatureHash.key(128, s1w, s1p, s0w, s0p))
        add(FeatureHash.key(129, s1w, s0w))
        add(FeatureHash.key(130, s1p, s0p))
        add(FeatureHash.key(131, s1p, s0w, s0p))
        add(FeatureHash.key(132, s1w, s1p, s0p))
        add(FeatureHash.key(133, s1w, s0p))
        add(FeatureHash.key(134, s1p, s0w))
        add(FeatureHash.key(135, s0w, n1w))
        add(FeatureHash.key(136, n0w, n1w))
        // Three tags.
        add(FeatureHash.key(140, n0p, n1p, n2p))
        add(FeatureHash.key(141, s0p, n0p, n1p))
        add(FeatureHash.key(142, s1p, s0p, n0p))
        add(FeatureHash.key(143, s0p, p(s0l), n0p))
        add(FeatureHash.key(144, s0p, p(s0r), n0p))
        add(FeatureHash.key(145, s0p, n0p, p(n0l)))
        add(FeatureHash.key(146, s2p, s1p, s0p))
        add(FeatureHash.key(147, s1p, s0p, p(s0l)))
        add(FeatureHash.key(148, s1p, p(s1r), s0p))
        add(FeatureHash.key(149, s1p, s0p, n0p, n1p))
        // Distance.
        add(FeatureHash.key(150, s0w, d))
        add(FeatureHash.key(151, s0p, d))
        add(FeatureHash.key(152, n0w, d))
        add(FeatureHash.key(153, n0p, d))
        add(FeatureHash.key(154, s0w, n0w, d))
        add(FeatureHash.key(155, s0p, n0p, d))
        add(FeatureHash.key(156, s1p, s0p, d1))
        add(FeatureHash.key(157, s1w, s0w, d1))
        add(FeatureHash.key(158, s1p, s0p, n0p, d))
        // Valency.
        add(FeatureHash.key(160, s0w, vr(s0)))
        add(FeatureHash.key(161, s0p, vr(s0)))
        add(FeatureHash.key(162, s0w, vl(s0)))
        add(FeatureHash.key(163, s0p, vl(s0)))
        add(FeatureHash.key(164, n0w, vl(n0)))
        add(FeatureHash.key(165, n0p, vl(n0)))
        add(FeatureHash.key(166, s1p, vr(s1)))
        add(FeatureHash.key(167, s1p, vl(s1)))
        // Children of s0, n0, s1.
        add(FeatureHash.key(170, w(s0l)))
        add(FeatureHash.key(171, p(s0l)))
        add(FeatureHash.key(172, l(s0l)))
        add(FeatureHash.key(173, w(s0r)))
        add(FeatureHash.key(174, p(s0r)))
        add(FeatureHash.key(175, l(s0r)))
        add(FeatureHash.key(176, w(n0l)))
        add(FeatureHash.key(177, p(n0l)))
        add(FeatureHash.key(178, l(n0l)))
        add(FeatureHash.key(179, w(s1r)))
        add(FeatureHash.key(180, p(s1r)))
        add(FeatureHash.key(181, l(s1r)))
        add(FeatureHash.key(182, p(s1l), l(s1l)))
        add(FeatureHash.key(183, s0p, l(s0l), l(s0r)))
        add(FeatureHash.key(184, n0p, l(n0l)))
        // Second-outermost children.
        add(FeatureHash.key(190, w(s0l2)))
        add(FeatureHash.key(191, p(s0l2)))
        add(FeatureHash.key(192, l(s0l2)))
        add(FeatureHash.key(193, w(s0r2)))
        add(FeatureHash.key(194, p(s0r2)))
        add(FeatureHash.key(195, l(s0r2)))
        add(FeatureHash.key(196, w(n0l2)))
        add(FeatureHash.key(197, p(n0l2)))
        add(FeatureHash.key(198, l(n0l2)))
        add(FeatureHash.key(199, s0p, p(s0l), p(s0l2)))
        add(FeatureHash.key(200, s0p, p(s0r), p(s0r2)))
        add(FeatureHash.key(201, n0p, p(n0l), p(n0l2)))
        // Label sets.
        add(FeatureHash.key(210, s0w, sr(s0)))
        add(FeatureHash.key(211, s0p, sr(s0)))
        add(FeatureHash.key(212, s0w, sl(s0)))
        add(FeatureHash.key(213, s0p, sl(s0)))
        add(FeatureHash.key(214, n0w, sl(n0)))
        add(FeatureHash.key(215, n0p, sl(n0)))
        add(FeatureHash.key(216, s1p, sr(s1)))
        add(FeatureHash.key(217, s1p, sl(s1)))
        // Prepositional attachment: the leftmost child of a noun is usually its preposition
        // ("in" of "in the town"); which head it goes with is lexical.
        let s0lw = w(s0l), n0lw = w(n0l)
        add(FeatureHash.key(230, s0lw, s0w, s1w))
        add(FeatureHash.key(231, s0lw, s0w, n0w))
        add(FeatureHash.key(232, s0lw, s1w))
        add(FeatureHash.key(233, s0lw, n0w))
        add(FeatureHash.key(234, s0lw, s1p, n0p))
        add(FeatureHash.key(235, n0lw, n0w, s0w))
        add(FeatureHash.key(236, s1w, s0w, n0w))
        // Is the buffer empty (the stack must then be folded up right to left).
        add(FeatureHash.key(220, n0 < 0 ? 1 : 0, s0p, s1p))
        return c
    }
}
