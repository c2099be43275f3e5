/// Plausible wrong numbers in the answer's own wording: "5.3 percent" -> "6.1 percent",
/// "1,300 km" -> "2,600 km", "1957" -> "1960". Every conversion is checked
/// (`ArticleNumber`): a number too large to handle gives no option.
enum NumberOptions {
    static func perturbations<R: RandomNumberGenerator>(of c: AnswerCandidate, rng: inout R) -> [String] {
        // the number to change: a date's year (its last number), else the first
        let numbers = numberRanges(in: c.answer)
        guard let r = (c.type == .date ? numbers.last : numbers.first) else { return [] }
        let text = String(c.answer[r])
        guard let v = ArticleNumber.value(text) else { return [] }
        let decimals = text.split(separator: ".").dropFirst().first?.count ?? 0
        let grouped = text.contains(",")
        var values: [Double] = []
        switch c.type {
        case .date where c.detail == "decade":
            // "1880s" -> "1870s", "1900s": whole decades
            var offsets: [Int] = [10, 20, 30].flatMap { (x: Int) -> [Int] in [x, -x] }
            offsets.shuffle(using: &rng)
            values = offsets.map { v + Double($0) }.filter { $0 <= 2020 }
        case .year, .date:
            guard text.count == 4 else { return [] }
            var offsets: [Int] = [1, 2, 3, 4, 5, 7, 10].flatMap { (x: Int) -> [Int] in [x, -x] }
            offsets.shuffle(using: &rng)
            values = offsets.prefix(6).map { v + Double($0) }.filter { $0 <= 2030 }
        case .percent:
            // near the answer and on its side of 100%: "99.9%" among 97.9% and 98.9%, not 54%
            let step = max(1, (min(v, 100 - v) * 0.2).rounded())
            let steps: [Double] = [1, -1, 2, -2, 3, -3]
            var options = steps.map { v + $0 * step }.filter { $0 > 0 && $0 < 100 }
            if decimals > 0 { options = options.map { $0 + Double(Int.random(in: -9...9, using: &rng)) / 10 } }
            values = options
        default:
            // near enough to be believed: halves and triples of "80.2 years" (40, 240), even
            // 100.3 years, or "more than 100 countries" (300) are ruled out by a student who
            // knows nothing
            if decimals == 0 && v < 20 {
                values = [1, -1, 2, -2, 3].map { v + $0 }
            } else {
                values = [0.9, 1.1, 0.85, 1.15, 0.8, 1.2].map { v * $0 }
                if decimals == 0 { values = values.map(roundNice) }
            }
        }
        // "1 metres" reads wrong where the answer's unit is a plural word, and "2 millimeter"
        // where it is a singular one
        let pluralUnit = c.answer[r.upperBound...].trimmingCharacters(in: .whitespaces).first?.isLetter == true
        if pluralUnit && v == 1 { return [] }
        return values.compactMap { nv in
            guard nv != v, nv > 0, !(pluralUnit && nv == 1), let s = format(nv, decimals: decimals, grouped: grouped) else { return nil }
            return c.answer.replacingCharacters(in: r, with: s)
        }
    }

    /// Ranges of the numbers written with digits in `s` ("1,300", "5.3").
    static func numberRanges(in s: String) -> [Range<String.Index>] {
        var out: [Range<String.Index>] = []
        var i = s.startIndex
        while i < s.endIndex {
            guard s[i].isASCII, s[i].isNumber else { i = s.index(after: i); continue }
            var j = i
            while j < s.endIndex {
                if s[j].isASCII && s[j].isNumber { j = s.index(after: j); continue }
                let next = s.index(after: j)
                if (s[j] == "," || s[j] == "."), next < s.endIndex, s[next].isASCII, s[next].isNumber { j = next; continue }
                break
            }
            out.append(i..<j)
            i = j
        }
        return out
    }

    static func roundNice(_ x: Double) -> Double {
        guard x >= 10 else { return x.rounded() }
        var mag = 1.0
        while x / mag >= 100 { mag *= 10 }
        return (x / mag).rounded() * mag
    }

    /// `x` written as the article writes its numbers; nil when it is too large to be one.
    static func format(_ x: Double, decimals: Int, grouped: Bool) -> String? {
        guard let i = ArticleNumber.integer(x), decimals <= ArticleNumber.maximumSignificantDigits else { return nil }
        if decimals > 0 {
            var p = 1.0
            for _ in 0..<decimals { p *= 10 }
            let r = (x * p).rounded() / p
            var s = String(r)
            if s.contains("e") { return nil }
            let have = s.split(separator: ".").dropFirst().first?.count ?? 0
            if have < decimals { s += String(repeating: "0", count: decimals - have) }
            return s
        }
        guard grouped || i >= 10000 else { return String(i) }
        var digits = Array(String(i))
        var out: [Character] = []
        while digits.count > 3 { out = [","] + digits.suffix(3) + out; digits.removeLast(3) }
        return String(digits + out)
    }
}
