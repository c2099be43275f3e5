import ISOTime

/// Writes text into memory the caller has sized, with no per-call allocation or bounds growth.
///
/// The replay formats millions of lines; appending to `[UInt8]` piece by piece spent most of
/// its time in uniqueness checks and slice copies, so output goes through a raw cursor into a
/// buffer whose size is bounded up front (see `ReplayResult.jsonLines()`).
struct ByteWriter: TextOutputStream {
    private(set) var cursor: UnsafeMutablePointer<UInt8>

    init(_ start: UnsafeMutablePointer<UInt8>) { cursor = start }

    @inline(__always)
    mutating func write(literal text: StaticString) {
        let count = text.utf8CodeUnitCount
        cursor.update(from: text.utf8Start, count: count)
        cursor += count
    }

    @inline(__always)
    mutating func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            cursor.update(from: buffer.baseAddress!, count: buffer.count)
            cursor += buffer.count
        }
    }

    @inline(__always)
    mutating func write(byte: UInt8) {
        cursor.pointee = byte
        cursor += 1
    }

    /// `value` in decimal, zero-padded to at least `width` digits (value >= 0).
    @inline(__always)
    mutating func write(_ value: Int, width: Int) {
        ISODate.writeDigits(value, width: width, to: &cursor)
    }

    /// An instant (µs since 1970) as Python's isoformat() writes it, as py-fsrs prints times.
    @inline(__always)
    mutating func write(isoMicros micros: Int64, cache: inout CivilDateCache) {
        ISODate.write(micros: micros, style: .python, to: &cursor, cache: &cache)
    }

    /// The shortest decimal that reads back as `value` (Swift's `description`, like Python's `repr`).
    @inline(__always)
    mutating func write(_ value: Double) {
        if value.isFinite {
            value.write(to: &self)  // arrives in _writeASCII below, without building a String
        } else {
            write(literal: "null")
        }
    }

    /// TextOutputStream's entry point; slow (goes through String), so the writer's own methods avoid it.
    mutating func write(_ string: String) {
        for byte in string.utf8 { write(byte: byte) }
    }

    /// `Double.write(to:)` hands its digits here directly (a TextOutputStream hook of the standard library).
    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
        cursor.update(from: buffer.baseAddress!, count: buffer.count)
        cursor += buffer.count
    }

    /// Bytes `write(_: Double)` may take at most ("-2.2250738585072014e-308").
    static let maximumDoubleLength = 24
    /// Bytes an ISO instant may take at most.
    static let maximumTimestampLength = ISODate.maximumLength
}

/// Builds a byte array by writing at most `capacity` bytes through a `ByteWriter`.
func writingBytes(capacity: Int, _ body: (inout ByteWriter) -> Void) -> [UInt8] {
    [UInt8](unsafeUninitializedCapacity: max(capacity, 1)) { buffer, initialized in
        let start = buffer.baseAddress!
        var writer = ByteWriter(start)
        body(&writer)
        initialized = writer.cursor - start
        precondition(initialized <= capacity, "output bound exceeded")
    }
}
