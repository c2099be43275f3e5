/// An averaged perceptron while it learns (Collins 2002; Honnibal's "A good part-of-speech
/// tagger in about 200 lines" for the lazy averaging). Updates are +1/-1, so weights are
/// integers and training is exactly reproducible. Each feature keeps a chain of the
/// classes it was updated for, so memory grows with mistakes, not features x classes.
struct PerceptronTrainer {
    let classCount: Int
    private var index = FeatureIndex()
    /// Per feature: the first entry of its chain, or -1.
    private var chainHead: [Int32] = []
    private var featureKeys: [UInt64] = []
    private var entryClass: [UInt8] = []
    private var entryNext: [Int32] = []
    private var entryWeight: [Int32] = []
    private var entryTotal: [Int64] = []
    private var entryStamp: [Int32] = []
    /// Examples seen so far: the clock of the lazy averages.
    private(set) var instances: Int32 = 0

    /// When given, only these features ever get weights: the ones seen often enough in
    /// the training data (rare features cost memory and generalise badly).
    private let allowed: FeatureIndex?

    init(classCount: Int, allowed: FeatureIndex? = nil) {
        precondition(classCount <= 256)
        self.classCount = classCount
        self.allowed = allowed.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Current (not averaged) scores.
    func score(_ features: UnsafeBufferPointer<UInt64>, into scores: UnsafeMutablePointer<Int32>) {
        scores.update(repeating: 0, count: classCount)
        entryWeight.withUnsafeBufferPointer { w in
            entryClass.withUnsafeBufferPointer { c in
                entryNext.withUnsafeBufferPointer { next in
                    chainHead.withUnsafeBufferPointer { head in
                        for key in features {
                            guard let f = index.find(key) else { continue }
                            var e = Int(head[f])
                            while e >= 0 {
                                scores[Int(c[e])] &+= w[e]
                                e = Int(next[e])
                            }
                        }
                    }
                }
            }
        }
    }

    /// Counts one example; call once per decision whether or not it was wrong.
    mutating func tick() { instances += 1 }

    /// Moves the weights of `features` towards `truth` and away from `guess`.
    mutating func update(_ features: UnsafeBufferPointer<UInt64>, truth: Int, guess: Int) {
        guard truth != guess else { return }
        for key in features {
            if let allowed, index.find(key) == nil, allowed.find(key) == nil { continue }
            let f = feature(key)
            bump(feature: f, cls: truth, by: 1)
            bump(feature: f, cls: guess, by: -1)
        }
    }

    private mutating func feature(_ key: UInt64) -> Int {
        if let f = index.find(key) { return f }
        let f = chainHead.count
        chainHead.append(-1)
        featureKeys.append(key)
        index.insert(key, value: f)
        return f
    }

    private mutating func bump(feature f: Int, cls: Int, by delta: Int32) {
        var e = Int(chainHead[f])
        while e >= 0 && Int(entryClass[e]) != cls { e = Int(entryNext[e]) }
        if e < 0 {
            e = entryClass.count
            entryClass.append(UInt8(cls))
            entryNext.append(chainHead[f])
            entryWeight.append(0)
            entryTotal.append(0)
            entryStamp.append(instances)
            chainHead[f] = Int32(e)
        }
        entryTotal[e] += Int64(instances - entryStamp[e]) * Int64(entryWeight[e])
        entryStamp[e] = instances
        entryWeight[e] += delta
    }

    var featureCount: Int { chainHead.count }

    /// The averaged weights, quantised to 16 bits. Entries that round to less than
    /// `minimumMagnitude` are dropped (most of them: rare features updated once or twice),
    /// which is what keeps the shipped model small.
    func averaged(minimumMagnitude: Int = 1) -> WeightTable {
        let now = Double(max(instances, 1))
        var averages = [Double](repeating: 0, count: entryClass.count)
        var largest = 0.0
        for e in 0..<entryClass.count {
            let total = entryTotal[e] + Int64(instances - entryStamp[e]) * Int64(entryWeight[e])
            averages[e] = Double(total) / now
            largest = max(largest, abs(averages[e]))
        }
        let scale = largest > 0 ? 32767 / largest : 1
        var rows: [(key: UInt64, entries: [(cls: UInt8, weight: Int16)])] = []
        rows.reserveCapacity(chainHead.count)
        for f in 0..<chainHead.count {
            var entries: [(cls: UInt8, weight: Int16)] = []
            var e = Int(chainHead[f])
            while e >= 0 {
                let q = (averages[e] * scale).rounded()
                if abs(q) >= Double(minimumMagnitude) { entries.append((entryClass[e], Int16(q))) }
                e = Int(entryNext[e])
            }
            if !entries.isEmpty {
                entries.sort { $0.cls < $1.cls }
                rows.append((featureKeys[f], entries))
            }
        }
        return WeightTable(classCount: classCount, rows: rows)
    }
}

/// Open addressing from a 64-bit feature key to a dense feature number, for training.
struct FeatureIndex {
    private var keys: [UInt64] = Array(repeating: 0, count: 1 << 16)
    private var values: [Int32] = Array(repeating: -1, count: 1 << 16)
    private var count = 0

    @inline(__always)
    func find(_ key: UInt64) -> Int? {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let v = values[slot]
            if v < 0 { return nil }
            if keys[slot] == key { return Int(v) }
            slot = (slot + 1) & mask
        }
    }

    /// Adds one to the count kept for `key` (for frequency counting) and returns it.
    @discardableResult
    mutating func increment(_ key: UInt64) -> Int {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: key) & mask
        while values[slot] >= 0 {
            if keys[slot] == key {
                values[slot] = values[slot] &+ (values[slot] < Int32.max ? 1 : 0)
                return Int(values[slot])
            }
            slot = (slot + 1) & mask
        }
        insert(key, value: 1)
        return 1
    }

    var isEmpty: Bool { count == 0 }

    /// The keys whose count is at least `minimum`.
    func keys(atLeast minimum: Int) -> FeatureIndex {
        var out = FeatureIndex()
        for i in 0..<keys.count where values[i] >= Int32(minimum) { out.insert(keys[i], value: 0) }
        return out
    }

    mutating func insert(_ key: UInt64, value: Int) {
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: key) & mask
        while values[slot] >= 0 { slot = (slot + 1) & mask }
        keys[slot] = key
        values[slot] = Int32(value)
        count += 1
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: -1, count: oldKeys.count * 2)
        count = 0
        for i in 0..<oldKeys.count where oldValues[i] >= 0 { insert(oldKeys[i], value: Int(oldValues[i])) }
    }
}
