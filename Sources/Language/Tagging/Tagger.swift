/// A greedy averaged-perceptron tagger in two passes: the first reads left to right with the
/// tags already chosen; the second reads again, seeing the first pass's tags on the right.
struct Tagger: Sendable {
    let tags: TagSet
    let firstPass: WeightTable
    let secondPass: WeightTable?
    let dictionary: TagDictionary

    func tag(_ words: [LexicalForm]) -> [Int32] {
        var first = Self.run(firstPass, words, right: nil, dictionary: dictionary)
        guard let secondPass else { return first }
        first = first.withUnsafeBufferPointer { Self.run(secondPass, words, right: $0, dictionary: dictionary) }
        return first
    }

    /// One greedy pass of `table` over the words.
    static func run(
        _ table: WeightTable, _ words: [LexicalForm], right: UnsafeBufferPointer<Int32>?, dictionary: TagDictionary
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
                                i, words: w, left: UnsafeBufferPointer(tags), right: right, into: features.baseAddress!)
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
