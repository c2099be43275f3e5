/// The weights of a trained linear classifier, compact and read-only: an open-addressing
/// table from feature key to a row of (class, weight) pairs. Only the classes a feature
/// was ever updated for are stored, so a row is short and scoring adds a handful of
/// integers per feature. Weights are quantised to 16 bits and scores are integers.
final class WeightTable: @unchecked Sendable {
    // @unchecked: the buffers are filled in `init` and never written afterwards.
    let classCount: Int
    /// Number of slots (any size: a key's home slot is its low 32 bits scaled to it).
    let capacity: Int
    /// Per slot, one word so a probe touches one cache line: the upper 32 bits of the key
    /// (0 = empty slot, never a real fingerprint), where the row starts (24 bits) and its
    /// length (8 bits).
    let slots: UnsafeMutableBufferPointer<UInt64>
    /// Row entries: the weight in the upper 16 bits, the class in the low 8.
    let entries: UnsafeMutableBufferPointer<UInt32>

    var featureCount: Int { slots.reduce(0) { $0 + ($1 == 0 ? 0 : 1) } }
    var entryCount: Int { entries.count }

    @inline(__always)
    static func fingerprint(_ key: UInt64) -> UInt64 {
        let f = key >> 32
        return f == 0 ? 1 : f
    }

    /// Builds the table from rows given in any order; the slot layout depends only on the
    /// rows' order, which training keeps deterministic.
    init(classCount: Int, rows: [(key: UInt64, entries: [(cls: UInt8, weight: Int16)])]) {
        self.classCount = classCount
        // Load factor 0.7: the slots are most of the model file, and the extra probes of a
        // fuller table mostly stay in the cache line of the first one.
        capacity = rows.count * 10 / 7 + 16
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: 0)
        let total = rows.reduce(0) { $0 + $1.entries.count }
        precondition(total < 1 << 24, "weight table too large for 24-bit row offsets")
        entries = .allocate(capacity: total)
        var next = 0
        for row in rows {
            var slot = home(row.key)
            while slots[slot] != 0 { slot = slot + 1 == capacity ? 0 : slot + 1 }
            slots[slot] = Self.fingerprint(row.key) << 32 | UInt64(next) << 8 | UInt64(row.entries.count)
            for e in row.entries {
                entries[next] = UInt32(UInt16(bitPattern: e.weight)) << 16 | UInt32(e.cls)
                next += 1
            }
        }
    }

    /// Reads a table written by `write(to:)`.
    init(reading reader: inout ModelReader) throws(LanguageError) {
        classCount = try reader.int()
        capacity = try reader.int()
        guard capacity > 0 else { throw .malformedModel(reason: "weight table size \(capacity)") }
        slots = try reader.buffer(UInt64.self, count: capacity)
        let total = try reader.int()
        entries = try reader.buffer(UInt32.self, count: total)
        for slot in slots where slot != 0 {
            guard Int((slot >> 8) & 0xFF_FFFF) + Int(slot & 0xFF) <= total else {
                throw .malformedModel(reason: "weight row out of range")
            }
        }
        for e in entries where Int(e & 0xFF) >= classCount { throw .malformedModel(reason: "class \(e & 0xFF) out of range") }
    }

    func write(to writer: inout ModelWriter) {
        writer.int(classCount)
        writer.int(capacity)
        writer.buffer(UnsafeBufferPointer(slots))
        writer.int(entries.count)
        writer.buffer(UnsafeBufferPointer(entries))
    }

    deinit {
        slots.deallocate()
        entries.deallocate()
    }

    /// The same table without the weights smaller than `minimumMagnitude` (in quantised
    /// units, out of 32767). Slots stay where they are, so lookups still find them.
    func pruned(minimumMagnitude: Int) -> WeightTable {
        var newSlots = [UInt64](repeating: 0, count: slots.count)
        var newEntries: [UInt32] = []
        for (slot, v) in slots.enumerated() where v != 0 {
            let start = Int((v >> 8) & 0xFF_FFFF), length = Int(v & 0xFF)
            let begin = newEntries.count
            for e in entries[start..<start + length] where abs(Int(Int16(truncatingIfNeeded: e >> 16))) >= minimumMagnitude {
                newEntries.append(e)
            }
            newSlots[slot] = (v >> 32) << 32 | UInt64(begin) << 8 | UInt64(newEntries.count - begin)
        }
        return WeightTable(classCount: classCount, slots: newSlots, entries: newEntries)
    }

    private init(classCount: Int, slots: [UInt64], entries: [UInt32]) {
        self.classCount = classCount
        capacity = slots.count
        self.slots = .allocate(capacity: slots.count)
        _ = self.slots.initialize(from: slots)
        self.entries = .allocate(capacity: entries.count)
        _ = self.entries.initialize(from: entries)
    }

    /// Adds the row of `key`, if the table has it, to `scores`; `first` is the word in the
    /// key's home slot, already loaded.
    @inline(__always)
    func accumulate(_ key: UInt64, first: UInt64, into scores: UnsafeMutablePointer<Int32>) {
        let fp = Self.fingerprint(key)
        var slot = home(key)
        var v = first
        while true {
            if v >> 32 == fp {
                var i = Int((v >> 8) & 0xFF_FFFF)
                let end = i + Int(v & 0xFF)
                while i < end {
                    let e = entries[i]
                    scores[Int(e & 0xFF)] &+= Int32(Int16(truncatingIfNeeded: e >> 16))
                    i += 1
                }
                return
            }
            if v == 0 { return }
            slot = slot + 1 == capacity ? 0 : slot + 1
            v = slots[slot]
        }
    }

    /// Where a key's probe starts: its low 32 bits scaled to the table ("fastrange").
    @inline(__always)
    func home(_ key: UInt64) -> Int { Int(truncatingIfNeeded: ((key & 0xFFFF_FFFF) &* UInt64(capacity)) >> 32) }

    /// Scores of all classes for a set of features.
    @inline(__always)
    func score(_ features: UnsafeBufferPointer<UInt64>, into scores: UnsafeMutablePointer<Int32>) {
        scores.update(repeating: 0, count: classCount)
        // Load every key's home slot first: the loads do not depend on one another, so the
        // processor overlaps their cache misses instead of waiting for each in turn (the
        // table is far larger than the cache, and this wait is most of the analyser's time).
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: features.count) { first in
            for (k, key) in features.enumerated() { first[k] = slots[home(key)] }
            for (k, key) in features.enumerated() { accumulate(key, first: first[k], into: scores) }
        }
    }
}
