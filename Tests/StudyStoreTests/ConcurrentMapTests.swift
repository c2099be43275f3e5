import Testing

@testable import StudyStore

/// The parallel builders must give exactly what their one-by-one versions give.
@Suite struct ConcurrentMapTests {
    @Test(arguments: [0, 1, 2, 7, 100])
    func concurrentMapKeepsOrder(count: Int) {
        let items = (0..<count).map { "item \($0) " + String(repeating: "x", count: $0 % 40) }
        #expect(items.concurrentMap { $0.uppercased() } == items.map { $0.uppercased() })
    }

    @Test func partsLandInPlaceWithTheirOwnSideValues() {
        var rng = SnapshotFastPathTests.RNG(state: 42)
        for _ in 0..<50 {
            let counts = (0..<rng.int(12)).map { _ in rng.chance(0.2) ? 0 : rng.int(300) }
            let (elements, sides) = [String].concurrentParts(counts: counts) { part, emit in
                for i in 0..<counts[part] { emit("\(part)-\(i)-" + String(repeating: "y", count: i % 30)) }
                return part * 10
            }
            let expected = counts.enumerated().flatMap { part, n in (0..<n).map { "\(part)-\($0)-" + String(repeating: "y", count: $0 % 30) } }
            #expect(elements == expected)
            #expect(sides == counts.indices.map { $0 * 10 })
        }
    }
}
