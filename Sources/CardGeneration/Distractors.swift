import DeckModel

/// Answers from other decks, by fact type, to draw multiple-choice distractors from.
public struct DistractorPool: Sendable {
    var byType: [FactType: [String]] = [:]
    /// Who added each answer of `byType` (parallel arrays; -1 for nobody in particular).
    private var owners: [FactType: [Int]] = [:]
    private var seen = Set<String>()

    public init() {}

    /// Collects the answers of other decks' cards that carry a `factType`.
    public init(cards: [Card]) {
        for c in cards where c.type != .truefalse {
            if let t = c.factType { add(c.answer, factType: t) }
        }
    }

    /// Adds one answer; `factType` is a `FactType` raw value ("year", "organisation", ...).
    /// `owner` marks the article it came from, for `excluding(owner:)`.
    public mutating func add(_ answer: String, factType: String, owner: Int = -1) {
        guard let t = FactType(rawValue: factType) else { return }
        let a = Text.trimmed(answer)
        guard !a.isEmpty, a.count < 80, seen.insert(t.rawValue + "|" + a).inserted else { return }
        byType[t, default: []].append(a)
        owners[t, default: []].append(owner)
    }

    /// The pool without what `owner` added: an article's own answers reach its cards
    /// through its own index, which picks them with more care than the pool does.
    public func excluding(owner: Int) -> DistractorPool {
        var out = self
        for (t, list) in byType {
            let own = owners[t] ?? []
            guard own.contains(owner) else { continue }
            out.byType[t] = zip(list, own).compactMap { $1 == owner ? nil : $0 }
            out.owners[t] = own.filter { $0 != owner }
        }
        return out
    }

    public var count: Int { byType.values.reduce(0) { $0 + $1.count } }
}

/// Picks three wrong options of the fact's type: from the article, then the pool, then by
/// perturbing numbers. Never an option equal to an accepted answer or visible in the question.
enum Distractors {
    struct Candidate { var answer: String; var type: FactType; var detail: String?; var value: Double?; var listCount = 1; var confident = true }

    /// Candidates grouped once per article: numbers sorted by value, names by type.
    struct Index {
        struct Entry { var answer: String; var value: Double? }
        var numeric: [String: [Entry]] = [:]
        var names: [String: [String]] = [:]
        /// Content words of the sentences each name occurs in.
        var profiles: [String: Set<String>] = [:]

        init(_ cands: [Candidate]) {
            var seen = Set<String>()
            for c in cands where seen.insert(c.answer + "|" + c.type.rawValue + "|" + (c.detail ?? "")).inserted {
                if c.type.isNumeric {
                    if let v = c.value { numeric[c.type.rawValue + "|" + (c.detail ?? ""), default: []].append(Entry(answer: c.answer, value: v)) }
                } else if c.confident {
                    let base = c.type.rawValue + "|\(c.listCount)|"
                    names[base + "*", default: []].append(c.answer)
                    if let d = c.detail { names[base + d, default: []].append(c.answer) }
                }
            }
            for k in numeric.keys { numeric[k]!.sort { $0.value! < $1.value! } }
        }
    }

    static func pick<R: RandomNumberGenerator>(
        for f: Fact, question: String, article: [Candidate], pool: DistractorPool, rng: inout R
    ) -> [String]? {
        pick(for: f, question: question, index: Index(article), pool: pool, rng: &rng)
    }

    /// Up to `limit` elements of `xs`, in random order, without shuffling all of a long list.
    static func sample<R: RandomNumberGenerator>(_ xs: [String], _ limit: Int, rng: inout R) -> [String] {
        if xs.count <= limit { return xs.shuffled(using: &rng) }
        var picked = Set<Int>()
        var out: [String] = []
        while out.count < limit {
            let i = Int.random(in: 0..<xs.count, using: &rng)
            if picked.insert(i).inserted { out.append(xs[i]) }
        }
        return out
    }

    static func pick<R: RandomNumberGenerator>(
        for f: Fact, question: String, index: Index, pool: DistractorPool, rng: inout R
    ) -> [String]? {
        let forbidden = Set(([f.answer] + f.accept).map(AnswerKey.normalize))
        let qn = " " + CardID.normalize(question) + " "
        let answerInitials = ([f.answer] + f.accept).map(initials)
        var seen = forbidden
        var out: [String] = []
        func consider(_ s: String) {
            guard out.count < 3 else { return }
            let n = AnswerKey.normalize(s)
            guard !n.isEmpty, !seen.contains(n) else { return }
            // neither a part of the answer nor the answer a part of it ("ASEAN summit" vs "ASEAN")
            for fb in forbidden where Text.contains(fb, n) || Text.contains(n, fb) { return }
            if Text.contains(qn, " " + CardID.normalize(s) + " ") { return }
            let si = initials(s)
            if si.count >= 2 && answerInitials.contains(si) { return }
            if !f.type.isNumeric, !sameShapeName(f.answer, s) { return }
            if f.type == .term {
                let wa = f.answer.split(separator: " ").count, ws = s.split(separator: " ").count
                if abs(wa - ws) > 1 || (f.answer.first?.isUppercase ?? false) != (s.first?.isUppercase ?? false) { return }
                if wa == 1 && (ws != 1 || (f.answer.uppercased() == f.answer) != (s.uppercased() == s) || s.count < 3) { return }
                // of the same word class: "monophyletic" among adjectives, not beside "populations"
                if wordClass(f.answer) != wordClass(s) { return }
            }
            seen.insert(n)
            out.append(s)
        }
        if f.type.isNumeric && f.detail != "ordinal" {
            if let v = f.value, let group = index.numeric[f.type.rawValue + "|" + (f.detail ?? "")], !group.isEmpty {
                // nearest values by binary search, then the closest few that read alike
                var lo = 0, hi = group.count
                while lo < hi { let mid = (lo + hi) / 2; if group[mid].value! < v { lo = mid + 1 } else { hi = mid } }
                let window = group[max(0, lo - 8)..<min(group.count, lo + 8)]
                let near = window.filter { $0.value != v && sameShape($0.answer, f.answer) && plausible($0.value!, v, f.type) }
                    .sorted { abs($0.value! - v) < abs($1.value! - v) }
                for c in near.prefix(6).shuffled(using: &rng) { consider(c.answer) }
            }
            if out.count < 3 {
                for s in perturbations(f, rng: &rng) { consider(s) }
            }
        } else if f.detail == "ordinal" {
            for s in perturbations(f, rng: &rng) { consider(s) }
        } else {
            let key = f.type.rawValue + "|\(f.listCount)|" + (f.detail ?? "*")
            let names = index.names[key] ?? []
            // first the names talked about alike (sharing context words), then, for names of a known type, any of that type
            if let mine = index.profiles[f.answer], !mine.isEmpty {
                var related: [(String, Int)] = []
                for s in names {
                    let k = index.profiles[s]?.intersection(mine).count ?? 0
                    if k > 0 { related.append((s, k)) }
                }
                related.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
                for s in related.prefix(6).map(\.0).shuffled(using: &rng) { consider(s) }
            }
            if out.count < 3, f.type != .term || f.detail != nil {
                for s in sample(names, 40, rng: &rng) { consider(s) }
            }
            if out.count < 3, let extra = pool.byType[f.type] {
                for s in sample(extra, 60, rng: &rng) {
                    if f.detail == "country" && !Geography.isCountry(s) { continue }
                    // another deck's term (or name of a guessed type) is of the same kind only when it names the same kind of thing:
                    // "Earth Day" for "World Water Day", never "Nobel Prize" or "Voyager 2"
                    if (f.type == .term || !f.confident) && headWord(s) != headWord(f.answer) { continue }
                    consider(s)
                }
            }
        }
        return out.count == 3 ? out : nil
    }

    /// Names of the same shape: as many list items, and a number at the end for both or neither
    /// ("Sputnik 1" / "Apollo 11", never "Sputnik 1" / "NASA"); capitalised both or neither.
    static func sameShapeName(_ a: String, _ b: String) -> Bool {
        func items(_ s: String) -> Int {
            let w = WordSplitter.tokenize(s)
            var n = 1
            for (k, x) in w.enumerated() {
                if x.lower == "and" || x.lower == "or" { if k == 0 || w[k - 1].text != "," { n += 1 } }
                else if x.text == "," { n += 1 }
            }
            return n
        }
        guard items(a) == items(b) else { return false }
        let na = WordSplitter.tokenize(a).last?.isNumber ?? false, nb = WordSplitter.tokenize(b).last?.isNumber ?? false
        if na != nb { return false }
        return (a.first?.isUppercase ?? false) == (b.first?.isUppercase ?? false)
    }

    enum WordClass { case adjective, plural, other }

    /// A guess at the class of a term's last word from its ending, enough to keep an option
    /// list of one kind: "planktonic" and "monophyletic", "populations" and "cells".
    static func wordClass(_ term: String) -> WordClass {
        // names ("Mars", "Pacific") are not read as plurals or adjectives
        guard let word = term.split(separator: " ").last, word.first?.isLowercase == true else { return .other }
        let last = word.lowercased()
        guard last.count > 3, last.allSatisfy(\.isLetter) else { return .other }
        for suffix in ["ic", "ous", "ive", "ful", "less", "able", "ible", "ical", "ial", "ual"] where last.hasSuffix(suffix) { return .adjective }
        if last.hasSuffix("s") && !last.hasSuffix("ss") && !last.hasSuffix("us") && !last.hasSuffix("is") { return .plural }
        return .other
    }

    /// The head noun of a name or term, singular and lower case: "World Water Day" -> "day", "pulmonary arteries" -> "artery".
    static func headWord(_ s: String) -> String {
        guard let w = WordSplitter.tokenize(s).last(where: { $0.isWord })?.lower else { return "" }
        if w.hasSuffix("ies") && w.count > 4 { return String(w.dropLast(3)) + "y" }
        if w.hasSuffix("s") && !w.hasSuffix("ss") && !w.hasSuffix("us") && !w.hasSuffix("is") && w.count > 3 { return String(w.dropLast()) }
        return w
    }

    /// Initial letters, acronyms spelled out: "UN Security Council" and "United Nations Security Council" -> "unsc".
    static func initials(_ s: String) -> String {
        var out = ""
        for w in WordSplitter.tokenize(s) where w.isWord {
            if Lexicon.stopWords.contains(w.lower) { continue }
            if w.isAcronym { out += w.lower.filter { $0.isLetter } } else if let c = w.lower.first { out.append(c) }
        }
        return out
    }

    static func plausible(_ a: Double, _ b: Double, _ t: FactType) -> Bool {
        switch t {
        case .year, .date: return abs(a - b) <= 60
        case .percent: return a >= 0 && a <= 100
        default:
            guard a > 0, b > 0 else { return false }
            let r = a / b
            return r > 0.1 && r < 10
        }
    }

    /// Same form: both with "%" or both with "percent", both decimals or both whole.
    static func sameShape(_ a: String, _ b: String) -> Bool {
        // the same words around the number: "76 ha" / "43 ha", never "76 ha" / "15 kilometres"
        func frame(_ s: String) -> String { String(s.filter { !$0.isNumber && $0 != "," && $0 != "." }) }
        return frame(a) == frame(b)
    }

    /// Plausible wrong numbers in the answer's own wording.
    static func perturbations<R: RandomNumberGenerator>(_ f: Fact, rng: inout R) -> [String] {
        let toks = WordSplitter.tokenize(f.answer)
        if f.detail == "ordinal", let v = f.value.flatMap(ArticleNumber.integer) {
            let alts = [v + 1, v + 2, max(1, v - 1), v + 3].filter { $0 != v }
            let word = Lexicon.ordinals.first { $0.value == v }?.key == toks.first?.lower
            return alts.map { n in
                word ? (Lexicon.ordinals.first { $0.value == n }?.key ?? suffix(n)) : suffix(n)
            }
        }
        if f.detail == "range" {
            // scale both ends alike: "250 to 350 grams" -> "125 to 175 grams", never "380 to 350 grams"
            return [0.5, 2, 1.5, 3, 0.75].compactMap { (m: Double) -> String? in
                var t = toks
                for (k, w) in toks.enumerated() where w.isNumber {
                    guard let v = ArticleNumber.value(w.text) else { return nil }
                    let nv = v >= 10 ? roundNice(v * m) : (v * m).rounded()
                    guard let text = format(nv, decimals: 0, grouped: w.text.contains(",")) else { return nil }
                    t[k] = Word(text, kind: .number, spaceBefore: w.spaceBefore)
                }
                return WordSplitter.join(t)
            }
        }
        let numberAt = (f.type == .date || f.type == .year) ? toks.lastIndex(where: { $0.isNumber }) : toks.firstIndex(where: { $0.isNumber })
        guard let idx = numberAt,
              let v = ArticleNumber.value(toks[idx].text) else { return [] }
        let decimals = toks[idx].text.split(separator: ".").dropFirst().first?.count ?? 0
        let grouped = toks[idx].text.utf8.contains(UInt8(ascii: ","))
        var values: [Double] = []
        switch f.type {
        case .year, .date:
            let base: [Int] = [1, 2, 3, 4, 5, 7, 10]
            var offs: [Int] = base.flatMap { (x: Int) -> [Int] in [x, -x] }
            offs.shuffle(using: &rng)
            values = offs.prefix(5).map { v + Double($0) }.filter { $0 <= 2030 }
        case .percent:
            let step = max(2, (v * 0.15).rounded())
            var c = [1, -1, 2, -2, 3, -3, 0.5, -0.5].map { v + $0 * step }.filter { $0 > 0 && $0 < 100 }
            if decimals > 0 { c = c.map { $0 + Double(Int.random(in: -9...9, using: &rng)) / 10 } }
            values = c
        case .number where f.detail == "score":
            let scale: Double = v <= 1 ? 0.1 : v <= 10 ? 1 : 10
            values = [v + scale * 2, v + scale, max(0, v - scale), v + scale * 3].filter { $0 != v && $0 >= 0 }
            if scale == 0.1 { values = values.map { ($0 * 100).rounded() / 100 + Double(Int.random(in: 1...8, using: &rng)) / 100 } }
        default:
            values = [0.5, 2, 1.5, 3, 0.75].map { v * $0 }
            if v >= 10 && decimals == 0 { values = values.map(roundNice) }
        }
        return values.compactMap { nv in
            guard nv != v, let text = format(nv, decimals: decimals, grouped: grouped) else { return nil }
            var t = toks
            t[idx] = Word(text, kind: .number, spaceBefore: toks[idx].spaceBefore)
            return WordSplitter.join(t)
        }
    }

    static func suffix(_ n: Int) -> String {
        let s = (n % 100 >= 11 && n % 100 <= 13) ? "th" : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th"
        return "\(n)\(s)"
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

/// Answer normalisation used for duplicates and distractor checks (like the scorer's).
enum AnswerKey {
    static let filler: Set<String> = ["a", "an", "the", "percent", "about", "around", "approximately", "nearly",
                                      "roughly", "some", "estimated", "more", "than", "over", "almost", "of"]
    static func normalize(_ s: String) -> String {
        // lower case; "%" and "per cent" as "percent"; thousands commas dropped; decimal points kept
        let t = Text.replacing(Text.replacing(s.lowercased(), "%", with: " percent "), "per cent", with: "percent")
        var words: [String] = []
        var cur = ""
        let scalars = Array(t.unicodeScalars)
        for (i, u) in scalars.enumerated() {
            let digitAround = i > 0 && i + 1 < scalars.count && ("0"..."9").contains(scalars[i - 1]) && ("0"..."9").contains(scalars[i + 1])
            if u.properties.isAlphabetic || ("0"..."9").contains(u) || (u == "." && digitAround) {
                cur.unicodeScalars.append(u)
            } else if u == "," && digitAround {
                continue
            } else if !cur.isEmpty {
                words.append(cur); cur = ""
            }
        }
        if !cur.isEmpty { words.append(cur) }
        return words.filter { !filler.contains($0) }.joined(separator: " ")
    }
}

