/// A block of text found by a format parser, before cleaning and boilerplate checks.
struct RawBlock {
    enum Kind: Equatable {
        case heading(Int)  // level 1-6
        case paragraph
        case listItem
    }
    var kind: Kind
    var bytes: [UInt8]
    /// Set when the parser already knows the block is not article text (code, table, nav, ...).
    var dropReason: String? = nil
}

/// A tolerant, single-pass HTML reader: enough structure to find the title, headings,
/// paragraphs and list items, and to skip scripts, styles and page furniture.
enum HTMLParser {
    /// Elements whose content is never article text.
    static let skippedElements: [String: String] = [
        "script": "script", "style": "style", "noscript": "script", "template": "script",
        "nav": "navigation", "footer": "footer", "aside": "aside", "form": "form",
        "button": "form", "select": "form", "textarea": "form", "label": "form",
        "svg": "image", "canvas": "image", "iframe": "embedded frame", "object": "embedded frame",
        "embed": "embedded frame", "video": "media", "audio": "media", "map": "image",
        "menu": "navigation", "dialog": "dialog", "figcaption": "caption", "pre": "code block",
        "math": "formula",
    ]
    /// Elements whose content is raw text (no tags inside).
    static let rawTextElements: Set<String> = ["script", "style", "textarea", "xmp", "noscript", "template"]

    /// class/id tokens that mark page furniture.
    static let furnitureTokens: [String: String] = {
        var t: [String: String] = [:]
        for w in ["nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "skip", "toc", "pagination", "pager"] { t[w] = "navigation" }
        for w in ["footer", "sidebar", "widget", "widgets"] { t[w] = "page furniture" }
        for w in ["share", "sharing", "social", "sharedaddy", "addthis", "sharethis"] { t[w] = "share links" }
        for w in ["comment", "comments", "respond", "disqus"] { t[w] = "comments" }
        for w in ["related", "recommended", "recirculation", "popular", "trending"] { t[w] = "related links" }
        for w in ["cookie", "cookies", "consent", "gdpr"] { t[w] = "cookie banner" }
        for w in ["newsletter", "subscribe", "subscription", "signup", "paywall"] { t[w] = "subscribe prompt" }
        for w in ["advert", "advertisement", "ad", "ads", "adsbygoogle", "promo", "sponsored", "popup", "modal"] { t[w] = "advertisement" }
        for w in ["byline", "author", "bio", "authorbio", "author-bio", "about-author"] { t[w] = "author bio" }
        for w in ["hidden", "noprint", "mw-editsection", "reference", "references", "reflist", "navbox", "metadata", "infobox", "caption", "wp-caption-text"] { t[w] = "page furniture" }
        return t
    }()

    static let roleReasons: [String: String] = [
        "navigation": "navigation", "banner": "page furniture", "contentinfo": "footer",
        "complementary": "aside", "search": "navigation", "dialog": "dialog", "alertdialog": "dialog",
    ]

    static let blockElements: Set<String> = [
        "p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
        "blockquote", "table", "tr", "td", "th", "thead", "tbody", "tfoot", "caption", "hr", "header", "figure",
        "address", "details", "summary", "center", "fieldset", "body", "html", "title", "hgroup", "br",
    ]
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ]

    struct Result {
        var title: String?
        var firstH1: String?
        var blocks: [RawBlock]
    }

    private struct Tag {
        var name: String
        var isEnd: Bool
        var selfClosing: Bool
        var skipReason: String?
        var end: Int  // index after '>'
    }

    static func parse(_ b: [UInt8]) -> Result {
        var result = Result(title: nil, firstH1: nil, blocks: [])
        var buffer: [UInt8] = []
        var bufferKind: RawBlock.Kind = .paragraph
        var skipName: String? = nil
        var skipDepth = 0
        var skipReason = ""
        var skipped: [UInt8] = []
        var i = 0
        let n = b.count

        func flush() {
            let hasText = buffer.contains { !ByteText.isASCIISpace($0) }
            if hasText {
                result.blocks.append(RawBlock(kind: bufferKind, bytes: buffer))
                if case .heading(1) = bufferKind, result.firstH1 == nil {
                    result.firstH1 = ByteText.string(ByteText.collapseSpaces(buffer))
                }
            }
            buffer.removeAll(keepingCapacity: true)
            bufferKind = .paragraph
        }
        func endSkip() {
            let text = ByteText.collapseSpaces(skipped)
            if ByteText.hasLetter(text) {
                result.blocks.append(RawBlock(kind: .paragraph, bytes: Array(text.prefix(400)), dropReason: skipReason))
            }
            skipped.removeAll(keepingCapacity: true)
            skipName = nil
            skipDepth = 0
        }

        while i < n {
            let c = b[i]
            if c == 0x3C {  // '<'
                // Comments, doctype, processing instructions, CDATA.
                if i + 1 < n && (b[i + 1] == 0x21 || b[i + 1] == 0x3F) {
                    if i + 3 < n && b[i + 2] == 0x2D && b[i + 3] == 0x2D {
                        i = find(b, "-->", from: i + 4).map { $0 + 3 } ?? n
                    } else if matchesCI(b, i + 2, "[CDATA[") {
                        let end = find(b, "]]>", from: i + 9) ?? n
                        if skipName == nil { buffer.append(contentsOf: b[(i + 9)..<end]) }
                        i = min(n, end + 3)
                    } else {
                        i = (b[i...].firstIndex(of: 0x3E) ?? (n - 1)) + 1
                    }
                    continue
                }
                guard let tag = readTag(b, i) else {
                    if skipName == nil { buffer.append(c) } else if skipped.count < 400 { skipped.append(c) }
                    i += 1
                    continue
                }
                i = tag.end
                // Inside a skipped element: only track nesting.
                if let s = skipName {
                    if tag.name == s {
                        if tag.isEnd { skipDepth -= 1; if skipDepth == 0 { endSkip() } }
                        else if !tag.selfClosing && !voidElements.contains(tag.name) {
                            if s == "p" || s == "li" { endSkip() } else { skipDepth += 1 }
                        }
                    } else if !tag.isEnd && (s == "p" || s == "li") && (tag.name == "div" || tag.name.first == "h" && tag.name.count == 2 || tag.name == "section") {
                        endSkip()  // implicitly closed
                    } else if blockElements.contains(tag.name) && skipped.last != 0x20 {
                        skipped.append(0x20)
                    }
                    if skipName != nil { continue }
                    if tag.isEnd { continue }
                }
                if tag.isEnd {
                    if blockElements.contains(tag.name) { flush() }
                    continue
                }
                // Start tags.
                if tag.name == "title" {
                    let end = findCI(b, "</title", from: i) ?? n
                    if result.title == nil {
                        result.title = ByteText.string(ByteText.collapseSpaces(HTMLEntities.decodeAll(Array(b[i..<end]))))
                    }
                    i = (b[end...].firstIndex(of: 0x3E) ?? (n - 1)) + 1
                    continue
                }
                if let reason = tag.skipReason ?? skippedElements[tag.name] {
                    if blockElements.contains(tag.name) || skippedElements[tag.name] != nil { flush() }
                    if rawTextElements.contains(tag.name) {
                        let end = findCI(b, "</" + tag.name, from: i) ?? n
                        i = end < n ? (b[end...].firstIndex(of: 0x3E) ?? (n - 1)) + 1 : n
                        continue
                    }
                    if tag.selfClosing || voidElements.contains(tag.name) { continue }
                    skipName = tag.name
                    skipDepth = 1
                    skipReason = reason
                    continue
                }
                if tag.name == "br" || tag.name == "wbr" {
                    if tag.name == "br" { buffer.append(0x20) }
                    continue
                }
                if tag.name == "img" { continue }
                if blockElements.contains(tag.name) {
                    flush()
                    if tag.name.count == 2, tag.name.first == "h", let level = Int(String(tag.name.last!)) {
                        bufferKind = .heading(level)
                    } else if tag.name == "li" || tag.name == "dd" || tag.name == "dt" {
                        bufferKind = .listItem
                    }
                } else if tag.name == "td" || tag.name == "th" {
                    buffer.append(0x20)
                }
                continue
            }
            if c == 0x26 {  // '&'
                if skipName == nil {
                    if let next = HTMLEntities.decode(b, at: i, into: &buffer) { i = next; continue }
                } else if let next = HTMLEntities.decode(b, at: i, into: &skipped) {
                    if skipped.count > 400 { skipped.removeLast(skipped.count - 400) }
                    i = next; continue
                }
            }
            if skipName == nil { buffer.append(c) } else if skipped.count < 400 { skipped.append(c) }
            i += 1
        }
        if skipName != nil { endSkip() }
        flush()
        return result
    }

    /// Strips tags and decodes references in a run of inline text (used for HTML inside Markdown).
    static func inlineText(_ b: [UInt8]) -> [UInt8] {
        if !b.contains(0x3C) && !b.contains(0x26) { return b }
        let r = parse(b)
        var out: [UInt8] = []
        for block in r.blocks where block.dropReason == nil {
            if !out.isEmpty { out.append(0x20) }
            out.append(contentsOf: block.bytes)
        }
        return out
    }

    // MARK: - Tags

    private static func readTag(_ b: [UInt8], _ start: Int) -> Tag? {
        let n = b.count
        var i = start + 1
        var isEnd = false
        if i < n && b[i] == 0x2F { isEnd = true; i += 1 }
        guard i < n, ByteText.isASCIILetter(b[i]) else { return nil }
        let nameStart = i
        while i < n && (ByteText.isASCIILetter(b[i]) || ByteText.isDigit(b[i]) || b[i] == 0x2D || b[i] == 0x3A) { i += 1 }
        let name = String(decoding: b[nameStart..<i].map(ByteText.lower), as: UTF8.self)
        var skipReason: String? = nil
        var selfClosing = false
        // Attributes.
        let limit = min(n, start + 16_384)
        while i < limit {
            let c = b[i]
            if c == 0x3E { i += 1; return Tag(name: name, isEnd: isEnd, selfClosing: selfClosing, skipReason: isEnd ? nil : skipReason, end: i) }
            if c == 0x2F { selfClosing = true; i += 1; continue }
            if ByteText.isASCIISpace(c) { i += 1; continue }
            selfClosing = false
            let attrStart = i
            while i < limit && !ByteText.isASCIISpace(b[i]) && b[i] != 0x3D && b[i] != 0x3E && b[i] != 0x2F { i += 1 }
            let attr = String(decoding: b[attrStart..<i].map(ByteText.lower), as: UTF8.self)
            while i < limit && ByteText.isASCIISpace(b[i]) { i += 1 }
            var value: [UInt8] = []
            if i < limit && b[i] == 0x3D {
                i += 1
                while i < limit && ByteText.isASCIISpace(b[i]) { i += 1 }
                if i < limit && (b[i] == 0x22 || b[i] == 0x27) {
                    let q = b[i]
                    let vs = i + 1
                    i = vs
                    while i < limit && b[i] != q { i += 1 }
                    value = Array(b[vs..<min(i, limit)])
                    i += 1
                } else {
                    let vs = i
                    while i < limit && !ByteText.isASCIISpace(b[i]) && b[i] != 0x3E { i += 1 }
                    value = Array(b[vs..<i])
                }
            }
            if attr.isEmpty { i += 1; continue }
            if !isEnd && skipReason == nil {
                skipReason = furnitureReason(attr: attr, value: value)
            }
        }
        return nil
    }

    private static func furnitureReason(attr: String, value: [UInt8]) -> String? {
        switch attr {
        case "class", "id":
            var token: [UInt8] = []
            for c in value + [0x20] {
                if ByteText.isASCIILetter(c) || ByteText.isDigit(c) {
                    token.append(ByteText.lower(c))
                } else {
                    if !token.isEmpty, let r = furnitureTokens[String(decoding: token, as: UTF8.self)] { return r }
                    token.removeAll(keepingCapacity: true)
                }
            }
            return nil
        case "role":
            return roleReasons[String(decoding: value.map(ByteText.lower), as: UTF8.self)]
        case "hidden":
            return "hidden"
        case "aria-hidden":
            return ByteText.folded(value) == Array("true".utf8) ? "hidden" : nil
        case "style":
            let v = ByteText.folded(value).filter { $0 != 0x20 }
            return ByteText.contains(v, "display:none") || ByteText.contains(v, "visibility:hidden") ? "hidden" : nil
        default:
            return nil
        }
    }

    static func find(_ b: [UInt8], _ needle: String, from: Int) -> Int? {
        let u = Array(needle.utf8)
        var i = from
        while i + u.count <= b.count {
            if b[i] == u[0] && b[i..<(i + u.count)].elementsEqual(u) { return i }
            i += 1
        }
        return nil
    }

    static func findCI(_ b: [UInt8], _ needle: String, from: Int) -> Int? {
        let u = Array(needle.utf8)
        var i = from
        while i + u.count <= b.count {
            if b[i] == u[0] && matchesCI(b, i, needle) { return i }
            i += 1
        }
        return nil
    }

    static func matchesCI(_ b: [UInt8], _ at: Int, _ s: String) -> Bool {
        var i = at
        for u in s.utf8 {
            guard i < b.count, ByteText.lower(b[i]) == ByteText.lower(u) else { return false }
            i += 1
        }
        return true
    }
}
