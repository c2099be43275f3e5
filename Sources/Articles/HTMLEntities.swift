/// HTML character references: named (HTML 4 set plus common HTML5 ones) and numeric.
enum HTMLEntities {
    static let table: [String: UInt32] = {
        var t: [String: UInt32] = [
            "amp": 38, "lt": 60, "gt": 62, "quot": 34, "apos": 39,
            "ndash": 0x2013, "mdash": 0x2014, "lsquo": 0x2018, "rsquo": 0x2019, "sbquo": 0x201A,
            "ldquo": 0x201C, "rdquo": 0x201D, "bdquo": 0x201E, "hellip": 0x2026, "bull": 0x2022,
            "prime": 0x2032, "Prime": 0x2033, "lsaquo": 0x2039, "rsaquo": 0x203A, "oline": 0x203E,
            "dagger": 0x2020, "Dagger": 0x2021, "permil": 0x2030, "euro": 0x20AC, "trade": 0x2122,
            "thinsp": 0x2009, "ensp": 0x2002, "emsp": 0x2003, "zwnj": 0x200C, "zwj": 0x200D,
            "lrm": 0x200E, "rlm": 0x200F, "OElig": 0x152, "oelig": 0x153, "Scaron": 0x160,
            "scaron": 0x161, "Yuml": 0x178, "fnof": 0x192, "circ": 0x2C6, "tilde": 0x2DC,
            "larr": 0x2190, "uarr": 0x2191, "rarr": 0x2192, "darr": 0x2193, "harr": 0x2194,
            "rArr": 0x21D2, "lArr": 0x21D0, "hArr": 0x21D4, "minus": 0x2212, "le": 0x2264,
            "ge": 0x2265, "ne": 0x2260, "asymp": 0x2248, "infin": 0x221E, "equiv": 0x2261,
            "sum": 0x2211, "prod": 0x220F, "radic": 0x221A, "part": 0x2202, "nabla": 0x2207,
            "isin": 0x2208, "forall": 0x2200, "exist": 0x2203, "empty": 0x2205, "cap": 0x2229,
            "cup": 0x222A, "int": 0x222B, "there4": 0x2234, "sim": 0x223C, "sub": 0x2282,
            "sup": 0x2283, "sube": 0x2286, "supe": 0x2287, "and": 0x2227, "or": 0x2228,
            "loz": 0x25CA, "spades": 0x2660, "clubs": 0x2663, "hearts": 0x2665, "diams": 0x2666,
            "thetasym": 0x3D1, "upsih": 0x3D2, "piv": 0x3D6, "sigmaf": 0x3C2, "frasl": 0x2044,
            "image": 0x2111, "weierp": 0x2118, "real": 0x211C, "alefsym": 0x2135, "crarr": 0x21B5,
            "lowast": 0x2217, "prop": 0x221D, "ang": 0x2220, "cong": 0x2245, "nsub": 0x2284,
            "oplus": 0x2295, "otimes": 0x2297, "perp": 0x22A5, "sdot": 0x22C5, "lceil": 0x2308,
            "rceil": 0x2309, "lfloor": 0x230A, "rfloor": 0x230B, "lang": 0x27E8, "rang": 0x27E9,
            "NewLine": 10, "Tab": 9, "nbsp": 160, "shy": 173,
        ]
        let latin1 = """
            nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr \
            deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest \
            Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml \
            ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig \
            agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml \
            eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml
            """
        for (k, name) in latin1.split(separator: " ").enumerated() { t[String(name)] = UInt32(160 + k) }
        let greekUpper = "Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho _ Sigma Tau Upsilon Phi Chi Psi Omega"
        for (k, name) in greekUpper.split(separator: " ").enumerated() where name != "_" {
            t[String(name)] = UInt32(913 + k)
            t[String(name).lowercased()] = UInt32(945 + k)
        }
        return t
    }()

    /// Names that browsers accept without a trailing semicolon.
    static let legacy: Set<String> = ["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"]

    /// Decodes a reference starting at `b[i] == '&'`. Appends the decoded scalar's UTF-8
    /// (nothing for control characters) and returns the index after the reference,
    /// or nil when this `&` does not start a reference.
    static func decode(_ b: [UInt8], at i: Int, into out: inout [UInt8]) -> Int? {
        let n = b.count
        var j = i + 1
        guard j < n else { return nil }
        if b[j] == 0x23 {  // '#'
            j += 1
            var hex = false
            if j < n && (b[j] | 0x20) == 0x78 { hex = true; j += 1 }
            var v: UInt32 = 0
            let start = j
            while j < n && j - start < 8 {
                let c = b[j]
                if ByteText.isDigit(c) { v = v &* (hex ? 16 : 10) &+ UInt32(c - 0x30) }
                else if hex, (c | 0x20) >= 0x61, (c | 0x20) <= 0x66 { v = v &* 16 &+ UInt32((c | 0x20) - 0x61 + 10) }
                else { break }
                j += 1
            }
            guard j > start else { return nil }
            if j < n && b[j] == 0x3B { j += 1 }
            appendScalar(v, into: &out)
            return j
        }
        let start = j
        while j < n && j - start < 32 && (ByteText.isASCIILetter(b[j]) || ByteText.isDigit(b[j])) { j += 1 }
        guard j > start else { return nil }
        let name = String(decoding: b[start..<j], as: UTF8.self)
        if j < n && b[j] == 0x3B, let v = table[name] {
            appendScalar(v, into: &out)
            return j + 1
        }
        if legacy.contains(name), let v = table[name] {
            appendScalar(v, into: &out)
            return j
        }
        return nil
    }

    static func appendScalar(_ v: UInt32, into out: inout [UInt8]) {
        var v = v
        // Windows-1252 remapping of C1 numeric references, as browsers do.
        if v >= 0x80 && v <= 0x9F {
            let cp1252: [UInt32] = [0x20AC, 0, 0x201A, 0x192, 0x201E, 0x2026, 0x2020, 0x2021, 0x2C6, 0x2030, 0x160, 0x2039, 0x152, 0, 0x17D, 0,
                                    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x2DC, 0x2122, 0x161, 0x203A, 0x153, 0, 0x17E, 0x178]
            v = cp1252[Int(v - 0x80)]
            if v == 0 { return }
        }
        if v == 0x09 || v == 0x0A { out.append(0x20); return }
        if v < 0x20 || v == 0x7F { return }  // never let a reference smuggle in a control character
        if v == 0xAD || (v >= 0x200B && v <= 0x200F) || (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069) || v == 0xFEFF { return }
        let s = Unicode.Scalar(v) ?? "\u{FFFD}"
        out.append(contentsOf: Array(String(Character(s)).utf8))
    }

    /// Decodes all references in a byte run.
    static func decodeAll(_ b: [UInt8]) -> [UInt8] {
        guard b.contains(0x26) else { return b }
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            if b[i] == 0x26, let next = decode(b, at: i, into: &out) { i = next; continue }
            out.append(b[i])
            i += 1
        }
        return out
    }
}
