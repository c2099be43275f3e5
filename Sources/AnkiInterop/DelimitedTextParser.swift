/// CSV/TSV records as Anki's text importer reads them: fields split on one separator byte,
/// `"…"` quoting with `""` for a quote and line breaks allowed inside quotes, and a record
/// that starts with `#` (outside quotes) taken as a comment.
struct DelimitedTextParser {
    struct Record {
        /// 1-based line where the record starts.
        var line: Int
        var fields: [String]
    }

    /// Splits `bytes` (UTF-8, BOM and header lines already removed) into records.
    /// `firstLine` is the file line `bytes` starts on, for messages.
    static func records(_ bytes: ArraySlice<UInt8>, separator: UInt8, firstLine: Int = 1) -> [Record] {
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n"), hash = UInt8(ascii: "#")
        var out: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = firstLine
        var recordLine = firstLine
        var i = bytes.startIndex
        var atRecordStart = true
        var quoted = false  // the current field began with a quote
        var inQuotes = false

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            quoted = false
        }
        func endRecord() {
            endField()
            // A blank line is no record.
            if !(fields.count == 1 && fields[0].isEmpty) { out.append(Record(line: recordLine, fields: fields)) }
            fields.removeAll(keepingCapacity: true)
            atRecordStart = true
        }

        while i < bytes.endIndex {
            let b = bytes[i]
            if atRecordStart {
                atRecordStart = false
                recordLine = line
                if b == hash {
                    // A comment runs to the end of the line.
                    while i < bytes.endIndex && bytes[i] != lf { i += 1 }
                    if i < bytes.endIndex { i += 1; line += 1 }
                    atRecordStart = true
                    continue
                }
            }
            if inQuotes {
                if b == quote {
                    if i + 1 < bytes.endIndex && bytes[i + 1] == quote {
                        field.append(quote)
                        i += 2
                        continue
                    }
                    inQuotes = false
                } else {
                    if b == lf { line += 1 }
                    field.append(b)
                }
                i += 1
                continue
            }
            switch b {
            case quote where field.isEmpty && !quoted:
                quoted = true
                inQuotes = true
            case separator:
                endField()
            case lf:
                line += 1
                endRecord()
            case cr where i + 1 < bytes.endIndex && bytes[i + 1] == lf:
                break  // the LF ends the record
            default:
                field.append(b)
            }
            i += 1
        }
        if !fields.isEmpty || !field.isEmpty || quoted { endRecord() }
        return out
    }

    /// The separator a file without a `#separator:` header most likely uses: among tab, pipe,
    /// semicolon, comma and colon, the one that splits the most lines into the same number
    /// (two or more) of fields. Anki takes the first of these that merely appears, which
    /// splits a comma file on the colon of "10:30"; consistency does not.
    static func guessSeparator(_ bytes: ArraySlice<UInt8>) -> UInt8 {
        let sample = bytes.prefix(64 << 10)
        var best: (separator: UInt8, score: Int) = (UInt8(ascii: "\t"), 0)
        for candidate in "\t|;,:".utf8 {
            let records = Self.records(sample, separator: candidate).prefix(200)
            var counts: [Int: Int] = [:]
            for r in records where r.fields.count >= 2 { counts[r.fields.count, default: 0] += 1 }
            let score = counts.values.max() ?? 0
            if score > best.score { best = (candidate, score) }
        }
        return best.score > 0 ? best.separator : UInt8(ascii: "\t")
    }
}
