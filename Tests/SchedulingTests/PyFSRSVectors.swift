import Foundation

/// The parts of shared/eval/fsrs/vectors.json (py-fsrs 6.3.2, fuzz off) the tests read.
struct PyFSRSVectors: Decodable {
    struct Config: Decodable {
        let parameters: [Double]
        let desired_retention: Double
        let learning_steps: [Double]
        let relearning_steps: [Double]
        let maximum_interval: Int
    }

    struct Scenario: Decodable {
        let name: String
        let config: String
        let description: String
        let reviews: [Review]
    }

    struct Review: Decodable {
        struct Retrievability: Decodable {
            let offset_seconds: Int
            let r: Double
        }

        let i: Int
        let rating: Int
        let review_time: String
        let review_unix_ms: Int64
        let state: String
        let state_code: Int
        let step: Int?
        let stability: Double
        let difficulty: Double
        let due: String
        let due_unix_ms: Int64
        let interval_days_raw: Double?
        let retrievability: [Retrievability]
    }

    struct Fuzz: Decodable {
        let interval_days: Int
        let min_ivl: Int
        let max_ivl: Int
    }

    struct Unit: Decodable {
        struct NextDifficulty: Decodable { let d: Double; let rating: Int; let next_d: Double }
        struct ShortTerm: Decodable { let s: Double; let rating: Int; let next_s: Double }
        struct NextStability: Decodable { let d: Double; let s: Double; let r: Double; let rating: Int; let next_s: Double }
        struct NextInterval: Decodable { let s: Double; let desired_retention: Double; let interval_days: Int; let interval_days_raw: Double }
        struct Curve: Decodable { let s: Double; let elapsed_days: Int; let r: Double }

        let initial_stability: [String: Double]
        let initial_difficulty_clamped: [String: Double]
        let initial_difficulty_unclamped: [String: Double]
        let next_difficulty: [NextDifficulty]
        let short_term_stability: [ShortTerm]
        let next_stability: [NextStability]
        let next_interval: [NextInterval]
        let forgetting_curve: [Curve]
    }

    let configs: [String: Config]
    let scenarios: [Scenario]
    let fuzz: [Fuzz]
    let unit: Unit

    static let shared: PyFSRSVectors? = try? ReferenceFiles.decode(PyFSRSVectors.self, from: ReferenceFiles.pyVectors)

    /// Scenario names for parameterized tests; empty when the reference files are absent.
    static var scenarioNames: [String] { shared?.scenarios.map(\.name) ?? [] }
}
