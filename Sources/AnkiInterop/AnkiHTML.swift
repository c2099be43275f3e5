import Foundation
import Hashing

/// Anki fields are HTML: escaping factdeck's plain text going out, turning fields back into
/// plain text coming in.
enum AnkiHTML {
    /// Plain text as HTML text: `&`, `<`, `>`, `"` escaped; newlines as `<br>`.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n", "\r\n": out += "<br>"
            default:
                // Anki drops ASCII control characters other than tab and newline on import.
                if let a = ch.asciiValue, a < 0x20, a != 0x09 { continue }
                out.append(ch)
            }
        }
        return out
    }

    /// What Anki's sort field and checksum see: tags removed (image names kept), entities decoded.
    static func sortText(_ html: String) -> String {
        var s = replacing(html, Patterns.image, with: " $1 ")
        s = replacing(s, Patterns.tag, with: "")
        return decodeEntities(s).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Anki's note checksum: the first 4 bytes of SHA-1 of the stripped first field, big-endian.
    static func checksum(_ firstField: String) -> Int64 {
        let d = ContentHash.sha1(sortText(firstField))
        return Int64(UInt32(d[0]) << 24 | UInt32(d[1]) << 16 | UInt32(d[2]) << 8 | UInt32(d[3]))
    }

    /// A field as one line of plain text: line breaks and blocks become spaces, media
    /// references and scripts vanish, entities are decoded, runs of space collapse.
    static func plainText(_ html: String) -> String {
        var s = html
        s = replacing(s, Patterns.scriptOrStyle, with: " ")
        s = replacing(s, Patterns.sound, with: " ")
        s = replacing(s, Patterns.lineBreak, with: " ")
        s = replacing(s, Patterns.tag, with: "")
        s = decodeEntities(s)
        s = s.replacingOccurrences(of: "\u{A0}", with: " ")
        s = replacing(s, Patterns.space, with: " ")
        return s.trimmingCharacters(in: .whitespaces)
    }

    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "ndash": "–", "mdash": "—", "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“",
        "rdquo": "”", "laquo": "«", "raquo": "»", "deg": "°", "times": "×", "divide": "÷",
        "minus": "−", "plusmn": "±", "middot": "·", "bull": "•", "copy": "©", "reg": "®",
        "euro": "€", "pound": "£", "yen": "¥", "cent": "¢", "sect": "§", "para": "¶",
        "frac12": "½", "frac14": "¼", "frac34": "¾", "sup2": "²", "sup3": "³", "micro": "µ",
        "larr": "←", "rarr": "→", "uarr": "↑", "darr": "↓", "harr": "↔", "shy": "",
    ]

    /// Decodes `&name;`, `&#NN;` and `&#xHH;`; unknown entities stay as they are.
    static func decodeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = ""
        var i = s.startIndex
        while i < s.endIndex {
            let ch = s[i]
            guard ch == "&", let semi = s[i...].prefix(12).firstIndex(of: ";") else {
                out.append(ch)
                i = s.index(after: i)
                continue
            }
            let body = s[s.index(after: i)..<semi]
            var decoded: String?
            if body.hasPrefix("#x") || body.hasPrefix("#X") {
                if let n = UInt32(body.dropFirst(2), radix: 16), let u = Unicode.Scalar(n) { decoded = String(Character(u)) }
            } else if body.hasPrefix("#") {
                if let n = UInt32(body.dropFirst()), let u = Unicode.Scalar(n) { decoded = String(Character(u)) }
            } else {
                decoded = named[String(body)]
            }
            if let decoded {
                out += decoded
                i = s.index(after: semi)
            } else {
                out.append(ch)
                i = s.index(after: i)
            }
        }
        return out
    }

    /// The expressions, compiled once: compiling them for every field was most of the time an
    /// import of a text file took (found by profiling its fuzz target, 120 inputs a second).
    private enum Patterns {
        static let image = compile(#"<img[^>]*src=["']?([^"'>]+)["']?[^>]*>"#)
        static let tag = compile("<[^>]*>")
        static let scriptOrStyle = compile(#"(?is)<(script|style)\b.*?</\1\s*>"#)
        static let sound = compile(#"\[sound:[^\]]*\]"#)
        static let lineBreak = compile(#"(?i)<br\s*/?>|</?(div|p|li|ul|ol|tr|h[1-6])\b[^>]*>"#)
        static let space = compile(#"\s+"#)

        /// The patterns are literals above, checked by the tests: one that does not compile is a bug here.
        private static func compile(_ pattern: String) -> NSRegularExpression {
            do { return try NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) } catch {
                preconditionFailure("AnkiHTML pattern \(pattern): \(error)")
            }
        }
    }

    private static func replacing(_ s: String, _ re: NSRegularExpression, with template: String) -> String {
        re.stringByReplacingMatches(in: s, range: NSRange(s.startIndex..., in: s), withTemplate: template)
    }
}
