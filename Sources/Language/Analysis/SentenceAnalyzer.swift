import Foundation

/// The entry point: turns a sentence into words with tags, lemmas and a dependency tree.
/// A value holding an immutable model; pure, and safe to use from any thread.
public struct SentenceAnalyzer: Sendable {
    public let model: LanguageModel

    public init(model: LanguageModel) { self.model = model }

    /// The English model shipped with the package, read on first use and then shared.
    public static func english() throws(LanguageError) -> SentenceAnalyzer {
        try SentenceAnalyzer(model: bundledEnglishModel.get())
    }

    /// Splits `sentence` into UD words and analyses them. `prose` says the text comes from
    /// running prose (an article's paragraphs, not headings, captions or a forum post): there
    /// a sentence of six or more words that ends in a full stop has a main verb, so when the
    /// tagger chose none, the likeliest candidate becomes one.
    public func analyse(_ sentence: String, prose: Bool = false) -> ParsedSentence {
        let pieces = WordTokenizer.tokenize(sentence)
        return analyse(text: sentence, pieces: pieces, prose: prose)
    }

    /// Analyses words that are already split (a treebank's gold tokens). The sentence text
    /// is rebuilt from them, a space after each word unless `spaceAfter` says otherwise.
    public func analyse(words: [String], spaceAfter: [Bool]? = nil, prose: Bool = false) -> ParsedSentence {
        var text = ""
        var pieces: [TokenizedWord] = []
        pieces.reserveCapacity(words.count)
        for (i, w) in words.enumerated() {
            let start = text.utf8.count
            text += w
            let space = spaceAfter?[i] ?? true
            pieces.append(TokenizedWord(form: w, utf8Range: start..<text.utf8.count, spaceAfter: space))
            if space && i < words.count - 1 { text += " " }
        }
        return analyse(text: text, pieces: pieces, prose: prose)
    }

    private func analyse(text: String, pieces: [TokenizedWord], prose: Bool) -> ParsedSentence {
        guard !pieces.isEmpty else { return ParsedSentence(text: text, words: []) }
        let forms = pieces.map { LexicalForm($0.form) }
        let statement = prose && pieces.count >= 6 && pieces.last?.form == "."
        let tags = model.tagger.tag(forms, finiteVerbExpected: statement)
        let tree = model.parser.parse(words: forms, tags: tags)
        let tagSet = model.tagger.tags
        var words: [Word] = []
        words.reserveCapacity(pieces.count)
        for (i, piece) in pieces.enumerated() {
            let t = Int(tags[i])
            let penn = tagSet.penn[t]
            words.append(
                Word(
                    index: i, form: piece.form, utf8Range: piece.utf8Range,
                    lemma: model.lemmatizer.lemma(of: piece.form, pennTag: penn), tag: tagSet.universal[t], pennTag: penn,
                    head: tree.heads[i] >= 0 ? tree.heads[i] : nil,
                    relation: DependencyRelation(rawValue: model.parser.labels.names[tree.labels[i]]),
                    spaceAfter: piece.spaceAfter))
        }
        return ParsedSentence(text: text, words: words)
    }
}

/// Read once, on first use, by whichever thread gets there first (a global's initialiser
/// runs exactly once); every later caller shares the result.
private let bundledEnglishModel: Result<LanguageModel, LanguageError> = {
    guard let url = Bundle.module.url(forResource: "english-ewt", withExtension: "model", subdirectory: "Resources"),
        let data = try? Data(contentsOf: url, options: .alwaysMapped)
    else { return .failure(.modelMissing) }
    do throws(LanguageError) {
        return .success(try LanguageModel(decoding: [UInt8](data)))
    } catch {
        return .failure(error)
    }
}()
