/// Small byte-level string helpers: the hot paths avoid Foundation's NSString bridging.
enum Text {
    /// Whether `needle` occurs in `hay` (UTF-8 byte search).
    static func contains(_ hay: String, _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard !n.isEmpty else { return true }
        let h = Array(hay.utf8)
        guard h.count >= n.count else { return false }
        let first = n[0]
        var i = 0
        let last = h.count - n.count
        while i <= last {
            if h[i] == first {
                var k = 1
                while k < n.count && h[i + k] == n[k] { k += 1 }
                if k == n.count { return true }
            }
            i += 1
        }
        return false
    }

    /// `s` with every occurrence of `a` replaced by `b`.
    static func replacing(_ s: String, _ a: String, with b: String) -> String {
        let aa = Array(a.utf8), bb = Array(b.utf8)
        let h = Array(s.utf8)
        guard !aa.isEmpty, h.count >= aa.count else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(h.count)
        var i = 0
        var changed = false
        while i < h.count {
            if h[i] == aa[0], i + aa.count <= h.count {
                var k = 1
                while k < aa.count && h[i + k] == aa[k] { k += 1 }
                if k == aa.count { out.append(contentsOf: bb); i += aa.count; changed = true; continue }
            }
            out.append(h[i])
            i += 1
        }
        return changed ? String(decoding: out, as: UTF8.self) : s
    }

    /// `s` without leading and trailing spaces.
    static func trimmed(_ s: String) -> String {
        var sub = Substring(s)
        while let f = sub.first, f == " " || f == "\t" || f == "\n" { sub.removeFirst() }
        while let l = sub.last, l == " " || l == "\t" || l == "\n" { sub.removeLast() }
        return String(sub)
    }
}
