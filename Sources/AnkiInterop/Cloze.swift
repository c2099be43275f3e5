/// Anki's cloze markup, `{{c1::answer}}` or `{{c1::answer::hint}}`, nested deletions included.
enum Cloze {
    indirect enum Node: Equatable {
        case text(String)
        case deletion(number: Int, content: [Node], hint: String?)
    }

    static func parse(_ text: String) -> [Node] {
        let chars = Array(text)
        var i = 0
        return parseNodes(chars, &i, inside: false).nodes
    }

    /// Parses until the end, or (inside a deletion) until its `}}` or `::hint}}`.
    private static func parseNodes(_ c: [Character], _ i: inout Int, inside: Bool) -> (nodes: [Node], hint: String?, closed: Bool) {
        var nodes: [Node] = []
        var buffer = ""
        func flush() {
            if !buffer.isEmpty { nodes.append(.text(buffer)); buffer = "" }
        }
        func at(_ s: String) -> Bool {
            let a = Array(s)
            return i + a.count <= c.count && Array(c[i..<i + a.count]) == a
        }
        while i < c.count {
            if inside && at("}}") {
                i += 2
                flush()
                return (nodes, nil, true)
            }
            if inside && at("::") {
                // The hint runs to the closing braces.
                var j = i + 2
                var hint = ""
                while j < c.count, !(c[j] == "}" && j + 1 < c.count && c[j + 1] == "}") { hint.append(c[j]); j += 1 }
                if j < c.count {
                    i = j + 2
                    flush()
                    return (nodes, hint, true)
                }
            }
            if at("{{c") {
                var j = i + 3
                var digits = ""
                while j < c.count, c[j].isASCII, c[j].isNumber { digits.append(c[j]); j += 1 }
                if !digits.isEmpty, j + 1 < c.count, c[j] == ":", c[j + 1] == ":", let n = Int(digits) {
                    let start = i
                    i = j + 2
                    let inner = parseNodes(c, &i, inside: true)
                    if inner.closed {
                        flush()
                        nodes.append(.deletion(number: n, content: inner.nodes, hint: inner.hint))
                        continue
                    }
                    // Unclosed: the markup is plain text after all.
                    i = start
                }
            }
            buffer.append(c[i])
            i += 1
        }
        flush()
        return (nodes, nil, false)
    }

    /// Every cloze number used (≥ 1), sorted.
    static func numbers(_ nodes: [Node]) -> [Int] {
        var found = Set<Int>()
        func walk(_ ns: [Node]) {
            for n in ns {
                if case .deletion(let k, let content, _) = n {
                    if k >= 1 { found.insert(k) }
                    walk(content)
                }
            }
        }
        walk(nodes)
        return found.sorted()
    }

    /// The text with every deletion shown.
    static func revealed(_ nodes: [Node]) -> String {
        nodes.map {
            switch $0 {
            case .text(let s): s
            case .deletion(_, let content, _): revealed(content)
            }
        }.joined()
    }

    /// The question of card `number`: its deletions as `____` (with the hint), the rest shown.
    static func question(_ nodes: [Node], number: Int) -> String {
        nodes.map {
            switch $0 {
            case .text(let s): s
            case .deletion(let k, let content, let hint):
                k == number ? "____" + (hint.map { " (\($0))" } ?? "") : question(content, number: number)
            }
        }.joined()
    }

    /// What card `number` hides: the text of each of its deletions.
    static func answers(_ nodes: [Node], number: Int) -> [String] {
        var out: [String] = []
        for n in nodes {
            if case .deletion(let k, let content, _) = n {
                if k == number { out.append(revealed(content)) } else { out += answers(content, number: number) }
            }
        }
        return out
    }
}
