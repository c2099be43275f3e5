/// What kind of question a sentence is, read off its tags and tree; for checking questions
/// the card generator wrote.
public enum QuestionForm: Sendable, Hashable {
    /// "When did John F. Kennedy die?": the wh-word, and whether an auxiliary comes
    /// before the subject (false for subject questions: "Who founded Rome?").
    case wh(word: Int, inverted: Bool)
    /// "Did Kennedy die in 1963?": an auxiliary or copula before the subject.
    case yesNo
    /// Anything else, including a statement with a question mark ("Kennedy died?").
    case notQuestion
}

extension ParsedSentence {
    public var questionForm: QuestionForm {
        guard let last = words.last(where: { $0.tag != .punct || $0.form == "?" }), last.form == "?",
            let root
        else { return .notQuestion }
        let subject = words.indices.first { k in
            words[k].head == root && (words[k].relation.isKind(of: .nsubj) || words[k].relation.isKind(of: .csubj))
        }
        // An auxiliary or copula of the main predicate that comes before its subject.
        let inverted: Bool = {
            guard let subject else { return false }
            return words.indices.contains { k in
                k < subject && words[k].head == root
                    && (words[k].relation.isKind(of: .aux) || words[k].relation.isKind(of: .cop))
            } || (words[root].tag == .aux && root < subject)
        }()
        if let wh = words.indices.first(where: { Self.whTags.contains(words[$0].pennTag) }),
            wh < (subject.map { subtree(of: $0).lowerBound } ?? words.count) || subject.map({ subtree(of: $0).contains(wh) }) == true
        {
            return .wh(word: wh, inverted: inverted)
        }
        // A question that opens with an auxiliary or copula ("Is the Nile longer ...?") is a
        // yes-no question whatever the parser made of the rest: the tag of a sentence-initial
        // "Is"/"Did"/"Can" is far more reliable than the tree of a sentence type the treebank
        // has few of.
        let opensWithAuxiliary = words.first { $0.tag != .punct }.map { $0.tag == .aux } ?? false
        return inverted || opensWithAuxiliary ? .yesNo : .notQuestion
    }

    static let whTags: Set<String> = ["WDT", "WP", "WP$", "WRB"]
}
