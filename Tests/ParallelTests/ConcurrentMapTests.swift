import Parallel
import Testing

/// The parallel builders must give exactly what their one-by-one versions give.
@Suite struct ConcurrentMapTests {
    @Test(arguments: [0, 1, 2, 7, 100])
    func concurrentMapKeepsOrder(count: Int) {
        let items = (0..<count).map { "item \($0) " + String(repeating: "x", count: $0 % 40) }
        #expect(items.concurrentMap { $0.uppercased() } == items.map { $0.uppercased() })
    }

    @Test func partsLandInPlaceWithTheirOwnSideValues() {
        for trial in 0..<50 {
            // 0 to 11 parts of 0 to 299 elements, some empty
            let counts = (0..<(trial * 7 % 12)).map { ($0 * 37 + trial * 11) % 5 == 0 ? 0 : ($0 * 131 + trial * 17) % 300 }
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
