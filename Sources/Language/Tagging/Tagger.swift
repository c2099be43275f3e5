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

    func tag(_ words: [LexicalForm]) -> [Int32] {
        let classes = wordClasses.masks(of: words)
        var first = run(firstPass, words, classes: classes, right: nil)
        guard let secondPass else { return first }
        first = first.withUnsafeBufferPointer { run(secondPass, words, classes: classes, right: $0) }
        return first
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
