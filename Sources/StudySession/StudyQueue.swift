import Foundation
import Scheduling

/// The order in which a study session shows cards: a value, built from the candidates
/// at `now`, then advanced by the session as cards are answered. No clock, no IO, no
/// randomness: the same input gives the same queue.
///
/// Order (see `next(at:)`):
/// 1. learning and relearning cards whose step is due, earliest first: a failed card
///    must come back on time, or the short-term step means nothing;
/// 2. the day's main list: due reviews, lowest retrievability first (most at risk
///    first, so a session cut short saves the most), with new cards mixed in
///    (by default one after every few reviews), taken round-robin across decks so a
///    multi-deck session introduces each deck;
/// 3. learning cards due within the learn-ahead limit, so the learner need not wait;
/// 4. otherwise wait for the next learning card today, or finish.
///
/// Undo: the queue is a value; the session keeps a copy from before an answer and
/// puts it back.
public struct StudyQueue: Sendable, Hashable {
    public let day: StudyDay
    public let options: QueueOptions
    /// The start of the next study day after the queue was built: past it, today's
    /// limits and due cards are stale and the session should build a new queue.
    public let validUntil: Date
    /// Limits with the counts advanced by this session's answers.
    public private(set) var limits: DailyLimits
    /// Every candidate, as given; answered cards get their new state here.
    private var store: [QueueCandidate]
    /// Where the cards of today's queue (and any answered or updated since) sit in
    /// `store`. Only those: hashing all 100,000 ids of a collection at every start would
    /// cost more than building the rest of the queue. Others are found by a scan.
    private var index: [QueueCardID: Int] = [:]
    /// Reviews and new cards for today, in order; answered cards leave it.
    private var main: [QueueEntry]
    /// Learning and relearning cards due later today, by due instant.
    private var learning: [QueueCardID: Date]
    /// Cards taken out of this session (skipped to the end is different: see `skip`).
    private var leftSession: Set<QueueCardID> = []

    /// Builds the day's queue.
    ///
    /// A review is due today when it falls due before the next day start (reviews are
    /// day-granular, as in Anki; learning steps are not); a learning card when its step
    /// falls due before the next day start (earlier ones first; later ones tomorrow).
    public init(
        candidates: [QueueCandidate], limits: DailyLimits = DailyLimits(), now: Date, day: StudyDay,
        options: QueueOptions = QueueOptions()
    ) {
        self.day = day
        self.options = options
        self.limits = limits
        // Indices into `candidates` rather than copies: a candidate is large and a
        // collection has 100,000 of them.
        var index: [QueueCardID: Int] = [:]
        var deckOrder: [String] = []
        var lastDeck = ""
        let dayEnd = day.startOfNextDay(after: now)
        var learning: [QueueCardID: Date] = [:]
        var dueReviews: [Int] = []
        var newByDeck: [String: [Int]] = [:]
        for (i, c) in candidates.enumerated() {
            if c.deckID != lastDeck {
                lastDeck = c.deckID
                if !deckOrder.contains(c.deckID) { deckOrder.append(c.deckID) }
            }
            guard c.isEligible(at: now) else { continue }
            switch c.state.phase {
            case .learning, .relearning:
                let due = c.state.due ?? now
                // The first of two candidates with one id wins.
                if due < dayEnd, index[c.id] == nil {
                    index[c.id] = i
                    learning[c.id] = due
                }
            case .review:
                if (c.state.due ?? now) < dayEnd { dueReviews.append(i) }
            case .new:
                newByDeck[c.deckID, default: []].append(i)
            }
        }
        store = candidates
        validUntil = dayEnd
        self.learning = learning

        // Reviews: most at risk first; unknown retrievability after known, by due date.
        dueReviews.sort { i, j in
            let (a, b) = (candidates[i], candidates[j])
            switch (a.retrievability, b.retrievability) {
            case (let x?, let y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default:
                let (da, db) = (a.state.due ?? now, b.state.due ?? now)
                return da != db ? da < db : a.id < b.id
            }
        }
        var budget = limits
        var reviews: [QueueEntry] = []
        for i in dueReviews {
            let c = candidates[i]
            guard budget.reviewsRemaining(deck: c.deckID) > 0, index[c.id] == nil else { continue }
            index[c.id] = i
            budget.countReview(deck: c.deckID)
            reviews.append(QueueEntry(id: c.id, kind: .review, due: c.state.due ?? now))
        }

        // New cards: each deck in its own order, decks taken in turn.
        var queues = deckOrder.compactMap { deck in
            newByDeck[deck].map { list in
                list.sorted { i, j in
                    let (a, b) = (candidates[i], candidates[j])
                    return a.newOrder != b.newOrder ? a.newOrder < b.newOrder : a.cardID < b.cardID
                }[...]
            }
        }
        var newCards: [QueueEntry] = []
        while budget.newRemaining > 0, queues.contains(where: { !$0.isEmpty }) {
            for k in queues.indices where !queues[k].isEmpty && budget.newRemaining > 0 {
                let i = queues[k].first!
                let c = candidates[i]
                if index[c.id] != nil {
                    queues[k].removeFirst()
                } else if budget.newRemaining(deck: c.deckID) > 0 {
                    index[c.id] = i
                    budget.countNew(deck: c.deckID)
                    newCards.append(QueueEntry(id: c.id, kind: .new, due: nil))
                    queues[k].removeFirst()
                } else {
                    queues[k].removeAll()  // this deck's own cap is reached
                }
            }
        }

        self.index = index
        main = Self.interleave(reviews: reviews, new: newCards, placement: options.newCardPlacement)
    }

    /// `.mixed`: one new card after every `max(1, reviews / new)` reviews, the rest of
    /// the new cards once the reviews run out; the first card is a review if any is due.
    static func interleave(reviews: [QueueEntry], new: [QueueEntry], placement: NewCardPlacement) -> [QueueEntry] {
        switch placement {
        case .afterReviews: return reviews + new
        case .beforeReviews: return new + reviews
        case .mixed:
            guard !new.isEmpty, !reviews.isEmpty else { return reviews + new }
            let every = max(1, reviews.count / new.count)
            var out: [QueueEntry] = []
            var newIterator = new.makeIterator()
            for (index, review) in reviews.enumerated() {
                out.append(review)
                if (index + 1) % every == 0, let card = newIterator.next() { out.append(card) }
            }
            while let card = newIterator.next() { out.append(card) }
            return out
        }
    }

    // MARK: Asking

    /// What to show at `t` (see the type's documentation for the order).
    public func next(at t: Date) -> QueueStep {
        let earliestLearning = learning.min { ($0.value, $0.key) < ($1.value, $1.key) }
        if let soonest = earliestLearning, soonest.value <= t {
            return .card(QueueEntry(id: soonest.key, kind: .learning, due: soonest.value))
        }
        if let first = main.first { return .card(first) }
        if let soonest = earliestLearning {
            if soonest.value <= t.addingTimeInterval(options.learnAheadLimit) {
                return .card(QueueEntry(id: soonest.key, kind: .learning, due: soonest.value))
            }
            return .wait(until: soonest.value)
        }
        return .finished
    }

    /// What remains of today's session: new cards, learning cards (due now or later
    /// today) and due reviews.
    public var counts: QueueCounts {
        var counts = QueueCounts(new: 0, learning: learning.count, due: 0)
        for entry in main {
            switch entry.kind {
            case .new: counts.new += 1
            case .learning: counts.learning += 1
            case .review: counts.due += 1
            }
        }
        return counts
    }

    /// The stored candidate for `id`, with the state of its latest answer.
    public func candidate(_ id: QueueCardID) -> QueueCandidate? { position(of: id).map { store[$0] } }

    private func position(of id: QueueCardID) -> Int? {
        index[id] ?? store.firstIndex { $0.cardID == id.cardID && $0.deckID == id.deckID }
    }

    /// The card's place in `store`, indexed from now on.
    private mutating func indexed(_ id: QueueCardID) -> Int? {
        let i = position(of: id)
        if let i { index[id] = i }
        return i
    }

    /// Whether `id` is still to be shown in this session.
    public func contains(_ id: QueueCardID) -> Bool {
        learning[id] != nil || main.contains { $0.id == id }
    }

    // MARK: Advancing

    /// Records an answer: the card leaves the list it was in, today's counts advance,
    /// and a card now in (re)learning comes back when its step falls due, if that is
    /// still today (by `t`'s study day).
    /// What `answered` changed, for `undo`: small, so a session can keep one per answer.
    public struct AnswerUndo: Sendable, Hashable {
        let id: QueueCardID
        let state: SchedulingState?
        let mainIndex: Int?
        let mainEntry: QueueEntry?
        let learningDue: Date?
        let limits: DailyLimits
    }

    /// Like `answered(_:newState:at:)`, returning what it takes to put the queue back.
    /// (Copying the whole queue per answer would copy every candidate: O(collection).)
    @discardableResult
    public mutating func answeredUndoably(_ id: QueueCardID, newState: SchedulingState, at t: Date) -> AnswerUndo {
        let index = main.firstIndex { $0.id == id }
        let token = AnswerUndo(
            id: id, state: position(of: id).map { store[$0].state }, mainIndex: index, mainEntry: index.map { main[$0] },
            learningDue: learning[id], limits: limits)
        answered(id, newState: newState, at: t)
        return token
    }

    /// Reverses the answer `token` came from; tokens must be undone newest first.
    public mutating func undo(_ token: AnswerUndo) {
        let id = token.id
        if let state = token.state, let i = indexed(id) { store[i].state = state }
        main.removeAll { $0.id == id }
        if let entry = token.mainEntry, let index = token.mainIndex { main.insert(entry, at: min(index, main.count)) }
        learning[id] = token.learningDue
        limits = token.limits
    }

    public mutating func answered(_ id: QueueCardID, newState: SchedulingState, at t: Date) {
        let i = indexed(id)
        let previousPhase = i.map { store[$0].state.phase }
        if let i { store[i].state = newState }
        main.removeAll { $0.id == id }
        learning[id] = nil
        switch previousPhase {
        case .new?: limits.countNew(deck: id.deckID)
        case .review?: limits.countReview(deck: id.deckID)
        default: break
        }
        if newState.phase == .learning || newState.phase == .relearning {
            let due = newState.due ?? t
            if due < day.startOfNextDay(after: t) { learning[id] = due }
        }
    }

    /// Takes a card out of this session (`:bury`, `:suspend`, `:flag`, or a card that
    /// could not be loaded). `nextDue` then counts it from the next study day.
    public mutating func remove(_ id: QueueCardID) {
        main.removeAll { $0.id == id }
        learning[id] = nil
        leftSession.insert(id)
    }

    /// Replaces what the queue knows about a card (after `:suspend`, `:bury` or `:flag`,
    /// or a change made elsewhere); a card no longer eligible at `t` leaves the session.
    public mutating func update(_ candidate: QueueCandidate, at t: Date) {
        if let i = indexed(candidate.id) {
            store[i] = candidate
        } else {
            index[candidate.id] = store.count
            store.append(candidate)
        }
        if !candidate.isEligible(at: t) {
            main.removeAll { $0.id == candidate.id }
            learning[candidate.id] = nil
        }
    }

    /// `:skip`: the card goes to the end of today's list; a learning card is shown again
    /// after everything else, even if its step falls due sooner.
    public mutating func skip(_ id: QueueCardID) {
        if let index = main.firstIndex(where: { $0.id == id }) {
            main.append(main.remove(at: index))
        } else if let due = learning.removeValue(forKey: id) {
            main.append(QueueEntry(id: id, kind: .learning, due: due))
        }
    }

    // MARK: Next due

    /// When the next card will be available after `t`, given this session's answers
    /// and limits (for "next card due ..." at the end of a session).
    public func nextDue(after t: Date) -> Date? {
        let tomorrow = day.startOfNextDay(after: t)
        // Cards taken out of this session count from tomorrow.
        let pool = store.lazy.map { [leftSession] c in
            guard !leftSession.isEmpty, leftSession.contains(c.id) else { return c }
            var out = c
            out.buriedUntil = max(c.buriedUntil ?? tomorrow, tomorrow)
            return out
        }
        return Self.nextDue(candidates: pool, limits: limits, now: t, day: day)
    }

    /// When the first card becomes available, at or after `now`; nil when no card ever
    /// will (none, or all suspended or flagged).
    ///
    /// A learning card: its step's due instant. A review: at once if due today and the
    /// review limit allows, else the start of the study day it falls due in (or of
    /// tomorrow, when today's limit is spent). A new card: at once if the new limit
    /// allows, else tomorrow's day start. A buried card: not before its burial ends.
    public static func nextDue(candidates: some Sequence<QueueCandidate>, limits: DailyLimits, now: Date, day: StudyDay) -> Date? {
        let tomorrow = day.startOfNextDay(after: now)
        var earliest: Date?
        for c in candidates where !c.isSuspended && !c.isFlagged {
            var available: Date
            switch c.state.phase {
            case .new:
                available = limits.newRemaining(deck: c.deckID) > 0 ? now : tomorrow
            case .learning, .relearning:
                available = max(now, c.state.due ?? now)
            case .review:
                let due = c.state.due ?? now
                if due < tomorrow {
                    available = limits.reviewsRemaining(deck: c.deckID) > 0 ? now : tomorrow
                } else {
                    available = day.startOfDay(containing: due)
                }
            }
            if let buried = c.buriedUntil, buried > available { available = buried }
            if earliest.map({ available < $0 }) ?? true { earliest = available }
        }
        return earliest
    }
}
