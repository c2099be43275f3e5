/// What can go wrong reading a treebank or a model; messages are for the person running the tool.
public enum LanguageError: Error, Sendable, Equatable, CustomStringConvertible {
    case malformedTreebank(source: String, line: Int, reason: String)
    case modelMissing
    case malformedModel(reason: String)
    case emptyTreebank(source: String)
    case malformedWordClasses(source: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case .malformedTreebank(let source, let line, let reason):
            return line > 0 ? "\(source), line \(line): not CoNLL-U: \(reason)" : "\(source): not CoNLL-U: \(reason)"
        case .modelMissing:
            return "the language model is missing from the package resources; run 'factdeck-lang train' to make it"
        case .malformedModel(let reason):
            return "the language model file is damaged (\(reason)); rebuild it with 'factdeck-lang train'"
        case .emptyTreebank(let source):
            return "\(source): no sentences found; give a CoNLL-U file"
        case .malformedWordClasses(let source, let line, let reason):
            return "\(source), line \(line): not a word-class table (\(reason)); regenerate it with Data/wordnet/make_word_classes.py"
        }
    }
}
