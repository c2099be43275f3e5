/// Decodes the HTML5 named references libxml2 leaves in text ("400&percnt;" -> "400%").
/// libxml2 2.9 knows only HTML 4's names; the rest of the WHATWG list is in `html5EntityTable`.
enum HTML5EntityDecoder {
    static let table: [String: String] = {
        var t: [String: String] = [:]
        for line in html5EntityTable.split(separator: "\n") {
            let parts = line.split(separator: "\t")
            guard parts.count == 2 else { continue }
            var s = ""
            for hex in parts[1].split(separator: " ") {
                if let v = UInt32(hex, radix: 16), let u = Unicode.Scalar(v) { s.unicodeScalars.append(u) }
            }
            t[String(parts[0])] = s
        }
        return t
    }()

    static func decode(_ s: String) -> String {
        guard s.utf8.contains(0x26) else { return s }
        var out = ""
        var rest = Substring(s)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest.index(after: amp)
            let name = rest[after...].prefix(32).prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
            let end = name.endIndex
            if !name.isEmpty, end < rest.endIndex, rest[end] == ";", let value = table[String(name)] {
                out += value
                rest = rest[rest.index(after: end)...]
            } else {
                out += "&"
                rest = rest[after...]
            }
        }
        out += rest
        return out
    }
}
