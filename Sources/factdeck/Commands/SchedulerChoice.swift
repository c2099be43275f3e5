import Scheduling
import StudyStore

extension StudySettings {
    /// The scheduler a deck uses: its own setting, else the global one (SM-2, or FSRS-6
    /// with the deck's own weights, else those `fsrs optimize --save` fitted, else the
    /// defaults, at the desired retention).
    func scheduler(forDeck id: String) throws -> any Scheduler {
        if ((decks[id] ?? Deck()).scheduler ?? scheduler) == "sm2" { return SM2Scheduler() }
        return FSRSScheduler(parameters: try fsrsParameters(forDeck: id))
    }
}
