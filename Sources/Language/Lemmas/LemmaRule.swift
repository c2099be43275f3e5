/// How a lemma is made from its word: optionally lower-case it, cut characters off the
/// end, append a string ("cities" -> cut 3, append "y"; "Did" -> lower, cut 2, append "o").
struct LemmaRule: Sendable, Hashable {
    var lowercase: Bool
    var cut: Int
    var append: String

    static let identity = LemmaRule(lowercase: false, cut: 0, append: "")

    /// The shortest rule that turns `form` into `lemma`; on a tie, lower-casing when the
    /// lemma is lower case, so "Did" and "did" share one rule.
    init(form: String, lemma: String) {
        func rule(_ from: [Character], lowercase: Bool) -> LemmaRule {
            let to = Array(lemma)
            var p = 0
            while p < from.count && p < to.count && from[p] == to[p] { p += 1 }
            return LemmaRule(lowercase: lowercase, cut: from.count - p, append: String(to[p...]))
        }
        let asIs = rule(Array(form), lowercase: false)
        let lowered = rule(Array(form.lowercased()), lowercase: true)
        if lowered.cut < asIs.cut || (lowered.cut == asIs.cut && lemma == lemma.lowercased()) {
            self = lowered
        } else {
            self = asIs
        }
    }

    init(lowercase: Bool, cut: Int, append: String) {
        self.lowercase = lowercase
        self.cut = cut
        self.append = append
    }

    /// The lemma of `form`, or nil when the rule does not fit (it would cut the whole word).
    func apply(to form: String) -> String? {
        if cut == 0 && append.isEmpty { return lowercase ? form.lowercased() : form }
        let base = lowercase ? form.lowercased() : form
        guard cut < base.count || (cut == base.count && !append.isEmpty) else { return nil }
        return String(base.dropLast(cut)) + append
    }

    /// "L1.3.y": how a rule is stored in the model.
    var encoded: String { "\(lowercase ? "L" : "K")\(cut).\(append)" }

    init?(encoded: String) {
        guard let mode = encoded.first, mode == "L" || mode == "K", let dot = encoded.firstIndex(of: ".") else { return nil }
        guard let cut = Int(encoded[encoded.index(after: encoded.startIndex)..<dot]) else { return nil }
        self.init(lowercase: mode == "L", cut: cut, append: String(encoded[encoded.index(after: dot)...]))
    }
}
