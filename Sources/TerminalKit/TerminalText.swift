import Foundation

/// Measuring and fitting text for the terminal: deck text is untrusted (it comes from
/// articles and hand-edited files), so it is cleaned of escape sequences before display.
public enum TerminalText {
    /// Deck text made safe: escape sequences and control characters removed, tabs and newlines as spaces.
    public static func clean(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var it = s.unicodeScalars.makeIterator()
        while let c = it.next() {
            if c == "\u{1B}" {
                guard let n = it.next() else { break }
                if n == "[" {
                    while let k = it.next(), !(0x40...0x7E).contains(k.value) {}
                } else if n == "]" || n == "P" || n == "_" || n == "^" {
                    var prev: Unicode.Scalar = " "
                    while let k = it.next() {
                        if k == "\u{07}" || (prev == "\u{1B}" && k == "\\") { break }
                        prev = k
                    }
                }
                continue
            }
            if c == "\t" || c == "\n" || c == "\r" {
                out.append(" ")
                continue
            }
            if c.value < 0x20 || (0x7F...0x9F).contains(c.value) { continue }
            if c.properties.generalCategory == .format && c.value != 0x200D { continue }
            out.append(c)
        }
        return String(out)
    }

    static func scalarWidth(_ c: Unicode.Scalar) -> Int {
        switch c.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        let v = c.value
        let wide =
            (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v) || (0x20000...0x3FFFD).contains(v)
        return wide ? 2 : 1
    }

    /// Display width in terminal columns (text without escape codes).
    public static func width(_ s: String) -> Int {
        var w = 0
        for c in s.unicodeScalars { w += scalarWidth(c) }
        return w
    }

    /// Cuts `s` to at most `limit` columns, ending in "…" when something was cut.
    public static func truncate(_ s: String, to limit: Int) -> String {
        guard limit > 0 else { return "" }
        if width(s) <= limit { return s }
        var out = String.UnicodeScalarView()
        var w = 0
        for c in s.unicodeScalars {
            let cw = scalarWidth(c)
            if w + cw > limit - 1 { break }
            out.append(c)
            w += cw
        }
        return String(out).trimmingCharacters(in: .whitespaces) + "…"
    }

    public static func padRight(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - width(s))) }
    public static func padLeft(_ s: String, _ n: Int) -> String { String(repeating: " ", count: max(0, n - width(s))) + s }

    /// Word-wraps `text` to `width` columns; continuation lines start with `indent`.
    public static func wrap(_ text: String, width limit: Int, first: String = "", indent: String = "") -> [String] {
        var lines: [String] = []
        var line = first
        var lineHasWord = false
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var w = String(word)
            let avail = limit - width(indent)
            if width(w) > avail { w = truncate(w, to: avail) }
            if !lineHasWord {
                if width(line) + width(w) > limit && !line.isEmpty {
                    lines.append(line)
                    line = indent
                }
                line += w
                lineHasWord = true
            } else if width(line) + 1 + width(w) <= limit {
                line += " " + w
            } else {
                lines.append(line)
                line = indent + w
            }
        }
        if lineHasWord || !line.isEmpty { lines.append(line) }
        return lines
    }

    /// Lays out `items` joined by " · ", breaking lines only between items (an item longer
    /// than a line is word-wrapped on its own lines).
    public static func wrapList(_ items: [String], width limit: Int, first: String = "", indent: String = "") -> [String] {
        var lines: [String] = []
        var line = first
        var hasItem = false
        for item in items where !item.isEmpty {
            if hasItem && width(line) + 3 + width(item) <= limit {
                line += " · " + item
                continue
            }
            if !hasItem && width(line) + width(item) <= limit {
                line += item
                hasItem = true
                continue
            }
            if hasItem || !line.isEmpty && line != indent {
                if hasItem { lines.append(line) }
                line = hasItem ? indent : line
            }
            if width(line) + width(item) <= limit {
                line += item
            } else {
                var parts = wrap(item, width: limit, first: line, indent: indent)
                line = parts.removeLast()
                lines += parts
            }
            hasItem = true
        }
        if hasItem || !line.isEmpty { lines.append(line) }
        return lines
    }

    /// Cleans, wraps and joins `text` for printing: continuation lines start with `indent`.
    public static func wrapped(_ text: String, width limit: Int, indent: String = "") -> String {
        wrap(clean(text), width: max(20, limit), indent: indent).joined(separator: "\n")
    }
}
