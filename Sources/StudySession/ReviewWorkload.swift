import Foundation
import Scheduling

/// How many reviews fall due on each coming day, so that fuzz can even out the workload
/// (Anki's load balancer): among the days an interval's fuzz may choose, the least loaded
/// one is taken, instead of a uniform draw that can pile reviews onto one day.
///
/// Days are counted in whole 24-hour periods from the start of the study day the workload
/// was built on: a daylight-saving hour off at the edge of a day does not matter for
/// spreading load, and it keeps building the table for 100,000 cards free of calendar work.
struct ReviewWorkload: Sendable {
    private(set) var counts: [Int: Int] = [:]
    let anchor: Date

    init(anchor: Date, states: some Sequence<SchedulingState>) {
        self.anchor = anchor
        for s in states { add(s, by: 1) }
    }

    /// Whole days from the anchor to `date`.
    func dayIndex(_ date: Date) -> Int {
        Int((date.timeIntervalSince(anchor) / 86400).rounded(.down))
    }

    func count(onDay index: Int) -> Int { counts[index] ?? 0 }

    /// A card's answer moved it from `old` to `new`.
    mutating func move(from old: SchedulingState, to new: SchedulingState) {
        add(old, by: -1)
        add(new, by: 1)
    }

    private mutating func add(_ s: SchedulingState, by delta: Int) {
        guard s.phase == .review, let due = s.due else { return }
        let i = dayIndex(due)
        let n = (counts[i] ?? 0) + delta
        counts[i] = n > 0 ? n : nil
    }

    /// The interval, in days from `reviewDay`, to use instead of a uniform draw from `range`:
    /// the day with the fewest reviews due, ties drawn uniformly with `generator`.
    func balancedInterval(in range: ClosedRange<Int>, reviewDay: Int, using generator: inout some RandomNumberGenerator) -> Int {
        var best: [Int] = []
        var bestCount = Int.max
        for days in range {
            let n = count(onDay: reviewDay + days)
            if n < bestCount {
                bestCount = n
                best = [days]
            } else if n == bestCount {
                best.append(days)
            }
        }
        guard best.count > 1 else { return best.first ?? range.lowerBound }
        let unit = Double(generator.next() >> 11) * 0x1p-53
        return best[min(Int(unit * Double(best.count)), best.count - 1)]
    }
}
