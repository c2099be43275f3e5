/// A parsed HTML page as a value: elements and text nodes in an arena, children by index.
/// Built by `HTMLTreeBuilder` (libxml2's parser) and then only read or pruned in Swift, so
/// every decision about content is a pure function of this value.
struct HTMLTree: Sendable {
    struct Node: Sendable {
        /// Lower-case element name; `#text` for a text node.
        var name: String
        /// Text of a text node (entities decoded, UTF-8); empty for elements.
        var text: String
        /// The attributes the reader looks at (`HTMLTreeBuilder.keptAttributes`).
        var attributes: [String: String]
        var parent: Int
        var children: [Int]
        /// A text node of whitespace only (known when the node is made).
        var isBlank: Bool

        var isText: Bool { name == "#text" }
    }

    var nodes: [Node]
    /// The `<html>` element.
    var root: Int

    init() {
        nodes = [Node(name: "html", text: "", attributes: [:], parent: -1, children: [], isBlank: false)]
        root = 0
    }

    // MARK: - Building

    /// Appends a node as the last child of `parent` and returns its index.
    @discardableResult
    mutating func append(_ name: String, text: String = "", attributes: [String: String] = [:], to parent: Int) -> Int {
        let i = nodes.count
        let blank = name == "#text" && text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D || $0 == 0x0C }
        nodes.append(Node(name: name, text: text, attributes: attributes, parent: parent, children: [], isBlank: blank))
        if parent >= 0 { nodes[parent].children.append(i) }
        return i
    }

    /// Detaches a node (and so its subtree) from its parent.
    mutating func remove(_ i: Int) {
        let p = nodes[i].parent
        guard p >= 0 else { return }
        if let k = nodes[p].children.firstIndex(of: i) { nodes[p].children.remove(at: k) }
        nodes[i].parent = -1
    }

    /// Gives an element another name, keeping its attributes and children (a `div` read as a `p`).
    mutating func rename(_ i: Int, to name: String) { nodes[i].name = name }

    /// Moves the children `range` of `parent` into a new element `name` put in their place.
    mutating func wrap(childrenOf parent: Int, range: Range<Int>, in name: String) -> Int {
        let moved = Array(nodes[parent].children[range])
        let w = nodes.count
        nodes.append(Node(name: name, text: "", attributes: [:], parent: parent, children: moved, isBlank: false))
        for c in moved { nodes[c].parent = w }
        nodes[parent].children.replaceSubrange(range, with: [w])
        return w
    }

    // MARK: - Reading

    func name(_ i: Int) -> String { nodes[i].name }

    func attribute(_ key: String, of i: Int) -> String? { nodes[i].attributes[key] }

    /// `class` and `id` joined: what class/id hints are matched against.
    func classAndID(_ i: Int) -> String {
        let a = nodes[i].attributes
        switch (a["class"], a["id"]) {
        case let (c?, d?): return c + " " + d
        case let (c?, nil): return c
        case let (nil, d?): return d
        default: return ""
        }
    }

    func elementChildren(_ i: Int) -> [Int] { nodes[i].children.filter { !nodes[$0].isText } }

    /// The first element named `name` in document order under `from` (itself included).
    func first(_ name: String, under from: Int) -> Int? {
        var stack = [from]
        while let i = stack.popLast() {
            if nodes[i].name == name { return i }
            stack.append(contentsOf: nodes[i].children.reversed())
        }
        return nil
    }

    /// Every element named in `names` under `from` (itself excluded), in document order.
    func all(_ names: Set<String>, under from: Int) -> [Int] {
        var out: [Int] = []
        var stack = Array(nodes[from].children.reversed())
        while let i = stack.popLast() {
            if names.contains(nodes[i].name) { out.append(i) }
            stack.append(contentsOf: nodes[i].children.reversed())
        }
        return out
    }

    /// Is there any text other than whitespace in the subtree?
    func hasText(_ i: Int) -> Bool {
        var stack = [i]
        while let j = stack.popLast() {
            if nodes[j].isText { if !nodes[j].isBlank { return true } } else { stack.append(contentsOf: nodes[j].children) }
        }
        return false
    }

    /// Every element under `from` (itself excluded), in document order.
    func descendants(of from: Int) -> [Int] {
        var out: [Int] = []
        var stack = Array(nodes[from].children.reversed())
        while let i = stack.popLast() {
            if nodes[i].isText { continue }
            out.append(i)
            stack.append(contentsOf: nodes[i].children.reversed())
        }
        return out
    }

    func count(_ name: String, under from: Int) -> Int {
        var n = 0
        var stack = nodes[from].children
        while let i = stack.popLast() {
            if nodes[i].name == name { n += 1 }
            stack.append(contentsOf: nodes[i].children)
        }
        return n
    }

    /// Ancestors from the parent upwards, at most `limit` of them.
    func ancestors(_ i: Int, limit: Int = .max) -> [Int] {
        var out: [Int] = []
        var p = nodes[i].parent
        while p >= 0 && out.count < limit {
            out.append(p)
            p = nodes[p].parent
        }
        return out
    }

    func hasAncestor(_ i: Int, named name: String, within depth: Int = .max) -> Bool {
        var p = nodes[i].parent
        var d = 0
        while p >= 0 && d < depth {
            if nodes[p].name == name { return true }
            p = nodes[p].parent
            d += 1
        }
        return false
    }

    /// Is `i` still attached to the document (not removed, nor inside a removed subtree)?
    func isAttached(_ i: Int) -> Bool {
        var j = i
        while nodes[j].parent >= 0 { j = nodes[j].parent }
        return j == root
    }

    /// The text of a subtree, whitespace runs collapsed to one space and trimmed.
    func innerText(_ i: Int) -> String {
        var out = ""
        appendText(i, to: &out)
        return Self.collapsed(out)
    }

    /// The text of a subtree as it is, line breaks and runs of spaces kept (`<br>` is a line break).
    func textContent(_ i: Int) -> String {
        var out = ""
        var stack = [i]
        while let j = stack.popLast() {
            let n = nodes[j]
            if n.isText { out += n.text } else if n.name == "br" { out += "\n" } else { stack.append(contentsOf: n.children.reversed()) }
        }
        return out
    }

    private func appendText(_ i: Int, to out: inout String) {
        let n = nodes[i]
        if n.isText { out += n.text; return }
        if n.name == "br" { out += " "; return }
        for c in n.children { appendText(c, to: &out) }
    }

    static func collapsed(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var pendingSpace = false
        for ch in s.unicodeScalars {
            if ByteText.isSpace(ch) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.unicodeScalars.append(" "); pendingSpace = false }
                out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
