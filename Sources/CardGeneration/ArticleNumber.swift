/// Numbers as articles write them ("1,300", "5.3", "2019"), converted without any trapping
/// step: a number with more significant digits than a Double holds exactly (an ID, a hash,
/// an OCR slip) or beyond its range is not a number an answer can be made of.
enum ArticleNumber {
    /// Below 10^15 every integer is exact in a Double and fits an Int.
    static let limit = 1e15
    static let maximumSignificantDigits = 15

    /// The value of digits with optional thousands commas and one decimal point, or nil.
    static func value(_ text: some StringProtocol) -> Double? {
        var digits = ""
        var significant = 0
        var seenPoint = false
        for u in text.unicodeScalars {
            switch u {
            case "0"..."9":
                if significant > 0 || u != "0" { significant += 1 }
                guard significant <= maximumSignificantDigits else { return nil }
                digits.unicodeScalars.append(u)
            case ",": continue
            case ".":
                guard !seenPoint else { return nil }
                seenPoint = true
                digits.unicodeScalars.append(u)
            default: return nil
            }
        }
        guard let v = Double(digits), v.isFinite, v < limit else { return nil }
        return v
    }

    /// `x` rounded to an Int, or nil when it is not finite or too large to be an answer.
    static func integer(_ x: Double) -> Int? {
        guard x.isFinite, abs(x) < limit else { return nil }
        return Int(x.rounded())
    }
}
