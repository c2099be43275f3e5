/// The weights of a trained linear classifier, compact and read-only: an open-addressing
/// table from feature key to a row of (class, weight) pairs. Only the classes a feature
/// was ever updated for are stored, so a row is short and scoring adds a handful of
/// integers per feature. Weights are quantised to 16 bits and scores are integers.
final class WeightTable: @unchecked Sendable {
    // @unchecked: the buffers are filled in `init` and never written afterwards.
    let classCount: Int
    let mask: Int
    /// Per slot: the upper 32 bits of the key (0 = empty slot, never a real fingerprint).
    let fingerprints: UnsafeMutableBufferPointer<UInt32>
    /// Per slot: where its row starts in `classes`/`weights`, and its length.
    let rowStarts: UnsafeMutableBufferPointer<UInt32>
    let rowLengths: UnsafeMutableBufferPointer<UInt8>
    let classes: UnsafeMutableBufferPointer<UInt8>
    let weights: UnsafeMutableBufferPointer<Int16>

    var featureCount: Int { fingerprints.reduce(0) { $0 + ($1 == 0 ? 0 : 1) } }
    var entryCount: Int { classes.count }

    @inline(__always)
    static func fingerprint(_ key: UInt64) -> UInt32 {
        let f = UInt32(truncatingIfNeeded: key >> 32)
        return f == 0 ? 1 : f
    }

    /// Builds the table from rows given in any order; the slot layout depends only on the keys.
    init(classCount: Int, rows: [(key: UInt64, entries: [(cls: UInt8, weight: Int16)])]) {
        self.classCount = classCount
        var capacity = 16
        while capacity * 5 < rows.count * 8 { capacity *= 2 }  // load factor <= 0.625
        mask = capacity - 1
        fingerprints = .allocate(capacity: capacity)
        fingerprints.initialize(repeating: 0)
        rowStarts = .allocate(capacity: capacity)
        rowStarts.initialize(repeating: 0)
        rowLengths = .allocate(capacity: capacity)
        rowLengths.initialize(repeating: 0)
        let total = rows.reduce(0) { $0 + $1.entries.count }
        classes = .allocate(capacity: total)
        weights = .allocate(capacity: total)
        var next = 0
        for row in rows {
            var slot = Int(truncatingIfNeeded: row.key) & mask
            let fp = Self.fingerprint(row.key)
            while fingerprints[slot] != 0 { slot = (slot + 1) & mask }
            fingerprints[slot] = fp
            rowStarts[slot] = UInt32(next)
            rowLengths[slot] = UInt8(row.entries.count)
            for e in row.entries {
                classes[next] = e.cls
                weights[next] = e.weight
                next += 1
            }
        }
    }

    /// Reads a table written by `write(to:)`.
    init(reading reader: inout ModelReader) throws(LanguageError) {
        classCount = try reader.int()
        let capacity = try reader.int()
        guard capacity > 0, capacity & (capacity - 1) == 0 else { throw .malformedModel(reason: "weight table size \(capacity)") }
        mask = capacity - 1
        fingerprints = try reader.buffer(UInt32.self, count: capacity)
        rowStarts = try reader.buffer(UInt32.self, count: capacity)
        rowLengths = try reader.buffer(UInt8.self, count: capacity)
        let total = try reader.int()
        classes = try reader.buffer(UInt8.self, count: total)
        weights = try reader.buffer(Int16.self, count: total)
        for slot in 0..<capacity where fingerprints[slot] != 0 {
            guard Int(rowStarts[slot]) + Int(rowLengths[slot]) <= total else { throw .malformedModel(reason: "weight row out of range") }
        }
        for c in classes where Int(c) >= classCount { throw .malformedModel(reason: "class \(c) out of range") }
    }

    func write(to writer: inout ModelWriter) {
        writer.int(classCount)
        writer.int(mask + 1)
        writer.buffer(UnsafeBufferPointer(fingerprints))
        writer.buffer(UnsafeBufferPointer(rowStarts))
        writer.buffer(UnsafeBufferPointer(rowLengths))
        writer.int(classes.count)
        writer.buffer(UnsafeBufferPointer(classes))
        writer.buffer(UnsafeBufferPointer(weights))
    }

    deinit {
        fingerprints.deallocate()
        rowStarts.deallocate()
        rowLengths.deallocate()
        classes.deallocate()
        weights.deallocate()
    }

    /// Adds the row of `key`, if the table has it, to `scores`.
    @inline(__always)
    func accumulate(_ key: UInt64, into scores: UnsafeMutablePointer<Int32>) {
        let fp = Self.fingerprint(key)
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let f = fingerprints[slot]
            if f == fp {
                let start = Int(rowStarts[slot])
                let end = start + Int(rowLengths[slot])
                var i = start
                while i < end {
                    scores[Int(classes[i])] &+= Int32(weights[i])
                    i += 1
                }
                return
            }
            if f == 0 { return }
            slot = (slot + 1) & mask
        }
    }

    /// Scores of all classes for a set of features.
    @inline(__always)
    func score(_ features: UnsafeBufferPointer<UInt64>, into scores: UnsafeMutablePointer<Int32>) {
        scores.update(repeating: 0, count: classCount)
        for key in features { accumulate(key, into: scores) }
    }
}
