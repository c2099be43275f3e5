import Foundation

/// The parts of shared/eval/fsrs/vectors-rs.json (fsrs-rs, float32, day-granular) the tests read.
struct RsFSRSVectors: Decodable {
    struct Review: Decodable { let rating: Int; let delta_t: Int }
    struct Memory: Decodable { let stability: Double; let difficulty: Double }
    struct Next: Decodable { let stability: Double; let difficulty: Double; let interval: Double }

    struct NextStates: Decodable {
        let desired_retention: Double
        let days_elapsed: Int?
        let again: Next
        let hard: Next
        let good: Next
        let easy: Next

        func next(_ rating: Int) -> Next { [again, hard, good, easy][rating - 1] }
    }

    struct Prefix: Decodable {
        let k: Int
        let stability: Double
        let difficulty: Double
        let next_states: NextStates
    }

    struct History: Decodable {
        let name: String
        let reviews: [Review]
        let prefix_states: [Prefix]
        let historical_memory_states: [Memory]
        let final_next_states: [NextStates]
    }

    let parameters: [Double]
    let histories: [History]
    let new_card_next_states: [NextStates]

    static let shared: RsFSRSVectors? = try? ReferenceFiles.decode(RsFSRSVectors.self, from: ReferenceFiles.rsVectors)
    static var historyNames: [String] { shared?.histories.map(\.name) ?? [] }
}
