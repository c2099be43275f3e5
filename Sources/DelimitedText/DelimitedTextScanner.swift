/// Splits delimited text (CSV, TSV, Anki's text files) into records of field ranges: the
/// project's one reader of it, for `fsrs replay` logs and Anki text imports.
///
/// Quoting as RFC 4180 (`"…"`, `""` for a quote, line breaks allowed inside) with any one-byte
/// separator; LF, CRLF and a lone CR end a record; blank lines are no record; a UTF-8 BOM is
/// skipped. Where the input breaks the rules it reads as Rust's csv crate (and so Anki) does,
/// and says so in `Record.problem` for readers that want strict CSV: text after a closing
/// quote is kept in the field, an unclosed quote runs to the end of the input. With a
/// `commentMarker`, a record that starts with it is a comment (Anki's `#` lines).
public struct DelimitedTextScanner {
    public struct Record: Sendable {
        /// Line number where the record starts (1-based, counted from `firstLine`).
        public var line: Int
        /// Set when the record breaks the quoting rules, e.g. a quote is never closed.
        public var problem: String?
    }

    /// A record with its fields as text, for small files read whole.
    public struct Row: Sendable, Hashable {
        public var line: Int
        public var fields: [String]
        public var problem: String?
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let separator: UInt8
    private let commentMarker: UInt8?
    private var position = 0
    private var lineNumber: Int
    /// Field ranges of the record `nextRecord()` returned last: the first `fieldCount` entries.
    /// Kept here and overwritten in place, since a fresh array per row dominated parsing time.
    public private(set) var fields: [Range<Int>] = []
    public private(set) var fieldCount = 0
    /// Fields that are not one run of the input (doubled quotes, text after a closing quote)
    /// are copied into this side buffer; their ranges lie past the input's end.
    private var unescaped: [UInt8] = []

    public init(bytes: UnsafeBufferPointer<UInt8>, separator: UInt8 = UInt8(ascii: ","), commentMarker: UInt8? = nil, firstLine: Int = 1) {
        self.bytes = bytes
        self.separator = separator
        self.commentMarker = commentMarker
        lineNumber = firstLine
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
    }

    /// The next record, or nil at the end of the input.
    public mutating func nextRecord() -> Record? {
        let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        let separator = self.separator
        let count = bytes.count
        while position < count {
            let b = bytes[position]
            if b == lf || b == cr {
                if b == lf || position + 1 >= count || bytes[position + 1] != lf { lineNumber += 1 }
                position += 1
            } else if let marker = commentMarker, b == marker {
                while position < count, bytes[position] != lf, bytes[position] != cr { position += 1 }
            } else {
                break
            }
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
                    addField(escaped ? copy(start..<count, unescaping: true) : start..<count)
                    position = count
                    break
                }
                position = i + 1
                let tail = position
                while position < count, bytes[position] != separator, bytes[position] != lf, bytes[position] != cr {
                    position += 1
                }
                if position > tail {
                    if problem == nil { problem = "unexpected text after a closing quote" }
                    let field = copy(start..<i, unescaping: escaped)
                    unescaped.append(contentsOf: bytes[tail..<position])
                    addField(field.lowerBound..<(bytes.count + unescaped.count))
                } else {
                    addField(escaped ? copy(start..<i, unescaping: true) : start..<i)
                }
            } else {
                let start = position
                while position < count {
                    let b = bytes[position]
                    if b == separator || b == lf || b == cr { break }
                    position += 1
                }
                addField(start..<position)
            }
            if position < count, bytes[position] == separator {
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

    /// Copies `range` into the side buffer (undoubling quotes when `unescaping`); its new range.
    private mutating func copy(_ range: Range<Int>, unescaping: Bool) -> Range<Int> {
        let start = bytes.count + unescaped.count
        var i = range.lowerBound
        while i < range.upperBound {
            unescaped.append(bytes[i])
            i += unescaping && bytes[i] == UInt8(ascii: "\"") ? 2 : 1
        }
        return start..<(bytes.count + unescaped.count)
    }

    /// The field's bytes, trimmed of spaces and tabs, as a slice (for numbers).
    ///
    /// A field copied to the side buffer (doubled quotes, text after a quote) cannot be a
    /// number, so it comes back empty (and fails to parse); messages show its text through `text(_:)`.
    public func trimmed(_ range: Range<Int>) -> Slice<UnsafeBufferPointer<UInt8>> {
        guard range.upperBound <= bytes.count else { return bytes[0..<0] }
        return Self.trim(bytes[range])
    }

    private static func trim(_ slice: Slice<UnsafeBufferPointer<UInt8>>) -> Slice<UnsafeBufferPointer<UInt8>> {
        var lower = slice.startIndex, upper = slice.endIndex
        while lower < upper, slice[lower] == 32 || slice[lower] == 9 { lower += 1 }
        while upper > lower, slice[upper - 1] == 32 || slice[upper - 1] == 9 { upper -= 1 }
        return slice.base[lower..<upper]
    }

    /// The field's bytes as an array, trimmed of spaces and tabs (a copied field as it is).
    public func text(_ range: Range<Int>) -> [UInt8] {
        if range.lowerBound >= bytes.count { return Array(unescaped[local(range)]) }
        return Array(Self.trim(bytes[range]))
    }

    /// The field as text, exactly as it reads (nothing trimmed).
    public func string(_ range: Range<Int>) -> String {
        if range.lowerBound >= bytes.count { return String(decoding: unescaped[local(range)], as: UTF8.self) }
        return String(decoding: bytes[range], as: UTF8.self)
    }

    private func local(_ range: Range<Int>) -> Range<Int> {
        (range.lowerBound - bytes.count)..<(range.upperBound - bytes.count)
    }

    /// The field for an error message, quoted and shortened.
    public func quoted(_ range: Range<Int>) -> String {
        var text = String(decoding: self.text(range), as: UTF8.self)
        if text.count > 40 { text = String(text.prefix(40)) + "…" }
        return "\"\(text)\""
    }

    /// Every record of `bytes` with its fields as text.
    public static func rows(
        _ bytes: UnsafeBufferPointer<UInt8>, separator: UInt8 = UInt8(ascii: ","), commentMarker: UInt8? = nil, firstLine: Int = 1
    ) -> [Row] {
        var scanner = DelimitedTextScanner(bytes: bytes, separator: separator, commentMarker: commentMarker, firstLine: firstLine)
        var rows: [Row] = []
        while let record = scanner.nextRecord() {
            let fields = scanner.fields.prefix(scanner.fieldCount).map { scanner.string($0) }
            rows.append(Row(line: record.line, fields: fields, problem: record.problem))
        }
        return rows
    }
}
