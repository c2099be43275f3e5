import Articles
import Language
import Parallel

/// An article read in order: each sentence parsed, trimmed, made to stand alone where it
/// can, and its answer candidates found. Parsing runs side by side; the referents need
/// the sentences before, so the rest reads in order.
struct ArticleReading: Sendable {
    struct SentenceReading: Sendable {
        var view: SentenceView
        var candidates: [AnswerCandidate]
        /// Why the sentence gives no card, or nil.
        var skip: String?
    }

    let article: Article
    let knowledge: ArticleKnowledge
    var sentences: [SentenceReading]

    static func read(_ article: Article, analyzer: SentenceAnalyzer) -> ArticleReading {
        let sentences = article.sentences
        let parses = sentences.concurrentMap { analyzer.analyse(EvaluativeFrame.rewritten(CitationMarks.stripped($0.text)), prose: true) }
        let knowledge = KnowledgeBuilder.build(title: article.title, parses: parses)
        let resolver = ReferentResolver(knowledge: knowledge)
        let finder = AnswerFinder(knowledge: knowledge)
        let bios = AuthorBio.paragraphs(article, parses: parses)
        var state = ReadingState()
        var out: [SentenceReading] = []
        out.reserveCapacity(sentences.count)
        for (k, s) in sentences.enumerated() {
            var view = SentenceView(parse: parses[k])
            if s.paragraph != state.paragraph {
                state = ReadingState()
                state.paragraph = s.paragraph
            }
            if bios.contains(s.paragraph) {
                out.append(SentenceReading(view: view, candidates: [], skip: "author bio"))
                continue
            }
            var skip = SentenceGate.rejection(view.parse)
            SentenceTrimmer.trim(&view)
            // a guess in an aside that can go ("..., which could potentially be used to ...")
            // takes the aside with it; in the main clause it takes the sentence
            while skip == nil, let h = SentenceGate.hedge(in: view) {
                if !resolver.detach(containing: h, in: &view) { skip = "hedged or speculative" }
            }
            if skip == nil { skip = resolver.resolve(&view, sentence: k, state: state) }
            // what a pronoun in the next sentence may stand for
            let readable = skip == nil || skip?.hasPrefix("unresolved") == false
            let subjectMention = readable ? view.parse.root.flatMap { resolver.subjectMention(of: $0, in: view.parse, view: view) } : nil
            state.previousSubject = subjectMention
            state.previousSubjectUnread = subjectMention == nil && view.parse.root.flatMap { view.parse.subject(of: $0) } != nil
            state.previousPersons = resolver.personNames(in: view)
            state.previousYears = view.parse.words.compactMap { w in
                w.form.count == 4 ? Int(w.form).flatMap { (1000...2100).contains($0) ? $0 : nil } : nil
            }
            state.previousPlaces = view.parse.wholeNames.map { String(view.parse.text(of: $0.words)) }.filter { knowledge.kind(of: $0) == .place }
            state.firstInParagraph = false
            let candidates = skip == nil ? finder.candidates(in: view) : []
            if skip == nil && candidates.isEmpty { skip = "no fact to ask" }
            out.append(SentenceReading(view: view, candidates: candidates, skip: skip))
        }
        var counted = knowledge
        for r in out { for c in r.candidates { counted.answerCounts[CardID.normalize(c.answer), default: 0] += 1 } }
        return ArticleReading(article: article, knowledge: counted, sentences: out)
    }
}

/// Citation marks and pronunciation hints copied from web pages: "[12]", "( listen)".
enum CitationMarks {
    static func stripped(_ s: String) -> String {
        guard s.utf8.contains(UInt8(ascii: "[")) || Text.contains(s, "listen") else { return s }
        var out = ""
        var depth = 0
        for ch in s {
            if ch == "[" { depth += 1; continue }
            if ch == "]" { depth = max(0, depth - 1); continue }
            if depth == 0 { out.append(ch) }
        }
        out = Text.replacing(Text.replacing(out, "( listen)", with: ""), "(listen)", with: "")
        return Text.replacing(out, "( )", with: "")
    }
}

/// "Perhaps the most notable event that occurred in 2017 was when North Korea sent a
/// representative to the summit": the fact is the clause after "was when"; the frame is an
/// opinion. The card reads "In 2017, North Korea sent a representative to the summit."
enum EvaluativeFrame {
    static func rewritten(_ s: String) -> String {
        let words = s.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count > 6 else { return s }
        for k in 2..<(words.count - 3) {
            let w = words[k].lowercased(), next = words[k + 1].lowercased()
            guard ["was", "is"].contains(w), ["when", "that"].contains(next) else { continue }
            let frame = words[..<k].map { $0.lowercased() }
            // an evaluation: a superlative ("most notable", "biggest") in the frame
            guard frame.contains("most") || frame.contains(where: { $0.hasSuffix("est") && $0.count > 5 }) else { continue }
            var clause = words[(k + 2)...].joined(separator: " ")
            guard clause.split(separator: " ").count >= 4, let first = clause.first else { continue }
            clause = first.uppercased() + clause.dropFirst()
            // the frame's time stays: "that occurred in 2017" -> "In 2017, ..."
            if let y = frame.firstIndex(where: { $0.count == 4 && Int($0).map { (1000...2100).contains($0) } == true }), y > 0, frame[y - 1] == "in" {
                // "The treaty ..." reads "In 2017, the treaty ..."; a name keeps its capital
                let firstWord = String(clause.split(separator: " ").first ?? "")
                let common = WordFrequency.zipf(firstWord.lowercased()) >= 4.0
                return "In " + words[y] + ", " + (common ? clause.prefix(1).lowercased() + clause.dropFirst() : clause)
            }
            return clause
        }
        return s
    }
}

/// Paragraphs that are an author's bio ("Jane Doe is an American journalist ..."): no card.
enum AuthorBio {
    static let roles: Set<String> = ["journalist", "writer", "author", "editor", "reporter", "blogger", "columnist",
                                     "contributor", "freelancer", "correspondent", "lecturer", "teacher", "student"]

    static func paragraphs(_ article: Article, parses: [ParsedSentence]) -> Set<Int> {
        var out = Set<Int>()
        var first = Set<Int>()
        for s in article.sentences where first.insert(s.paragraph).inserted {
            guard s.index < parses.count else { continue }
            let p = parses[s.index]
            guard let r = p.root, p.copula(of: r) != nil, let subj = p.subject(of: r), p.words[subj].tag == .propn,
                  roles.contains(p.words[r].lemma.lowercased()) else { continue }
            out.insert(s.paragraph)
        }
        return out
    }
}
