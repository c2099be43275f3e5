import DeckModel
import Foundation
import Scheduling
import StudyStore

/// Which cards a quiz asks: a pure function of the decks, the learner's progress, the
/// options and a seed (the same seed, the same quiz).
public enum QuizSelection {
    /// Up to `count` questions from `decks` (all of them when there are fewer).
    ///
    /// Suspended and flagged cards are left out, as `study` leaves them out: the learner
    /// set them aside. `types` (nil: all) keeps only those kinds of card.
    ///
    /// - `.random`: a seeded shuffle of every eligible card, the first `count` of it.
    /// - `.weakest`: studied cards by retrievability at `now`, lowest first (ties: more
    ///   lapses first), then new cards in seeded random order; asked weakest first, so a
    ///   quiz cut short by its time limit still covers the cards most at risk.
    public static func pick(
        from decks: [SessionDeck], progress: [String: [String: CardProgress]], types: Set<CardType>? = nil,
        count: Int, pick: QuizPick, seed: UInt64, now: Date
    ) -> [QuizQuestion] {
        var eligible: [(question: QuizQuestion, progress: CardProgress, scheduler: any Scheduler)] = []
        for sd in decks {
            let states = progress[sd.deck.id] ?? [:]
            for card in sd.deck.cards where types?.contains(card.type) ?? true {
                let p = states[card.id] ?? .untouched
                if p.suspended || p.isFlagged { continue }
                eligible.append((QuizQuestion(deckId: sd.deck.id, deckTitle: sd.deck.title, card: card), p, sd.scheduler))
            }
        }
        var generator = SplitMix64(seed: seed)
        let order = shuffledIndices(eligible.count, using: &generator)
        let limit = max(0, min(count, eligible.count))
        switch pick {
        case .random:
            return order.prefix(limit).map { eligible[$0].question }
        case .weakest:
            // A card's rank in the shuffle breaks every remaining tie, so ties are random
            // too (seeded) rather than in deck order.
            var rank = [Int](repeating: 0, count: eligible.count)
            for (r, i) in order.enumerated() { rank[i] = r }
            let keyed = eligible.indices.map { i -> (studied: Bool, recall: Double, lapses: Int, rank: Int, index: Int) in
                let e = eligible[i]
                let schedule = e.progress.schedule
                let studied = schedule.phase != .new
                let recall = studied ? e.scheduler.retrievability(schedule, at: now) : 1
                return (studied, recall, schedule.lapses, rank[i], i)
            }
            let sorted = keyed.sorted { a, b in
                if a.studied != b.studied { return a.studied }
                if a.recall != b.recall { return a.recall < b.recall }
                if a.lapses != b.lapses { return a.lapses > b.lapses }
                return a.rank < b.rank
            }
            return sorted.prefix(limit).map { eligible[$0.index].question }
        }
    }

    /// A Fisher-Yates shuffle of `0..<n` drawn from `generator`. Written out (rather than
    /// `shuffled(using:)`) so a seed gives the same quiz on every Swift version.
    static func shuffledIndices(_ n: Int, using generator: inout SplitMix64) -> [Int] {
        var a = Array(0..<n)
        guard n > 1 else { return a }
        for i in stride(from: n - 1, to: 0, by: -1) {
            // Multiply-shift: an unbiased enough draw from 0...i with one 64-bit number.
            let j = Int(generator.next().multipliedFullWidth(by: UInt64(i + 1)).high)
            a.swapAt(i, j)
        }
        return a
    }
}
