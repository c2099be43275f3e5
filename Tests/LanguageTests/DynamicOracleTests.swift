import Foundation
import Testing

@testable import Language

@Suite struct DynamicOracleTests {
    static let treebank = "../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu"

    /// Following only zero-cost transitions from the start rebuilds every projective gold
    /// tree exactly, labels included: the oracle never calls a wrong move free.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: treebank)))
    func zeroCostPathsRebuildTheGoldTrees() throws {
        let text = try String(contentsOfFile: Self.treebank, encoding: .utf8)
        let sentences = try CoNLLU.parse(text, source: Self.treebank).prefix(400)
        let labels = LabelSet(from: Array(sentences))
        let classCount = Transition.classCount(labels: labels.count)
        let directions = [Bool](repeating: true, count: classCount)
        let root = labels.index(of: "root")!
        for s in sentences {
            var heads: [Int32] = [-1] + s.words.map { Int32($0.head) }
            heads = Projectivizer.lift(heads)
            let gold: [Int16] = [-1] + s.words.map { Int16(labels.index(of: $0.relation)!) }
            let oracle = DynamicOracle(heads: heads, labels: gold)
            var state = ArcHybridState(count: s.words.count)
            var valid = [Bool](repeating: false, count: classCount)
            var costs = [Int](repeating: 0, count: classCount)
            while !state.isTerminal {
                directions.withUnsafeBufferPointer { d in
                    Transition.valid(state, rootLabel: root, directions: d, into: &valid)
                }
                oracle.costs(state, valid: valid, into: &costs, classCount: classCount)
                let move = try #require((0..<classCount).first { valid[$0] && costs[$0] == 0 })
                Transition.apply(move, to: &state)
            }
            #expect(Array(state.heads.dropFirst()) == Array(heads.dropFirst()))
            #expect(Array(state.labels.dropFirst()) == Array(gold.dropFirst()))
        }
    }

    /// After a wrong move, the cost it was charged is exactly the number of gold arcs the
    /// best continuation then misses (checked along random paths).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: treebank)))
    func chargedCostsAddUpToTheArcsLost() throws {
        let text = try String(contentsOfFile: Self.treebank, encoding: .utf8)
        let sentences = try CoNLLU.parse(text, source: Self.treebank).prefix(200)
        let labels = LabelSet(from: Array(sentences))
        let classCount = Transition.classCount(labels: labels.count)
        let directions = [Bool](repeating: true, count: classCount)
        let root = labels.index(of: "root")!
        var rng = SeededGenerator(seed: 7)
        for s in sentences {
            let heads = Projectivizer.lift([-1] + s.words.map { Int32($0.head) })
            let gold: [Int16] = [-1] + s.words.map { Int16(labels.index(of: $0.relation)!) }
            let oracle = DynamicOracle(heads: heads, labels: gold)
            var state = ArcHybridState(count: s.words.count)
            var valid = [Bool](repeating: false, count: classCount)
            var costs = [Int](repeating: 0, count: classCount)
            var charged = 0
            while !state.isTerminal {
                directions.withUnsafeBufferPointer { d in
                    Transition.valid(state, rootLabel: root, directions: d, into: &valid)
                }
                oracle.costs(state, valid: valid, into: &costs, classCount: classCount)
                let choices = (0..<classCount).filter { valid[$0] }
                let best = choices.map { costs[$0] }.min()!
                let move = rng.chance(0.2) ? choices[rng.below(choices.count)] : choices.first { costs[$0] == best }!
                charged += costs[move] - best
                Transition.apply(move, to: &state)
            }
            var lost = 0
            for d in 1..<heads.count where state.heads[d] != heads[d] || state.labels[d] != gold[d] { lost += 1 }
            #expect(lost == charged)
        }
    }
}
