/// Scores an analyser against a treebank with its gold words: tag accuracy, attachment
/// scores over every word (punctuation included), LAS on the universal part of the label.
public struct EvaluationScores: Sendable, Hashable {
    public var words = 0
    public var universalTags = 0
    public var pennTags = 0
    public var lemmas = 0
    public var heads = 0
    public var labelledHeads = 0

    public var upos: Double { ratio(universalTags) }
    public var xpos: Double { ratio(pennTags) }
    public var lemma: Double { ratio(lemmas) }
    public var uas: Double { ratio(heads) }
    public var las: Double { ratio(labelledHeads) }

    private func ratio(_ n: Int) -> Double { words == 0 ? 0 : Double(n) / Double(words) }
}

public enum Evaluator {
    /// `prose` reads every sentence as running prose (see `SentenceAnalyzer.analyse`).
    public static func evaluate(_ analyzer: SentenceAnalyzer, on sentences: [TreebankSentence], prose: Bool = false) -> EvaluationScores {
        var scores = EvaluationScores()
        for s in sentences {
            let parsed = analyzer.analyse(words: s.words.map(\.form), spaceAfter: s.words.map(\.spaceAfter), prose: prose)
            add(parsed, gold: s, to: &scores)
        }
        return scores
    }

    static func add(_ parsed: ParsedSentence, gold: TreebankSentence, to scores: inout EvaluationScores) {
        for (w, g) in zip(parsed.words, gold.words) {
            scores.words += 1
            if w.tag.rawValue == g.upos { scores.universalTags += 1 }
            if w.pennTag == g.xpos { scores.pennTags += 1 }
            if w.lemma == g.lemma { scores.lemmas += 1 }
            if (w.head.map { $0 + 1 } ?? 0) == g.head {
                scores.heads += 1
                if w.relation.universal == DependencyRelation(rawValue: g.relation).universal { scores.labelledHeads += 1 }
            }
        }
    }
}
