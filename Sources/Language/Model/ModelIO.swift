/// Little-endian binary writing for the model file: integers, strings and raw arrays of
/// fixed-width numbers (copied as they are in memory, which is little-endian on every
/// platform Swift runs on).
struct ModelWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ value: Int) {
        withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func double(_ value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ value: String) {
        int(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    mutating func strings(_ values: [String]) {
        int(values.count)
        for v in values { string(v) }
    }

    mutating func buffer<T: FixedWidthInteger>(_ values: UnsafeBufferPointer<T>) {
        bytes.append(contentsOf: UnsafeRawBufferPointer(values))
    }

    mutating func array<T: FixedWidthInteger>(_ values: [T]) {
        int(values.count)
        values.withUnsafeBufferPointer { buffer($0) }
    }

    mutating func raw(_ values: [UInt8]) { bytes.append(contentsOf: values) }
}

/// Reads what `ModelWriter` wrote, checking every length against what is left.
struct ModelReader {
    private let bytes: [UInt8]
    private(set) var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    private mutating func take(_ count: Int) throws(LanguageError) -> Range<Int> {
        guard count >= 0, count <= bytes.count - offset else { throw .malformedModel(reason: "ends early at byte \(offset)") }
        defer { offset += count }
        return offset..<offset + count
    }

    mutating func int() throws(LanguageError) -> Int {
        let r = try take(8)
        var v: UInt64 = 0
        for (i, b) in bytes[r].enumerated() { v |= UInt64(b) << (8 * UInt64(i)) }
        let value = Int64(bitPattern: v)
        guard value >= -(1 << 40), value <= (1 << 40) else { throw .malformedModel(reason: "number out of range at byte \(r.lowerBound)") }
        return Int(value)
    }

    mutating func double() throws(LanguageError) -> Double {
        let r = try take(8)
        var v: UInt64 = 0
        for (i, b) in bytes[r].enumerated() { v |= UInt64(b) << (8 * UInt64(i)) }
        return Double(bitPattern: v)
    }

    mutating func string() throws(LanguageError) -> String {
        let r = try take(try int())
        return String(decoding: bytes[r], as: UTF8.self)
    }

    mutating func strings() throws(LanguageError) -> [String] {
        let n = try int()
        guard n >= 0, n <= bytes.count - offset else { throw .malformedModel(reason: "string count \(n)") }
        var out: [String] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try string()) }
        return out
    }

    /// A freshly allocated buffer holding `count` values; the caller owns it.
    mutating func buffer<T: FixedWidthInteger>(_ type: T.Type, count: Int) throws(LanguageError) -> UnsafeMutableBufferPointer<T> {
        guard count >= 0, count <= (bytes.count - offset) / MemoryLayout<T>.stride else {
            throw .malformedModel(reason: "array of \(count) runs past the end")
        }
        let r = try take(count * MemoryLayout<T>.stride)
        let out = UnsafeMutableBufferPointer<T>.allocate(capacity: count)
        bytes.withUnsafeBytes { src in
            UnsafeMutableRawBufferPointer(out).copyMemory(from: UnsafeRawBufferPointer(rebasing: src[r]))
        }
        return out
    }

    mutating func array<T: FixedWidthInteger>(_ type: T.Type) throws(LanguageError) -> [T] {
        let n = try int()
        let b = try buffer(type, count: n)
        defer { b.deallocate() }
        return Array(b)
    }
}
