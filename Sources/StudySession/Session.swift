import DeckModel
import Foundation
import Parallel
import Scheduling
import StudyStore

/// A study session: picks the next card, checks and grades answers, records each one
/// through `ProgressRecording` before returning, and undoes. No terminal code: the REPL
/// (or a test) drives it and renders what it returns.
public final class Session {
    struct Key: Hashable {
        var deck: Int
        var card: Int
    }

    private struct Answered {
        var key: Key
        /// What the queue needs to put this answer back.
        var queueUndo: StudyQueue.AnswerUndo
        var review: LogEntry
        var verdict: AnswerVerdict
        var typed: String
        /// The queue before a disputed answer flagged the card (undo puts it back).
        var queueBeforeFlag: StudyQueue?
    }

    /// A card taken out by `removeCard`, with what `undo` needs to put it back.
    private struct Removal {
        var key: Key
        var queue: StudyQueue
        var current: Key?
        /// How many answers `answered` held then: undo takes back whichever came last.
        var answersBefore: Int
    }

    private var decks: [SessionDeck]
    private var removals: [Removal] = []
    /// Card states by deck index and card index: arrays, as every card has one.
    private var progress: [[CardProgress]] = []
    private var queue: StudyQueue
    private var current: Key?
    private var awaitingSelfGrade: (typed: String, millis: Int?)?
    private var answered: [Answered] = []
    private let recorder: ProgressRecording
    private let checker: AnswerChecker
    private let policy: GradePolicy
    /// Cards of other sources that disagree with a card (conflicting sources).
    private let conflicts: ConflictIndex
    private var fuzz: SplitMix64?
    /// Reviews due per day, for spreading fuzzed intervals; built at the first review that needs it.
    private var workload: ReviewWorkload?
    public private(set) var summary: SessionSummary

    /// - Parameters:
    ///   - progress: card states by deck id and card id (from the store).
    ///   - limits: daily limits, with what was already done today.
    ///   - fuzzSeed: interval fuzz from this seed; nil turns fuzz off (tests, reproducible runs).
    ///   - conflicts: the conflicts among all the learner's decks (not only these): a card
    ///     in one says so after the answer, and an answer right for the other source is
    ///     disputed.
    public init(
        decks: [SessionDeck], progress: [String: [String: CardProgress]], limits: DailyLimits = DailyLimits(),
        day: StudyDay, options: QueueOptions = QueueOptions(), recorder: ProgressRecording, now: Date,
        checker: AnswerChecker = AnswerChecker(), policy: GradePolicy = .standard, fuzzSeed: UInt64? = nil,
        conflicts: ConflictIndex = ConflictIndex()
    ) {
        self.decks = decks
        self.conflicts = conflicts
        self.recorder = recorder
        self.checker = checker
        self.policy = policy
        self.fuzz = fuzzSeed.map { SplitMix64(seed: $0) }
        self.summary = SessionSummary(startedAt: now)
        // Decks side by side, each writing its candidates straight into the one list: a
        // 100,000-card collection is most of a start's work here.
        let (candidates, perDeck) = [QueueCandidate].concurrentParts(counts: decks.map(\.deck.cards.count)) { d, emit in
            let sd = decks[d]
            let states = progress[sd.deck.id] ?? [:]
            let count = Double(max(1, sd.deck.cards.count))
            var deckProgress: [CardProgress] = []
            deckProgress.reserveCapacity(sd.deck.cards.count)
            for (c, card) in sd.deck.cards.enumerated() {
                let p = states.isEmpty ? .untouched : states[card.id] ?? .untouched
                deckProgress.append(p)
                emit(Self.candidate(sd, key: Key(deck: d, card: c), card: card, progress: p, now: now,
                                    order: -card.score + Double(c) / count / 1000))
            }
            return deckProgress
        }
        self.progress = perDeck
        queue = StudyQueue(candidates: candidates, limits: limits, now: now, day: day, options: options)
    }

    /// Best cards first (the generator's score), deck order breaking ties.
    private static func candidate(_ sd: SessionDeck, key: Key, card: Card, progress p: CardProgress, now: Date, order: Double) -> QueueCandidate {
        QueueCandidate(
            deckID: sd.deck.id, cardID: card.id, state: p.schedule, newOrder: order, isSuspended: p.suspended,
            buriedUntil: p.buriedUntil, isFlagged: p.isFlagged,
            retrievability: p.schedule.phase == .review ? sd.scheduler.retrievability(p.schedule, at: now) : nil,
            tag: key.deck << 32 | key.card)
    }

    /// The card a queue entry stands for (the candidate's tag is its key).
    private func key(for id: QueueCardID) -> Key? {
        guard let tag = queue.candidate(id)?.tag, tag >= 0 else { return nil }
        return Key(deck: tag >> 32, card: tag & 0xFFFF_FFFF)
    }

    private func queueID(_ key: Key) -> QueueCardID {
        QueueCardID(deckID: decks[key.deck].deck.id, cardID: decks[key.deck].deck.cards[key.card].id)
    }

    // MARK: - The queue

    /// Counts of what this session still has to show.
    public func remaining(now: Date) -> RemainingCounts {
        let c = queue.counts
        return RemainingCounts(new: c.new, learning: c.learning, due: c.due)
    }

    /// The card to show now, or nil when nothing is left to show now (see `nextDue`).
    public func next(now: Date) -> StudyItem? {
        if let current { return item(current, now: now) }
        guard case .card(let entry) = queue.next(at: now), let key = key(for: entry.id) else { return nil }
        current = key
        return item(key, now: now)
    }

    /// When the next card becomes available (a learning step later today, tomorrow's
    /// reviews and new cards); nil when no card ever will.
    public func nextDue(now: Date) -> Date? { queue.nextDue(after: now) }

    private func item(_ key: Key, now: Date) -> StudyItem {
        let sd = decks[key.deck]
        let card = sd.deck.cards[key.card]
        return StudyItem(
            deckId: sd.deck.id, deckTitle: sd.deck.title, card: card, progress: progress[key.deck][key.card],
            remaining: remaining(now: now), otherSources: conflicts.others(deck: sd.deck.id, card: card.id))
    }

    // MARK: - Answers

    /// Checks a typed answer. A right or wrong answer is graded and recorded at once; an
    /// empty one flips the card and waits for `selfGrade`. `elapsedMillis` is nil when the
    /// time is meaningless (scripted input), which grades a right answer Good. An answer
    /// that another source gives (`.disputed`) is graded Hard and flags the card.
    public func answer(_ typed: String, elapsedMillis: Int?, now: Date) throws(SessionError) -> AnswerFeedback {
        guard let key = current else { throw .noCard }
        let card = decks[key.deck].deck.cards[key.card]
        let verdict = checker.check(typed, against: card, otherSources: conflicts.others(deck: decks[key.deck].deck.id, card: card.id))
        let seconds = elapsedMillis.map { Double($0) / 1000 } ?? .nan
        guard let rating = policy.rating(for: verdict, responseTime: seconds, card: card) else {
            awaitingSelfGrade = (typed, elapsedMillis)
            return AnswerFeedback(
                item: item(key, now: now), verdict: verdict, rating: nil, typed: typed,
                intervals: intervals(key, now: now), due: nil)
        }
        return try record(key, rating: rating, verdict: verdict, typed: typed, millis: elapsedMillis, now: now)
    }

    /// Whether the card on screen was flipped and waits for the learner's own grade.
    public var isAwaitingSelfGrade: Bool { awaitingSelfGrade != nil }

    /// The learner's grade for a flipped card.
    public func selfGrade(_ rating: Rating, now: Date) throws(SessionError) -> AnswerFeedback {
        guard let key = current, let pending = awaitingSelfGrade else { throw .noCard }
        awaitingSelfGrade = nil
        return try record(key, rating: rating, verdict: .empty, typed: pending.typed, millis: pending.millis, now: now)
    }

    /// Changes the grade of the last answer (the feedback line's 1-4): the old review is
    /// undone in the log and the new grade recorded from the same starting state.
    public func regrade(_ rating: Rating, now: Date) throws(SessionError) -> AnswerFeedback {
        guard let last = answered.last else { throw .nothingToUndo }
        if let r = removals.last, r.answersBefore == answered.count { throw .removedSince }
        if last.review.rating == rating {
            return feedback(for: last, now: now)
        }
        try undoLast(now: now, restoreToQueue: false)
        if last.review.rating == .again { summary.again = max(0, summary.again - 1) }
        current = last.key
        return try record(last.key, rating: rating, verdict: last.verdict, typed: last.typed,
                          millis: last.review.responseMillis, now: last.review.time, countAgain: false)
    }

    private func intervals(_ key: Key, now: Date) -> [Rating: TimeInterval] {
        let state = progress[key.deck][key.card].schedule
        let scheduler = decks[key.deck].scheduler
        if let fuzz { return (try? scheduler.nextIntervals(state, at: now, fuzzingWith: fuzz)) ?? [:] }
        return (try? scheduler.nextIntervals(state, at: now)) ?? [:]
    }

    private func record(
        _ key: Key, rating: Rating, verdict: AnswerVerdict, typed: String, millis: Int?, now: Date, countAgain: Bool = true
    ) throws(SessionError) -> AnswerFeedback {
        let sd = decks[key.deck]
        let card = sd.deck.cards[key.card]
        let before = progress[key.deck][key.card].schedule
        let shownIntervals = intervals(key, now: now)
        let after: SchedulingState
        do {
            if fuzz != nil {
                after = try balancedReview(sd.scheduler, before, rating: rating, now: now)
            } else {
                after = try sd.scheduler.review(before, rating: rating, at: now)
            }
        } catch {
            throw .scheduling(error)
        }
        let entry = LogEntry(
            kind: .review, deck: sd.deck.id, card: card.id, time: now, rating: rating, responseMillis: millis,
            typed: typed.isEmpty ? nil : typed, before: before, after: after)
        let written: LogEntry
        do {
            written = try recorder.record(entry)
        } catch {
            throw .store(error)
        }
        // Only now, with the answer on disk, does the session move on.
        progress[key.deck][key.card].schedule = after
        workload?.move(from: before, to: after)
        let undo = queue.answeredUndoably(queueID(key), newState: after, at: now)
        let a = Answered(key: key, queueUndo: undo, review: written, verdict: verdict, typed: typed)
        answered.append(a)
        current = nil
        awaitingSelfGrade = nil
        if countAgain {
            summary.studied += 1
            if verdict.isRight { summary.correct += 1 }
        }
        if rating == .again { summary.again += 1 }
        summary.activeMillis += countAgain ? (millis ?? 0) : 0
        if case .disputed(let other) = verdict, !progress[key.deck][key.card].isFlagged {
            // Flagged after the answer is on disk, so that the grade stands even if this fails.
            let before = queue
            try mark(key, .flag, now: now, note: Self.disputeNote(other))
            answered[answered.count - 1].queueBeforeFlag = before
        }
        var fb = feedback(for: answered[answered.count - 1], now: now)
        fb.intervals = shownIntervals
        return fb
    }

    /// A fuzzed review whose day, among those fuzz may choose, is the one with the fewest
    /// reviews already due (Anki's load balancer): fuzz spreads cards out either way, this
    /// also keeps one day from piling up.
    private func balancedReview(_ scheduler: any Scheduler, _ before: SchedulingState, rating: Rating, now: Date) throws(SchedulingError) -> SchedulingState {
        let base = try scheduler.review(before, rating: rating, at: now)
        // Both schedulers fuzz only whole-day review intervals (and draw nothing otherwise):
        // a (re)learning step needs no second pass.
        guard base.phase == .review else { return base }
        guard let days = base.intervalDays, days >= 1, let due = base.due else {
            return try scheduler.review(before, rating: rating, at: now, fuzzingWith: &fuzz!)
        }
        let range = scheduler.fuzzRange(days: Int(days))
        guard range.count > 1 else { return base }
        if workload == nil {
            workload = ReviewWorkload(anchor: queue.day.startOfDay(containing: now), states: progress.lazy.joined().map(\.schedule))
        }
        let chosen = workload!.balancedInterval(in: range, reviewDay: workload!.dayIndex(now), using: &fuzz!)
        var after = base
        after.intervalDays = Double(chosen)
        after.due = due.addingTimeInterval(Double(chosen - Int(days)) * 86400)
        return after
    }

    /// The flag note of a disputed card: which source says what.
    static func disputeNote(_ other: ConflictCard) -> String {
        "disputed: another source says \(other.card.answer) (\(other.place))"
    }

    private func feedback(for a: Answered, now: Date) -> AnswerFeedback {
        let it = item(a.key, now: now)
        return AnswerFeedback(
            item: it, verdict: a.verdict, rating: a.review.rating, typed: a.typed,
            intervals: previewBefore(a), due: a.review.after?.due)
    }

    private func previewBefore(_ a: Answered) -> [Rating: TimeInterval] {
        guard let before = a.review.before else { return [:] }
        return (try? decks[a.key.deck].scheduler.nextIntervals(before, at: a.review.time)) ?? [:]
    }

    // MARK: - Commands

    /// Takes back the last answer: its log entry (by an undo entry) and its schedule.
    /// The card comes back on screen.
    @discardableResult
    public func undo(now: Date) throws(SessionError) -> UndoOutcome {
        if let r = removals.last, r.answersBefore == answered.count {
            removals.removeLast()
            queue = r.queue
            current = r.current
            awaitingSelfGrade = nil
            let sd = decks[r.key.deck]
            return UndoOutcome(card: sd.deck.cards[r.key.card], deckTitle: sd.deck.title, rating: nil)
        }
        guard let last = answered.last else { throw .nothingToUndo }
        try undoLast(now: now, restoreToQueue: true)
        return UndoOutcome(card: decks[last.key.deck].deck.cards[last.key.card], deckTitle: decks[last.key.deck].deck.title, rating: last.review.rating ?? .good)
    }

    private func undoLast(now: Date, restoreToQueue: Bool) throws(SessionError) {
        guard let last = answered.last else { throw .nothingToUndo }
        let sd = decks[last.key.deck]
        let entry = LogEntry(
            kind: .undo, deck: sd.deck.id, card: sd.deck.cards[last.key.card].id, time: now,
            before: last.review.after, after: last.review.before, undoes: last.review.seq)
        if let queueBeforeFlag = last.queueBeforeFlag {
            // The flag the disputed answer set goes first (the last thing done, undone first).
            let unflag = LogEntry(kind: .unflag, deck: sd.deck.id, card: sd.deck.cards[last.key.card].id, time: now)
            do {
                _ = try recorder.record(unflag)
            } catch {
                throw .store(error)
            }
            progress[last.key.deck][last.key.card].flagNote = nil
            queue = queueBeforeFlag
            answered[answered.count - 1].queueBeforeFlag = nil
        }
        do {
            _ = try recorder.record(entry)
        } catch {
            throw .store(error)
        }
        answered.removeLast()
        progress[last.key.deck][last.key.card].schedule = last.review.before ?? .new
        workload?.move(from: last.review.after ?? .new, to: last.review.before ?? .new)
        queue.undo(last.queueUndo)
        guard restoreToQueue else { return }
        summary.studied = max(0, summary.studied - 1)
        if last.verdict.isRight { summary.correct = max(0, summary.correct - 1) }
        if last.review.rating == .again { summary.again = max(0, summary.again - 1) }
        summary.activeMillis = max(0, summary.activeMillis - (last.review.responseMillis ?? 0))
        awaitingSelfGrade = nil
        current = last.key
    }

    // MARK: The learner's changes to cards

    private func key(deckId: String, cardId: String) -> Key? {
        guard let d = decks.firstIndex(where: { $0.deck.id == deckId }),
              let c = decks[d].deck.cards.firstIndex(where: { $0.id == cardId }) else { return nil }
        return Key(deck: d, card: c)
    }

    /// Puts the learner's edit of a card in place of the card (same id): it is shown and
    /// checked as edited from now on, with its progress unchanged.
    public func replaceCard(_ card: Card, deckId: String) throws(SessionError) {
        guard let key = key(deckId: deckId, cardId: card.id) else { throw .noCard }
        decks[key.deck].deck.cards[key.card] = card
    }

    /// Takes a card out of this session (the learner deleted it); `undo` puts it back,
    /// when nothing was answered since.
    public func removeCard(deckId: String, cardId: String, now: Date) throws(SessionError) {
        guard let key = key(deckId: deckId, cardId: cardId) else { throw .noCard }
        removals.append(Removal(key: key, queue: queue, current: current, answersBefore: answered.count))
        // Marked ineligible as well as removed, so that "next card due" never counts it.
        var gone = progress[key.deck][key.card]
        gone.suspended = true
        queue.update(Self.candidate(decks[key.deck], key: key, card: decks[key.deck].deck.cards[key.card], progress: gone, now: now, order: 0), at: now)
        queue.remove(queueID(key))
        if current == key {
            current = nil
            awaitingSelfGrade = nil
        }
    }

    /// The card `undo` would bring back, when the last thing done was removing it.
    public var removalToUndo: (deckId: String, cardId: String)? {
        guard let r = removals.last, r.answersBefore == answered.count else { return nil }
        return (decks[r.key.deck].deck.id, decks[r.key.deck].deck.cards[r.key.card].id)
    }

    /// Puts the card on screen to the back of today's list.
    public func skip(now: Date) {
        guard let key = current else { return }
        current = nil
        awaitingSelfGrade = nil
        queue.skip(queueID(key))
    }

    /// Suspends the card on screen: it leaves every queue until unsuspended.
    public func suspendCurrent(now: Date) throws(SessionError) { try markCurrent(.suspend, now: now) }

    /// Hides the card on screen until the next study day.
    public func buryCurrent(now: Date) throws(SessionError) {
        try markCurrent(.bury, now: now, until: queue.day.startOfNextDay(after: now))
    }

    /// Flags the card on screen as wrong or disputed; it leaves the queue and is listed by `decks --flagged`.
    public func flagCurrent(note: String, now: Date) throws(SessionError) { try markCurrent(.flag, now: now, note: note) }

    private func markCurrent(_ kind: LogEntry.Kind, now: Date, until: Date? = nil, note: String? = nil) throws(SessionError) {
        guard let key = current else { throw .noCard }
        try mark(key, kind, now: now, until: until, note: note)
    }

    /// Suspends, buries or flags a card: recorded, and the card leaves the queue.
    private func mark(_ key: Key, _ kind: LogEntry.Kind, now: Date, until: Date? = nil, note: String? = nil) throws(SessionError) {
        let sd = decks[key.deck]
        let entry = LogEntry(kind: kind, deck: sd.deck.id, card: sd.deck.cards[key.card].id, time: now, until: until, note: note)
        let written: LogEntry
        do {
            written = try recorder.record(entry)
        } catch {
            throw .store(error)
        }
        written.apply(to: &progress[key.deck][key.card])
        let p = progress[key.deck][key.card]
        queue.update(Self.candidate(sd, key: key, card: sd.deck.cards[key.card], progress: p, now: now, order: 0), at: now)
        queue.remove(queueID(key))
        current = nil
        awaitingSelfGrade = nil
    }
}
