/// What an element's `class` and `id` say about it. Page templates name their parts
/// ("post-content", "sidebar", "comment-list", "wp-caption-text"), and these names are
/// the strongest hint of where an article sits. The word lists follow the ones reader
/// modes have converged on (Arc90 / Mozilla Readability); matching is by substring for
/// the candidate search (names are glued: "articleBody", "storycontent") and by whole
/// word for the furniture reasons (so "shared-header" is not "share").
enum ClassHints {
    /// Parts of a page that hold no article: removed before the search when nothing
    /// in the same name also says "content".
    static let unlikely: [String] = [
        "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap", "disqus", "extra",
        "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar",
        "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup",
        "yom-remote",
    ]
    static let maybeContent: [String] = ["and", "article", "body", "column", "content", "main", "mathjax", "shadow"]
    static let positive: [String] = [
        "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post", "text", "blog", "story",
    ]
    static let negative: [String] = [
        "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "foot", "footer", "footnote", "gdpr", "masthead",
        "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor",
        "shopping", "tags", "widget",
    ]
    static let byline: [String] = ["byline", "author", "dateline", "writtenby", "p-author"]
    /// ARIA roles of parts that are never the article.
    static let unlikelyRoles: Set<String> = ["menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"]

    // The lists as bytes: these tests run for every element of every page.
    private static let unlikelyBytes = unlikely.map { Array($0.utf8) }
    private static let maybeContentBytes = maybeContent.map { Array($0.utf8) }
    private static let positiveBytes = positive.map { Array($0.utf8) }
    private static let negativeBytes = negative.map { Array($0.utf8) }
    private static let bylineBytes = byline.map { Array($0.utf8) }

    /// ASCII-lower-cased bytes of a class/id value.
    private static func folded(_ s: String) -> [UInt8] { s.utf8.map(ByteText.lower) }

    static func containsAny(_ s: [UInt8], _ words: [[UInt8]]) -> Bool {
        words.contains { w in
            guard s.count >= w.count else { return false }
            var i = 0
            while i + w.count <= s.count {
                if s[i] == w[0] && s[i..<(i + w.count)].elementsEqual(w) { return true }
                i += 1
            }
            return false
        }
    }

    /// Is this a part of the page that holds no article (a menu, a comment thread, a footer)?
    static func isUnlikely(_ classAndID: String) -> Bool {
        guard !classAndID.isEmpty else { return false }
        let s = folded(classAndID)
        return containsAny(s, unlikelyBytes) && !containsAny(s, maybeContentBytes)
    }

    /// +25 for a name that says content, -25 for one that says furniture, per attribute.
    static func weight(className: String?, id: String?) -> Double {
        var w = 0.0
        for value in [className, id] {
            guard let value, !value.isEmpty else { continue }
            let v = folded(value)
            if containsAny(v, negativeBytes) || (containsAny(v, [Array("hid".utf8)]) && words(value).contains("hid")) { w -= 25 }
            if containsAny(v, positiveBytes) { w += 25 }
        }
        return w
    }

    static func isByline(_ classAndID: String) -> Bool {
        !classAndID.isEmpty && containsAny(folded(classAndID), bylineBytes)
    }

    /// Words of a class/id value: "wp-caption-text" -> wp, caption, text; "shareBar" -> share, bar.
    static func words(_ value: String) -> [String] {
        var out: [String] = []
        var cur = ""
        var previousLower = false
        for ch in value.unicodeScalars {
            let isAlnum = ch.properties.isAlphabetic || ch.properties.numericType != nil
            if !isAlnum {
                if !cur.isEmpty { out.append(cur.lowercased()); cur = "" }
                previousLower = false
                continue
            }
            if ch.properties.isUppercase && previousLower { out.append(cur.lowercased()); cur = "" }
            cur.unicodeScalars.append(ch)
            previousLower = ch.properties.isLowercase
        }
        if !cur.isEmpty { out.append(cur.lowercased()) }
        return out
    }

    /// Words in class/id names that mark page furniture inside an article, with the reason
    /// reported for `--verbose`.
    static let furnitureWords: [String: String] = {
        var t: [String: String] = [:]
        for w in ["caption", "captions", "figcaption", "credit", "credits", "courtesy", "attribution", "photographer"] { t[w] = "caption" }
        for w in ["byline", "bylines", "dateline", "timestamp", "pubdate", "author", "authors", "writtenby"] { t[w] = "byline" }
        for w in ["share", "sharing", "sharedaddy", "social", "addthis", "sharethis", "tweet", "twitter"] { t[w] = "share links" }
        for w in ["comment", "comments", "disqus", "respond", "replies"] { t[w] = "comments" }
        for w in ["related", "recommended", "recirculation", "readmore", "outbrain", "taboola", "trending", "popular"] { t[w] = "related links" }
        for w in ["cookie", "cookies", "consent", "gdpr"] { t[w] = "cookie notice" }
        for w in ["newsletter", "subscribe", "subscription", "signup", "paywall", "promo", "promotion"] { t[w] = "subscribe prompt" }
        for w in ["ad", "ads", "advert", "advertisement", "adsbygoogle", "sponsored", "dfp"] { t[w] = "advertisement" }
        for w in ["toc", "breadcrumb", "breadcrumbs", "pagination", "pager", "nav", "navbox", "navigation"] { t[w] = "navigation" }
        for w in ["srOnly", "sr", "screenreader", "visuallyhidden", "noprint", "mwEditsection", "editsection", "hatnote"] { t[w.lowercased()] = "page furniture" }
        for w in ["infobox", "sidebar", "metadata", "reflist", "references", "footnotes", "citation", "mbox", "ambox"] { t[w] = "page furniture" }
        return t
    }()

    /// Why an element inside the article is furniture, by its class/id words, or nil.
    static func furnitureReason(_ classAndID: String) -> String? {
        guard !classAndID.isEmpty else { return nil }
        let ws = words(classAndID)
        for w in ws { if let r = furnitureWords[w] { return r } }
        // "sr-only", "visually-hidden", "screen-reader-text": text for screen readers only.
        for (a, b) in zip(ws, ws.dropFirst()) {
            if (a == "sr" && b == "only") || (a == "visually" && b == "hidden") || (a == "screen" && b == "reader") { return "page furniture" }
            if (a == "read" && b == "more") || (a == "see" && b == "also") { return "related links" }
        }
        return nil
    }
}
