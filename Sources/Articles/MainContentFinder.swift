/// Finds the part of a page that is the article, the way reader modes do (Arc90's
/// Readability and Mozilla's reader view, re-thought here): paragraphs earn points for
/// their length and commas, pass them up to their containers, and the container with the
/// most points (less its share of link text) wins, joined by siblings that score nearly
/// as well. Class and id names, hidden nodes and ARIA roles prune the page first. When
/// the result is short, the search runs again with fewer prunings, and the longest
/// result wins.
struct MainContentFinder {
    struct Flags: OptionSet, Sendable {
        let rawValue: Int
        static let stripUnlikely = Flags(rawValue: 1)
        static let weightClasses = Flags(rawValue: 2)
        static let cleanConditionally = Flags(rawValue: 4)
        static let all: Flags = [.stripUnlikely, .weightClasses, .cleanConditionally]
    }

    /// The content found: `content` is a detached `div` in `tree` holding the article's nodes.
    struct Found {
        var tree: HTMLTree
        var content: Int
        var length: Int
        /// Text of the byline elements removed on the way.
        var bylines: [String]
    }

    /// Fewer characters than this and the search is tried again with fewer prunings.
    static let enoughText = 500

    static let tagsToScore: Set<String> = ["section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"]
    static let blockInDiv: Set<String> = ["blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul"]
    static let phrasing: Set<String> = [
        "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em", "embed", "i", "img",
        "input", "kbd", "label", "mark", "math", "meter", "noscript", "object", "output", "progress", "q", "ruby", "samp",
        "script", "select", "small", "span", "strong", "sub", "sup", "textarea", "time", "var", "wbr", "font", "u", "s",
        "tt", "big", "strike",
    ]

    var tree: HTMLTree
    let flags: Flags
    let title: String?
    private(set) var bylines: [String] = []

    static func find(in page: HTMLTree, title: String?) -> Found {
        let body = page.first("body", under: page.root) ?? page.root
        var attempts: [Found] = []
        for flags in [Flags.all, [.weightClasses, .cleanConditionally], [.cleanConditionally], []] {
            var finder = MainContentFinder(tree: page, flags: flags, title: title)
            let found = finder.grab(body: body)
            if found.length >= enoughText { return found }
            attempts.append(found)
        }
        return attempts.max { $0.length < $1.length }!
    }

    // MARK: - The search

    mutating func grab(body: Int) -> Found {
        let toScore = prune(body: body)
        var stats = TextStats(tree, root: body)
        let (scores, ranked) = score(toScore, stats: stats)
        let top = pickTop(ranked, scores: scores, body: body)
        let content = gatherSiblings(top: top.node, scores: top.scores, body: body, neededBody: top.isBody, stats: stats)
        stats = TextStats(tree, root: content)
        var cleaner = ArticleCleaner(tree: tree, stats: stats, flags: flags, title: title)
        cleaner.clean(content)
        tree = cleaner.tree
        let length = TextStats(tree, root: content).textLength[content]
        return Found(tree: tree, content: content, length: length, bylines: bylines)
    }

    /// Removes what cannot be article (hidden, bylines, the title heading, unlikely parts),
    /// turns text-only `div`s into paragraphs, and lists the elements to score.
    private mutating func prune(body: Int) -> [Int] {
        var toScore: [Int] = []
        var titleHeaderRemoved = false
        var stack = [body]
        while let i = stack.popLast() {
            if tree.nodes[i].isText { continue }
            let name = tree.name(i)
            if i != body {
                let classAndID = tree.classAndID(i)
                let role = tree.attribute("role", of: i)?.lowercased()
                if !isProbablyVisible(i) || (tree.attribute("aria-modal", of: i) == "true" && role == "dialog") {
                    tree.remove(i)
                    continue
                }
                if isByline(i, classAndID: classAndID) {
                    bylines.append(tree.innerText(i))
                    tree.remove(i)
                    continue
                }
                if !titleHeaderRemoved, name == "h1" || name == "h2", let title,
                   Self.similarity(title, tree.innerText(i)) > 0.75 {
                    titleHeaderRemoved = true
                    tree.remove(i)
                    continue
                }
                if flags.contains(.stripUnlikely) {
                    // Never from inside running text: that would leave a hole in a sentence.
                    if ClassHints.isUnlikely(classAndID) && name != "a" && !tree.hasAncestor(i, named: "table")
                        && !tree.hasAncestor(i, named: "code") && !isInRunningText(i) {
                        tree.remove(i)
                        continue
                    }
                    if let role, ClassHints.unlikelyRoles.contains(role) {
                        tree.remove(i)
                        continue
                    }
                }
                if ["div", "section", "header", "h1", "h2", "h3", "h4", "h5", "h6"].contains(name) && isWithoutContent(i) {
                    tree.remove(i)
                    continue
                }
            }
            if Self.tagsToScore.contains(name) { toScore.append(i) }
            if name == "div" {
                wrapPhrasingRuns(i)
                let kids = tree.elementChildren(i)
                if kids.count == 1, tree.name(kids[0]) == "p", !hasOwnText(i), localLinkDensity(i) < 0.25 {
                    // A div around one paragraph is that paragraph.
                    let p = kids[0]
                    let parent = tree.nodes[i].parent
                    if let k = tree.nodes[parent].children.firstIndex(of: i) {
                        tree.nodes[parent].children[k] = p
                        tree.nodes[p].parent = parent
                        tree.nodes[i].parent = -1
                        tree.nodes[i].children = []
                    }
                    toScore.append(p)
                    stack.append(contentsOf: tree.nodes[p].children.reversed())
                    continue
                } else if !hasBlockDescendant(i) {
                    tree.rename(i, to: "p")
                    toScore.append(i)
                }
            }
            stack.append(contentsOf: tree.nodes[i].children.reversed())
        }
        return toScore
    }

    /// Points per paragraph (1, plus its commas + 1, plus one per 100 characters up to 3),
    /// shared with up to five ancestors: all to the parent, half to the grandparent, then
    /// a third of the level. Each container's total is then cut by its link density.
    private func score(_ toScore: [Int], stats: TextStats) -> (scores: [Int: Double], ranked: [Int]) {
        var scores: [Int: Double] = [:]
        var candidates: [Int] = []
        for e in toScore {
            guard tree.nodes[e].parent >= 0, tree.isAttached(e) else { continue }
            let length = stats.textLength[e]
            if length < 25 { continue }
            let ancestors = tree.ancestors(e, limit: 5)
            if ancestors.isEmpty { continue }
            let points = 1 + Double(stats.commas[e] + 1) + Double(min(length / 100, 3))
            for (level, a) in ancestors.enumerated() {
                guard tree.nodes[a].parent >= 0 else { continue }
                if scores[a] == nil {
                    scores[a] = initialScore(a)
                    candidates.append(a)
                }
                let divider = level == 0 ? 1.0 : level == 1 ? 2.0 : Double(level * 3)
                scores[a, default: 0] += points / divider
            }
        }
        for c in candidates { scores[c] = scores[c]! * (1 - stats.linkDensity(c)) }
        // Stable: on a tie the earlier container stays ahead.
        let ranked = candidates.enumerated().sorted { a, b in
            let sa = scores[a.element]!, sb = scores[b.element]!
            return sa != sb ? sa > sb : a.offset < b.offset
        }.prefix(5).map(\.element)
        return (scores, ranked)
    }

    private struct Top {
        var node: Int
        var scores: [Int: Double]
        var isBody: Bool
    }

    /// The best container, moved up when three of the runners-up share an ancestor with
    /// it, when its parent scores higher, or when it is an only child.
    private mutating func pickTop(_ ranked: [Int], scores: [Int: Double], body: Int) -> Top {
        var scores = scores
        // The climbs below stop at `body`, the node the search runs under: the page's <body>,
        // or its root when libxml2 made none (text it left in <head>). Above it is no content.
        guard var top = ranked.first, top != body, tree.name(top) != "body" else { return Top(node: body, scores: scores, isBody: true) }
        let topScore = scores[top]!
        let close = ranked.dropFirst().filter { scores[$0]! / topScore >= 0.75 }.map { Set(tree.ancestors($0)) }
        if close.count >= 3 {
            var p = tree.nodes[top].parent
            while p >= 0 && p != body && tree.name(p) != "body" {
                if close.filter({ $0.contains(p) }).count >= 3 { top = p; break }
                p = tree.nodes[p].parent
            }
        }
        if scores[top] == nil { scores[top] = initialScore(top) }
        var p = tree.nodes[top].parent
        var last = scores[top]!
        let floor = last / 3
        while p >= 0 && p != body && tree.name(p) != "body" {
            guard let s = scores[p] else { p = tree.nodes[p].parent; continue }
            if s < floor { break }
            if s > last { top = p; break }
            last = s
            p = tree.nodes[p].parent
        }
        p = tree.nodes[top].parent
        while p >= 0 && p != body && tree.name(p) != "body" && tree.elementChildren(p).count == 1 {
            top = p
            p = tree.nodes[top].parent
        }
        if scores[top] == nil { scores[top] = initialScore(top) }
        return Top(node: top, scores: scores, isBody: false)
    }

    /// The top container and those of its siblings that score at least a fifth as well
    /// (at least 10), or are paragraphs of real text, moved into one detached `div`.
    private mutating func gatherSiblings(top: Int, scores: [Int: Double], body: Int, neededBody: Bool, stats: TextStats) -> Int {
        let content = tree.append("div", to: -1)
        if neededBody {
            for c in tree.nodes[body].children { moveChild(c, to: content) }
            tree.nodes[body].children = []
            return content
        }
        let topScore = scores[top] ?? 0
        let threshold = max(10, topScore * 0.2)
        let parent = tree.nodes[top].parent
        let topClass = tree.attribute("class", of: top) ?? ""
        for s in tree.elementChildren(parent) {
            var append = s == top
            if !append {
                let bonus = !topClass.isEmpty && tree.attribute("class", of: s) == topClass ? topScore * 0.2 : 0
                if let score = scores[s], score + bonus >= threshold {
                    append = true
                } else if tree.name(s) == "p" {
                    let density = stats.linkDensity(s)
                    let length = stats.textLength[s]
                    if length > 80 && density < 0.25 {
                        append = true
                    } else if length < 80 && length > 0 && density == 0 {
                        let text = tree.innerText(s)
                        append = text.contains(". ") || text.hasSuffix(".")
                    }
                }
            }
            if append {
                tree.remove(s)
                moveChild(s, to: content)
            }
        }
        return content
    }

    private mutating func moveChild(_ c: Int, to parent: Int) {
        tree.nodes[c].parent = parent
        tree.nodes[parent].children.append(c)
    }

    // MARK: - Node tests

    private func initialScore(_ i: Int) -> Double {
        var s: Double
        switch tree.name(i) {
        case "div": s = 5
        case "pre", "td", "blockquote": s = 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": s = -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": s = -5
        default: s = 0
        }
        if flags.contains(.weightClasses) {
            s += ClassHints.weight(className: tree.attribute("class", of: i), id: tree.attribute("id", of: i))
        }
        return s
    }

    func isProbablyVisible(_ i: Int) -> Bool {
        let a = tree.nodes[i].attributes
        if a["hidden"] != nil { return false }
        if let style = a["style"] {
            let s = style.lowercased().filter { $0 != " " }
            if s.contains("display:none") || s.contains("visibility:hidden") { return false }
        }
        if a["aria-hidden"] == "true" && !(a["class"] ?? "").contains("fallback-image") { return false }
        return true
    }

    private func isByline(_ i: Int, classAndID: String) -> Bool {
        let a = tree.nodes[i].attributes
        guard a["rel"] == "author" || (a["itemprop"] ?? "").contains("author") || ClassHints.isByline(classAndID) else { return false }
        let text = tree.innerText(i)
        return !text.isEmpty && text.count < 100
    }

    private func isWithoutContent(_ i: Int) -> Bool {
        for c in tree.nodes[i].children {
            let n = tree.nodes[c]
            if n.isText {
                if !n.isBlank { return false }
            } else if n.name != "br" && n.name != "hr" {
                return false
            }
        }
        return true
    }

    private func hasOwnText(_ i: Int) -> Bool {
        tree.nodes[i].children.contains { c in
            tree.nodes[c].isText && !tree.nodes[c].isBlank
        }
    }

    private func hasBlockDescendant(_ i: Int) -> Bool {
        var stack = tree.nodes[i].children
        while let c = stack.popLast() {
            if Self.blockInDiv.contains(tree.name(c)) { return true }
            stack.append(contentsOf: tree.nodes[c].children)
        }
        return false
    }

    private func isPhrasing(_ i: Int) -> Bool {
        let n = tree.nodes[i]
        if n.isText || Self.phrasing.contains(n.name) { return true }
        if n.name == "a" || n.name == "del" || n.name == "ins" { return n.children.allSatisfy(isPhrasing) }
        return false
    }

    /// An inline element with text beside it in its parent.
    private func isInRunningText(_ i: Int) -> Bool {
        guard isPhrasing(i) else { return false }
        let p = tree.nodes[i].parent
        return p >= 0 && tree.nodes[p].children.contains { c in
            c != i && tree.nodes[c].isText && !tree.nodes[c].isBlank
        }
    }

    private func isWhitespace(_ i: Int) -> Bool {
        let n = tree.nodes[i]
        if n.isText { return n.isBlank }
        return n.name == "br"
    }

    /// Runs of inline content directly inside a `div` that also holds blocks become
    /// paragraphs of their own, so they are scored like paragraphs.
    private mutating func wrapPhrasingRuns(_ div: Int) {
        let kids = tree.nodes[div].children
        var runs: [Range<Int>] = []
        var start: Int? = nil
        var lastSolid = -1
        for (k, c) in kids.enumerated() {
            if isPhrasing(c) {
                if start == nil && !isWhitespace(c) { start = k }
                if start != nil && !isWhitespace(c) { lastSolid = k }
            } else if let s = start {
                runs.append(s..<(lastSolid + 1))
                start = nil
            }
        }
        if let s = start { runs.append(s..<(lastSolid + 1)) }
        // A div that is all inline content stays whole: it is read as one paragraph.
        if runs.count == 1 && runs[0] == 0..<kids.count { return }
        for r in runs.reversed() { _ = tree.wrap(childrenOf: div, range: r, in: "p") }
    }

    private func localLinkDensity(_ i: Int) -> Double {
        var text = 0, links = 0.0
        func walk(_ j: Int, inLink: Double?) {
            let n = tree.nodes[j]
            if n.isText {
                let length = TextStats.measure(n.text).length
                text += length
                if let weight = inLink { links += Double(length) * weight }
                return
            }
            var weight = inLink
            if n.name == "a" && weight == nil {
                let href = n.attributes["href"] ?? ""
                weight = href.count > 1 && href.hasPrefix("#") ? 0.3 : 1
            }
            for c in n.children { walk(c, inLink: weight) }
        }
        walk(i, inLink: nil)
        return text == 0 ? 0 : links / Double(text)
    }

    /// How much of `b`'s words also appear in `a` (1 = all of them), by characters.
    static func similarity(_ a: String, _ b: String) -> Double {
        func tokens(_ s: String) -> [String] {
            s.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init)
        }
        let ta = tokens(a), tb = tokens(b)
        guard !ta.isEmpty, !tb.isEmpty else { return 0 }
        let setA = Set(ta)
        let unique = tb.filter { !setA.contains($0) }
        let distance = Double(unique.joined(separator: " ").count) / Double(tb.joined(separator: " ").count)
        return 1 - distance
    }
}
