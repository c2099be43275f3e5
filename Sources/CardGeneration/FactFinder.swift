/// Finds answer candidates in a tokenised sentence: numbers, dates, money, percentages,
/// counts, ordinals, named entities (with acronyms and lists) and key terms.
enum FactFinder {
    static func numberValue(_ t: Word) -> Double? {
        if t.isNumber { return ArticleNumber.value(t.text) }
        if let v = Lexicon.numberWords[t.lower] { return Double(v) }
        return nil
    }

    static func isYear(_ t: Word) -> Bool {
        guard t.isNumber, t.text.utf8.count == 4, let v = Int(t.text) else { return false }
        return v >= 1000 && v <= 2100
    }

    static func ordinalValue(_ t: Word) -> Int? {
        if let v = Lexicon.ordinals[t.lower] { return v }
        let l = t.lower
        guard t.startsWithDigit, l.count >= 3 else { return nil }
        for suf in ["st", "nd", "rd", "th"] where l.hasSuffix(suf) {
            if let v = Int(l.dropLast(2)), v < 1_000_000 { return v }
        }
        return nil
    }

    /// A leading approximator before index i: ("more than", "around", "an estimated" ...).
    static func approximator(_ t: [Word], _ i: Int) -> (start: Int, wording: String)? {
        guard i > 0 else { return nil }
        let p = t[i - 1].lower
        if p == "than", i >= 2 {
            switch t[i - 2].lower {
            case "more": return (i - 2, "More than")
            case "less": return (i - 2, "Less than")
            case "fewer": return (i - 2, "Fewer than")
            default: return nil
            }
        }
        if p == "estimated" { return (i >= 2 && t[i - 2].lower == "an" ? i - 2 : i - 1, "About") }
        if p == "to", i >= 2, t[i - 2].lower == "up" { return (i - 2, "Up to") }
        if p == "least", i >= 2, t[i - 2].lower == "at" { return (i - 2, "At least") }
        if let w = Lexicon.approximators[p] {
            if p == "some" || p == "over" || p == "about" {
                // only when a number follows directly and the word isn't a preposition use of "over"/"about"
                return (i - 1, w)
            }
            return (i - 1, w)
        }
        return nil
    }

    static func find(_ t: [Word], context: ArticleContext) -> [Fact] {
        let n = t.count
        var facts: [Fact] = []
        var used = [Bool](repeating: false, count: n)
        // tokens inside parentheses never become answers
        var inParen = [Bool](repeating: false, count: n)
        var depth = 0
        for k in 0..<n {
            if t[k].text == "(" || t[k].text == "[" { depth += 1; inParen[k] = true; continue }
            if t[k].text == ")" || t[k].text == "]" { depth = max(0, depth - 1); inParen[k] = true; continue }
            inParen[k] = depth > 0
        }
        func mark(_ a: Int, _ b: Int) { for k in a..<b { used[k] = true } }
        func text(_ a: Int, _ b: Int) -> String { WordSplitter.join(t[a..<b]) }
        func add(_ f: Fact) {
            guard !inParen[f.start] else { mark(f.start, f.end); return }
            facts.append(f)
            mark(f.outerStart, f.end)
        }

        // 1. numbers, money, percentages, dates
        let first0 = t.firstIndex { $0.isWord || $0.isNumber } ?? 0
        var i = 0
        while i < n {
            if used[i] { i += 1; continue }
            let tok = t[i]
            // A number too long to read exactly (an ID, an OCR slip) is no answer, nor is any
            // range, ratio or sum of money it is part of.
            let joinsRange = i + 2 < n && t[i + 2].isNumber && ["to", "and", "–", "-", "/"].contains(t[i + 1].lower)
            if tok.isNumber, numberValue(tok) == nil || (joinsRange && numberValue(t[i + 2]) == nil) {
                i += joinsRange ? 3 : 1
                continue
            }
            // money: $5 billion
            if let cur = Lexicon.currencySymbols[tok.text], i + 1 < n, t[i + 1].isNumber, var value = numberValue(t[i + 1]) {
                var j = i + 2
                if j < n, let s = Lexicon.scaleWords[t[j].lower] { value *= s; j += 1 }
                let ap = approximator(t, i)
                let ans = text(i, j)
                let spelled = text(i + 1, j) + " " + cur
                add(Fact(start: i, end: j, type: .money, answer: ans, accept: [spelled], concreteness: 0.9,
                         outerStart: ap?.start ?? i, approximator: ap?.wording, value: value))
                i = j; continue
            }
            // month-led dates: October of 2018, October 5, 2018, October 2018
            if tok.isCapitalized, Lexicon.months[tok.lower] != nil, i + 1 < n {
                var j = i + 1
                var hasDay = false
                if j < n, t[j].isNumber, let d = Int(t[j].text), d >= 1, d <= 31 { hasDay = true; j += 1 }
                if j < n, t[j].text == "," { j += 1 }
                var hasOf = false
                if !hasDay, j < n, t[j].lower == "of" { hasOf = true; j += 1 }
                if j < n, isYear(t[j]) {
                    j += 1
                    let ans = text(i, j)
                    var accept: [String] = []
                    if hasOf { accept.append(tok.text + " " + t[j - 1].text) }
                    add(Fact(start: i, end: j, type: .date, answer: ans, accept: accept, concreteness: 0.95,
                             outerStart: i, value: ArticleNumber.value(t[j - 1].text)))
                    i = j; continue
                } else if hasDay {
                    let end = i + 2
                    if tok.lower != "may" || true {
                        add(Fact(start: i, end: end, type: .date, answer: text(i, end), concreteness: 0.8, outerStart: i))
                        i = end; continue
                    }
                }
            }
            // day-led dates: 5 October 2018
            if tok.isNumber, let d = Int(tok.text), d >= 1, d <= 31, i + 1 < n, t[i + 1].isCapitalized,
               Lexicon.months[t[i + 1].lower] != nil {
                var j = i + 2
                if j < n, isYear(t[j]) { j += 1 }
                add(Fact(start: i, end: j, type: .date, answer: text(i, j), concreteness: 0.9, outerStart: i))
                i = j; continue
            }
            // decades: the 1990s
            if tok.isWord, tok.startsWithDigit, tok.lower.count == 5, tok.lower.hasSuffix("s"),
               let y = Int(tok.lower.prefix(4)), y >= 1000, y <= 2100 {
                add(Fact(start: i, end: i + 1, type: .date, answer: tok.text, concreteness: 0.8, outerStart: i,
                         value: Double(y), detail: "decade"))
                i += 1; continue
            }
            // centuries: the 17th century
            if let ov = ordinalValue(tok), i + 1 < n, t[i + 1].lower == "century" || t[i + 1].lower == "centuries" {
                var e2 = i + 2
                if e2 < n, ["ad", "bc", "bce", "ce"].contains(t[e2].lower) { e2 += 1 }
                let ans = text(i, e2)
                add(Fact(start: i, end: e2, type: .date, answer: ans, concreteness: 0.8, outerStart: i,
                         value: Double(ov), detail: "century"))
                i = e2; continue
            }
            if isYear(tok), !(i + 1 < n && (t[i + 1].text == "%" || t[i + 1].lower == "percent")) {
                let next = i + 1 < n ? t[i + 1] : nil
                let countLike = next.map { $0.isWord && !$0.isCapitalized && $0.lower.hasSuffix("s")
                    && !Lexicon.stopWords.contains($0.lower) && !Verbs.isParticiple($0.lower) } ?? false
                if !countLike {
                    var j = i + 1
                    if j < n, ["bc", "ad", "bce", "ce"].contains(t[j].lower) { j += 1 }
                    add(Fact(start: i, end: j, type: .year, answer: text(i, j), concreteness: 0.9, outerStart: i,
                             value: ArticleNumber.value(tok.text)))
                    i = j; continue
                }
            }
            // "Voyager 1", "Apollo 11": the number belongs to the name before it (the entity pass takes both)
            if tok.isNumber, tok.text.utf8.count <= 3, i > first0, t[i - 1].isWord, t[i - 1].isCapitalized, !t[i - 1].isAcronym,
               Lexicon.months[t[i - 1].lower] == nil, !Lexicon.unitNames.contains(t[i - 1].lower),
               !(i + 1 < n && (t[i + 1].text == "%" || Lexicon.units.contains(t[i + 1].lower) || Lexicon.scaleWords[t[i + 1].lower] != nil)) {
                i += 1; continue
            }
            // a ratio "120/80": one answer, never half of it
            if tok.isNumber, i + 2 < n, t[i + 1].text == "/", !t[i + 1].spaceBefore, t[i + 2].isNumber, !t[i + 2].spaceBefore,
               numberValue(t[i + 2]) != nil {
                add(Fact(start: i, end: i + 3, type: .number, answer: text(i, i + 3), concreteness: 0.6, outerStart: i,
                         value: numberValue(tok), detail: "ratio"))
                i += 3; continue
            }
            // a range "250 to 350 grams", "between 60 and 100": one answer, never half of it
            if tok.isNumber, !isYear(tok), i + 2 < n, t[i + 2].isNumber, numberValue(t[i + 2]) != nil,
               t[i + 1].lower == "to" || (t[i + 1].lower == "and" && i > 0 && t[i - 1].lower == "between")
                || (["–", "-"].contains(t[i + 1].text) && !t[i + 1].spaceBefore) {
                var j = i + 3
                if j < n, Lexicon.scaleWords[t[j].lower] != nil { j += 1 }
                var type = FactType.number
                if j < n, t[j].text == "%" || t[j].lower == "percent" { j += 1; type = .percent }
                else if j < n, Lexicon.units.contains(t[j].lower), t[j].lower != "in" {
                    j += 1
                    if j < n, Lexicon.unitNames.contains(t[j].lower) { j += 1 }
                }
                let between = t[i + 1].lower == "and"
                let s0 = between ? i - 1 : i
                let lo = t[i].text, hi = text(i + 2, j)
                let ap = between ? nil : approximator(t, i)
                add(Fact(start: s0, end: j, type: type, answer: text(s0, j), accept: [lo + " to " + hi, lo + "–" + hi, lo + "-" + hi],
                         concreteness: 0.7, outerStart: ap?.start ?? s0, approximator: ap?.wording, value: numberValue(tok), detail: "range"))
                i = j; continue
            }
            // numbers: percentages, scores, measures, counts
            if i + 1 < n, t[i + 1].text.unicodeScalars.contains(where: { $0 == "⁄" || ("\u{BC}"..."\u{BE}").contains($0) || ("\u{2150}"..."\u{215F}").contains($0) }) { i += 2; continue }
            if tok.isNumber, i >= 2, ["–", "-", "—"].contains(t[i - 1].text), t[i - 2].isNumber, !t[i - 1].spaceBefore { i += 1; continue }
            if let v0 = numberValue(tok), tok.isNumber || (i + 1 < n && t[i + 1].isWord) {
                var j = i + 1
                var value = v0
                if j < n, let s = Lexicon.scaleWords[t[j].lower] { value *= s; j += 1 }
                let ap = approximator(t, i)
                // percent
                if j < n, t[j].text == "%" || t[j].lower == "percent" || (t[j].lower == "per" && j + 1 < n && t[j + 1].lower == "cent") {
                    let isSign = t[j].text == "%"
                    let end = t[j].lower == "per" ? j + 2 : j + 1
                    let num = text(i, j)
                    let ans = text(i, end)
                    let accept = isSign ? [num + " percent", num + " per cent"] : [num + "%"]
                    add(Fact(start: i, end: end, type: .percent, answer: ans, accept: accept, concreteness: 0.95,
                             outerStart: ap?.start ?? i, approximator: ap?.wording, value: value))
                    i = end; continue
                }
                // money spelled out: 5 billion dollars
                if j < n, Lexicon.currencyWords.contains(t[j].lower) {
                    let ans = text(i, j + 1)
                    add(Fact(start: i, end: j + 1, type: .money, answer: ans, concreteness: 0.9,
                             outerStart: ap?.start ?? i, approximator: ap?.wording, value: value))
                    i = j + 1; continue
                }
                // score: 0.82 out of 10
                if j + 2 < n, t[j].lower == "out", t[j + 1].lower == "of", t[j + 2].isNumber {
                    let ans = text(i, j)
                    add(Fact(start: i, end: j, type: .number, answer: ans, accept: [text(i, j + 3)], concreteness: 0.9,
                             outerStart: ap?.start ?? i, approximator: ap?.wording, value: value, detail: "score"))
                    i = j + 3; continue
                }
                // measure with a unit: 60 km, 15.5 ha, seven months
                if j < n, Lexicon.units.contains(t[j].lower), !(t[j].lower == "in" ) {
                    var end = j + 1
                    if t[j].lower == "square" || t[j].lower == "sq" || t[j].lower == "cubic", end < n, t[end].isWord { end += 1 }
                    if end < n, Lexicon.unitNames.contains(t[end].lower) { end += 1 }  // degrees Celsius
                    if tok.isNumber || Lexicon.numberWords[tok.lower] != nil {
                        add(Fact(start: i, end: end, type: .number, answer: text(i, end), concreteness: 0.72,
                                 outerStart: ap?.start ?? i, approximator: ap?.wording, value: value, detail: "unit"))
                        i = end; continue
                    }
                }
                // count with a noun phrase: more than 150 nations, 1,300 North Korean students
                var k = j
                while k < n, k - j < 4 {
                    let w = t[k]
                    guard w.isWord, !Lexicon.stopWords.contains(w.lower), !Lexicon.prepositions.contains(w.lower), Lexicon.irregularPast[w.lower] == nil,
                          Lexicon.auxiliaries[w.lower] == nil else { break }
                    if k > j, w.lower.hasSuffix("ing") || w.lower.hasSuffix("ed") { break }
                    if w.lower == "times", k + 1 < n {
                        // "100,000 times a day" counts; "11 times Earth's", "92 times the pressure" multiply
                        let nx = t[k + 1]
                        let rate = ["a", "an", "per", "each", "every"].contains(nx.lower) && k + 2 < n && Lexicon.qualifierUnits.contains(t[k + 2].lower)
                        if !(rate || nx.isPunct || ["and", "or", "in", "during", "since", "before", "after"].contains(nx.lower)) { break }
                    }
                    k += 1
                    if w.lower.hasSuffix("s") && w.lower.count > 3 && !w.isCapitalized { break }
                    if w.lower == "people" || w.lower == "children" || w.lower == "men" || w.lower == "women" { break }
                }
                while k > j, t[k - 1].isCapitalized { k -= 1 }
                let isWordNumber = !tok.isNumber
                if isWordNumber, i > 0, ["a", "an", "the", "these", "those", "both", "its", "their", "his", "her", "our"].contains(t[i - 1].lower) { i += 1; continue }
                if k > j {
                    if isWordNumber && !(t[k - 1].lower.hasSuffix("s") || t[k - 1].lower == "people") { i += 1; continue }
                    let ans = text(i, j)
                    add(Fact(start: i, end: j, type: .number, answer: ans, concreteness: isWordNumber ? 0.5 : 0.72,
                             outerStart: ap?.start ?? i, approximator: ap?.wording, nounEnd: k, value: value))
                    i = j; continue
                }
                let inRange = i >= 2 && (t[i - 1].text == "–" || t[i - 1].text == "-" || t[i - 1].text == "—") && t[i - 2].isNumber
                if tok.isNumber, value >= 2 || tok.text.utf8.contains(UInt8(ascii: ".")), !inRange {
                    add(Fact(start: i, end: j, type: .number, answer: text(i, j), concreteness: 0.5,
                             outerStart: ap?.start ?? i, approximator: ap?.wording, value: value))
                    i = j; continue
                }
            }
            // ordinals: its sixth nuclear test
            if let ov = ordinalValue(tok), ov >= 2, i + 1 < n, t[i + 1].isWord, !t[i + 1].isCapitalized,
               !Lexicon.stopWords.contains(t[i + 1].lower), i > 0, Lexicon.determiners.contains(t[i - 1].lower) {
                let digits = "\(ov)" + (ov % 10 == 1 && ov != 11 ? "st" : ov % 10 == 2 && ov != 12 ? "nd" : ov % 10 == 3 && ov != 13 ? "rd" : "th")
                let word = Lexicon.ordinals.first { $0.value == ov }?.key
                var accept = [digits]
                if let word, word != tok.lower { accept.append(word) }
                add(Fact(start: i, end: i + 1, type: .number, answer: tok.text, accept: accept.filter { $0 != tok.lower },
                         concreteness: ov <= 2 ? 0.3 : 0.45, outerStart: i, value: Double(ov), detail: "ordinal"))
                i += 1; continue
            }
            i += 1
        }

        // 2. named entities (capitalised runs), acronyms, lists
        var entities: [Fact] = []
        let first = t.firstIndex { $0.isWord || $0.isNumber } ?? 0
        i = 0
        while i < n {
            let tok = t[i]
            guard !used[i], tok.isWord, tok.isCapitalized, !inParen[i] else { i += 1; continue }
            if i == first || (i > 0 && (t[i - 1].text == "\"" || t[i - 1].text == "“" || t[i - 1].text == ":")) {
                let nextCap = i + 1 < n && t[i + 1].isWord && t[i + 1].isCapitalized && !tok.lower.hasSuffix("ly") && !Lexicon.adverbs.contains(tok.lower)
                if Lexicon.openers.contains(tok.lower) || (context.lowerVocabulary.contains(tok.lower) && !tok.isAcronym && !nextCap) {
                    i += 1; continue
                }
            }
            // "Celsius" is part of a measure; "Frenchman" is a role before a name, not part of it
            if (Lexicon.unitNames.contains(tok.lower) && tok.text.count > 1) || Lexicon.isDemonymNoun(tok.lower) { i += 1; continue }
            if tok.text == "I" || Lexicon.weekdays.contains(tok.lower)
                || (Lexicon.months[tok.lower] != nil && !tok.isAcronym) { i += 1; continue }
            var j = i + 1
            while j < n {
                if used[j] { break }
                let w = t[j]
                if w.isWord && w.isCapitalized && !Lexicon.months.keys.contains(w.lower) { j += 1; continue }
                if w.isNumber, j - i == 1, w.text.count <= 3, !t[i].isAcronym, i > 0 || !Lexicon.openers.contains(t[i].lower),
                   !Lexicon.unitNames.contains(t[i].lower) {
                    // "Voyager 1 became", "the Apollo 11 mission", "Channel 4": the number is part of the name,
                    // but not a count before a plural noun ("Mars 2 moons")
                    let nx = j + 1 < n ? t[j + 1] : nil
                    let countNoun = nx.map { $0.isWord && !$0.isCapitalized && $0.lower.hasSuffix("s") && !$0.lower.hasSuffix("ss")
                        && Lexicon.auxiliaries[$0.lower] == nil && !(j + 2 < n && Verbs.baseOfPresent($0.lower) != nil && Lexicon.determiners.contains(t[j + 2].lower)) } ?? false
                    if !countNoun && !(nx.map { Lexicon.units.contains($0.lower) || $0.text == "%" } ?? false) { j += 1; continue }
                }
                if (w.lower == "'s" || w.lower == "’s"), j - i == 1, context.lowerVocabulary.contains(t[i].lower), j + 1 < n, t[j + 1].isCapitalized {
                    var k = j + 1
                    while k < n, t[k].isWord, t[k].isCapitalized { k += 1 }
                    if Lexicon.orgWords.contains(t[k - 1].lower) || Lexicon.placeWords.contains(t[k - 1].lower) { j = k; continue }
                }
                if (w.lower == "'s" || w.lower == "’s"), j - i == 1, j + 1 < n, t[j + 1].isWord, t[j + 1].isCapitalized,
                   j + 2 >= n || !(t[j + 2].isWord && t[j + 2].isCapitalized), !Geography.isCountry(t[i].text) {
                    j += 2; continue
                }
                if w.isWord, Lexicon.nameConnectors.contains(w.lower), w.lower != "and", j + 1 < n {
                    var k = j + 1
                    if w.lower == "of", t[k].lower == "the", k + 1 < n { k += 1 }
                    if t[k].isWord && t[k].isCapitalized && !used[k] { j = k + 1; continue }
                }
                break
            }
            if j - i >= 3, Lexicon.demonyms[tok.lower] != nil || tok.lower.hasSuffix("ian") || tok.lower.hasSuffix("ican") || tok.lower.hasSuffix("ean"),
               t[(i + 1)..<j].allSatisfy({ $0.isCapitalized && !Lexicon.nameConnectors.contains($0.lower)
                   && !Lexicon.orgWords.contains($0.lower) && !Lexicon.placeWords.contains($0.lower) }),
               classify(t, i + 1, j, prev: nil, next: j < n ? t[j] : nil, context: context).0 == .person {
                used[i] = true
                i += 1
            }
            let next = j < n ? t[j] : nil
            // a demonym used as an adjective ("North Korean government", "American journalist")
            let lastLower = t[j - 1].lower
            let nounNext = next.map { nx in nx.isWord && !nx.isCapitalized && !Lexicon.stopWords.contains(nx.lower)
                && !Lexicon.prepositions.contains(nx.lower) && Lexicon.auxiliaries[nx.lower] == nil && Lexicon.irregularPast[nx.lower] == nil
                && Verbs.baseOfPast(nx.lower) == nil && Verbs.baseOfPresent(nx.lower) == nil && !nx.lower.hasSuffix("ly") && !nx.lower.hasSuffix("ing") } ?? false
            let adjectival = ((lastLower.hasSuffix("an") || lastLower.hasSuffix("ese") || lastLower.hasSuffix("ish")
                || lastLower.hasSuffix("ic") || lastLower.hasSuffix("i") || lastLower.hasSuffix("ist")) || (j - i == 1 && nounNext)) && !t[j - 1].isAcronym && nounNext
                && next.map { $0.isWord && !$0.isCapitalized && !Lexicon.stopWords.contains($0.lower) && !Lexicon.prepositions.contains($0.lower) } == true
            let pluralDemonym = j - i == 1 && (lastLower.hasSuffix("ans") || lastLower.hasSuffix("ians") || lastLower.hasSuffix("ese")
                || ((lastLower.hasSuffix("ic") || lastLower.hasSuffix("ist") || lastLower.hasSuffix("ish")) && !tok.isAcronym))
                || (j - i == 1 && ["ad", "bc", "bce", "ce"].contains(lastLower))
            if adjectival || pluralDemonym || (j - i == 1 && Lexicon.stopWords.contains(tok.lower)) {
                i = j; continue
            }
            // hyphenated demonym compounds (ASEAN-Korean)
            if j - i == 1, tok.text.utf8.contains(UInt8(ascii: "-")), next.map({ $0.isWord && !$0.isCapitalized }) == true { i = j; continue }
            if j - i == 1, i == first, !tok.isAcronym, !context.midCaps.contains(tok.text), !Geography.isCountry(tok.text),
               context.entityTypes[tok.text] == nil {
                i = j; continue
            }
            if j - i == 1, tok.isAcronym, nounNext, context.acronyms[tok.text] == nil { i = j; continue }
            let name = text(i, j)
            var accept: [String] = []
            var end = j
            var spanEnd = j
            if j + 2 < n, t[j].text == "(", t[j + 1].isAcronym, t[j + 2].text == ")" {
                accept = [t[j + 1].text, name + " (" + t[j + 1].text + ")"]
                spanEnd = j + 3
                end = j
            } else if let acr = context.expansions[name] {
                accept = [acr]
            } else if tok.isAcronym, j - i == 1, let exp = context.acronyms[tok.text] {
                accept = [exp]
            }
            let prev = i > 0 ? t[i - 1] : nil
            let (type, confident) = classify(t, i, j, prev: prev, next: next, context: context)
            let conc: Double
            switch type {
            case .organisation: conc = 0.85
            case .person: conc = 0.85
            case .place: conc = 0.75
            default: conc = j - i >= 2 ? 0.7 : 0.55
            }
            var f = Fact(start: i, end: end, type: type, answer: name, accept: accept, concreteness: confident ? conc : conc - 0.15, outerStart: i)
            f.confident = confident
            if type == .place && Geography.isCountry(name) { f.detail = "country" }
            entities.append(f)
            mark(i, spanEnd)
            i = spanEnd
        }
        // group "A and B" / "A, B and C" lists into one answer
        var grouped: [Fact] = []
        var g = 0
        while g < entities.count {
            var group = [entities[g]]
            var h = g + 1
            while h < entities.count {
                let prevEnd = group.last!.end
                let gap = t[prevEnd..<entities[h].start].map(\.lower)
                if gap == ["and"] || gap == [","] || gap == [",", "and"] || gap == ["or"] || gap == [",", "or"] {
                    group.append(entities[h]); h += 1
                    if gap.last == "and" || gap.last == "or" { break }
                } else { break }
            }
            let closed = group.count > 1 && ["and", "or"].contains(t[group[group.count - 1].start - 1].lower)
            let commaPair = group.count == 2 && t[group[0].end..<group[1].start].contains { $0.text == "," }
            if commaPair { grouped.append(contentsOf: group); g = h; continue }
            if group.count == 2 && closed {
                var f = group[0]
                f.end = group[1].end
                f.answer = text(group[0].start, group[1].end)
                f.accept = [group[1].answer + " and " + group[0].answer]
                f.listCount = 2
                if group[0].type != group[1].type { f.type = .term }
                f.detail = group.allSatisfy { $0.detail == "country" } ? "country" : nil
                grouped.append(f)
            } else if group.count == 1 || !closed {
                grouped.append(contentsOf: group.count == 1 ? group : (closed ? [] : group))
            }
            // lists of three or more: no single-item gaps
            g = h
        }
        facts.append(contentsOf: grouped)

        // 3. key terms after "such as", "known as", "called"
        i = 0
        while i < n - 1 {
            let l = t[i].lower
            let trigger = (l == "as" && i > 0 && (t[i - 1].lower == "such" || t[i - 1].lower == "known"))
                || l == "called" || l == "termed"
            guard trigger, !inParen[i] else { i += 1; continue }
            var j = i + 1
            if j < n, t[j].lower == "the" || t[j].lower == "a" || t[j].lower == "an" { j += 1 }
            let s = j
            while j < n, j - s < 4, t[j].isWord || (t[j].isNumber && j == s), !used[j],
                  !Lexicon.stopWords.contains(t[j].lower), !Lexicon.prepositions.contains(t[j].lower) {
                // "chordae tendineae attach the flaps": a word before a determiner is the verb, not the term
                if j > s, j + 1 < n, Lexicon.determiners.contains(t[j + 1].lower) || t[j + 1].isNumber { break }
                j += 1
            }
            let stop = j < n ? t[j].lower : "."
            let listFollows = stop == "and" || stop == "or" || (stop == "," && j + 1 < n && t[j + 1].isWord
                && !Lexicon.prepositions.contains(t[j + 1].lower) && !Lexicon.subordinators.contains(t[j + 1].lower))
            let single = j - s == 1
            let headOfLarger = single && j < n && (t[j].lower == "of" || (t[s].lower.hasSuffix("ing") && Lexicon.prepositions.contains(t[j].lower)))
            if j > s, !listFollows, !t[s].isCapitalized, !headOfLarger {
                facts.append(Fact(start: s, end: j, type: .term, answer: text(s, j), concreteness: 0.6, outerStart: s))
                mark(s, j)
            }
            i = j
        }
        // 4. the term a sentence defines: "A decision problem is a special type of ..."
        let (m, _) = QuestionWriter.mainClauseStart(t, end: n)
        var s = m
        if s < n, ["a", "an", "the"].contains(t[s].lower) { s += 1 }
        var e = s
        while e < n, e - s < 3, t[e].isWord, !t[e].isCapitalized || (e == m && context.lowerVocabulary.contains(t[e].lower)),
              !Lexicon.stopWords.contains(t[e].lower), !Lexicon.prepositions.contains(t[e].lower),
              Lexicon.auxiliaries[t[e].lower] == nil, !used[e] { e += 1 }
        if e - s >= 2, e + 1 < n, ["is", "are"].contains(t[e].lower),
           ["a", "an", "the", "one", "any", "another", "called", "known", "defined"].contains(t[e + 1].lower),
           !(s..<e).contains(where: { Verbs.baseOfPast(t[$0].lower) != nil || t[$0].lower.hasSuffix("ly") }) {
            var w = Array(t[s..<e])
            if w[0].isCapitalized { w[0] = Word(w[0].lower, kind: .word, spaceBefore: false) }
            var f = Fact(start: s, end: e, type: .term, answer: WordSplitter.join(w), concreteness: 0.6, outerStart: s)
            f.detail = "defined"
            facts.append(f)
        }
        // 5. key noun phrases where the sentence offers little else: the object of the main verb
        //    ("teachers may use a lesson plan") and the phrase that ends the main clause ("from a university or college")
        if facts.count <= 1, m < n, let c = QuestionWriter.parse(t, from: m, to: n) {
            var added = 0
            for p in nounPhraseStarts(t, verb: c.verb) where added < 2 {
                guard let np = nounPhrase(t, from: p, used: used, inParen: inParen, context: context) else { continue }
                if facts.contains(where: { $0.start < np.end && np.start < $0.end }) { continue }
                var f = Fact(start: np.start, end: np.end, type: .term, answer: text(np.start, np.end), concreteness: 0.3, outerStart: np.start)
                f.detail = "phrase"
                f.listCount = np.list ? 2 : 1
                facts.append(f)
                mark(np.start, np.end)
                added += 1
            }
        }
        return facts.sorted { $0.start < $1.start }
    }

    /// Where a key noun phrase may start: after the main verb (past auxiliaries, adverbs and a participle),
    /// and after the last preposition of the main clause.
    static func nounPhraseStarts(_ t: [Word], verb: Int) -> [Int] {
        let n = t.count
        var k = verb
        var modal = false
        while k < n, Lexicon.auxiliaries[t[k].lower] != nil || ["be", "been", "being", "have", "not"].contains(t[k].lower)
            || Lexicon.adverbs.contains(t[k].lower) || (t[k].lower.hasSuffix("ly") && t[k].lower.count > 4) {
            if let a = Lexicon.auxiliaries[t[k].lower], a.base != "be", a.base != "have" { modal = true }
            k += 1
        }
        // "do not subscribe to", "may provide": the base verb after a modal or "do"
        if modal, k < n, t[k].isWord, !t[k].isCapitalized, !Lexicon.stopWords.contains(t[k].lower) || t[k].lower == "be" || t[k].lower == "have" {
            k += 1
            while k < n, ["be", "been", "have"].contains(t[k].lower) { k += 1 }
            if k < n, Verbs.isParticiple(t[k].lower) { k += 1 }
            if k < n, ["out", "up", "off", "down"].contains(t[k].lower) { k += 1 }
            var out: [Int] = []
            if k < n { out.append(Lexicon.prepositions.contains(t[k].lower) ? k + 1 : k) }
            return out + lastPrepositionPhrase(t, from: k, skip: out)
        }
        if k == verb + 1, Lexicon.auxiliaries[t[verb].lower]?.base == "be", k < n, !Verbs.isParticiple(t[k].lower) { return [] }  // "X is a Y": the definition step's job
        if k < n, k > verb, t[k].isWord, !t[k].isCapitalized, Verbs.isParticiple(t[k].lower) || Verbs.baseOfPast(t[k].lower) != nil { k += 1 }
        else if k == verb { k += 1 }
        if k < n, ["out", "up", "off", "down"].contains(t[k].lower) { k += 1 }
        var out: [Int] = []
        if k < n { out.append(Lexicon.prepositions.contains(t[k].lower) ? k + 1 : k) }
        return out + lastPrepositionPhrase(t, from: k, skip: out)
    }

    /// The start of the phrase after the last preposition before the clause ends.
    static func lastPrepositionPhrase(_ t: [Word], from k: Int, skip: [Int]) -> [Int] {
        let n = t.count
        var e = k
        while e < n, ![",", ";", ":", "(", "—", "–"].contains(t[e].text), !["which", "who", "that", "where", "while", "because"].contains(t[e].lower) { e += 1 }
        if let pr = (k..<e).last(where: { Lexicon.prepositions.contains(t[$0].lower) && t[$0].lower != "of" }), pr + 1 < e, !skip.contains(pr + 1) {
            return [pr + 1]
        }
        return []
    }

    /// A lower-case noun phrase at p (after a determiner): one to four words, or two coordinated ("literacy and numeracy").
    static func nounPhrase(_ t: [Word], from p0: Int, used: [Bool], inParen: [Bool], context: ArticleContext) -> (start: Int, end: Int, list: Bool)? {
        let n = t.count
        var p = p0
        // "sought to maintain cordial relations", "involved in providing training": a verb phrase, not a noun phrase
        if p0 > 0, t[p0 - 1].lower == "to", p0 < n, !Lexicon.determiners.contains(t[p0].lower) { return nil }
        if p0 < n, t[p0].lower.hasSuffix("ing"), p0 > 0, Lexicon.prepositions.contains(t[p0 - 1].lower) { return nil }
        if p < n, ["a", "an", "the", "its", "their", "his", "her", "this", "these"].contains(t[p].lower) { p += 1 }
        func nounish(_ w: Word) -> Bool {
            w.isWord && !w.isCapitalized && !Lexicon.stopWords.contains(w.lower) && !Lexicon.prepositions.contains(w.lower)
                && Lexicon.auxiliaries[w.lower] == nil && !(w.lower.hasSuffix("ly") && w.lower.count > 4) && w.lower.count >= 3
                && !Lexicon.adverbs.contains(w.lower) && !Lexicon.hedges.contains(w.lower)
                && Lexicon.numberWords[w.lower] == nil && Lexicon.ordinals[w.lower] == nil && !Lexicon.units.contains(w.lower)
                && Lexicon.scaleWords[String(w.lower.dropLast())] == nil && !["enough", "hundreds", "dozens", "lot", "lots", "number"].contains(w.lower)
        }
        // "due to", "prior to": a preposition of two words ends the phrase ("a metamorphic rock due to heat")
        func twoWordPreposition(_ e: Int) -> Bool {
            e + 1 < n && t[e + 1].lower == "to" && ["due", "prior", "owing", "thanks", "according", "next", "close"].contains(t[e].lower)
        }
        // "lanes running on a few levels": an -ing word after a plural noun is a participle
        // starting a phrase of its own, not part of the term
        func participleAfterPlural(_ e: Int) -> Bool {
            e > p && t[e].lower.hasSuffix("ing") && t[e - 1].lower.hasSuffix("s") && !t[e - 1].lower.hasSuffix("ss")
        }
        var e = p
        while e < n, e - p < 4, nounish(t[e]), !used[e], !inParen[e], !twoWordPreposition(e), !participleAfterPlural(e) {
            if e > p, e + 1 < n, Lexicon.determiners.contains(t[e + 1].lower) { break }  // a verb before its object
            e += 1
        }
        guard e > p else { return nil }
        var list = false
        if e + 1 < n, ["and", "or"].contains(t[e].lower), nounish(t[e + 1]), e - p <= 2 {
            var e2 = e + 1
            while e2 < n, e2 - (e + 1) < 2, nounish(t[e2]), !used[e2] { e2 += 1 }
            // only a pair that ends the phrase: "literacy and numeracy," not "literacy and numeracy, craftsmanship ..."
            if e2 >= n || t[e2].isPunct && t[e2].text != "," || Lexicon.prepositions.contains(t[e2].lower) { e = e2; list = true }
        }
        // what ends the phrase must end it: punctuation, a preposition or a clause word
        if e < n, t[e].isWord, !Lexicon.prepositions.contains(t[e].lower), !Lexicon.subordinators.contains(t[e].lower),
           !["and", "or", "to", "that"].contains(t[e].lower), !twoWordPreposition(e), !participleAfterPlural(e) { return nil }
        if e < n, t[e].text == ",", e + 2 < n, ["and", "or"].contains(t[e + 1].lower) || (nounish(t[e + 1]) && t[e + 2].text == ",") { return nil }  // a longer list
        let head = t[e - 1].lower
        if Verbs.baseOfPast(head) != nil || Lexicon.irregularParticiples.contains(head) { return nil }  // "soft encrypted"
        if head.hasSuffix("ing") && e - p == 1 { return nil }
        if e - p == 1 && head.count < 5 { return nil }
        if e - p == 1 && !context.lowerVocabulary.contains(head) { return nil }
        return (p, e, list)
    }

    static func classify(_ t: [Word], _ i: Int, _ j: Int, prev: Word?, next: Word?, context: ArticleContext) -> (FactType, Bool) {
        let name = WordSplitter.join(t[i..<j])
        if Geography.isCountry(name) { return (.place, true) }
        if let known = context.entityTypes[name] { return (known, true) }
        let words = t[i..<j].map { $0.lower.hasSuffix(".") ? String($0.lower.dropLast()) : $0.lower }
        if words.contains(where: { Lexicon.orgWords.contains($0) }) && (j - i >= 2 || words[0].count > 4) { return (.organisation, true) }
        if words.contains(where: { Lexicon.placeWords.contains($0) }) && j - i >= 2 { return (.place, true) }
        if t[i].isAcronym && j - i == 1 {
            if let exp = context.acronyms[t[i].text], let ty = context.entityTypes[exp] { return (ty, true) }
            return (.term, true)
        }
        // "the village of Żelazowa Wola", "the state of Bahia": a place, whatever the name looks like
        if i >= 2, t[i - 1].lower == "of", !t[i - 2].isCapitalized, Lexicon.placeWords.contains(t[i - 2].lower) { return (.place, true) }
        if let p = prev, Lexicon.personTitles.contains(p.lower), p.isCapitalized { return (.person, true) }
        if let p = prev, p.isWord, Lexicon.roleNouns.contains(p.lower) || Lexicon.isDemonymNoun(p.lower),
           !words.contains(where: { Lexicon.orgWords.contains($0) || Lexicon.placeWords.contains($0) }) { return (.person, true) }
        if next?.lower == "who" { return (.person, true) }
        if j - i == 1 {
            if context.surnames[name] != nil { return (.person, true) }
            if let p = prev, ["in", "at", "near", "from"].contains(p.lower) { return (.place, true) }
            return (.term, true)
        }
        let plain = t[i..<j].allSatisfy { tok in
            tok.isCapitalized && !tok.isAcronym && tok.text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0 == "-" || $0 == "'" || $0 == "’" }
        }
        let nonPerson: Set<String> = ["north", "south", "east", "west", "far", "deep", "new", "old", "upper", "lower", "great",
                                      "central", "northern", "southern", "eastern", "western", "saint", "san", "santa", "los", "las",
                                      "creek", "woods", "wood", "bay", "point", "hall", "house", "street", "war", "age", "ages", "revolution",
                                      "empire", "dynasty", "era", "period", "act", "edict", "treaty", "prize", "award", "cup", "games"]
        if plain, j - i <= 3, !words.contains(where: { context.lowerVocabulary.contains($0) || Lexicon.stopWords.contains($0)
            || nonPerson.contains($0) || Lexicon.countries.contains($0) || $0.hasSuffix("ist") || $0.hasSuffix("ism") }),
           !t[i..<j].contains(where: { $0.text.utf8.contains(UInt8(ascii: "-")) }) {
            // born/died next to the name, or its surname used alone elsewhere
            let born = next.map { ["was", "is"].contains($0.lower) } == true && j + 1 < t.count && ["born", "died"].contains(t[j + 1].lower)
            if born { return (.person, true) }
            return (.person, false)
        }
        return (.term, true)
    }
}
