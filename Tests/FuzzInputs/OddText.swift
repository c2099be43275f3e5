/// Text that breaks naive readers: encodings gone wrong, control characters, numbers at and
/// past the limits of Int and Double, and characters that change width or direction.
public enum OddText {
    public static let samples: [[UInt8]] = strings.map { Array($0.utf8) } + bytes

    static let strings = [
        "\u{0}", "\r", "\r\n", "\n\n\n", "\t", "\u{1B}[31m", "\u{7F}", "\u{FEFF}", "\u{FFFD}", "\u{200B}", "\u{202E}",
        "\u{0301}\u{0301}\u{0301}", "👩‍👩‍👧", "🇳🇴", "İ", "ß", "ﬁ", "Ⅻ", "٣", "１２", "½",
        "\"", "\\", "\\u0000", "\\ud800", "\\uDFFF\\uD800", "'", ",", ";", "|", "{", "}", "[", "]", "<", ">", "&", "&#0;", "&#x110000;",
        "&nbsp;", "<!--", "]]>", "<script>", "{{c1::", "}}", "::", "#", "# ", "```", "**", "](", "____",
        "0", "-0", "1e999", "-1e999", "1e-999", "NaN", "Infinity", "9223372036854775807", "9223372036854775808",
        "-9223372036854775809", "18446744073709551616", String(repeating: "9", count: 40), "0." + String(repeating: "0", count: 30) + "1",
        "1,000,000,000,000,000,000", "$99999999999999999999 billion", "99999999999999999999%", "12/31/99999",
        "2026-02-30T25:61:61Z", "0000-00-00T00:00:00Z", "99999-12-31T23:59:59Z", "-2026-01-01T00:00:00Z",
        "2026-01-01T00:00:00.99999999999Z", "2026-01-01T00:00:00+99:99", "1970-01-01T00:00:00Z",
    ]

    /// Byte sequences that are not UTF-8: stray continuation bytes, overlong forms,
    /// surrogates, code points past U+10FFFF, a cut-off sequence.
    static let bytes: [[UInt8]] = [
        [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0xF8, 0x88, 0x80, 0x80, 0x80], [0xFE], [0xFF], [0xE2, 0x82], [0xF0, 0x9F, 0x98],
    ]
}
