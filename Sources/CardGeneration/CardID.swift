import Hashing

/// Content-derived card ids: the same fact keeps its id when a deck is regenerated.
public enum CardID {
    /// The exact text hashed for a card: normalised sentence, normalised answer and card type,
    /// joined by "|". Pinned by a test: changing it orphans every learner's progress.
    public static func hashInput(sentence: String, answer: String, type: String) -> String {
        normalize(sentence) + "|" + normalize(answer) + "|" + type
    }

    /// "c-" + the first 12 hex digits of SHA-256 of `hashInput`.
    public static func make(sentence: String, answer: String, type: String) -> String {
        "c-" + String(ContentHash.sha256Hex(hashInput(sentence: sentence, answer: answer, type: type)).prefix(12))
    }

    /// Lower case, letters and digits only, single spaces: survives typography and spacing edits.
    public static func normalize(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 }) {
            var out: [UInt8] = []
            out.reserveCapacity(s.utf8.count)
            var pending = false
            for var b in s.utf8 {
                if b >= 0x41 && b <= 0x5A { b += 0x20 }
                if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                    if pending && !out.isEmpty { out.append(0x20) }
                    pending = false
                    out.append(b)
                } else {
                    pending = true
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        var out = ""
        var pendingSpace = false
        for ch in s.lowercased().unicodeScalars {
            if ch.value < 0x80 {
                let v = ch.value
                if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) {
                    if pendingSpace && !out.isEmpty { out += " " }
                    pendingSpace = false
                    out.unicodeScalars.append(ch)
                } else {
                    pendingSpace = true
                }
                continue
            }
            if ch.properties.isAlphabetic || ("0"..."9").contains(ch) {
                if pendingSpace && !out.isEmpty { out += " " }
                pendingSpace = false
                out.unicodeScalars.append(ch)
            } else {
                pendingSpace = true
            }
        }
        return out
    }
}
