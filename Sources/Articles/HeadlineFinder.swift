/// Picks a page's headline: the one its publisher wrote into the metadata (JSON-LD,
/// OpenGraph, ...) before the `<title>`, with the site's name taken off ("Story | Site",
/// "Site - Story"), and never the site's name alone.
enum HeadlineFinder {
    static let separators = [" | ", " - ", " – ", " — ", " · ", " :: ", " » ", " › ", " • ", " ~ ", " / "]

    static func headline(_ meta: PageMetadata) -> String? {
        // A "site name" of many words is a page title put in the wrong field.
        let names = (meta.siteNames + meta.authors).filter { wordCount($0) <= 5 }.map(key).filter { !$0.isEmpty }
        for title in meta.metaTitles {
            let t = stripped(title, names: names, headings: meta.headings, fromDocumentTitle: false)
            if isHeadline(t, names: names) { return t }
        }
        if let title = meta.documentTitle {
            let t = stripped(title, names: names, headings: meta.headings, fromDocumentTitle: true)
            if isHeadline(t, names: names) { return t }
        }
        return meta.headings.first { isHeadline($0, names: names) }
    }

    private static func isHeadline(_ t: String, names: [String]) -> Bool {
        let k = key(t)
        return !k.isEmpty && !names.contains(k)
    }

    /// The title without the parts that name the site. A `<title>` says less about itself
    /// than metadata does, so there a part equal to a visible `<h1>` wins, and short tails
    /// ("| Code | Jane Doe") go when at least three words are left.
    static func stripped(_ title: String, names: [String], headings: [String], fromDocumentTitle: Bool) -> String {
        var parts = split(HTMLTree.collapsed(title))
        while parts.count > 1 {
            if isSiteName(parts[parts.count - 1], names: names) { parts.removeLast(); continue }
            if isSiteName(parts[0], names: names) { parts.removeFirst(); continue }
            break
        }
        if fromDocumentTitle && parts.count > 1 {
            let headingKeys = Set(headings.map(key))
            for k in (1..<parts.count).reversed() {
                let head = join(Array(parts[..<k])), tail = join(Array(parts[k...]))
                if headingKeys.contains(key(head)) { return head }
                if headingKeys.contains(key(tail)) { return tail }
            }
            while parts.count > 1, wordCount(parts[parts.count - 1].text) <= 3,
                  wordCount(join(Array(parts.dropLast()))) >= 3 {
                parts.removeLast()
            }
        }
        return join(parts)
    }

    private struct Part {
        var separator: String  // the separator before this part ("" for the first)
        var text: String
    }

    private static func split(_ title: String) -> [Part] {
        var parts: [Part] = []
        var rest = Substring(title)
        var separatorBefore = ""
        while true {
            var best: (Range<Substring.Index>, String)? = nil
            for s in separators {
                if let r = rest.range(of: s), best == nil || r.lowerBound < best!.0.lowerBound { best = (r, s) }
            }
            guard let (r, s) = best else { break }
            parts.append(Part(separator: separatorBefore, text: String(rest[..<r.lowerBound])))
            separatorBefore = s
            rest = rest[r.upperBound...]
        }
        parts.append(Part(separator: separatorBefore, text: String(rest)))
        return parts.filter { !$0.text.trimmingSpaces.isEmpty }
    }

    private static func join(_ parts: [Part]) -> String {
        var out = ""
        for (k, p) in parts.enumerated() { out += (k == 0 ? "" : p.separator) + p.text }
        return out.trimmingSpaces
    }

    /// A part that is the site's (or author's) name, or a bare domain ("TMZ.com").
    private static func isSiteName(_ part: Part, names: [String]) -> Bool {
        let p = key(part.text)
        guard !p.isEmpty else { return true }
        let t = part.text.trimmingSpaces
        if !t.contains(" "), let dot = t.lastIndex(of: "."), t.distance(from: dot, to: t.endIndex) >= 3,
           t[t.index(after: dot)...].allSatisfy(\.isLetter) {
            return true
        }
        guard wordCount(part.text) <= 6 else { return false }
        return names.contains { n in n == p || (p.count >= 4 && n.hasPrefix(p)) || (n.count >= 4 && p.hasPrefix(n)) }
    }

    /// Lower-case letters and digits only, without a leading "www" or a trailing top-level domain.
    static func key(_ s: String) -> String {
        var t = s.lowercased()
        for tld in [".com", ".org", ".net", ".co.uk", ".io"] where t.hasSuffix(tld) { t.removeLast(tld.count) }
        if t.hasPrefix("http://") { t.removeFirst(7) }
        if t.hasPrefix("https://") { t.removeFirst(8) }
        if t.hasPrefix("www.") { t.removeFirst(4) }
        return String(t.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.map(Character.init))
    }

    static func wordCount(_ s: String) -> Int { s.split(separator: " ").count }
}
