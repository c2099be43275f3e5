/// Reviews of a log grouped per card, each card's reviews in time order (ties keep input order).
///
/// `order[start[c] ..< start[c + 1]]` are the input positions of card `c`'s reviews.
struct CardGrouping {
    let start: [Int]
    let order: [Int32]

    /// Groups `card` (dense card numbers below `cardCount`) by a counting sort, which keeps each
    /// card's rows in input order in O(n); a card whose rows are out of time order is sorted.
    init(card: [Int32], time: [Int64], cardCount: Int) {
        var start = [Int](repeating: 0, count: cardCount + 1)
        for c in card { start[Int(c) + 1] += 1 }
        for c in 0..<cardCount { start[c + 1] += start[c] }
        var order = [Int32](repeating: 0, count: card.count)
        var fill = start
        for i in card.indices {
            let c = Int(card[i])
            order[fill[c]] = Int32(i)
            fill[c] += 1
        }
        for c in 0..<cardCount where start[c + 1] - start[c] > 1 {
            let rows = start[c]..<start[c + 1]
            var sorted = true
            for k in rows.dropFirst() where time[Int(order[k])] < time[Int(order[k - 1])] {
                sorted = false
                break
            }
            if !sorted {
                order[rows].sort { (time[Int($0)], $0) < (time[Int($1)], $1) }
            }
        }
        self.start = start
        self.order = order
    }

    var cardCount: Int { start.count - 1 }

    /// Input positions of card `c`'s reviews, in time order.
    func rows(of c: Int) -> ArraySlice<Int32> { order[start[c]..<start[c + 1]] }
}
