/// Which character encoding an HTML page is in, decided the way browsers do: a byte order
/// mark first, then the charset the server sent (HTTP `Content-Type`), then a `<meta charset>`
/// or `<meta http-equiv="Content-Type">` near the top, else UTF-8 when the bytes are valid
/// UTF-8 and windows-1252 (the web's legacy default) when they are not.
struct HTMLCharset: Sendable, Equatable {
    /// An encoding name libxml2 (through iconv) knows: "UTF-8", "WINDOWS-1252", "SHIFT_JIS", ...
    var name: String
    /// Bytes of byte order mark to skip.
    var bomLength: Int

    static func detect(_ bytes: [UInt8], declared: String? = nil) -> HTMLCharset {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return HTMLCharset(name: "UTF-8", bomLength: 3) }
        if bytes.starts(with: [0xFE, 0xFF]) { return HTMLCharset(name: "UTF-16BE", bomLength: 2) }
        if bytes.starts(with: [0xFF, 0xFE]) { return HTMLCharset(name: "UTF-16LE", bomLength: 2) }
        if let label = declared, let name = encodingName(label, fromMeta: false) { return HTMLCharset(name: name, bomLength: 0) }
        if let label = metaCharset(bytes), let name = encodingName(label, fromMeta: true) { return HTMLCharset(name: name, bomLength: 0) }
        return HTMLCharset(name: Sanitizer.isValidUTF8(bytes) ? "UTF-8" : "WINDOWS-1252", bomLength: 0)
    }

    /// The charset label of the first `<meta>` in the first 8 KB that declares one.
    static func metaCharset(_ bytes: [UInt8]) -> String? {
        let head = ByteText.folded(bytes.prefix(8192), limit: 8192)
        var from = 0
        while let start = ByteText.find(head, "<meta", from: from) {
            let end = head[start...].firstIndex(of: 0x3E) ?? head.count
            let tag = Array(head[start..<end])
            from = end
            guard let at = ByteText.find(tag, "charset", from: 0) else { continue }
            var i = at + 7
            while i < tag.count && (ByteText.isASCIISpace(tag[i]) || tag[i] == 0x3D || tag[i] == 0x22 || tag[i] == 0x27) { i += 1 }
            let valueStart = i
            while i < tag.count && !ByteText.isASCIISpace(tag[i]) && tag[i] != 0x22 && tag[i] != 0x27 && tag[i] != 0x3B && tag[i] != 0x2F { i += 1 }
            if i > valueStart { return String(decoding: tag[valueStart..<i], as: UTF8.self) }
        }
        return nil
    }

    /// An encoding label as an encoding name, following the WHATWG label table for the
    /// common cases: Latin-1 and ASCII labels mean windows-1252, and a `<meta>` cannot
    /// declare UTF-16 (the bytes it is written in would not be UTF-16).
    static func encodingName(_ label: String, fromMeta: Bool) -> String? {
        let l = String(label.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "\"" && $0 != "'" }).lowercased()
        guard !l.isEmpty, l.count <= 40, l.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.:".contains($0)) }) else { return nil }
        switch l {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": return "UTF-8"
        case "iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "ansi_x3.4-1968", "windows-1252", "cp1252",
             "x-cp1252", "cp819", "ibm819", "iso-ir-100", "csisolatin1":
            return "WINDOWS-1252"
        case "utf-16", "utf-16le", "utf-16be", "unicode", "ucs-2": return fromMeta ? "UTF-8" : l.uppercased()
        case "x-sjis", "shift-jis", "sjis", "ms_kanji", "windows-31j": return "SHIFT_JIS"
        case "gb2312", "gb_2312-80", "x-gbk", "gbk", "chinese": return "GBK"
        case "iso-8859-9", "latin5": return "WINDOWS-1254"
        default: return l.uppercased()
        }
    }

    var isUTF8: Bool { name == "UTF-8" }
}
