/// Picks three wrong options for a multiple-choice card: answers of the same kind from the
/// same article (the same entity type, the same head noun, the same unit), then for
/// numbers plausible values in the answer's own wording. Never an option naming the same
/// thing as the answer (an acronym and its expansion, one inside the other), never one the
/// question shows. Fewer than three good ones: no multiple choice.
struct Distractors {
    struct Option: Sendable, Hashable {
        var answer: String
        var type: FactType
        var detail: String?
        var value: Double?
        var unit: String?
        var confident: Bool
    }

    var options: [Option] = []
    let knowledge: ArticleKnowledge

    init(candidates: [AnswerCandidate], knowledge: ArticleKnowledge) {
        self.knowledge = knowledge
        var seen = Set<String>()
        for c in candidates where seen.insert(c.type.rawValue + "|" + AnswerKey.normalize(c.answer)).inserted {
            options.append(Option(answer: c.answer, type: c.type, detail: c.detail, value: c.value, unit: c.unit, confident: c.confident))
        }
    }

    func pick<R: RandomNumberGenerator>(for c: AnswerCandidate, prompt: String, pool: DistractorPool, rng: inout R) -> [String]? {
        guard c.detail != "range" else { return nil }
        let answerKey = AnswerKey.normalize(c.answer)
        let prompt = " " + CardID.normalize(prompt) + " "
        var chosen: [String] = []
        var keys: Set<String> = [answerKey]
        func consider(_ s: String) {
            guard chosen.count < 3 else { return }
            let k = AnswerKey.normalize(s)
            guard !k.isEmpty, !keys.contains(k) else { return }
            if Text.contains(k, answerKey) || Text.contains(answerKey, k) { return }
            for x in keys where Text.contains(x, k) || Text.contains(k, x) { return }
            if prompt.contains(" " + CardID.normalize(s) + " ") { return }
            if aliases(s, c.answer) || chosen.contains(where: { aliases($0, s) }) { return }
            keys.insert(k)
            chosen.append(s)
        }
        if c.type.isNumeric {
            guard let v = c.value else { return nil }
            let near = options.filter { o in
                o.type == c.type && o.detail == c.detail && o.unit == c.unit && o.value != nil && o.value != v
                    && Self.sameShape(o.answer, c.answer) && Self.plausible(o.value!, v, c.type)
            }.sorted { abs($0.value! - v) < abs($1.value! - v) }
            // "15%" beside "14.9%" rounds to the answer: two defensible choices
            func distinct(_ s: String) -> Bool {
                guard let r = NumberOptions.numberRanges(in: s).first, let x = ArticleNumber.value(String(s[r])) else { return true }
                return x.rounded() != v.rounded() || c.type == .year || c.type == .date
            }
            for o in near.prefix(5).shuffled(using: &rng) where distinct(o.answer) { consider(o.answer) }
            if chosen.count < 3 {
                for s in NumberOptions.perturbations(of: c, rng: &rng) where distinct(s) { consider(s) }
            }
            if chosen.count < 3, c.type == .year, let others = pool.byType[.year] {
                for s in others.shuffled(using: &rng) where Double(s).map({ abs($0 - v) <= 30 }) == true { consider(s) }
            }
        } else if c.type == .term {
            // a term's options share its head noun: "igneous rock" for "metamorphic rock"
            let head = Self.headWord(c.answer)
            let same = options.filter { $0.type == .term && Self.headWord($0.answer) == head && $0.answer.split(separator: " ").count >= 2 }
            guard c.answer.split(separator: " ").count >= 2 else { return nil }
            for o in same.shuffled(using: &rng) { consider(o.answer) }
        } else {
            guard c.confident else { return nil }
            // "Hunt for the Wilderpeople" or "Lord of the Rings" taken for a person: the
            // options would be people for a film
            if c.type == .person && !Self.looksLikePersonName(c.answer) { return nil }
            var same = options.filter { o in
                o.type == c.type && o.confident && Self.items(o.answer) == Self.items(c.answer)
                    && (c.type != .place || Self.placeClass(o.answer) == Self.placeClass(c.answer))
            }
            if c.type == .organisation {
                // organisations of one kind: "Society" beside "Academy", never beside a college
                let head = Self.headWord(c.answer)
                let kindWords = same.filter { Self.headWord($0.answer) == head }
                same = kindWords.count >= 3 ? kindWords : same.filter { Self.orgClass($0.answer) == Self.orgClass(c.answer) }
            }
            if c.type == .person { same = same.filter { Self.looksLikePersonName($0.answer) } }
            // "North", "South": a frequent English word capitalised is no place to choose
            same = same.filter { $0.answer.contains(" ") || WordFrequency.zipf($0.answer.lowercased()) < 4.5 }
            if c.type == .place {
                // "South Island" among islands; a one-word name among one-word names, never
                // beside "British Empire" or "Pacific Ocean"
                let head = Self.headWord(c.answer)
                let words = c.answer.split(separator: " ").count
                if words >= 2, Self.placeHeads.contains(head) {
                    same = same.filter { Self.headWord($0.answer) == head }
                } else {
                    same = same.filter { o in
                        let n = o.answer.split(separator: " ").count
                        return (n == 1) == (words == 1) && !Self.placeHeads.contains(Self.headWord(o.answer))
                    }
                }
            }
            for o in same.shuffled(using: &rng) { consider(o.answer) }
        }
        return chosen.count == 3 ? chosen : nil
    }

    /// The last words of place names that say what kind of place it is.
    static let placeHeads: Set<String> = ["island", "ocean", "sea", "river", "lake", "mountain", "mount", "valley", "bay", "empire", "kingdom", "republic", "state",
                                          "county", "province", "region", "city", "street", "park", "square", "desert", "forest", "strait", "peninsula", "gulf", "coast", "range", "plain", "plateau"]

    /// Capitalised words, initials and name particles only ("Hugh L. Dryden", "Ludwig van
    /// Beethoven"); a lower-case word such as "for the" or "of the" makes it a title.
    static func looksLikePersonName(_ s: String) -> Bool {
        let particles: Set<String> = ["de", "van", "von", "der", "den", "da", "di", "du", "del", "la", "le", "bin", "ibn", "al", "y", "zu", "ter"]
        return s.split(separator: " ").allSatisfy { w in w.first?.isUppercase == true || particles.contains(String(w)) }
    }

    /// Countries among countries, continents among continents, other places among others.
    static func placeClass(_ s: String) -> Int { Geography.isCountry(s) ? 0 : Geography.isRegion(s) ? 1 : 2 }

    /// Two names for one thing: an acronym and its expansion, the same initials.
    func aliases(_ a: String, _ b: String) -> Bool {
        if knowledge.acronyms[a] == b || knowledge.acronyms[b] == a { return true }
        // "Mr. Reeves" beside "Eric Reeves": one person by a title and the surname
        let titles: Set<String> = ["mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "president", "general", "king", "queen"]
        func surname(_ s: String) -> (String, Bool)? {
            let words = s.split(separator: " ").map { $0.lowercased().trimmingCharacters(in: .punctuationCharacters) }
            guard let last = words.last, last.count >= 3 else { return nil }
            return (last, words.contains(where: titles.contains))
        }
        if let (la, ta) = surname(a), let (lb, tb) = surname(b), la == lb, ta || tb { return true }
        let ia = Self.initials(a), ib = Self.initials(b)
        // "UN Security Council" and "United Nations Security Council": "unsc" both
        return ia.count >= 2 && ia == ib
    }

    static func initials(_ s: String) -> String {
        var out = ""
        for w in s.split(whereSeparator: { $0 == " " || $0 == "-" }) {
            let l = w.lowercased()
            if ["of", "the", "and", "for", "de", "in", "on", "at"].contains(l) { continue }
            if w.count >= 2 && w.allSatisfy({ $0.isUppercase }) { out += l } else if let c = l.first { out.append(c) }
        }
        return out
    }

    /// List items in a name ("Banting and Best" is two).
    static func items(_ s: String) -> Int {
        1 + s.split(separator: " ").filter { $0 == "and" || $0 == "or" }.count + s.filter { $0 == "," }.count
    }

    /// The last word, lower case, singular: "World Water Day" -> "day".
    static func headWord(_ s: String) -> String {
        guard let w = s.split(whereSeparator: { !$0.isLetter }).last?.lowercased() else { return "" }
        if w.hasSuffix("ies") && w.count > 4 { return String(w.dropLast(3)) + "y" }
        if w.hasSuffix("s") && !w.hasSuffix("ss") && !w.hasSuffix("us") && !w.hasSuffix("is") && w.count > 3 { return String(w.dropLast()) }
        return w
    }

    /// A coarse kind of organisation, from the words in its name.
    static func orgClass(_ s: String) -> String {
        let words = Set(s.lowercased().split(separator: " ").map(String.init))
        let classes: [(String, Set<String>)] = [
            ("education", ["university", "college", "school", "academy", "institute"]),
            ("government", ["ministry", "department", "government", "parliament", "congress", "senate", "council", "commission", "agency", "bureau", "office"]),
            ("company", ["company", "corporation", "inc.", "inc", "ltd", "labs", "laboratories", "airlines", "bank", "group"]),
            ("society", ["society", "association", "academy", "federation", "union", "league", "foundation"]),
            ("party", ["party", "movement", "front"]),
            ("press", ["times", "post", "journal", "news", "press", "magazine", "herald", "gazette"]),
            ("team", ["club", "team", "fc"]),
        ]
        for (name, set) in classes where !words.isDisjoint(with: set) { return name }
        return "other"
    }

    static func plausible(_ a: Double, _ b: Double, _ t: FactType) -> Bool {
        switch t {
        case .year, .date: return abs(a - b) <= 60
        // near enough to be believed: 43 or 100.3 years are no life expectancies beside 80.2
        case .percent: return a > 0 && a < 100 && abs(a - b) <= max(5, 0.4 * min(b, 100 - b))
        default:
            guard a > 0, b > 0 else { return false }
            let r = a / b
            return r > 0.5 && r < 2
        }
    }

    /// The same words around the number: "76 ha" and "43 ha", never "76 ha" and "15 km".
    static func sameShape(_ a: String, _ b: String) -> Bool {
        func frame(_ s: String) -> String { String(s.filter { !$0.isNumber && $0 != "," && $0 != "." }) }
        return frame(a) == frame(b)
    }
}
