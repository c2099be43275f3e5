/// Text measures of every element under a root, computed in one pass: visible text length,
/// the part of it inside links, and commas. Lengths count Unicode scalars with whitespace
/// runs as one, as a reader sees the text.
struct TextStats {
    private(set) var textLength: [Int]
    private(set) var linkLength: [Double]
    private(set) var commas: [Int]

    init(_ tree: HTMLTree, root: Int) {
        let n = tree.nodes.count
        textLength = Array(repeating: 0, count: n)
        linkLength = Array(repeating: 0, count: n)
        commas = Array(repeating: 0, count: n)
        // Post-order without recursion: children are finished before their parent.
        var order: [Int] = []
        var stack = [root]
        while let i = stack.popLast() {
            order.append(i)
            stack.append(contentsOf: tree.nodes[i].children)
        }
        for i in order.reversed() {
            let node = tree.nodes[i]
            if node.isText {
                let (length, c) = Self.measure(node.text)
                textLength[i] = length
                commas[i] = c
                continue
            }
            var length = 0, c = 0
            var links = 0.0
            for k in node.children {
                length += textLength[k]
                c += commas[k]
                links += linkLength[k]
            }
            if node.name == "a" {
                // Links to a place on the same page (footnotes, a table of contents) count less.
                let href = node.attributes["href"] ?? ""
                links = Double(length) * (href.count > 1 && href.hasPrefix("#") ? 0.3 : 1)
            }
            textLength[i] = length
            linkLength[i] = links
            commas[i] = c
        }
    }

    /// Takes a node's measures out of its ancestors', before the node is detached.
    mutating func subtract(_ i: Int, in tree: HTMLTree) {
        let length = textLength[i], links = linkLength[i], c = commas[i]
        var p = tree.nodes[i].parent
        while p >= 0 {
            textLength[p] -= length
            commas[p] -= c
            // Inside a link, the link's own measure is its text: it shrinks with it.
            linkLength[p] = tree.nodes[p].name == "a" ? max(0, linkLength[p] - Double(length)) : max(0, linkLength[p] - links)
            p = tree.nodes[p].parent
        }
    }

    func linkDensity(_ i: Int) -> Double {
        textLength[i] == 0 ? 0 : linkLength[i] / Double(textLength[i])
    }

    /// Length with whitespace runs counted once (a leading or trailing run too: one space
    /// between neighbouring nodes), and commas of any script.
    static func measure(_ s: String) -> (length: Int, commas: Int) {
        var length = 0, commas = 0
        var inSpace = false
        for ch in s.unicodeScalars {
            if ByteText.isSpace(ch) {
                if !inSpace { length += 1; inSpace = true }
                continue
            }
            inSpace = false
            length += 1
            switch ch.value {
            case 0x2C, 0x060C, 0xFE50, 0xFE10, 0xFE11, 0x2E41, 0x2E34, 0x2E32, 0xFF0C: commas += 1
            default: break
            }
        }
        return (length, commas)
    }
}
