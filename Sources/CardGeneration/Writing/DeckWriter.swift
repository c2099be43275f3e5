import Articles
import DeckModel
import Language
import Parallel

/// Writes the cards of an article read, ranks them, drops duplicates, and keeps the best
/// within the card budget.
struct DeckWriter {
    let reading: ArticleReading
    let pool: DistractorPool
    let analyzer: SentenceAnalyzer

    /// At most this many cards per 100 words, best first: a deck a student can get through.
    static let cardsPer100Words = 6.0
    static let cardsPerSentence = 3
    /// A short note still gives a handful of cards when it has them.
    static let minimumCards = 5

    func write<R: RandomNumberGenerator>(rng: inout R) -> GeneratedDeck {
        var summary = GenerationSummary()
        let knowledge = reading.knowledge
        let writer = CardWriter(
            knowledge: knowledge, questions: QuestionBuilder(knowledge: knowledge),
            distractors: Distractors(candidates: reading.sentences.flatMap(\.candidates), knowledge: knowledge),
            pool: pool, analyzer: analyzer)
        let sentences = reading.article.sentences
        // Sentences side by side, each with a generator drawn from the deck's seed and its
        // position: the same article gives the same cards however the work is split.
        let seed = rng.next()
        let readings = reading.sentences
        let written = Array(sentences.indices).concurrentMap { k -> [Draft] in
            let r = readings[k]
            guard r.skip == nil else { return [] }
            var mixer = SeededGenerator(seed: seed ^ UInt64(k))
            var local = SeededGenerator(seed: mixer.next())
            return writer.drafts(sentence: sentences[k], view: r.view, candidates: r.candidates, allowTrueFalse: k % 3 == 0, rng: &local)
        }
        var drafts: [Draft] = []
        for (k, s) in sentences.enumerated() {
            summary.factsFound += readings[k].candidates.count
            if let why = readings[k].skip ?? (written[k].isEmpty ? "no answer passed the checks" : nil) {
                summary.skipped.append(SkippedSentence(index: s.index, sentence: s.text, reason: why))
            }
            drafts.append(contentsOf: written[k])
        }
        var cards = rankAndDeduplicate(drafts, summary: &summary)
        let words = sentences.reduce(0) { $0 + $1.text.split(separator: " ").count }
        let budget = max(Self.minimumCards, Int((Self.cardsPer100Words * Double(words) / 100).rounded()))
        if cards.count > budget { cards.removeLast(cards.count - budget) }
        for c in cards { summary.cardsByType[c.type, default: 0] += 1 }
        return GeneratedDeck(cards: cards, summary: summary)
    }

    /// Best first; a card whose question repeats another's, or that asks the same answer
    /// from nearly the same words, is dropped.
    func rankAndDeduplicate(_ drafts: [Draft], summary: inout GenerationSummary) -> [Card] {
        let sorted = drafts.enumerated().sorted { a, b in
            if a.element.card.score != b.element.card.score { return a.element.card.score > b.element.card.score }
            return a.offset < b.offset
        }.map(\.element)
        var kept: [Draft] = []
        var byAnswer: [String: [Draft]] = [:]
        var questions = Set<String>()
        var ids = Set<String>()
        var perSentence: [Int: Int] = [:]
        for d in sorted {
            let qn = CardID.normalize(d.card.question)
            if questions.contains(qn) || ids.contains(d.card.id) { summary.duplicatesDropped += 1; continue }
            let same = byAnswer[d.answerKey] ?? []
            let dup = same.contains { k in
                guard k.primary == d.primary else { return false }
                let inter = k.content.intersection(d.content).count
                let uni = k.content.union(d.content).count
                return uni == 0 || Double(inter) / Double(uni) >= 0.35 || k.sentence == d.sentence
            }
            if dup || (d.primary && same.filter(\.primary).count >= 2) { summary.duplicatesDropped += 1; continue }
            // two cards a sentence: a student should not meet the same sentence over and over
            let cap = (reading.sentences[d.sentence].view.parse.words.count >= 28) ? Self.cardsPerSentence + 1 : Self.cardsPerSentence
            if d.primary, (perSentence[d.sentence] ?? 0) >= cap { summary.duplicatesDropped += 1; continue }
            if d.primary { perSentence[d.sentence, default: 0] += 1 }
            kept.append(d)
            byAnswer[d.answerKey, default: []].append(d)
            questions.insert(qn)
            ids.insert(d.card.id)
        }
        return kept.map(\.card)
    }
}
