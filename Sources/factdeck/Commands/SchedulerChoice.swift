import Scheduling
import StudyStore

extension StudySettings {
    /// The scheduler a deck uses: its own setting, else the global one (FSRS-6 at the
    /// desired retention, or SM-2).
    func scheduler(forDeck id: String) throws -> any Scheduler {
        let own = decks[id] ?? Deck()
        if (own.scheduler ?? scheduler) == "sm2" { return SM2Scheduler() }
        return FSRSScheduler(parameters: try FSRSParameters(desiredRetention: own.desiredRetention ?? desiredRetention))
    }
}
