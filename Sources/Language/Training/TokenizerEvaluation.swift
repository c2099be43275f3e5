/// How well the tokenizer reproduces a treebank's words from its sentence texts: word F1
/// on exact character spans, and the share of sentences split exactly right.
public struct TokenizerScores: Sendable, Hashable {
    public var sentences = 0
    public var exactSentences = 0
    public var goldWords = 0
    public var predictedWords = 0
    public var matchedWords = 0

    public var f1: Double {
        let p = Double(matchedWords) / Double(max(predictedWords, 1))
        let r = Double(matchedWords) / Double(max(goldWords, 1))
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }
    public var exactSentenceRatio: Double { Double(exactSentences) / Double(max(sentences, 1)) }

    /// Scores every sentence that has a `# text` whose words can be found in it in order.
    public static func evaluate(on treebank: [TreebankSentence]) -> TokenizerScores {
        var scores = TokenizerScores()
        for sentence in treebank {
            guard let text = sentence.text, let gold = goldRanges(sentence, in: text) else { continue }
            let predicted = WordTokenizer.tokenize(text).map(\.utf8Range)
            let goldSet = Set(gold.map { [$0.lowerBound, $0.upperBound] })
            let matched = predicted.filter { goldSet.contains([$0.lowerBound, $0.upperBound]) }.count
            scores.sentences += 1
            scores.goldWords += gold.count
            scores.predictedWords += predicted.count
            scores.matchedWords += matched
            if predicted == gold { scores.exactSentences += 1 }
        }
        return scores
    }

    /// Where each gold word sits in the text, or nil when a word is not spelled as in the
    /// text (a few treebank words are normalised).
    private static func goldRanges(_ sentence: TreebankSentence, in text: String) -> [Range<Int>]? {
        let bytes = Array(text.utf8)
        var cursor = 0
        var ranges: [Range<Int>] = []
        for w in sentence.words {
            while cursor < bytes.count && (bytes[cursor] == 0x20 || bytes[cursor] == 0x09) { cursor += 1 }
            let form = Array(w.form.utf8)
            guard cursor + form.count <= bytes.count, Array(bytes[cursor..<cursor + form.count]) == form else { return nil }
            ranges.append(cursor..<cursor + form.count)
            cursor += form.count
        }
        return ranges
    }
}
