/// Tidies the content `MainContentFinder` chose: page parts that came along with the
/// article (share bars, forms, footers, link lists, image galleries) go, judged by their
/// names, link density, and how many paragraphs, list items, images and inputs they hold.
/// Data tables stay (the block writer turns them into no card); layout tables are read
/// through.
struct ArticleCleaner {
    var tree: HTMLTree
    var stats: TextStats
    let flags: MainContentFinder.Flags
    let title: String?
    private(set) var dataTables: Set<Int> = []

    init(tree: HTMLTree, stats: TextStats, flags: MainContentFinder.Flags, title: String?) {
        self.tree = tree
        self.stats = stats
        self.flags = flags
        self.title = title
    }

    mutating func clean(_ content: Int) {
        dataTables = Set(tree.all(["table"], under: content).filter(tree.isDataTable))
        cleanConditionally(content, "form")
        cleanConditionally(content, "fieldset")
        for i in tree.all(["footer", "aside", "input", "textarea", "select", "button", "nav"], under: content).reversed() { remove(i) }
        // Share bars, but never a whole top-level part of the article.
        for top in tree.elementChildren(content) {
            for i in tree.descendants(of: top).reversed() where isShareElement(i) && stats.textLength[i] < MainContentFinder.enoughText {
                remove(i)
            }
        }
        let h2s = tree.all(["h2"], under: content)
        if h2s.count == 1, let title, !title.isEmpty {
            let heading = tree.innerText(h2s[0])
            let rate = Double(heading.count - title.count) / Double(title.count)
            if abs(rate) < 0.5 && (rate > 0 ? heading.contains(title) : title.contains(heading)) { remove(h2s[0]) }
        }
        if flags.contains(.weightClasses) {
            for i in tree.all(["h1", "h2"], under: content).reversed() where weight(i) < 0 { remove(i) }
        }
        cleanConditionally(content, "table")
        cleanConditionally(content, "ul")
        cleanConditionally(content, "div")
        for p in tree.all(["p"], under: content).reversed() where !tree.hasText(p) && tree.count("img", under: p) == 0 {
            remove(p)
        }
    }

    private func isShareElement(_ i: Int) -> Bool {
        let words = ClassHints.words(tree.classAndID(i))
        return words.contains("share") || words.contains("sharedaddy")
    }

    /// Detaches a node and takes its text out of its ancestors' measures.
    private mutating func remove(_ i: Int) {
        guard tree.nodes[i].parent >= 0 else { return }
        stats.subtract(i, in: tree)
        tree.remove(i)
    }

    private func weight(_ i: Int) -> Double {
        guard flags.contains(.weightClasses) else { return 0 }
        return ClassHints.weight(className: tree.attribute("class", of: i), id: tree.attribute("id", of: i))
    }

    // MARK: - Conditional cleaning

    private mutating func cleanConditionally(_ content: Int, _ tag: String) {
        guard flags.contains(.cleanConditionally) else { return }
        for node in tree.all([tag], under: content).reversed() where tree.nodes[node].parent >= 0 && isAttached(node, to: content) {
            if shouldRemove(node, tag: tag) { remove(node) }
        }
    }

    private func isAttached(_ i: Int, to content: Int) -> Bool {
        var j = i
        while tree.nodes[j].parent >= 0 { j = tree.nodes[j].parent }
        return j == content
    }

    private func shouldRemove(_ node: Int, tag: String) -> Bool {
        let textLength = stats.textLength[node]
        var isList = tag == "ul" || tag == "ol"
        if !isList && textLength > 0 {
            let listText = tree.all(["ul", "ol"], under: node).reduce(0) { $0 + stats.textLength[$1] }
            isList = Double(listText) / Double(textLength) > 0.9
        }
        if tag == "table" && dataTables.contains(node) { return false }
        if hasAncestor(node, where: { dataTables.contains($0) }) { return false }
        if tree.hasAncestor(node, named: "code", within: 3) { return false }
        if tree.all(["table"], under: node).contains(where: { dataTables.contains($0) }) { return false }

        let weight = weight(node)
        if weight < 0 { return true }
        guard stats.commas[node] < 10 else { return false }

        let p = Double(tree.count("p", under: node))
        let img = Double(tree.count("img", under: node))
        let li = Double(tree.count("li", under: node) - 100)
        let input = Double(tree.count("input", under: node))
        let headingDensity = density(node, of: ["h1", "h2", "h3", "h4", "h5", "h6"])
        let text = tree.innerText(node)
        if Self.isAdOrLoadingLabel(text) { return true }
        let contentLength = text.count
        let linkDensity = stats.linkDensity(node)
        let textDensity = density(node, of: ["span", "li", "td", "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul"])
        let isFigureChild = tree.hasAncestor(node, named: "figure", within: 3)

        var remove = false
        if !isFigureChild && img > 1 && p / img < 0.5 { remove = true }
        if !isList && li > p { remove = true }
        if input > (p / 3).rounded(.down) { remove = true }
        if !isList && !isFigureChild && headingDensity < 0.9 && contentLength < 25 && (img == 0 || img > 2) && linkDensity > 0 { remove = true }
        if !isList && weight < 25 && linkDensity > 0.2 { remove = true }
        if weight >= 25 && linkDensity > 0.5 { remove = true }
        if img == 0 && textDensity == 0 { remove = true }
        // A list of pictures (one image per item) stays.
        if isList && remove {
            let items = tree.elementChildren(node)
            if items.allSatisfy({ tree.elementChildren($0).count <= 1 }) && img == Double(tree.count("li", under: node)) { return false }
        }
        return remove
    }

    private func hasAncestor(_ i: Int, where test: (Int) -> Bool) -> Bool {
        var p = tree.nodes[i].parent
        while p >= 0 {
            if test(p) { return true }
            p = tree.nodes[p].parent
        }
        return false
    }

    /// Share of a node's text that sits inside the named elements.
    private func density(_ node: Int, of names: Set<String>) -> Double {
        let total = stats.textLength[node]
        guard total > 0 else { return 0 }
        // Count each element once even when nested in another of the set.
        var inside = 0
        var stack = tree.nodes[node].children
        while let c = stack.popLast() {
            if names.contains(tree.name(c)) { inside += stats.textLength[c]; continue }
            stack.append(contentsOf: tree.nodes[c].children)
        }
        return Double(inside) / Double(total)
    }

    static func isAdOrLoadingLabel(_ text: String) -> Bool {
        let t = text.lowercased().trimmingSpaces
        let labels: Set<String> = ["ad", "advertising", "advertisement", "pub", "publicité", "werbung", "广告", "реклама", "anuncio",
                                   "loading", "loading…", "loading...", "正在加载", "загрузка", "chargement", "cargando"]
        return labels.contains(t)
    }
}
