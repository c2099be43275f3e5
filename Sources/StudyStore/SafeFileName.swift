import Hashing

/// File names derived from ids that can never leave their folder: no "/", no "..",
/// no hidden files, no control characters, bounded length.
public enum SafeFileName {
    /// A name built only from [a-z0-9._-]; when anything had to change, a hash of the
    /// original id is appended so two different ids never share a file.
    public static func make(_ id: String) -> String {
        var out = ""
        var changed = false
        for scalar in id.unicodeScalars {
            let c = Character(scalar)
            if c.isASCII, c.isLetter || c.isNumber || c == "-" || c == "_" || c == "." {
                let lower = Character(c.lowercased())
                if lower != c { changed = true }
                out.append(lower)
            } else {
                changed = true
                if out.last != "-" { out.append("-") }
            }
        }
        // Dots only inside a name, never at its start: rules out ".", "..", and hidden files.
        while out.hasPrefix(".") || out.hasPrefix("-") {
            out.removeFirst()
            changed = true
        }
        while out.contains("..") {
            out = out.replacingOccurrences("..", ".")
            changed = true
        }
        if out.count > 80 {
            out = String(out.prefix(80))
            changed = true
        }
        if out.isEmpty {
            out = "deck"
            changed = true
        }
        if changed { out += "-" + FNV1a.hex(id) }
        return out
    }
}

extension String {
    fileprivate func replacingOccurrences(_ a: String, _ b: String) -> String {
        split(separator: a, omittingEmptySubsequences: false).joined(separator: b)
    }
}
