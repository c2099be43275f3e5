/// Splits CSV bytes into records of field ranges (RFC 4180 quoting, LF / CRLF / CR endings).
struct CSVScanner {
    struct Record {
        /// Line number where the record starts (1-based).
        var line: Int
        /// Set when the record cannot be split, e.g. a quote is never closed.
        var problem: String?
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var lineNumber = 1
    /// Field ranges of the record `nextRecord()` returned last: the first `fieldCount` entries.
    /// Kept here and overwritten in place, since a fresh array per row dominated parsing time.
    private(set) var fields: [Range<Int>] = []
    private(set) var fieldCount = 0
    /// Quoted fields with doubled quotes are unescaped into this side buffer (ranges past the input).
    private var unescaped: [UInt8] = []

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
    }

    /// The next non-blank record, or nil at the end of the input.
    mutating func nextRecord() -> Record? {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        let count = bytes.count
        while position < count, bytes[position] == lf || bytes[position] == cr {
            if bytes[position] == lf || position + 1 >= count || bytes[position + 1] != lf { lineNumber += 1 }
            position += 1
        }
        guard position < count else { return nil }
        let startLine = lineNumber
        fieldCount = 0
        var problem: String?
        while true {
            if position < count, bytes[position] == quote {
                let start = position + 1
                var i = start
                var escaped = false
                var closed = false
                while i < count {
                    let b = bytes[i]
                    if b == quote {
                        if i + 1 < count, bytes[i + 1] == quote {
                            escaped = true
                            i += 2
                            continue
                        }
                        closed = true
                        break
                    }
                    if b == lf || (b == cr && (i + 1 >= count || bytes[i + 1] != lf)) { lineNumber += 1 }
                    i += 1
                }
                guard closed else {
                    problem = "a quoted field opened on this line is never closed"
                    position = count
                    break
                }
                addField(escaped ? unescape(start..<i) : start..<i)
                position = i + 1
                // Anything between the closing quote and the separator is kept out of the value.
                while position < count, bytes[position] != comma, bytes[position] != lf, bytes[position] != cr {
                    if problem == nil { problem = "unexpected text after a closing quote" }
                    position += 1
                }
            } else {
                let start = position
                while position < count {
                    let b = bytes[position]
                    if b == comma || b == lf || b == cr { break }
                    position += 1
                }
                addField(start..<position)
            }
            if position < count, bytes[position] == comma {
                position += 1
                continue
            }
            break
        }
        if position < count {
            if bytes[position] == cr, position + 1 < count, bytes[position + 1] == lf { position += 1 }
            position += 1
            lineNumber += 1
        }
        return Record(line: startLine, problem: problem)
    }

    @inline(__always)
    private mutating func addField(_ range: Range<Int>) {
        if fieldCount < fields.count {
            fields[fieldCount] = range
        } else {
            fields.append(range)
        }
        fieldCount += 1
    }

    private mutating func unescape(_ range: Range<Int>) -> Range<Int> {
        let start = bytes.count + unescaped.count
        var i = range.lowerBound
        while i < range.upperBound {
            unescaped.append(bytes[i])
            i += bytes[i] == UInt8(ascii: "\"") ? 2 : 1
        }
        return start..<(bytes.count + unescaped.count)
    }

    /// The field's bytes, trimmed of spaces and tabs, as a slice (for numbers).
    ///
    /// A field that held doubled quotes cannot be a number, so it comes back empty (and fails to
    /// parse); messages show its text through `text(_:)`.
    func trimmed(_ range: Range<Int>) -> Slice<UnsafeBufferPointer<UInt8>> {
        guard range.upperBound <= bytes.count else { return bytes[0..<0] }
        return Self.trim(bytes[range])
    }

    private static func trim(_ slice: Slice<UnsafeBufferPointer<UInt8>>) -> Slice<UnsafeBufferPointer<UInt8>> {
        var lower = slice.startIndex, upper = slice.endIndex
        while lower < upper, slice[lower] == 32 || slice[lower] == 9 { lower += 1 }
        while upper > lower, slice[upper - 1] == 32 || slice[upper - 1] == 9 { upper -= 1 }
        return slice.base[lower..<upper]
    }

    /// The field's bytes as an array, trimmed of spaces and tabs.
    func text(_ range: Range<Int>) -> [UInt8] {
        if range.lowerBound >= bytes.count {
            let local = (range.lowerBound - bytes.count)..<(range.upperBound - bytes.count)
            return Array(unescaped[local])
        }
        return Array(Self.trim(bytes[range]))
    }

    /// The field for an error message, quoted and shortened.
    func quoted(_ range: Range<Int>) -> String {
        var text = String(decoding: self.text(range), as: UTF8.self)
        if text.count > 40 { text = String(text.prefix(40)) + "…" }
        return "\"\(text)\""
    }
}
