/// Which language a text is in, from its script and its commonest short words: every
/// language has a few dozen function words ("the, of, and"; "le, de, et"; "der, und, ist")
/// that make up a third or more of any running text, and they barely overlap. Enough to
/// tell English from the languages a student is likely to paste, with no model to ship.
struct LanguageGuess: Sendable, Equatable {
    /// BCP 47 primary language ("en", "fr", "ja"), or nil when the text gives no clear answer.
    var code: String?
    /// Share of the text's words that are English function words.
    var englishShare: Double
    /// Words looked at.
    var words: Int

    /// Fewer words than this and the text alone does not decide.
    static let minimumWords = 20

    static let names: [String: String] = [
        "en": "English", "fr": "French", "de": "German", "es": "Spanish", "pt": "Portuguese", "it": "Italian", "nl": "Dutch",
        "sv": "Swedish", "da": "Danish", "no": "Norwegian", "nb": "Norwegian", "nn": "Norwegian", "pl": "Polish", "tr": "Turkish",
        "id": "Indonesian", "ms": "Malay", "ja": "Japanese", "zh": "Chinese", "ko": "Korean", "ru": "Russian", "uk": "Ukrainian",
        "bg": "Bulgarian", "sr": "Serbian", "el": "Greek", "ar": "Arabic", "fa": "Persian", "he": "Hebrew", "hi": "Hindi",
        "th": "Thai", "cs": "Czech", "sk": "Slovak", "hu": "Hungarian", "fi": "Finnish", "ro": "Romanian", "ca": "Catalan",
        "vi": "Vietnamese", "hr": "Croatian",
    ]

    static let profiles: [String: Set<String>] = [
        "en": ["the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "was", "on", "with", "as", "by", "he", "be",
               "at", "are", "this", "from", "or", "his", "an", "have", "not", "they", "which", "but", "had", "has", "were",
               "been", "their", "its", "she", "her", "we", "you", "will", "would", "there", "can", "all", "more", "who",
               "when", "what", "also", "into", "than", "one", "about", "after", "out", "if", "so", "up", "do", "these",
               "other", "some", "them", "how", "most", "may", "could", "i", "my", "our", "your"],
        "fr": ["le", "la", "les", "de", "des", "du", "un", "une", "et", "est", "en", "que", "qui", "dans", "pour", "pas",
               "sur", "au", "aux", "il", "elle", "ne", "se", "ce", "avec", "plus", "par", "son", "sa", "ses", "sont", "été",
               "être", "mais", "ou", "nous", "vous", "ils", "leur", "cette", "comme", "y", "était", "tout", "fait", "l", "d",
               "qu", "c", "j", "n", "à", "où", "très", "aussi", "deux", "ont"],
        "de": ["der", "die", "das", "und", "ist", "nicht", "ein", "eine", "zu", "den", "dem", "des", "mit", "von", "auf",
               "für", "sich", "im", "auch", "es", "wird", "werden", "hat", "sind", "wie", "bei", "oder", "nach", "aus",
               "noch", "um", "nur", "wenn", "aber", "kann", "er", "sie", "wir", "ich", "war", "vor", "über", "zum", "zur",
               "einen", "einem", "einer", "dass", "durch", "ab", "mehr", "diese", "wurde", "können"],
        "es": ["el", "la", "los", "las", "de", "del", "y", "en", "que", "un", "una", "es", "se", "no", "por", "con", "para",
               "su", "sus", "al", "lo", "como", "más", "pero", "fue", "ha", "son", "está", "sobre", "este", "esta", "entre",
               "cuando", "también", "ya", "muy", "sin", "hay", "desde", "porque", "o", "le", "les", "todo", "dos", "era",
               "hasta", "donde", "han"],
        "pt": ["o", "a", "os", "as", "de", "do", "da", "dos", "das", "e", "em", "no", "na", "nos", "nas", "que", "um",
               "uma", "é", "para", "com", "não", "por", "se", "ao", "mais", "como", "mas", "foi", "ser", "seu", "sua", "pelo",
               "pela", "ele", "ela", "também", "já", "entre", "quando", "muito", "sobre", "são", "está", "isso", "às", "até",
               "há", "nem"],
        "it": ["il", "lo", "la", "i", "gli", "le", "di", "del", "della", "dei", "e", "è", "un", "una", "che", "in", "per",
               "non", "con", "si", "da", "al", "alla", "sono", "come", "più", "ma", "anche", "questo", "questa", "su", "nel",
               "nella", "ha", "era", "essere", "ci", "se", "delle", "degli", "stato", "tra", "ancora"],
        "nl": ["de", "het", "een", "en", "van", "is", "dat", "op", "te", "in", "niet", "zijn", "met", "voor", "die", "er",
               "aan", "ook", "als", "bij", "door", "om", "maar", "wordt", "naar", "dan", "nog", "werd", "kan", "hij", "zij",
               "wij", "ik", "heeft", "deze", "dit", "uit", "tot", "worden", "hebben", "geen"],
        "sv": ["och", "att", "det", "som", "en", "på", "är", "av", "för", "med", "till", "den", "har", "de", "inte", "om",
               "ett", "han", "men", "var", "jag", "sig", "från", "vi", "så", "kan", "när", "efter", "hade", "eller", "också",
               "detta", "sin", "man", "vid"],
        "da": ["og", "i", "at", "det", "er", "en", "på", "til", "som", "de", "med", "for", "af", "ikke", "den", "har",
               "et", "han", "men", "var", "jeg", "om", "fra", "kan", "også", "eller", "efter", "blev", "av", "ble", "etter",
               "vil", "skal", "hun", "sig", "seg"],
        "pl": ["i", "w", "na", "z", "się", "nie", "do", "to", "że", "jest", "o", "jak", "a", "co", "po", "od", "za", "przez",
               "tak", "ale", "są", "dla", "czy", "jego", "już", "może", "był", "była", "tym", "także", "oraz", "jako"],
        "tr": ["ve", "bir", "bu", "da", "de", "için", "ile", "çok", "daha", "olarak", "gibi", "ama", "en", "olan", "kadar",
               "sonra", "var", "ne", "mi", "her", "ise", "değil", "olduğu", "ancak"],
        "id": ["yang", "dan", "di", "ini", "itu", "dengan", "untuk", "dari", "dalam", "tidak", "akan", "pada", "adalah",
               "ke", "juga", "oleh", "ada", "atau", "karena", "sudah", "bisa", "mereka", "saat"],
    ]

    /// Guesses the language of `text` (only its first 20,000 words are read).
    static func of(_ text: String) -> LanguageGuess {
        var latin = 0, other = 0
        var scripts: [String: Int] = [:]
        var counts: [String: Int] = [:]
        var words = 0
        var word = ""
        func endWord() {
            guard !word.isEmpty else { return }
            words += 1
            for (lang, set) in profiles where set.contains(word) { counts[lang, default: 0] += 1 }
            word = ""
        }
        for ch in text.unicodeScalars {
            if words >= 20_000 { break }
            let v = ch.value
            if ch.properties.isAlphabetic {
                if v < 0x0250 || (v >= 0x1E00 && v <= 0x1EFF) {
                    latin += 1
                    word.unicodeScalars.append(contentsOf: ch.properties.lowercaseMapping.unicodeScalars)
                } else {
                    other += 1
                    if let s = script(v) { scripts[s, default: 0] += 1 }
                    endWord()
                }
            } else {
                endWord()
            }
        }
        endWord()
        let english = Double(counts["en"] ?? 0) / Double(max(words, 1))
        // Mostly another script: the script names the language.
        if other > latin, let (s, _) = scripts.max(by: { $0.value < $1.value }) {
            return LanguageGuess(code: s == "ja" || scripts["ja", default: 0] * 10 > other ? "ja" : s, englishShare: english, words: words + other / 2)
        }
        guard words >= minimumWords else { return LanguageGuess(code: nil, englishShare: english, words: words) }
        let best = counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }
        // Running text in any of these languages is a third or more function words; a
        // tenth or less is a list of names, code, or a language not profiled here.
        guard let best, Double(best.value) / Double(words) >= 0.15 else { return LanguageGuess(code: nil, englishShare: english, words: words) }
        // English wins ties: its words ("a", "in", "on") turn up in quotes and names everywhere.
        if let en = counts["en"], en >= best.value { return LanguageGuess(code: "en", englishShare: english, words: words) }
        return LanguageGuess(code: best.key, englishShare: english, words: words)
    }

    /// The language a non-Latin letter's script most likely means.
    private static func script(_ v: UInt32) -> String? {
        switch v {
        case 0x3040...0x30FF, 0x31F0...0x31FF: return "ja"  // kana
        case 0x4E00...0x9FFF, 0x3400...0x4DBF: return "zh"
        case 0xAC00...0xD7AF, 0x1100...0x11FF: return "ko"
        case 0x0400...0x04FF: return "ru"
        case 0x0370...0x03FF: return "el"
        case 0x0590...0x05FF: return "he"
        case 0x0600...0x06FF: return "ar"
        case 0x0900...0x097F: return "hi"
        case 0x0E00...0x0E7F: return "th"
        default: return nil
        }
    }

    static func name(_ code: String) -> String? {
        names[String(code.lowercased().prefix { $0.isLetter })]
    }
}
