import ISOTime

/// Byte-level output of a replay: a million reviews must format in a fraction of a second.
extension ReplayResult {
    /// py-fsrs' names for the state codes 1, 2, 3.
    static let stateNames: [StaticString] = ["", "Learning", "Review", "Relearning"]

    /// One JSON object per review and line, in input order.
    ///
    /// `{"card_id":42,"review_time":"2024-04-01T20:32:32.250000+00:00","rating":3,"stability":2.3065,
    /// "difficulty":2.118103970459016,"state":"Review","step":null,"due":"2024-04-03T20:32:32.250000+00:00"}`.
    /// `state` is py-fsrs' state name after the review ("Learning", "Review" or "Relearning"),
    /// `step` its (re)learning step (null in Review). Times are UTC in Python's `isoformat()`
    /// (as py-fsrs' `Card.to_dict`), numbers are the shortest text that reads back to the same
    /// Double (as Python's `repr`). `card_id` is a JSON number when the input id is a plain
    /// integer, else a string.
    public func jsonLines() -> [UInt8] {
        writingBytes(capacity: count * jsonLineBound + cardIDBytes) { out in
            var dates = CivilDateCache()
            for i in 0..<count { writeJSONLine(i, to: &out, dates: &dates) }
        }
    }

    /// The same lines as `jsonLines()`, handed to `body` in chunks of about `chunkSize` bytes.
    ///
    /// Lets the command stream a million reviews to stdout without holding 200 MB of text.
    public func writeJSONLines(
        chunkSize: Int = 1 << 20, to body: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) rethrows {
        let longestID = log.cardJSON.lazy.map(\.count).max() ?? 0
        let lineBound = jsonLineBound + longestID
        let capacity = max(chunkSize, lineBound)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var i = 0
        var dates = CivilDateCache()
        while i < count {
            var out = ByteWriter(buffer)
            while i < count && (out.cursor - buffer) + lineBound <= capacity {
                writeJSONLine(i, to: &out, dates: &dates)
                i += 1
            }
            try body(UnsafeBufferPointer(start: buffer, count: out.cursor - buffer))
        }
    }

    /// Most bytes one JSON line takes, its card id aside.
    private var jsonLineBound: Int {
        let fixed = #"{"card_id":,"review_time":"","rating":,"stability":,"difficulty":,"state":"Relearning","step":,"due":""}"#.utf8.count + 1
        return fixed + 1 + 2 * ByteWriter.maximumDoubleLength + 2 * ByteWriter.maximumTimestampLength + 20
    }

    @inline(__always)
    private func writeJSONLine(_ i: Int, to out: inout ByteWriter, dates: inout CivilDateCache) {
        out.write(literal: #"{"card_id":"#)
        out.write(log.cardJSON[Int(card[i])])
        out.write(literal: #","review_time":""#)
        out.write(isoMicros: time[i], cache: &dates)
        out.write(literal: #"","rating":"#)
        out.write(byte: 48 + rating[i])
        out.write(literal: #","stability":"#)
        out.write(stability[i])
        out.write(literal: #","difficulty":"#)
        out.write(difficulty[i])
        out.write(literal: #","state":""#)
        out.write(literal: Self.stateNames[Int(state[i])])
        out.write(literal: #"","step":"#)
        if step[i] < 0 { out.write(literal: "null") } else { out.write(Int(step[i]), width: 1) }
        out.write(literal: #","due":""#)
        out.write(isoMicros: due[i], cache: &dates)
        out.write(literal: "\"}\n")
    }

    /// A tab-separated table with a header line, for reading in a terminal.
    public func textLines() -> [UInt8] {
        var out: [UInt8] = []
        writeTextLines { out.append(contentsOf: $0) }
        return out
    }

    /// The same lines as `textLines()`, handed to `body` in chunks of about `chunkSize` bytes
    /// (streamed like the JSON: a million reviews are 100 MB of text).
    public func writeTextLines(
        chunkSize: Int = 1 << 20, to body: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) rethrows {
        let header: StaticString = "card_id\treview_time\trating\tstability\tdifficulty\tstate\tstep\tdue\n"
        // Each card's id as text once, not once per review.
        let ids = log.cardText
        let longestID = ids.lazy.map(\.count).max() ?? 0
        let lineBound = max(header.utf8CodeUnitCount, 8 + 10 + 2 * ByteWriter.maximumDoubleLength + 2 * ByteWriter.maximumTimestampLength + 20 + longestID)
        let capacity = max(chunkSize, lineBound)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var dates = CivilDateCache()
        var i = 0
        var headerWritten = false
        while i < count || !headerWritten {
            var out = ByteWriter(buffer)
            if !headerWritten {
                out.write(literal: header)
                headerWritten = true
            }
            while i < count && (out.cursor - buffer) + lineBound <= capacity {
                out.write(ids[Int(card[i])])
                out.write(byte: 9)
                out.write(isoMicros: time[i], cache: &dates)
                out.write(byte: 9)
                out.write(byte: 48 + rating[i])
                out.write(byte: 9)
                out.write(stability[i])
                out.write(byte: 9)
                out.write(difficulty[i])
                out.write(byte: 9)
                out.write(literal: Self.stateNames[Int(state[i])])
                out.write(byte: 9)
                if step[i] < 0 { out.write(byte: 45) } else { out.write(Int(step[i]), width: 1) }
                out.write(byte: 9)
                out.write(isoMicros: due[i], cache: &dates)
                out.write(byte: 10)
                i += 1
            }
            try body(UnsafeBufferPointer(start: buffer, count: out.cursor - buffer))
        }
    }

    /// Bytes all card ids take in the output (each review prints its card's id).
    private var cardIDBytes: Int {
        var total = 0
        for c in card { total += log.cardJSON[Int(c)].count }
        return total
    }
}
