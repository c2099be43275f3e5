import JSONKit

/// What a page says about itself: its language, its headline in the metadata publishers
/// write for search engines and social networks (schema.org JSON-LD, OpenGraph, Twitter
/// cards, Dublin Core), the site's name, the `<title>` and the visible `<h1>`s.
struct PageMetadata: Sendable, Equatable {
    /// `<html lang>`, else `Content-Language`, else `og:locale` ("en-GB", "pt_BR").
    var language: String?
    /// The headline from JSON-LD (an Article-like type), then OpenGraph, Twitter, Dublin Core, `<meta name=title>`.
    var metaTitles: [String] = []
    var documentTitle: String?
    /// Names of the site or publisher, to strip from titles.
    var siteNames: [String] = []
    /// Author names (a title suffix sometimes), from metadata and removed bylines.
    var authors: [String] = []
    var headings: [String] = []

    /// schema.org types whose `headline` is an article's.
    static func isArticleType(_ type: String) -> Bool {
        let t = type.hasPrefix("http") ? String(type.split(separator: "/").last ?? "") : type
        return t.hasSuffix("Article") || t.hasSuffix("Posting") || t == "Report" || t == "APIReference"
    }

    init(language: String? = nil, metaTitles: [String] = [], documentTitle: String? = nil, siteNames: [String] = [], authors: [String] = [], headings: [String] = []) {
        self.language = language
        self.metaTitles = metaTitles
        self.documentTitle = documentTitle
        self.siteNames = siteNames
        self.authors = authors
        self.headings = headings
    }

    init(_ tree: HTMLTree) {
        var meta: [String: String] = [:]
        var jsonLDTitles: [(name: String?, headline: String?)] = []
        var contentLanguage: String?
        for i in tree.descendants(of: tree.root) {
            let node = tree.nodes[i]
            switch node.name {
            case "title":
                if documentTitle == nil { documentTitle = tree.innerText(i) }
            case "meta":
                let a = node.attributes
                guard let content = a["content"].map(HTMLTree.collapsed), !content.isEmpty else { continue }
                if a["http-equiv"]?.lowercased() == "content-language" { contentLanguage = content }
                for key in [a["property"], a["name"]].compactMap({ $0?.lowercased() }) {
                    // "property" may list several names: "og:title twitter:title".
                    for k in key.split(separator: " ") where meta[String(k)] == nil { meta[String(k)] = content }
                }
            case "script":
                let found = Self.jsonLD(node.text)
                jsonLDTitles += found.titles
                siteNames += found.publishers
                authors += found.authors
            case "h1":
                let text = tree.innerText(i)
                if !text.isEmpty && Self.isVisible(tree, i) { headings.append(text) }
            default:
                continue
            }
        }
        let lang = tree.attribute("lang", of: tree.root) ?? tree.attribute("xml:lang", of: tree.root)
        language = [lang, contentLanguage, meta["og:locale"]].compactMap { $0 }.first { !$0.isEmpty }
        // An object may carry both a "name" and a "headline" (Wikipedia's headline is its
        // short description): the one closer to the page's <title> is the article's.
        let fromJSONLD = jsonLDTitles.compactMap { pair -> String? in
            guard let name = pair.name, let headline = pair.headline, name != headline else { return pair.headline ?? pair.name }
            let doc = documentTitle ?? ""
            return MainContentFinder.similarity(doc, name) >= MainContentFinder.similarity(doc, headline) ? name : headline
        }
        metaTitles = fromJSONLD
            + ["og:title", "twitter:title", "dc.title", "dc:title", "dcterm:title", "title", "parsely-title", "sailthru.title"].compactMap { meta[$0] }
        metaTitles = metaTitles.map(Self.unescaped).filter { !$0.isEmpty }
        siteNames += ["og:site_name", "application-name", "apple-mobile-web-app-title", "twitter:site", "publisher"].compactMap { meta[$0] }
        siteNames = siteNames.map(Self.unescaped).filter { !$0.isEmpty }
        authors += ["author", "article:author", "dc.creator", "parsely-author", "sailthru.author"].compactMap { meta[$0] }
    }

    private static func isVisible(_ tree: HTMLTree, _ i: Int) -> Bool {
        var j = i
        while j >= 0 {
            let a = tree.nodes[j].attributes
            if a["hidden"] != nil || a["aria-hidden"] == "true" { return false }
            if let s = a["style"]?.lowercased().filter({ $0 != " " }), s.contains("display:none") { return false }
            j = tree.nodes[j].parent
        }
        return true
    }

    /// Headlines, publisher names and author names of the Article-like objects in a JSON-LD block.
    static func jsonLD(_ text: String) -> (titles: [(name: String?, headline: String?)], publishers: [String], authors: [String]) {
        // Some pages wrap the JSON in a CDATA section inside the script.
        var json = text.trimmingSpaces
        for (prefix, suffix) in [("<![CDATA[", "]]>"), ("<!--", "-->")] {
            var t = Substring(json).drop { $0.isWhitespace }
            if t.hasPrefix(prefix) {
                t = t.dropFirst(prefix.count)
                while t.last?.isWhitespace == true { t = t.dropLast() }
                if t.hasSuffix(suffix) { t = t.dropLast(suffix.count) }
                json = String(t)
            }
        }
        guard let value = try? JSONParser.parse(Array(json.utf8)) else { return ([], [], []) }
        var titles: [(name: String?, headline: String?)] = [], publishers: [String] = [], authors: [String] = []
        var stack = [value]
        var seen = 0
        while let v = stack.popLast(), seen < 2000 {
            seen += 1
            if let items = v.arrayValue { stack.append(contentsOf: items.reversed()); continue }
            guard v.objectValue != nil else { continue }
            if let graph = v["@graph"]?.arrayValue { stack.append(contentsOf: graph.reversed()) }
            let types = v["@type"].map { $0.arrayValue?.compactMap(\.stringValue) ?? [$0.stringValue].compactMap { $0 } } ?? []
            guard types.contains(where: isArticleType) else { continue }
            let name = v["name"]?.stringValue.map(HTMLTree.collapsed), headline = v["headline"]?.stringValue.map(HTMLTree.collapsed)
            if name != nil || headline != nil { titles.append((name, headline)) }
            if let p = v["publisher"]?["name"]?.stringValue { publishers.append(p) }
            for a in v["author"].map({ $0.arrayValue ?? [$0] }) ?? [] {
                if let n = a["name"]?.stringValue ?? a.stringValue { authors.append(n) }
            }
        }
        return (titles, publishers, authors)
    }

    /// Metadata is sometimes escaped twice ("&amp;#39;"): the common references are decoded.
    static func unescaped(_ s: String) -> String {
        guard s.contains("&") else { return s.trimmingSpaces }
        var out = ""
        var rest = Substring(s)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            rest = rest[amp...]
            guard let semi = rest.prefix(10).firstIndex(of: ";") else { out += "&"; rest = rest.dropFirst(); continue }
            let name = rest[rest.index(after: rest.startIndex)..<semi]
            var decoded: String? = nil
            switch name {
            case "amp": decoded = "&"
            case "lt": decoded = "<"
            case "gt": decoded = ">"
            case "quot": decoded = "\""
            case "apos": decoded = "'"
            case "nbsp": decoded = " "
            default:
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
                } else if name.hasPrefix("#") {
                    decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
                }
            }
            if let decoded {
                out += decoded
                rest = rest[rest.index(after: semi)...]
            } else {
                out += "&"
                rest = rest.dropFirst()
            }
        }
        out += rest
        return HTMLTree.collapsed(out)
    }
}
