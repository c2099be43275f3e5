/// One fuzz input as a target reads it: an optional leading mode byte, then the reader's bytes.
///
/// A mode is a byte below `modes` at the start of the input (no text file starts with
/// one), so a seed corpus of real files is read as is, in mode `nil`, and the fuzzer
/// reaches the other modes by changing one byte.
public struct FuzzInput {
    /// The leading mode byte when there is one (below the target's count of modes).
    public let mode: UInt8?
    /// The bytes after the mode byte (the whole input when there is none).
    public let body: [UInt8]

    public init(_ bytes: [UInt8], modes: UInt8) {
        if let first = bytes.first, first < modes {
            mode = first
            body = Array(bytes.dropFirst())
        } else {
            mode = nil
            body = bytes
        }
    }

    /// `body` cut at 0xFF bytes (never in UTF-8 text) into exactly `count` fields, the
    /// last one holding the rest; missing fields are empty.
    public func fields(_ count: Int) -> [[UInt8]] {
        var parts = body.split(separator: 0xFF, maxSplits: count - 1, omittingEmptySubsequences: false).map(Array.init)
        while parts.count < count { parts.append([]) }
        return parts
    }
}
