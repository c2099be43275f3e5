/// A greedy averaged-perceptron tagger in two passes: the first reads left to right with the
/// tags already chosen; the second reads again, seeing the first pass's tags on the right.
struct Tagger: Sendable {
    let tags: TagSet
    let firstPass: WeightTable
    let secondPass: WeightTable?
    let dictionary: TagDictionary
    let wordClasses: WordClasses
    /// Per tag class: whether it is a finite verb (VBD, VBZ, VBP, MD).
    let finite: [Bool]

    init(tags: TagSet, firstPass: WeightTable, secondPass: WeightTable?, dictionary: TagDictionary, wordClasses: WordClasses) {
        self.tags = tags
        self.firstPass = firstPass
        self.secondPass = secondPass
        self.dictionary = dictionary
        self.wordClasses = wordClasses
        finite = tags.finiteVerbs
    }

    /// Tags `words`. With `finiteVerbExpected` (a whole sentence of running prose, which has a
    /// main verb) and no verb chosen but participles, a word right after a noun that a
    /// dictionary allows to be a finite verb becomes one when it loses least by it: greedy
    /// tagging of an unfamiliar verb after its subject ("China accounts for", "the share
    /// increased to") otherwise reads the pair as a noun compound or a reduced relative, and
    /// the parse built on it has no clause. Imperatives and infinitives (a base-form verb)
    /// are left alone.
    func tag(_ words: [LexicalForm], finiteVerbExpected: Bool = false) -> [Int32] {
        let classes = wordClasses.masks(of: words)
        var tags = run(firstPass, words, classes: classes, right: nil)
        if let secondPass {
            tags = tags.withUnsafeBufferPointer { run(secondPass, words, classes: classes, right: $0) }
        }
        if finiteVerbExpected, !tags.contains(where: { finite[Int($0)] || self.tags.penn[Int($0)] == "VB" }) {
            insertFiniteVerb(into: &tags, words, classes: classes, table: secondPass ?? firstPass)
        }
        return tags
    }

    func run(_ table: WeightTable, _ words: [LexicalForm], classes: [UInt8], right: UnsafeBufferPointer<Int32>?) -> [Int32] {
        classes.withUnsafeBufferPointer { c in
            finite.withUnsafeBufferPointer { f in
                Self.run(table, words, context: .init(classes: c, finite: f), right: right, dictionary: dictionary)
            }
        }
    }

    /// One greedy pass of `table` over the words.
    static func run(
        _ table: WeightTable, _ words: [LexicalForm], context: TaggerFeatures.Context, right: UnsafeBufferPointer<Int32>?,
        dictionary: TagDictionary
    ) -> [Int32] {
        var out = [Int32](repeating: 0, count: words.count)
        let classCount = table.classCount
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: TaggerFeatures.maximumCount) { features in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: classCount) { scores in
                words.withUnsafeBufferPointer { w in
                    out.withUnsafeMutableBufferPointer { tags in
                        for i in 0..<w.count {
                            if let known = dictionary.tag(of: w[i].word) {
                                tags[i] = known
                                continue
                            }
                            let n = TaggerFeatures.extract(
                                i, words: w, context: context, left: UnsafeBufferPointer(tags), right: right,
                                into: features.baseAddress!)
                            table.score(UnsafeBufferPointer(rebasing: features[..<n]), into: scores.baseAddress!)
                            tags[i] = Int32(argmax(scores.baseAddress!, classCount))
                        }
                    }
                }
            }
        }
        return out
    }

    /// The finite verb tag a word read as `penn` can become, given its word classes (bits
    /// of `WordClasses.letters`: z -s form, d past form): a plural noun an -s verb, a
    /// participle a past verb. A singular noun is left alone: a noun phrase standing as a
    /// sentence ("Great computer repair store.") is common, a singular-noun-looking verb
    /// after its subject rare.
    private func finiteAlternative(to penn: String, classes: UInt8) -> String? {
        switch penn {
        case "NNS" where classes & 0b0000_1000 != 0: "VBZ"
        case "VBN" where classes & 0b0001_0000 != 0: "VBD"
        default: nil
        }
    }

    private func insertFiniteVerb(into tags: inout [Int32], _ words: [LexicalForm], classes: [UInt8], table: WeightTable) {
        var best: (index: Int, tag: Int32, loss: Int64)?
        let classCount = table.classCount
        let penn = self.tags.penn
        classes.withUnsafeBufferPointer { c in
            finite.withUnsafeBufferPointer { f in
                withUnsafeTemporaryAllocation(of: UInt64.self, capacity: TaggerFeatures.maximumCount) { features in
                    withUnsafeTemporaryAllocation(of: Int32.self, capacity: classCount) { scores in
                        words.withUnsafeBufferPointer { w in
                            tags.withUnsafeBufferPointer { t in
                                for i in 1..<max(1, w.count) where dictionary.tag(of: w[i].word) == nil {
                                    let before = penn[Int(t[i - 1])]
                                    guard before.hasPrefix("NN") || before == "PRP",
                                        let alternative = finiteAlternative(to: penn[Int(t[i])], classes: c[i]),
                                        case let k = self.tags.index(upos: "VERB", xpos: alternative), penn[k] == alternative
                                    else { continue }
                                    let n = TaggerFeatures.extract(
                                        i, words: w, context: .init(classes: c, finite: f), left: t, right: t,
                                        into: features.baseAddress!)
                                    table.score(UnsafeBufferPointer(rebasing: features[..<n]), into: scores.baseAddress!)
                                    let loss = Int64(scores[Int(t[i])]) - Int64(scores[k])
                                    if best == nil || loss < best!.loss { best = (i, Int32(k), loss) }
                                }
                            }
                        }
                    }
                }
            }
        }
        if let best { tags[best.index] = best.tag }
    }
}

/// The first class with the highest score.
@inline(__always)
func argmax(_ scores: UnsafePointer<Int32>, _ count: Int) -> Int {
    var best = 0
    var top = scores[0]
    var i = 1
    while i < count {
        if scores[i] > top {
            top = scores[i]
            best = i
        }
        i += 1
    }
    return best
}
