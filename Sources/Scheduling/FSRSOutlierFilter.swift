/// fsrs-rs' outlier filter: cards whose (first rating, first long-term interval) pair is rare or
/// extreme are left out of training.
///
/// A card's first item (its first review a day or more after the first one) shows how well the
/// first rating predicts recall after that interval. Per first rating, the rarest intervals are
/// dropped until at least 5% (and 20 items) are gone, as are intervals seen fewer than 6 times or
/// longer than 100 days (365 after Easy); every card with a dropped pair is left out of training.
/// The kept first items are the data for the initial stabilities w0-w3.
struct FSRSOutlierFilter {
    /// Per card: whether training keeps it.
    let keepsCard: [Bool]
    /// Positions in `set.items` of the kept first items, for the initial stabilities.
    let initialization: [Int]

    init(_ set: FSRSTrainingSet) {
        // Per card: its first item's position in set.items, found from the item side.
        var firstItem = [Int](repeating: -1, count: set.cardCount)
        for (position, flat) in set.items.enumerated() {
            let card = Int(set.reviewCard[Int(flat)])
            if firstItem[card] < 0 || set.items[firstItem[card]] > flat { firstItem[card] = position }
        }
        // first rating -> first long-term interval -> first items.
        var groups: [[Int32: [Int]]] = Array(repeating: [:], count: 5)
        for card in 0..<set.cardCount where firstItem[card] >= 0 {
            let rating = Int(set.ratings[Int(set.cardStart[card])])
            let delta = set.deltaDays[Int(set.items[firstItem[card]])]
            groups[rating][delta, default: []].append(firstItem[card])
        }
        var removed: [Set<Int32>] = Array(repeating: [], count: 5)
        var initialization: [Int] = []
        for rating in 1...4 {
            // Smallest groups first; among equal sizes the shorter interval first.
            let ordered = groups[rating].sorted { ($0.value.count, $0.key) < ($1.value.count, $1.key) }
            let total = ordered.reduce(0) { $0 + $1.value.count }
            let quota = max(20, total / 20)
            var dropped = 0
            for (delta, items) in ordered {
                if dropped + items.count >= quota {
                    if items.count >= 6 && delta <= (rating == 4 ? 365 : 100) {
                        initialization += items
                    } else {
                        removed[rating].insert(delta)
                    }
                } else {
                    dropped += items.count
                    removed[rating].insert(delta)
                }
            }
        }
        keepsCard = (0..<set.cardCount).map { card in
            guard firstItem[card] >= 0 else { return true }
            let rating = Int(set.ratings[Int(set.cardStart[card])])
            return !removed[rating].contains(set.deltaDays[Int(set.items[firstItem[card]])])
        }
        self.initialization = initialization.sorted()
    }
}
