/// Rules that recognise page furniture in article text. They look at the shape of a line
/// (short, a known phrase, a known prefix) rather than at any particular article.
public enum Boilerplate {
    /// Whole lines (case-insensitive, surrounding punctuation ignored) that are never article text.
    static let exactLines: [String: String] = {
        var t: [String: String] = [:]
        for s in ["leave a comment", "leave a reply", "post a comment", "add a comment", "add comment", "comments", "no comments",
                  "cancel reply", "reply", "write a comment", "join the discussion", "join the conversation", "show comments",
                  "view comments", "comment", "responses", "leave a comment cancel reply", "leave a reply cancel reply"] { t[s] = "comment prompt" }
        for s in ["share", "share this", "share this article", "share this post", "share this story", "share this page", "share on",
                  "tweet", "print", "email", "share via email", "pin it", "save", "copy link", "like this", "like", "loading",
                  "share article", "share story", "share post", "click to share"] { t[s] = "share links" }
        for s in ["menu", "search", "home", "skip to content", "skip to main content", "skip to navigation", "back to top",
                  "read more", "continue reading", "load more", "show more", "see more", "view all", "next", "previous", "prev",
                  "next post", "previous post", "next article", "previous article", "next story", "previous story",
                  "main menu", "toggle navigation", "open menu", "close menu", "close", "navigation", "breadcrumb",
                  "table of contents", "contents", "jump to", "go to top", "top", "older posts", "newer posts"] { t[s] = "navigation" }
        for s in ["related", "related posts", "related articles", "related stories", "related content", "related reading",
                  "you may also like", "you might also like", "you may also be interested in", "recommended", "recommended for you",
                  "recommended reading", "more stories", "more articles", "more from this author", "popular posts", "recent posts",
                  "popular articles", "most popular", "most read", "trending", "trending now", "further reading", "see also",
                  "also read", "read next", "up next", "what to read next", "more on this topic", "in this series"] { t[s] = "related links" }
        for s in ["subscribe", "subscribe now", "sign up", "log in", "login", "sign in", "register", "newsletter",
                  "join our newsletter", "follow us", "get the newsletter", "subscribe to our newsletter"] { t[s] = "subscribe prompt" }
        for s in ["advertisement", "advertisements", "sponsored", "sponsored content", "ad", "ads", "promoted", "paid content",
                  "story continues below advertisement", "article continues below advertisement", "continue reading below"] { t[s] = "advertisement" }
        for s in ["accept", "accept all", "accept cookies", "got it", "i agree", "reject all", "manage cookies", "cookie settings",
                  "privacy policy", "cookie policy", "terms of service", "terms of use", "terms and conditions", "privacy",
                  "about us", "contact us", "contact", "sitemap", "careers", "faq"] { t[s] = "site links" }
        for s in ["tags", "categories", "category", "filed under", "topics"] { t[s] = "tags" }
        for s in ["about the author", "about the authors", "author bio", "about me", "author", "authors"] { t[s] = "author bio" }
        return t
    }()

    /// Line prefixes (after folding) with the most words a matching line may have.
    static let prefixes: [(String, Int, String)] = [
        ("share on ", 8, "share links"), ("share this ", 8, "share links"), ("share via ", 8, "share links"),
        ("click to share", 12, "share links"), ("click to email", 12, "share links"), ("click to print", 12, "share links"),
        ("tweet this", 8, "share links"), ("pin this", 8, "share links"),
        ("follow us", 14, "subscribe prompt"), ("follow me on", 12, "subscribe prompt"), ("like us on", 10, "subscribe prompt"),
        ("subscribe to ", 20, "subscribe prompt"), ("subscribe for ", 20, "subscribe prompt"), ("subscribe now", 20, "subscribe prompt"),
        ("sign up for ", 20, "subscribe prompt"), ("sign up to ", 20, "subscribe prompt"), ("sign up now", 20, "subscribe prompt"),
        ("join our ", 16, "subscribe prompt"), ("get our newsletter", 16, "subscribe prompt"), ("get the latest", 16, "subscribe prompt"),
        ("enter your email", 20, "subscribe prompt"), ("support our journalism", 30, "subscribe prompt"),
        ("read more", 14, "navigation"), ("read the full", 14, "navigation"), ("continue reading", 14, "navigation"),
        ("click here", 16, "navigation"), ("see also:", 20, "related links"), ("related:", 20, "related links"),
        ("read also", 16, "related links"), ("also read", 16, "related links"), ("read next", 16, "related links"),
        ("more:", 16, "related links"), ("see more", 10, "navigation"), ("view all", 10, "navigation"),
        ("next:", 16, "navigation"), ("previous:", 16, "navigation"), ("prev:", 16, "navigation"), ("back to ", 6, "navigation"),
        ("home >", 20, "navigation"), ("home /", 20, "navigation"), ("home »", 20, "navigation"), ("you are here", 20, "navigation"),
        ("posted in ", 14, "post metadata"), ("posted on ", 14, "post metadata"), ("posted by ", 10, "post metadata"),
        ("published on ", 10, "post metadata"), ("published: ", 10, "post metadata"), ("updated: ", 10, "post metadata"),
        ("last updated", 10, "post metadata"), ("last modified", 10, "post metadata"), ("filed under", 20, "tags"),
        ("tagged ", 20, "tags"), ("tags:", 30, "tags"), ("categories:", 20, "tags"), ("category:", 12, "tags"), ("topics:", 20, "tags"),
        ("written by ", 8, "byline"), ("reviewed by ", 8, "byline"), ("edited by ", 8, "byline"), ("fact checked by ", 8, "byline"),
        ("fact-checked by ", 8, "byline"), ("reporting by ", 12, "byline"), ("illustration by ", 8, "credit"),
        ("photo:", 16, "credit"), ("photo by ", 10, "credit"), ("photos by ", 10, "credit"), ("photograph:", 16, "credit"),
        ("image:", 16, "credit"), ("image credit", 16, "credit"), ("image source", 16, "credit"), ("photo credit", 16, "credit"),
        ("credit:", 12, "credit"), ("source:", 12, "credit"), ("featured image", 16, "credit"), ("header image", 16, "credit"),
        ("comments (", 4, "comment prompt"), ("leave a comment", 8, "comment prompt"), ("leave a reply", 8, "comment prompt"),
        ("advertisement", 6, "advertisement"), ("sponsored by", 10, "advertisement"),
        ("this article was originally", 40, "republication note"), ("this article originally", 40, "republication note"),
        ("this story was originally", 40, "republication note"), ("this post was originally", 40, "republication note"),
        ("originally published", 40, "republication note"), ("a version of this", 40, "republication note"),
        ("this post may contain affiliate", 50, "affiliate notice"), ("this post contains affiliate", 50, "affiliate notice"),
        ("this article contains affiliate", 50, "affiliate notice"), ("disclosure:", 50, "affiliate notice"),
        ("all rights reserved", 40, "copyright"), ("(c) ", 40, "copyright"),
        ("don't miss", 16, "related links"), ("want to read more", 16, "related links"), ("you may also like", 20, "related links"),
        ("you might also like", 20, "related links"), ("recommended:", 20, "related links"),
    ]

    /// Substrings that mark a line as furniture when it is not longer than the given word count.
    static let fragments: [(String, Int, String)] = [
        ("all rights reserved", 40, "copyright"), ("©", 40, "copyright"), ("(c) 19", 40, "copyright"), ("(c) 20", 40, "copyright"),
        ("your email address will not be published", 40, "comment prompt"), ("required fields are marked", 40, "comment prompt"),
        ("save my name, email", 40, "comment prompt"), ("you must be logged in to post", 40, "comment prompt"),
        ("this site uses akismet", 40, "comment prompt"), ("this website uses cookies", 60, "cookie banner"),
        ("this site uses cookies", 60, "cookie banner"), ("we use cookies", 60, "cookie banner"), ("uses cookies to", 60, "cookie banner"),
        ("accept cookies", 60, "cookie banner"), ("cookie policy", 20, "cookie banner"), ("cookie settings", 20, "cookie banner"),
        ("by continuing to use this", 60, "cookie banner"), ("by using this site", 60, "cookie banner"),
        ("privacy policy", 8, "site links"), ("terms of service", 8, "site links"), ("terms of use", 8, "site links"),
        ("share on facebook", 20, "share links"), ("share on twitter", 20, "share links"), ("opens in new window", 20, "share links"),
        ("subscribe to our", 30, "subscribe prompt"), ("sign up for our", 30, "subscribe prompt"), ("our newsletter", 30, "subscribe prompt"),
        ("in your inbox", 25, "subscribe prompt"), ("follow us on", 25, "subscribe prompt"),
        ("best viewed in", 20, "page furniture"), ("best viewed with", 20, "page furniture"), ("you are visitor", 20, "page furniture"),
        ("visitor number", 20, "page furniture"), ("sign my guestbook", 20, "page furniture"), ("skip to content", 8, "navigation"),
    ]

    static let socialWords: Set<String> = [
        "facebook", "twitter", "x", "linkedin", "pinterest", "reddit", "whatsapp", "email", "e-mail", "print", "instagram",
        "youtube", "tiktok", "telegram", "share", "tweet", "pin", "pocket", "tumblr", "flipboard", "messenger", "copy", "link",
        "mail", "sms", "threads", "mastodon", "bluesky", "rss", "feed", "more", "shares", "comments", "comment", "google",
    ]

    /// Why this short line is furniture, or nil if it may be article text.
    /// `text` is a cleaned line (single spaces, trimmed).
    public static func reason(forLine text: String) -> String? { reason(Array(text.utf8)) }

    static func reason(_ text: [UInt8]) -> String? {
        let words = ByteText.wordCount(text, limit: 60)
        if words > 60 { return nil }
        let f = ByteText.folded(text, limit: 1200)
        let core = coreOf(f)
        if core.isEmpty { return ByteText.hasLetter(text) ? nil : "no text" }
        if words <= 8, let r = exactLines[String(decoding: core, as: UTF8.self)] { return r }
        // "12 Comments", "3 responses to ..."
        if words <= 6, let firstSpace = core.firstIndex(of: 0x20), core[..<firstSpace].allSatisfy(ByteText.isDigit) {
            let rest = core[(firstSpace + 1)...]
            if rest.starts(with: "comment".utf8) || rest.starts(with: "response".utf8) || rest.starts(with: "repl".utf8) || rest.starts(with: "share".utf8) {
                return "comment prompt"
            }
        }
        for (p, maxWords, r) in prefixes where words <= maxWords && ByteText.hasPrefix(core, p) { return r }
        for (p, maxWords, r) in fragments where words <= maxWords && ByteText.contains(f, p) { return r }
        // "Copyright 2024 Example Media" (a year, not a sentence about copyright law)
        if words <= 25, ByteText.hasPrefix(core, "copyright"), hasYear(core) { return "copyright" }
        // A row of social network names.
        if words <= 12 {
            var allSocial = true
            var token: [UInt8] = []
            for c in core + [0x20] {
                if ByteText.isASCIILetter(c) || c == 0x2D {
                    token.append(c)
                } else if !token.isEmpty {
                    if !socialWords.contains(String(decoding: token, as: UTF8.self)) { allSocial = false; break }
                    token.removeAll(keepingCapacity: true)
                } else if ByteText.isDigit(c) {
                    continue
                }
            }
            if allSocial { return "share links" }
        }
        // A byline: "By Jane Doe", "By Jane Doe and John Roe | Staff Writer"
        if words <= 8, isByline(text) { return "byline" }
        if words <= 14, isDateline(core) { return "dateline" }
        return nil
    }

    static let dateWords: [String: String] = {
        var t: [String: String] = [:]
        for m in ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
                  "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"] { t[m] = "month" }
        for d in ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed",
                  "thu", "thur", "thurs", "fri", "sat", "sun"] { t[d] = "weekday" }
        return t
    }()
    static let datelineWords: Set<String> = [
        "updated", "update", "published", "posted", "last", "modified", "on", "at", "am", "pm", "a", "m", "p", "et", "est",
        "edt", "pt", "pst", "pdt", "ct", "cst", "cdt", "gmt", "utc", "bst", "cet", "cest", "ist", "aest", "th", "st", "nd",
        "rd", "today", "yesterday", "ago", "min", "mins", "minutes", "hour", "hours", "read", "minute", "day", "days",
    ]

    /// "Updated 10:32 AM ET, Mon March 27, 2017", "Published 4 May 2024", "Sep. 3, 2021 at 9:14 am":
    /// a line of date and time words only, with a time, a weekday, a day of a month and its
    /// year, or a word like "updated" (so a heading "March 1945" is not one).
    static func isDateline(_ core: [UInt8]) -> Bool {
        var month = false, weekday = false, day = false, year = false, time = false, lead = false, tokens = 0
        var token: [UInt8] = []
        var ok = true
        func end() {
            guard !token.isEmpty else { return }
            tokens += 1
            let t = String(decoding: token, as: UTF8.self)
            if token.allSatisfy(ByteText.isDigit) {
                if token.count == 4 { year = true } else if token.count <= 2 { day = true }
            } else if let kind = dateWords[t] {
                if kind == "month" { month = true } else { weekday = true }
            } else if datelineWords.contains(t) {
                if ["updated", "update", "published", "posted", "modified"].contains(t) { lead = true }
            } else {
                ok = false
            }
            token.removeAll(keepingCapacity: true)
        }
        for (k, c) in core.enumerated() {
            if ByteText.isASCIILetter(c) || ByteText.isDigit(c) {
                if ByteText.isDigit(c), k >= 2, core[k - 1] == 0x3A, ByteText.isDigit(core[k - 2]) { time = true }  // "10:32"
                token.append(ByteText.lower(c))
            } else {
                end()
                if !ok { return false }
            }
        }
        end()
        return ok && tokens >= 2 && (time || weekday || (lead && (month || year)) || (month && day && year))
    }

    /// Headings that open a section of furniture (its content goes too).
    static func sectionReason(_ heading: [UInt8]) -> String? {
        let core = coreOf(ByteText.folded(heading))
        let s = String(decoding: core, as: UTF8.self)
        let enders: [String: String] = [
            "about the author": "author bio", "about the authors": "author bio", "author bio": "author bio", "about me": "author bio",
            "related posts": "related links", "related articles": "related links", "related stories": "related links",
            "related content": "related links", "you may also like": "related links", "you might also like": "related links",
            "recommended": "related links", "recommended for you": "related links", "recommended reading": "related links",
            "more stories": "related links", "more articles": "related links", "popular posts": "related links",
            "recent posts": "related links", "most popular": "related links", "read next": "related links",
            "comments": "comments", "leave a comment": "comments", "leave a reply": "comments", "responses": "comments",
            "join the discussion": "comments", "post a comment": "comments",
            "references": "references", "external links": "references", "see also": "references", "notes": "references",
            "footnotes": "references", "bibliography": "references", "sources": "references", "citations": "references",
            "further reading": "references", "notes and references": "references", "works cited": "references",
        ]
        if let r = enders[s] { return r }
        if core.count <= 40, let firstSpace = core.firstIndex(of: 0x20), core[..<firstSpace].allSatisfy(ByteText.isDigit),
           core[(firstSpace + 1)...].starts(with: "comment".utf8) || core[(firstSpace + 1)...].starts(with: "response".utf8) {
            return "comments"
        }
        return nil
    }

    /// Strips leading and trailing characters that are not letters or digits (bullets, arrows,
    /// pipes, colons, emoji); a leading "(c)" or "©" stays.
    static func coreOf(_ f: [UInt8]) -> [UInt8] {
        func isCore(_ i: Int) -> (Bool, Int) {
            let c = f[i]
            if c < 0x80 { return (ByteText.isASCIILetter(c) || ByteText.isDigit(c), 1) }
            let (sc, len) = ByteText.scalar(f, i)
            return (sc.properties.isAlphabetic || sc.properties.numericType != nil || sc == "©", len)
        }
        var s = 0
        let n = f.count
        while s < n {
            if f[s] == 0x28 && s + 2 < n && f[s + 1] == 0x63 && f[s + 2] == 0x29 { break }  // "(c)"
            let (core, len) = isCore(s)
            if core { break }
            s += len
        }
        var e = n
        while e > s {
            let start = ByteText.previousScalarStart(f, e)
            if isCore(start).0 { break }
            e = start
        }
        return Array(f[s..<e])
    }

    static func hasYear(_ b: [UInt8]) -> Bool {
        var run = 0
        for c in b {
            if ByteText.isDigit(c) { run += 1; if run == 4 { return true } } else { run = 0 }
        }
        return false
    }

    static func isByline(_ text: [UInt8]) -> Bool {
        guard text.count > 3, text[0] == 0x42 || text[0] == 0x62, (text[1] | 0x20) == 0x79, text[2] == 0x20 else { return false }
        // Every word after "By" is capitalised (or a joiner), and there is no full stop at the end.
        if text.last == 0x2E { return false }
        let words = text[3...].split(separator: 0x20)
        guard !words.isEmpty, words.count <= 7 else { return false }
        let joiners: Set<String> = ["and", "&", "|", "-", "–", "—", "de", "van", "von", "der", "la", "le", "da", "di", "bin", "al", ","]
        var capitalised = 0
        for w in words {
            let arr = Array(w)
            if ByteText.isUppercaseStart(arr, 0) { capitalised += 1; continue }
            if joiners.contains(String(decoding: arr, as: UTF8.self)) { continue }
            return false
        }
        // "By 2020, ..." starts with a digit and is not a byline; "By The Way" would pass: rare enough.
        return capitalised >= 1 && !ByteText.isDigit(text[3])
    }

    // MARK: - Author bios

    static let writingProfessions: [String] = [
        "journalist", "writer", "author", "editor", "reporter", "correspondent", "columnist", "blogger", "contributor",
        "contributing", "freelance", "freelancer", "copywriter", "content creator", "intern", "staff", "photographer",
        "producer", "editorial",
    ]
    static let otherProfessions: [String] = [
        "student", "graduate", "researcher", "analyst", "professor", "lecturer", "fellow", "scholar", "consultant",
        "expert", "specialist", "enthusiast", "advocate", "teacher", "founder", "ceo", "director", "strategist",
    ]
    static let bioSignals: [String] = [
        "her work", "his work", "their work", "she writes", "he writes", "they write", "lives in", "living in", "based in",
        "follow her", "follow him", "follow them", "her writing", "his writing", "her articles", "his articles",
        "work has appeared", "writing has appeared", "articles have appeared", "has written for", "has contributed to",
        "she has been", "he has been", "in her free time", "in his free time", "when she's not", "when he's not",
        "when she is not", "when he is not", "she holds", "he holds", "whose work", "work focuses", "research focuses",
        "writes about", "writing about", "you can find", "can be reached",
    ]

    /// Does this paragraph read like a note about the writer ("X is an American journalist ...")?
    /// Only meaningful for paragraphs at the end of an article (the caller checks position).
    public static func looksLikeAuthorBio(_ text: String) -> Bool { looksLikeAuthorBio(Array(text.utf8)) }

    static func looksLikeAuthorBio(_ text: [UInt8]) -> Bool {
        let f = ByteText.folded(text, limit: 600)
        if ByteText.hasPrefix(f, "about the author") || ByteText.hasPrefix(f, "author bio") { return true }
        // Name: 1-4 capitalised words (particles allowed), then " is a/an/the " or " has been".
        let words = text.prefix(300).split(separator: 0x20, maxSplits: 14, omittingEmptySubsequences: true)
        var k = 0
        var nameWords = 0
        let particles: Set<String> = ["de", "van", "von", "der", "da", "di", "la", "le", "bin", "al"]
        while k < words.count && nameWords < 5 {
            let w = Array(words[k])
            if ByteText.isUppercaseStart(w, 0) { nameWords += 1; k += 1; continue }
            if particles.contains(String(decoding: w, as: UTF8.self)) { k += 1; continue }
            break
        }
        let first = words.isEmpty ? "" : String(decoding: ByteText.folded(words[0]), as: UTF8.self)
        let firstPerson = first == "i'm"
        if firstPerson { k = 1 }
        guard (1...4).contains(nameWords) || firstPerson, k < words.count else { return false }
        let verb = firstPerson ? "am" : String(decoding: words[k], as: UTF8.self).lowercased()
        guard ["is", "am", "has", "writes", "covers"].contains(verb) else { return false }
        if firstPerson { k = 0 }
        // Look at the next words for a profession.
        let window = words[min(k + 1, words.count)...].prefix(9).map { String(decoding: $0, as: UTF8.self).lowercased() }.joined(separator: " ")
        if verb == "writes" || verb == "covers" { return true }
        for p in writingProfessions where window.contains(p) { return true }
        let hasSignal = bioSignals.contains { ByteText.contains(f, $0) }
        if hasSignal { for p in otherProfessions where window.contains(p) { return true } }
        return false
    }
}
