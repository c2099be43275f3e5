/// Verb forms for question writing: past tense and third-person present to the base form.
enum Verbs {
    enum Form: Equatable { case past, present3s }

    private static let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
    private static func isVowel(_ c: Character) -> Bool { vowels.contains(c) }

    /// Regular verbs whose past tense the suffix rules get wrong.
    private static let pastExceptions: [String: String] = [
        "added": "add", "erred": "err", "focused": "focus", "created": "create", "united": "unite",
        "invited": "invite", "cited": "cite", "recited": "recite", "excited": "excite", "ignited": "ignite",
        "incited": "incite", "opened": "open", "happened": "happen", "developed": "develop",
        "enveloped": "envelop", "visited": "visit", "edited": "edit", "exhibited": "exhibit",
        "inhabited": "inhabit", "inherited": "inherit", "limited": "limit", "credited": "credit",
        "agreed": "agree", "freed": "free", "guaranteed": "guarantee", "decreed": "decree",
        "targeted": "target", "marketed": "market", "budgeted": "budget", "benefited": "benefit",
        "offered": "offer", "covered": "cover", "discovered": "discover", "delivered": "deliver",
        "remembered": "remember", "considered": "consider", "numbered": "number", "ordered": "order",
        "answered": "answer", "wondered": "wonder", "gathered": "gather", "suffered": "suffer",
        "entered": "enter", "altered": "alter", "registered": "register", "centered": "center",
        "hoped": "hope", "scoped": "scope", "roped": "rope", "coped": "cope", "cancelled": "cancel",
        "travelled": "travel", "labelled": "label", "modelled": "model", "levelled": "level",
        "signalled": "signal", "totalled": "total", "fuelled": "fuel", "channelled": "channel",
        "counselled": "counsel", "quarrelled": "quarrel", "marvelled": "marvel", "biased": "bias",
        "buzzed": "buzz", "fizzed": "fizz", "preceded": "precede", "ceded": "cede", "conceded": "concede",
        "receded": "recede", "seceded": "secede", "interceded": "intercede", "completed": "complete",
        "deleted": "delete", "competed": "compete", "depleted": "deplete", "secreted": "secrete",
        "interpreted": "interpret", "headed": "head", "loaded": "load", "waited": "wait",
        "listened": "listen", "threatened": "threaten", "widened": "widen", "strengthened": "strengthen",
        "shortened": "shorten", "awakened": "awaken", "fastened": "fasten", "frightened": "frighten",
    ]

    /// The base form of a past-tense verb, or nil when the word doesn't look like one.
    static func baseOfPast(_ w: String) -> String? {
        if let b = Lexicon.irregularPast[w] { return b }
        if let b = pastExceptions[w] { return b }
        guard w.count > 3, w.hasSuffix("ed"), !Lexicon.notVerbs.contains(w) else { return nil }
        let chars = Array(w)
        let stem = Array(chars.dropLast(2))
        let n = stem.count
        let last = stem[n - 1], prev = stem[n - 2]
        let prev2: Character = n >= 3 ? stem[n - 3] : " "
        func s(_ cs: [Character]) -> String { String(cs) }
        if w.hasSuffix("eed") { return nil }  // succeed, proceed: base forms
        if last == "i" { return s(stem.dropLast()) + "y" }  // carried
        if last == "e" { return s(stem) }  // rare: "agreed" handled above
        if last == prev && !isVowel(last) {
            if "sfz".contains(last) { return s(stem) }  // passed, staffed
            if last == "l" {
                let single = s(stem.dropLast())
                let doubleKeep: Set<String> = ["controll", "compell", "expell", "patroll", "propell", "rebell",
                                               "excell", "repell", "enroll", "install", "fulfill"]
                if doubleKeep.contains(s(stem)) {
                    return ["enroll", "install", "fulfill"].contains(s(stem)) ? s(stem) : single
                }
                return s(stem)  // called, filled, killed
            }
            return s(stem.dropLast())  // stepped, planned, occurred
        }
        let vowelPair = isVowel(prev) && isVowel(prev2)
        switch last {
        case "v", "z", "u": return s(stem) + "e"  // moved, organized, continued
        case "c": return s(stem) + "e"  // produced
        case "g": return s(stem) + "e"  // changed, managed (doubled handled above)
        case "s":
            if prev == "s" { return s(stem) }
            return s(stem) + "e"  // used, caused, collapsed
        case "y", "w", "x", "h":
            return s(stem)  // played, allowed, fixed, reached
        case "k":
            if isVowel(prev) && !vowelPair { return s(stem) + "e" }  // liked, invoked
            return s(stem)  // asked, looked
        case "t":
            if !isVowel(prev) { return s(stem) }  // started, listed
            if vowelPair { return s(stem) }  // treated, waited
            switch prev {
            case "a", "o", "u": return s(stem) + "e"  // located, voted, executed
            case "i": return s(stem)  // visited (exceptions above)
            default: return s(stem) + "e"  // completed
            }
        case "d":
            if !isVowel(prev) { return s(stem) }  // ended, founded
            if vowelPair { return s(stem) }  // needed, loaded
            return s(stem) + "e"  // decided, included, traded
        case "l":
            if !isVowel(prev) { return s(stem) + "e" }  // settled, handled
            if vowelPair { return s(stem) }  // sailed
            if prev == "e" { return s(stem) }  // canceled, modeled
            return s(stem) + "e"  // ruled, compiled
        case "r":
            if !isVowel(prev) { return s(stem) }  // (rare)
            if vowelPair { return s(stem) }  // appeared, cleared
            if prev == "e" { return s(stem) }  // entered
            return s(stem) + "e"  // declared, ignored, cured
        case "n":
            if !isVowel(prev) { return s(stem) }  // owned, governed? (rn)
            if vowelPair { return s(stem) }  // joined, mentioned
            if prev == "e" { return s(stem) }  // opened
            return s(stem) + "e"  // defined, combined
        case "m":
            if !isVowel(prev) { return s(stem) }  // formed
            if vowelPair { return s(stem) }  // claimed
            return s(stem) + "e"  // named, assumed
        case "b":
            if isVowel(prev) && !vowelPair { return s(stem) + "e" }  // described
            return s(stem)
        case "p":
            if !isVowel(prev) || vowelPair { return s(stem) }  // helped
            if prev == "o" { return s(stem) }  // developed
            return s(stem) + "e"  // shaped, wiped
        default:
            return s(stem)
        }
    }

    /// The base form of a third-person singular present verb ("accounts" -> "account").
    static func baseOfPresent(_ w: String) -> String? {
        switch w {
        case "has": return "have"
        case "does": return "do"
        case "is": return "be"
        case "goes": return "go"
        default: break
        }
        guard w.count > 3, w.hasSuffix("s"), !w.hasSuffix("ss"), !w.hasSuffix("us"), !w.hasSuffix("is"),
              !Lexicon.notVerbs.contains(w) else { return nil }
        if w.hasSuffix("ies") { return w.count <= 5 ? String(w.dropLast()) : String(w.dropLast(3)) + "y" }  // lies, dies, ties; carries
        for suf in ["ches", "shes", "sses", "xes", "zes", "oes"] where w.hasSuffix(suf) {
            return String(w.dropLast(2))
        }
        return String(w.dropLast())
    }

    static func isParticiple(_ w: String) -> Bool {
        Lexicon.irregularParticiples.contains(w) || (w.hasSuffix("ed") && w.count > 4 && !Lexicon.notVerbs.contains(w))
    }
}
