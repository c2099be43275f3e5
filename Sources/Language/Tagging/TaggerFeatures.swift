/// The tagger's feature templates: the word, its affixes and shape, two words either side,
/// the two tags already chosen on the left and, in the second pass, the first pass's tags
/// for the two words on the right (lookahead, as in Tsuruoka & Tsujii's bidirectional taggers).
/// Beside these, the word's WordNet classes (`WordClasses`) and whether the sentence already
/// has a finite verb: a sentence without one is most often a subject and its verb misread
/// ("The country lags/NNS behind", "This revolution resulted/VBN in").
enum TaggerFeatures {
    static let maximumCount = 64

    @inline(__always)
    static func tagAtom(_ tag: Int) -> UInt64 { UInt64(tag) &+ 0x5A5A_0000 }
    static let noTag: UInt64 = 0x5A5A_FFFF
    static let noWord: UInt64 = 0xC1A5_FFFF

    /// Per sentence: the words' class masks, and which tag classes are finite verbs (VBD,
    /// VBZ, VBP, MD).
    struct Context {
        var classes: UnsafeBufferPointer<UInt8>
        var finite: UnsafeBufferPointer<Bool>
    }

    /// Writes the features of word `i` to `out` and returns how many.
    /// `left` holds the tags chosen for words before `i`; `right`, when given, first-pass
    /// tags for every word.
    @inline(__always)
    static func extract(
        _ i: Int, words: UnsafeBufferPointer<LexicalForm>, context: Context, left: UnsafeBufferPointer<Int32>,
        right: UnsafeBufferPointer<Int32>?, into out: UnsafeMutablePointer<UInt64>
    ) -> Int {
        let n = words.count
        let w = words[i]
        @inline(__always) func word(_ j: Int) -> UInt64 { j >= 0 && j < n ? words[j].word : FeatureHash.none }
        @inline(__always) func shape(_ j: Int) -> UInt64 { j >= 0 && j < n ? words[j].shape : FeatureHash.none }
        @inline(__always) func suffix3(_ j: Int) -> UInt64 { j >= 0 && j < n ? words[j].suffixes.2 : FeatureHash.none }
        let t1 = i >= 1 ? tagAtom(Int(left[i - 1])) : noTag
        let t2 = i >= 2 ? tagAtom(Int(left[i - 2])) : noTag
        let w0 = w.word, wm1 = word(i - 1), wp1 = word(i + 1), wm2 = word(i - 2), wp2 = word(i + 2)
        let flags = UInt64(w.flags) | (i == 0 ? 0x100 : 0)
        var c = 0
        @inline(__always) func add(_ k: UInt64) {
            out[c] = k
            c += 1
        }
        add(FeatureHash.key(1, 0))
        add(FeatureHash.key(2, w0))
        add(FeatureHash.key(3, w.prefixes.0))
        add(FeatureHash.key(4, w.prefixes.1))
        add(FeatureHash.key(5, w.prefixes.2))
        add(FeatureHash.key(6, w.suffixes.0))
        add(FeatureHash.key(7, w.suffixes.1))
        add(FeatureHash.key(8, w.suffixes.2))
        add(FeatureHash.key(9, w.suffixes.3))
        add(FeatureHash.key(10, w.shape))
        add(FeatureHash.key(11, flags))
        add(FeatureHash.key(12, wm1))
        add(FeatureHash.key(13, wp1))
        add(FeatureHash.key(14, wm2))
        add(FeatureHash.key(15, wp2))
        add(FeatureHash.key(16, t1))
        add(FeatureHash.key(17, t2))
        add(FeatureHash.key(18, t1, t2))
        add(FeatureHash.key(19, t1, w0))
        add(FeatureHash.key(20, suffix3(i - 1)))
        add(FeatureHash.key(21, suffix3(i + 1)))
        add(FeatureHash.key(22, wm1, w0))
        add(FeatureHash.key(23, w0, wp1))
        add(FeatureHash.key(24, shape(i + 1)))
        add(FeatureHash.key(25, shape(i - 1)))
        add(FeatureHash.key(26, t1, w.suffixes.2))
        add(FeatureHash.key(27, wp1, wp2))
        add(FeatureHash.key(28, flags, w.shape, t1))
        // The word with its capitalisation ("May" vs "may", "US" vs "us"), and its two neighbours together.
        add(FeatureHash.key(29, w0, flags & 3))
        add(FeatureHash.key(30, wm1, wp1))
        add(FeatureHash.key(31, i + 1 < n ? words[i + 1].suffixes.1 : FeatureHash.none))
        add(FeatureHash.key(32, t1, wp1))
        // Word classes (0 = not in WordNet) and a finite verb to the left.
        @inline(__always) func cls(_ j: Int) -> UInt64 { j >= 0 && j < n ? 0xC1A5_0000 | UInt64(context.classes[j]) : noWord }
        let c0 = cls(i), cm1 = cls(i - 1), cp1 = cls(i + 1)
        var finiteLeft: UInt64 = 0
        for j in 0..<i where context.finite[Int(left[j])] {
            finiteLeft = 1
            break
        }
        add(FeatureHash.key(33, c0))
        add(FeatureHash.key(34, c0, t1))
        add(FeatureHash.key(35, c0, w.suffixes.1))
        add(FeatureHash.key(36, c0, cp1))
        add(FeatureHash.key(37, cm1, c0))
        add(FeatureHash.key(38, c0, finiteLeft, t1))
        if let right {
            let r1 = i + 1 < n ? tagAtom(Int(right[i + 1])) : noTag
            let r2 = i + 2 < n ? tagAtom(Int(right[i + 2])) : noTag
            add(FeatureHash.key(40, r1))
            add(FeatureHash.key(41, r2))
            add(FeatureHash.key(42, r1, r2))
            add(FeatureHash.key(43, t1, r1))
            add(FeatureHash.key(44, w0, r1))
            add(FeatureHash.key(45, r1, wp1))
            add(FeatureHash.key(46, w.suffixes.2, r1))
            add(FeatureHash.key(47, w0, r1, r2))
            add(FeatureHash.key(48, t1, t2, r1))
            // Whether the first pass found a finite verb anywhere else in the sentence.
            var finiteElsewhere: UInt64 = 0
            for j in 0..<n where j != i && context.finite[Int(right[j])] {
                finiteElsewhere = 1
                break
            }
            add(FeatureHash.key(49, c0, finiteElsewhere))
            add(FeatureHash.key(50, c0, r1))
            add(FeatureHash.key(51, finiteElsewhere, t1, w.suffixes.1))
            add(FeatureHash.key(52, finiteElsewhere, finiteLeft, w0))
        }
        return c
    }
}
