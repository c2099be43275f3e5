import Articles
import DeckModel
import Parallel

/// A sentence that gave no card, and why (for `--verbose`).
public struct SkippedSentence: Sendable, Hashable {
    public var index: Int
    public var sentence: String
    public var reason: String
}

/// What a generation run produced.
public struct GenerationSummary: Sendable, Hashable {
    public var cardsByType: [CardType: Int] = [:]
    public var factsFound = 0
    public var duplicatesDropped = 0
    public var skipped: [SkippedSentence] = []
}

/// The cards of one article, best first, with the summary.
public struct GeneratedDeck: Sendable {
    public var cards: [Card]
    public var summary: GenerationSummary
}

/// A small seeded generator (SplitMix64) for reproducible distractors and shuffles.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    /// Seeds from text (e.g. the article checksum), so the same article gives the same deck.
    public init(seedText: String) {
        var h: UInt64 = 0xcbf29ce484222325
        for b in seedText.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        state = h
    }
    public mutating func next() -> UInt64 {
        state &+= 0x9e3779b97f4a7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58476d1ce4e5b9
        z = (z ^ (z >> 27)) &* 0x94d049bb133111eb
        return z ^ (z >> 31)
    }
}

/// Turns an article's facts into ranked question cards. Pure: no IO, no clock, seeded randomness.
public enum DeckGenerator {
    /// Cards for `article`, ranked best first (by `score`).
    /// - Parameters:
    ///   - deckID: the deck's id (card ids are content-derived and don't depend on it).
    ///   - pool: answers from other decks, for multiple-choice distractors.
    public static func generate<R: RandomNumberGenerator>(
        article: Article, deckID: String, pool: DistractorPool = DistractorPool(), using rng: inout R
    ) -> GeneratedDeck {
        analyse(article).cards(pool: pool, using: &rng)
    }

    /// A whole deck: the cards plus the article's title and source fields.
    public static func deck<R: RandomNumberGenerator>(
        article: Article, deckID: String, source: DeckSource, pool: DistractorPool = DistractorPool(), using rng: inout R
    ) -> (deck: Deck, summary: GenerationSummary) {
        analyse(article).deck(deckID: deckID, source: source, pool: pool, using: &rng)
    }

    /// The first half of `generate`: the article read and its facts found, before any card
    /// is written. Analyses of several articles give each other's distractor pools, so
    /// a run of many articles can analyse them all side by side, then write them all.
    public static func analyse(_ article: Article) -> ArticleAnalysis {
        var gen = Generator(article: article, pool: DistractorPool())
        gen.analyse()
        return ArticleAnalysis(generator: gen)
    }
}

/// An article with its facts found (see `DeckGenerator.analyse`).
public struct ArticleAnalysis {
    fileprivate var generator: Generator

    /// The facts' answers by type, for other articles' distractor pools, marked as `owner`'s.
    public func addAnswers(to pool: inout DistractorPool, owner: Int) {
        for c in generator.candidates { pool.add(c.answer, factType: c.confident ? c.type.rawValue : "name", owner: owner) }
    }

    /// The cards, ranked best first, with `pool` for multiple-choice distractors.
    public func cards<R: RandomNumberGenerator>(pool: DistractorPool, using rng: inout R) -> GeneratedDeck {
        var gen = generator
        gen.pool = pool
        return gen.write(rng: &rng)
    }

    /// A whole deck: the cards plus the article's title and source fields.
    public func deck<R: RandomNumberGenerator>(
        deckID: String, source: DeckSource, pool: DistractorPool, using rng: inout R
    ) -> (deck: Deck, summary: GenerationSummary) {
        let g = cards(pool: pool, using: &rng)
        var src = source
        if src.title == nil { src.title = generator.article.title }
        return (Deck(id: deckID, title: generator.article.title, source: src, cards: g.cards), g.summary)
    }
}

/// One candidate card before ranking and de-duplication.
struct Draft {
    var card: Card
    var answerKey: String
    var content: Set<String>
    var primary: Bool
    var sentence: Int
}

struct Generator {
    let article: Article
    var pool: DistractorPool
    var context = ArticleContext()
    var summary = GenerationSummary()

    init(article: Article, pool: DistractorPool) {
        self.article = article
        self.pool = pool
    }

    // Referent state while reading in order.
    var lastSubject: (name: String, type: FactType)? = nil
    var lastPerson: String? = nil
    var recentCountries: [String] = []
    var lastYear: Int? = nil
    var recentNames: [String] = []

    // What `analyse` found, for `write`.
    var perSentence: [(tokens: [Word], facts: [Fact], skip: String?)] = []
    var candidates: [Distractors.Candidate] = []
    var profiles: [String: Set<String>] = [:]

    /// Reads the article in order (referents need what came before) and finds every
    /// sentence's facts: distractors come from the whole article.
    mutating func analyse() {
        let sentences = article.sentences
        var tokenized = sentences.concurrentMap { Self.dropCitationTokens(WordSplitter.tokenize(Self.stripCitations($0.text))) }
        buildContext(tokenized)

        let bioParagraphs = Self.bioParagraphs(article, context: context)
        var prevParagraph = -1
        for (k, s) in sentences.enumerated() {
            if s.paragraph != prevParagraph { prevParagraph = s.paragraph; recentNames = []; lastSubject = nil }
            if bioParagraphs.contains(s.paragraph) {
                perSentence.append(([], [], "author bio"))
                tokenized[k] = []
                continue
            }
            var (toks, reason) = prepare(tokenized[k])
            tokenized[k] = []  // keep memory near one copy of the article's tokens
            if toks.count > 1, isCommonOpener(toks[0], next: toks[1]) { toks[0].commonAtStart = true }
            if reason == nil, Self.hedgedPhrase(toks[...]) { reason = "hedged or speculative" }
            if reason == nil {
                let r = resolveReferents(&toks)
                reason = r
            }
            let allFacts = reason == nil ? FactFinder.find(toks, context: context) : []
            let facts = allFacts.filter { f in
                !toks[f.start..<f.end].contains { $0.synthetic } && !context.isTopic(f.answer)
                    && !(f.listCount > 1 && Text.replacing(f.answer, " and ", with: "\u{1F}").split(separator: "\u{1F}").contains { context.isTopic(String($0)) })
            }
            noteMentions(toks, facts: reason == nil ? allFacts : FactFinder.find(toks, context: context))
            for f in facts { candidates.append(.init(answer: f.answer, type: f.type, detail: f.detail, value: f.value, listCount: f.listCount, confident: f.confident)) }
            // what each name is talked about with: distractors come from names used alike ("planet", "moons" for Mars)
            if !facts.isEmpty {
                var words = Set<String>()
                for w in toks where w.isWord && !w.isCapitalized && w.lower.count >= 4 && !Lexicon.stopWords.contains(w.lower) && !w.synthetic { words.insert(w.lower) }
                for f in facts where !f.type.isNumeric {
                    let own = Set(toks[f.start..<f.end].map(\.lower))
                    profiles[f.answer, default: []].formUnion(words.subtracting(own))
                }
            }
            let why = reason ?? (facts.isEmpty ? "no fact to ask" : nil)
            perSentence.append((why == nil ? toks : [], facts, why))
        }
    }

    /// Writes the cards of the facts `analyse` found, ranked and de-duplicated.
    mutating func write<R: RandomNumberGenerator>(rng: inout R) -> GeneratedDeck {
        let sentences = article.sentences
        var index = Distractors.Index(candidates)
        index.profiles = profiles
        // Sentences side by side, each with a generator of its own drawn from the deck's
        // seed and its position: the same article gives the same cards however the work
        // is split.
        let seed = rng.next()
        let gen = self
        let written = Array(sentences.indices).concurrentMap { k -> (drafts: [Draft], skip: String?) in
            let s = sentences[k]
            let entry = gen.perSentence[k]
            if let r = entry.skip { return ([], r) }
            var mixer = SeededGenerator(seed: seed ^ UInt64(k))
            var local = SeededGenerator(seed: mixer.next())
            var drafts: [Draft] = []
            var hedged = 0
            var madeTrueFalse = false
            for (n, f) in entry.facts.enumerated() {
                switch gen.cards(for: f, nth: n, tokens: entry.tokens, sentence: s, candidates: index,
                                 allowTrueFalse: !madeTrueFalse, rng: &local) {
                case .hedged: hedged += 1
                case .none: break
                case .cards(let ds):
                    drafts.append(contentsOf: ds)
                    if ds.contains(where: { $0.card.type == .truefalse }) { madeTrueFalse = true }
                }
            }
            if drafts.isEmpty { return ([], hedged > 0 ? "hedged or speculative" : "no fact gave a readable card") }
            return (drafts, nil)
        }
        var drafts: [Draft] = []
        for (k, s) in sentences.enumerated() {
            if perSentence[k].skip == nil { summary.factsFound += perSentence[k].facts.count }
            if let r = written[k].skip {
                summary.skipped.append(SkippedSentence(index: s.index, sentence: s.text, reason: r))
            }
            drafts.append(contentsOf: written[k].drafts)
        }
        let cards = rankAndDeduplicate(drafts)
        for c in cards { summary.cardsByType[c.type, default: 0] += 1 }
        return GeneratedDeck(cards: cards, summary: summary)
    }

    // MARK: - Context

    static func stripCitations(_ s: String) -> String {
        guard s.utf8.contains(UInt8(ascii: "[")) || Text.contains(s, "listen") else { return s }
        var out = ""
        var depth = 0
        for ch in s {
            if ch == "[" { depth += 1; continue }
            if ch == "]" { depth = max(0, depth - 1); continue }
            if depth == 0 { out.append(ch) }
        }
        return Text.replacing(Text.replacing(out, "( listen)", with: ""), "(listen)", with: "")
    }

    static func dropCitationTokens(_ t: [Word]) -> [Word] {
        // "( )" left over from removed pronunciations
        var out: [Word] = []
        var k = 0
        while k < t.count {
            if t[k].text == "(", k + 1 < t.count, t[k + 1].text == ")" { k += 2; continue }
            out.append(t[k]); k += 1
        }
        return out
    }

    mutating func buildContext(_ all: [[Word]]) {
        var vocab = Set<String>()
        for toks in all {
            let first = toks.firstIndex { $0.isWord } ?? 0
            for (k, t) in toks.enumerated() where k != first && t.isWord {
                if t.isCapitalized { context.midCaps.insert(t.text) } else { vocab.insert(t.lower) }
            }
        }
        context.lowerVocabulary = vocab
        // acronyms and a first entity pass
        var counts: [String: Int] = [:]
        for toks in all {
            let facts = FactFinder.find(toks, context: context)
            for f in facts where [.person, .place, .organisation, .term].contains(f.type) && f.listCount == 1 {
                counts[f.answer, default: 0] += 1
                if f.end + 2 < toks.count, toks[f.end].text == "(", toks[f.end + 1].isAcronym {
                    context.acronyms[toks[f.end + 1].text] = f.answer
                    context.expansions[f.answer] = toks[f.end + 1].text
                }
                if f.type == .person, f.confident, f.end - f.start >= 2 {
                    context.surnames[toks[f.end - 1].text] = f.answer
                }
                if f.type != .term, f.confident, context.entityTypes[f.answer] == nil { context.entityTypes[f.answer] = f.type }
            }
        }
        for (s, full) in context.surnames where context.entityTypes[s] == nil && counts[s] != nil {
            context.entityTypes[s] = .person
            context.entityTypes[full] = .person
        }
        context.mentions = counts
        // topics: entities named in the title
        let title = " " + CardID.normalize(article.title) + " "
        var topics: [(String, Int)] = []
        for (name, c) in counts {
            let n = CardID.normalize(name)
            if !n.isEmpty, Text.contains(title, " " + n + " ") { topics.append((name, c)) }
        }
        topics.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        context.topicNames = topics.map(\.0)
        context.topics = Set(topics.map { CardID.normalize($0.0) })
        let t = CardID.normalize(article.title)
        if !t.isEmpty && t.split(separator: " ").count <= 4 { context.topics.insert(t) }
        if context.topicNames.isEmpty, let (name, c) = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }), c >= 4 {
            context.topicNames = [name]
        }
    }

    /// Paragraphs that are an author's bio ("Jane Doe is an American journalist ...").
    static func bioParagraphs(_ article: Article, context: ArticleContext) -> Set<Int> {
        let roles: Set<String> = ["journalist", "writer", "author", "editor", "reporter", "blogger", "columnist",
                                  "contributor", "freelancer", "correspondent", "freelance"]
        var out = Set<Int>()
        for p in article.paragraphs {
            guard let s = p.sentences.first else { continue }
            let t = WordSplitter.tokenize(s.text)
            guard t.count > 4, t[0].isCapitalized else { continue }
            var k = 0
            while k < t.count, t[k].isCapitalized, k < 4 { k += 1 }
            guard k >= 2, k < t.count - 2, t[k].lower == "is" else { continue }
            if t[(k + 1)..<min(t.count, k + 7)].contains(where: { roles.contains($0.lower) }) { out.insert(p.index) }
        }
        return out
    }

    // MARK: - Sentence preparation: hedges, frames, referents

    static let hedgePhrases: [[String]] = [
        ["it", "is", "important"], ["it", "is", "essential"], ["it", "is", "crucial"], ["is", "expected", "to"],
        ["are", "expected", "to"], ["experts", "say"], ["experts", "see"], ["in", "my", "opinion"],
        ["there", "is", "the", "potential"], ["has", "the", "potential"], ["the", "potential", "to"],
    ]

    /// Rewrites an evaluative frame ("Perhaps the most notable event ... was when X did Y") to its
    /// factual clause, and rejects questions, exclamations and first-person opinions.
    static let discourseMarkers: [[String]] = [
        ["for", "example"], ["for", "instance"], ["in", "addition"], ["in", "fact"], ["moreover"], ["additionally"],
        ["however"], ["furthermore"], ["also"], ["indeed"], ["finally"], ["meanwhile"], ["yet"], ["still"],
        ["at", "the", "same", "time"], ["as", "a", "result"], ["of", "course"], ["in", "contrast"], ["similarly"],
        ["likewise"], ["in", "particular"], ["notably"], ["besides"], ["thus"], ["therefore"], ["consequently"],
    ]

    /// A sentence's first word that is a common noun, not a name: the article uses it in
    /// lower case and never capitalised mid-sentence, or it has a suffix names rarely have.
    func isCommonOpener(_ w: Word, next: Word) -> Bool {
        guard w.isWord, w.isCapitalized, !w.isAcronym, !next.isCapitalized, !Lexicon.stopWords.contains(w.lower),
              !context.midCaps.contains(w.text), context.entityTypes[w.text] == nil, !Geography.isCountry(w.text)
        else { return false }
        return context.lowerVocabulary.contains(w.lower)
            || (w.lower.count > 6 && ["tion", "sion", "ment", "ism"].contains { w.lower.hasSuffix($0) })
    }

    func prepare(_ t0: [Word]) -> ([Word], String?) {
        var t = t0
        for p in Self.discourseMarkers where t.count > p.count + 3 && t[p.count].text == "," && Array(t[..<p.count].map(\.lower)) == p {
            t.removeFirst(p.count + 1)
            t[0].spaceBefore = false
            if let f = t[0].text.first, f.isLowercase { t[0] = Word(t[0].text.prefix(1).uppercased() + t[0].text.dropFirst(), kind: t[0].kind, spaceBefore: false) }
            break
        }
        guard t.count >= 4 else { return (t, "too short") }
        if t.last?.text == "?" { return (t, "a question, not a statement") }
        if t.last?.text == "!" { return (t, "an exclamation") }
        if t.contains(where: { $0.text == "I" || ["we", "our", "us", "my"].contains($0.lower) }) { return (t, "first-person opinion") }
        // evaluative frame
        if let w = t.indices.first(where: { $0 >= 3 && ($0 < t.count) && (t[$0].lower == "when" || t[$0].lower == "that") && ["was", "is"].contains(t[$0 - 1].lower) }),
           t[..<w].contains(where: { $0.lower == "most" || ($0.lower.hasSuffix("est") && $0.lower.count > 5) }) {
            var clause = Array(t[(w + 1)...])
            guard clause.count >= 4 else { return (t, "evaluative") }
            clause[0] = Word(clause[0].text, kind: clause[0].kind, spaceBefore: false)
            // keep the frame's time: "that occurred in 2017" -> "In 2017, ..."
            if let y = t[..<w].firstIndex(where: { FactFinder.isYear($0) }), y > 0, t[y - 1].lower == "in" {
                let front = [Word("In", kind: .word, spaceBefore: false), Word(t[y].text, kind: .number, spaceBefore: true),
                             Word(",", kind: .punct, spaceBefore: false)]
                clause[0] = Word(clause[0].text, kind: clause[0].kind, spaceBefore: true)
                clause = front + clause
            }
            return (clause, nil)
        }
        return (t, nil)
    }

    /// Hedge words in a token range ("could", "may", "experts suggest", "it is important to").
    static func hedged(_ t: ArraySlice<Word>, vocabulary: Set<String> = []) -> Bool {
        let first = t.startIndex
        for k in t.indices {
            let tok = t[k]
            if Lexicon.hedges.contains(tok.lower) {
                if tok.lower == "may" && tok.isCapitalized && k != first { continue }  // the month
                if tok.lower == "may", k > first, genericMay(t, at: k, vocabulary: vocabulary) { continue }
                if tok.lower == "will" && k > first && ["the", "free", "good", "his", "her"].contains(t[k - 1].lower) { continue }
                if tok.lower == "thought" && k > first && Lexicon.determiners.contains(t[k - 1].lower) { continue }
                return true
            }
        }
        return hedgedPhrase(t)
    }

    /// "may" of variety or permission with a generic subject ("Teachers may provide instruction in ...",
    /// "A teacher's role may vary among cultures", "Formal teaching may be carried out by ..."), as opposed to the
    /// epistemic "may" of a guess: "may be better", "may have caused", or a specific subject ("Chile may sign ...").
    static func genericMay(_ t: ArraySlice<Word>, at k: Int, vocabulary: Set<String>) -> Bool {
        guard k + 1 < t.endIndex else { return false }
        var v = k + 1
        while v < t.endIndex, Lexicon.adverbs.contains(t[v].lower) { v += 1 }
        guard v < t.endIndex else { return false }
        let next = t[v].lower
        if next == "be" {
            // passive "may be carried out" is generic; "may be better", "may be the cause" is a guess
            guard v + 1 < t.endIndex, Verbs.isParticiple(t[v + 1].lower) else { return false }
        }
        if next == "have" || next == "well" || next == "not" { return false }
        guard t[v].isWord, !t[v].isCapitalized, Lexicon.auxiliaries[next] == nil else { return false }
        // the subject: from the clause start to "may"
        var s = k - 1
        while s >= t.startIndex, ![",", ";", ":"].contains(t[s].text), !["and", "but", "that", "which", "who"].contains(t[s].lower) { s -= 1 }
        let subj = t[(s + 1)..<k]
        guard !subj.isEmpty else { return false }
        for (x, w) in zip(subj.indices, subj) {
            if Lexicon.subjectPronouns.contains(w.lower) || w.lower == "it" { return false }
            if FactFinder.isYear(w) || w.isNumber { return false }
            // a name makes it specific; a sentence-initial common word ("Teachers") does not
            if w.isWord, w.isCapitalized, !(x == t.startIndex && (vocabulary.contains(w.lower) || Lexicon.openers.contains(w.lower))) { return false }
        }
        return true
    }

    static func hedgedPhrase(_ t: ArraySlice<Word>) -> Bool {
        let n = t.count
        var k = t.startIndex
        while k < t.endIndex {
            let l = t[k].lower
            for p in hedgePhrases where p[0] == l && k - t.startIndex + p.count <= n {
                var ok = true
                for x in 1..<p.count where t[k + x].lower != p[x] { ok = false; break }
                if ok { return true }
            }
            k += 1
        }
        return false
    }

    static let referringNouns: Set<String> = ["country", "nation", "city", "town", "state", "company", "region", "island",
                                               "organization", "organisation", "group", "kingdom", "republic"]
    static let timeReferences: [[String]] = [["the", "same", "year"], ["that", "year"], ["the", "following", "year"],
                                             ["the", "previous", "year"], ["this", "period"],
                                             ["that", "time"], ["the", "same", "period"], ["this", "year"]]

    /// Replaces an opening pronoun or "the country" with its referent, or says why it can't.
    mutating func resolveReferents(_ t: inout [Word]) -> String? {
        let lowers = t.map(\.lower)
        for p in Self.timeReferences where lowers.count >= p.count {
            for s in 0...(lowers.count - p.count) where Array(lowers[s..<(s + p.count)]) == p {
                let shift = p[1] == "following" ? 1 : p[1] == "previous" ? -1 : 0
                if p.last == "year", let y = lastYear {
                    var w = Word(String(y + shift), kind: .number, spaceBefore: t[s].spaceBefore)
                    w.synthetic = true
                    t.replaceSubrange(s..<(s + p.count), with: [w])
                    break
                }
                return "unresolved time reference (\(p.joined(separator: " ")))"
            }
        }
        let (m, _) = QuestionWriter.mainClauseStart(t, end: t.count)
        guard m < t.count else { return nil }
        func synth(_ name: String, like old: Word, possessive: Bool = false) -> [Word] {
            var toks = WordSplitter.tokenize(name).map { tok -> Word in var x = tok; x.synthetic = true; return x }
            if !toks.isEmpty { toks[0].spaceBefore = old.spaceBefore }
            if possessive { var s = Word("’s", kind: .word, spaceBefore: false); s.synthetic = true; toks.append(s) }
            return toks
        }
        // possessive "the country's" anywhere: the topic country, else the latest other country named
        var k = 0
        while k + 2 < t.count {
            if t[k].lower == "the", Self.referringNouns.contains(t[k + 1].lower), t[k + 2].lower == "’s" || t[k + 2].lower == "'s" {
                let subj = subjectName(t, from: m)
                var target = context.topicNames.first { Geography.isCountry($0) && $0 != subj }
                if target == nil { target = recentCountries.last { $0 != subj } }
                if (t[k + 1].lower == "country" || t[k + 1].lower == "nation"), let name = target {
                    t.replaceSubrange(k..<(k + 3), with: synth(name, like: t[k], possessive: true))
                } else {
                    return "unresolved reference (the \(t[k + 1].lower)’s)"
                }
            }
            k += 1
        }
        // subject pronouns / "the country" at the start of a clause
        var starts = [m]
        for j in (m + 1)..<max(m + 1, t.count) where j + 1 < t.count && (t[j].lower == "and" || t[j].lower == "but") {
            if t[j + 1].lower == "the" || t[j + 1].lower == "it" { starts.append(j + 1) }
        }
        for s in starts.reversed() {
            let l = t[s].lower
            if ["he", "she"].contains(l) {
                let here = FactFinder.find(Array(t[..<s]), context: context).last { $0.type == .person && $0.listCount == 1 }
                guard let p = here.map({ context.surnames[$0.answer] ?? $0.answer }) ?? lastPerson else { return "unresolved reference (\(t[s].text))" }
                t.replaceSubrange(s..<(s + 1), with: synth(p, like: t[s]))
            } else if l == "it" {
                // "it" at the start of a later clause refers to this sentence's subject
                let own = s > m ? subjectName(t, from: m) : nil
                let ref = own ?? (lastSubject.flatMap { $0.type == .person ? nil : $0.name }) ?? context.topicNames.first
                guard let r = ref, s + 1 < t.count, !["is", "was"].contains(t[s + 1].lower) || s != m || lastSubject != nil else {
                    return "unresolved reference (\(t[s].text))"
                }
                t.replaceSubrange(s..<(s + 1), with: synth(r, like: t[s]))
            } else if l == "its", s == m, s + 1 < t.count {
                guard let r = lastSubject?.name ?? context.topicNames.first else { return "unresolved reference (Its)" }
                t.replaceSubrange(s..<(s + 1), with: synth(r, like: t[s], possessive: true))
            } else if ["they", "them", "this", "these", "those", "such"].contains(l) {
                return "unresolved reference (\(t[s].text))"
            } else if l == "the", s + 1 < t.count, Self.referringNouns.contains(t[s + 1].lower),
                      s + 2 < t.count, t[s + 2].isWord, !t[s + 2].isCapitalized, t[s + 2].lower != "of" {
                let noun = t[s + 1].lower
                let own = s > m ? subjectName(t, from: m) : nil
                let wantCountry = ["country", "nation", "state", "kingdom", "republic"].contains(noun)
                var ref: String? = nil
                if let o = own, !wantCountry || Geography.isCountry(o) { ref = o }
                if ref == nil, let ls = lastSubject, ls.type != .person, !wantCountry || Geography.isCountry(ls.name) { ref = ls.name }
                if ref == nil { ref = context.topicNames.first { !wantCountry || Geography.isCountry($0) } }
                guard let r = ref else { return "unresolved reference (the \(noun))" }
                t.replaceSubrange(s..<(s + 2), with: synth(r, like: t[s]))
            }
        }
        // "was born here" in an article about a place -> "was born in Warsaw"
        if let place = context.topicNames.first(where: { context.entityTypes[$0] == .place || Geography.isCountry($0) }) {
            var h = 1
            while h < t.count {
                if t[h].lower == "here", t[h - 1].isWord, !t[h - 1].isCapitalized, h + 1 >= t.count || !t[h + 1].isWord || Lexicon.prepositions.contains(t[h + 1].lower) {
                    var rep = [Word("in", kind: .word, spaceBefore: t[h].spaceBefore)] + synth(place, like: Word("x", kind: .word, spaceBefore: true))
                    rep[0].synthetic = true
                    t.replaceSubrange(h..<(h + 1), with: rep)
                }
                h += 1
            }
        }
        // "The park" -> the latest named "... Park" (same paragraph)
        if m + 2 < t.count, t[m].lower == "the", t[m + 1].isWord, !t[m + 1].isCapitalized, !Self.referringNouns.contains(t[m + 1].lower),
           QuestionWriter.isVerb(t, m + 2, start: m) != nil || Lexicon.adverbs.contains(t[m + 2].lower),
           let name = recentNames.last(where: { $0.lowercased().hasSuffix(" " + t[m + 1].lower) }) {
            t.replaceSubrange(m..<(m + 2), with: synth(name, like: t[m]))
        }
        // demonstrative noun phrase openings: "This period", "These efforts"
        if m < t.count, ["this", "these", "those", "that"].contains(t[m].lower) { return "unresolved reference (\(t[m].text))" }
        // a pronoun object of the main verb ("Astronomers classify it as ..."): it cannot be the clause's own
        // subject (that would be "itself"), so with nothing named before the subject it points outside the sentence
        if let r = Self.unresolvedObjectPronoun(t, mainStart: m) { return "unresolved reference (\(r))" }
        // the subject, for the next sentence
        if let head = Self.namedCommonNounSubject(t, from: m) {
            // "The University Library garden, designed by ..., was opened ..." then "It is ...": it = the garden
            lastSubject = (head, .term)
        } else if let name = subjectName(t, from: m) {
            let nameTokens = WordSplitter.tokenize(name)
            let guess = nameTokens.isEmpty ? nil : FactFinder.classify(nameTokens, 0, nameTokens.count, prev: nil, next: nil, context: context).0
            let ty = context.entityTypes[name] ?? (Geography.isCountry(name) ? .place : guess ?? .term)
            lastSubject = (name, ty)
        } else if m < t.count, t[m].lower == "the", let c = QuestionWriter.parse(t, from: m, to: t.count), c.subject.count <= 3,
                  t[c.subject].dropFirst().allSatisfy({ $0.isWord && !$0.isCapitalized }) {
            // "The canal was built ..." then "It cost ...": it = the canal
            lastSubject = ("the " + t[c.subject].dropFirst().map(\.text).joined(separator: " "), .term)
        }
        return nil
    }

    static let objectPronouns: Set<String> = ["it", "them", "this", "these", "those", "him", "her"]

    /// The pronoun right after the main verb, when no word before the clause's subject could be what it
    /// refers to: "Astronomers classify it as ...", "Scientists have called them ...". The subject is short
    /// and plain (no preposition, relative or punctuation that could hold another noun), so the pronoun,
    /// which cannot be the subject itself ("itself" would be), points outside the sentence.
    static func unresolvedObjectPronoun(_ t: [Word], mainStart m: Int) -> String? {
        // anything named before the clause ("After the Sun formed, astronomers ... it") may be the referent
        if t[..<m].contains(where: { $0.isWord && !Lexicon.stopWords.contains($0.lower) }) { return nil }
        var j = m + 1
        while j < t.count, j - m <= 7 {
            let w = t[j]
            if !w.isWord { return nil }
            if objectPronouns.contains(w.lower) {
                guard j >= m + 2, !w.synthetic else { return nil }
                let verb = t[j - 1]
                guard !verb.isCapitalized, !Lexicon.stopWords.contains(verb.lower), !Lexicon.prepositions.contains(verb.lower),
                      Lexicon.auxiliaries[verb.lower] == nil else { return nil }
                // "this"/"these"/"those"/"her" before a noun is a determiner ("this distance", "her work")
                if ["this", "these", "those", "her"].contains(w.lower), j + 1 < t.count, t[j + 1].isWord,
                   !Lexicon.prepositions.contains(t[j + 1].lower), t[j + 1].lower != "as" { return nil }
                return w.text
            }
            if Lexicon.prepositions.contains(w.lower) || Lexicon.subordinators.contains(w.lower)
                || ["that", "which", "who", "whose", "and", "or", "but"].contains(w.lower) { return nil }
            j += 1
        }
        return nil
    }

    /// The named entity that opens the clause at `m`, if any.
    /// "the University Library garden" when the subject is a name used as a modifier of a
    /// common noun: the noun, not the name, is what a following "it" means.
    static func namedCommonNounSubject(_ t: [Word], from m: Int) -> String? {
        guard m + 2 < t.count, t[m].lower == "the", t[m + 1].isWord, t[m + 1].isCapitalized else { return nil }
        var j = m + 1
        while j < t.count, t[j].isWord, t[j].isCapitalized { j += 1 }
        func nounLike(_ x: Int) -> Bool {
            let l = t[x].lower
            return t[x].isWord && !t[x].isCapitalized && l.count > 2 && Lexicon.auxiliaries[l] == nil
                && !Lexicon.prepositions.contains(l) && !Lexicon.subordinators.contains(l) && !Lexicon.adverbs.contains(l)
                && !["and", "or", "but", "which", "who", "that", "whose", "where"].contains(l)
                && !l.hasSuffix("ly") && QuestionWriter.isVerb(t, x, start: m) == nil
        }
        var k = j
        while k < t.count, k - j < 2, nounLike(k) { k += 1 }
        guard k > j, k < t.count else { return nil }
        // the noun phrase must end the subject: a comma (an appositive follows) or the verb
        guard t[k].text == "," || Lexicon.auxiliaries[t[k].lower] != nil || QuestionWriter.isVerb(t, k, start: m) != nil else { return nil }
        return "the " + WordSplitter.join(t[(m + 1)..<k])
    }

    func subjectName(_ t: [Word], from m0: Int) -> String? {
        var m = m0
        if m + 1 < t.count, t[m].lower == "the", t[m + 1].isCapitalized, t[m + 1].isWord { m += 1 }
        guard m < t.count, t[m].isCapitalized, !Lexicon.openers.contains(t[m].lower) || t[m].synthetic else { return nil }
        var j = m
        while j < t.count, t[j].isWord, t[j].isCapitalized || (Lexicon.nameConnectors.contains(t[j].lower) && t[j].lower != "and" && j + 1 < t.count && t[j + 1].isCapitalized) { j += 1 }
        guard j > m else { return nil }
        let name = WordSplitter.join(t[m..<j])
        if context.lowerVocabulary.contains(t[m].lower) && j - m == 1 && !t[m].synthetic { return nil }
        return name
    }

    mutating func noteMentions(_ t: [Word], facts: [Fact]) {
        let years = Set(facts.filter { $0.type == .year || $0.type == .date }.compactMap { $0.value.flatMap(ArticleNumber.integer) })
        if years.count == 1 { lastYear = years.first } else if years.count > 1 { lastYear = nil }
        for f in facts where f.listCount == 1 && !f.type.isNumeric { recentNames.append(f.answer) }
        if recentNames.count > 12 { recentNames.removeFirst(recentNames.count - 12) }
        for f in facts {
            // one person: "he" is never "Władysław Szpilman and Frédéric Chopin"
            if f.type == .person && f.listCount == 1 { lastPerson = context.surnames[f.answer] ?? f.answer }
            if f.detail == "country" && f.listCount == 1 { recentCountries.append(f.answer) }
        }
        // topic mentions count as country mentions too
        let text = WordSplitter.join(t)
        for c in context.topicNames where Geography.isCountry(c) && Text.contains(text, c) { recentCountries.append(c) }
        if recentCountries.count > 20 { recentCountries.removeFirst(recentCountries.count - 20) }
    }
}
