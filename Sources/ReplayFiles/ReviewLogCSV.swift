import DelimitedText
import ISOTime
import JSONKit
import Scheduling

/// A review log read from CSV bytes: the valid rows as columns, in input order.
///
/// Parse once and replay as often as needed (e.g. with several parameter sets).
///
/// The header names its columns in any order: `card_id`, `review_time` or
/// `review_time_unix_ms` (milliseconds since 1970, or ISO 8601), `review_rating` or `rating`
/// (1-4); `review_state`, `review_duration` and any other columns are read past. Fields may be
/// quoted (RFC 4180). A malformed row becomes a `ReplayError` with its line number and the other
/// rows are kept. ISO times without an offset are taken as UTC.
public struct ReviewLogCSV: Sendable {
    /// The valid rows' reviews: dense card number, instant (µs since 1970), rating 1-4.
    public private(set) var reviews = ReviewHistory()
    /// Per valid row: its line number.
    var line: [Int32] = []
    /// Per card number: its id as a JSON value (a number when the id is a plain integer, else a string).
    var cardJSON: [[UInt8]] = []
    /// Per card number: its id as text.
    var cardText: [[UInt8]] = []
    /// Malformed rows and header problems, in input order.
    public private(set) var errors: [ReplayError] = []

    /// Number of valid reviews.
    public var count: Int { line.count }
    /// Number of distinct cards among them.
    public var cardCount: Int { cardJSON.count }

    /// Reads CSV bytes (layout in DESIGN.md); never fails as a whole: problems become `errors`.
    public init(csv: [UInt8]) {
        self = csv.withUnsafeBufferPointer { ReviewLogCSV(csv: $0) }
    }

    private static let timeNames = ["review_time", "review_time_unix_ms"]
    private static let ratingNames = ["review_rating", "rating"]

    /// As `init(csv:)`, over bytes the caller already holds (e.g. a mapped file).
    public init(csv bytes: UnsafeBufferPointer<UInt8>) {
        var scanner = DelimitedTextScanner(bytes: bytes)
        guard let header = scanner.nextRecord() else {
            errors.append(ReplayError(line: 1, message: "the file is empty; expected a header naming card_id, review_time and review_rating"))
            return
        }
        let names = scanner.fields.prefix(scanner.fieldCount).map { field in
            String(decoding: scanner.text(field).map { $0 | ($0 >= 65 && $0 <= 90 ? 0x20 : 0) }, as: UTF8.self)
        }
        func column(_ candidates: [String], _ label: String) -> Int? {
            if let index = names.firstIndex(where: candidates.contains) { return index }
            errors.append(ReplayError(
                line: header.line,
                message: "the header has no \(label) column (it names: \(names.joined(separator: ", ")))"))
            return nil
        }
        let cardColumn = column(["card_id"], "card_id")
        let timeColumn = column(Self.timeNames, "review_time")
        let ratingColumn = column(Self.ratingNames, "review_rating")
        guard let cardColumn, let timeColumn, let ratingColumn else { return }
        let timeName = names[timeColumn]
        let ratingName = names[ratingColumn]

        // Rows are rarely under 16 bytes; reserving generously only costs untouched address space.
        let estimate = bytes.count / 16
        var card: [Int32] = [], time: [Int64] = [], rating: [UInt8] = []
        card.reserveCapacity(estimate)
        time.reserveCapacity(estimate)
        rating.reserveCapacity(estimate)
        line.reserveCapacity(estimate)
        defer { reviews = ReviewHistory(card: card, time: time, rating: rating, cardCount: cardJSON.count) }
        var numericIDs: [Int64: Int32] = [:]
        var textIDs: [[UInt8]: Int32] = [:]
        var lastNumericID: Int64 = .min
        var lastCard: Int32 = -1

        while let record = scanner.nextRecord() {
            if let problem = record.problem {
                errors.append(ReplayError(line: record.line, message: problem))
                continue
            }
            let fieldCount = scanner.fieldCount
            guard fieldCount == names.count else {
                errors.append(ReplayError(
                    line: record.line,
                    message: "the row has \(fieldCount) field\(fieldCount == 1 ? "" : "s") but the header names \(names.count) columns"))
                continue
            }
            let idField = scanner.fields[cardColumn]
            let ratingRange = scanner.fields[ratingColumn]
            let timeRange = scanner.fields[timeColumn]
            let ratingField = scanner.trimmed(ratingRange)
            guard ratingField.count == 1, let r = ratingField.first, r >= 49, r <= 52 else {
                errors.append(ReplayError(
                    line: record.line,
                    message: "\(ratingName) \(scanner.quoted(ratingRange)) is not 1, 2, 3 or 4"))
                continue
            }
            guard let micros = Self.parseTime(scanner.trimmed(timeRange)) else {
                errors.append(ReplayError(
                    line: record.line,
                    message: "\(timeName) \(scanner.quoted(timeRange)) is neither milliseconds since 1970 "
                        + "nor an ISO 8601 date-time"))
                continue
            }
            let id: Int32
            if let number = Self.plainInteger(scanner.trimmed(idField)) {
                if number == lastNumericID {
                    id = lastCard
                } else if let known = numericIDs[number] {
                    id = known
                } else {
                    id = Int32(cardJSON.count)
                    numericIDs[number] = id
                    cardText.append(Array(String(number).utf8))
                    cardJSON.append(cardText[Int(id)])
                }
                lastNumericID = number
                lastCard = id
            } else {
                let text = scanner.text(idField)
                guard !text.allSatisfy({ $0 == 32 || $0 == 9 }) else {
                    errors.append(ReplayError(line: record.line, message: "card_id is empty"))
                    continue
                }
                // The id is printed back (JSON, the table): bytes that are not UTF-8 would make it invalid.
                guard String(validating: text, as: UTF8.self) != nil else {
                    errors.append(ReplayError(line: record.line, message: "card_id \(scanner.quoted(idField)) is not UTF-8 text"))
                    continue
                }
                if let known = textIDs[text] {
                    id = known
                } else {
                    id = Int32(cardJSON.count)
                    textIDs[text] = id
                    var json = JSONWriter(capacity: text.count + 2)
                    json.string(utf8: text)
                    cardText.append(text)
                    cardJSON.append(json.bytes)
                }
                lastNumericID = .min
            }
            card.append(id)
            time.append(micros)
            rating.append(r - 48)
            line.append(Int32(truncatingIfNeeded: record.line))
        }
    }

    /// A canonical decimal integer of at most 18 digits (so it prints back the same), else nil.
    private static func plainInteger(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> Int64? {
        var i = field.startIndex
        var negative = false
        if i < field.endIndex, field[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        let digits = field.endIndex - i
        guard digits >= 1, digits <= 18, field[i] != 48 || digits == 1 else { return nil }
        var value: Int64 = 0
        while i < field.endIndex {
            let d = field[i] &- 48
            guard d < 10 else { return nil }
            value = value * 10 + Int64(d)
            i += 1
        }
        if negative && value == 0 { return nil }
        return negative ? -value : value
    }

    /// Milliseconds since 1970 (optionally with a fraction) or ISO 8601, as µs since 1970.
    static func parseTime(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> Int64? {
        guard !field.isEmpty else { return nil }
        var i = field.startIndex
        var negative = false
        if field[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        var millis: Int64 = 0
        var digits = 0
        while i < field.endIndex, field[i] &- 48 < 10 {
            millis = millis * 10 + Int64(field[i] - 48)
            digits += 1
            i += 1
            if digits > 15 { return nil }  // beyond year 9999
        }
        if digits > 0 && (i == field.endIndex || field[i] == UInt8(ascii: ".")) {
            var micros = millis * 1000
            if i < field.endIndex {
                i += 1
                var scale: Int64 = 100
                let start = i
                while i < field.endIndex, field[i] &- 48 < 10 {
                    micros += Int64(field[i] - 48) * scale
                    scale /= 10
                    i += 1
                }
                guard i == field.endIndex, i > start else { return nil }
            }
            return negative ? -micros : micros
        }
        return ISODate.micros(field)
    }
}

