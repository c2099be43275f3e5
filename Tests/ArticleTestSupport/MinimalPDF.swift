/// Writes small, valid PDF files for tests: pages of text placed at given points in a
/// standard Type 1 font (Courier, so a line's width is its length), or pages with no text
/// at all (what a scanner without OCR produces). Text is ASCII.
public struct MinimalPDF {
    public struct Text {
        public var x: Double
        public var y: Double
        public var string: String
        public init(x: Double, y: Double, _ string: String) {
            self.x = x
            self.y = y
            self.string = string
        }
    }

    /// Each page's text; an empty page gets a filled rectangle instead (an image-like mark).
    public var pages: [[Text]]
    public var fontSize: Double = 10

    public init(pages: [[Text]]) { self.pages = pages }

    /// US Letter: 612 x 792 points.
    public static let pageHeight = 792.0

    public var bytes: [UInt8] {
        var objects: [String] = []
        func add(_ s: String) -> Int { objects.append(s); return objects.count }
        let font = add("<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>")
        var contents: [Int] = []
        for texts in pages {
            var ops: [String] = []
            if texts.isEmpty {
                ops.append("0.5 g 72 72 468 648 re f")
            } else {
                ops.append("BT /F1 \(fontSize) Tf")
                for t in texts { ops.append("1 0 0 1 \(t.x) \(t.y) Tm (\(Self.escaped(t.string))) Tj") }
                ops.append("ET")
            }
            let stream = ops.joined(separator: "\n")
            contents.append(add("<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream"))
        }
        let pagesID = objects.count + contents.count + 1
        let pageIDs = contents.map { c in
            add("<< /Type /Page /Parent \(pagesID) 0 R /MediaBox [0 0 612 792] /Contents \(c) 0 R /Resources << /Font << /F1 \(font) 0 R >> >> >>")
        }
        _ = add("<< /Type /Pages /Kids [\(pageIDs.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(pageIDs.count) >>")
        let catalog = add("<< /Type /Catalog /Pages \(pagesID) 0 R >>")
        var out = Array("%PDF-1.4\n".utf8)
        var offsets: [Int] = []
        for (k, o) in objects.enumerated() {
            offsets.append(out.count)
            out += Array("\(k + 1) 0 obj\n\(o)\nendobj\n".utf8)
        }
        let xref = out.count
        out += Array("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n".utf8)
        for o in offsets {
            let digits = String(o)
            out += Array((String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n").utf8)
        }
        out += Array("trailer\n<< /Size \(objects.count + 1) /Root \(catalog) 0 R >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return out
    }

    static func escaped(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "\\": out += "\\\\"
            case "(": out += "\\("
            case ")": out += "\\)"
            default: out.append(ch)
            }
        }
        return out
    }

    /// A one-column document as a word processor would set it: lines wrapped at `width`
    /// characters (a long word is hyphenated at the line end), a blank line between
    /// paragraphs, `header` at the top of every page and the page number at the bottom.
    public static func document(paragraphs: [String], width: Int = 64, linesPerPage: Int = 30, header: String? = nil) -> MinimalPDF {
        var lines: [String] = []
        for (k, p) in paragraphs.enumerated() {
            if k > 0 { lines.append("") }
            lines += wrap(p, width: width)
        }
        var pages: [[Text]] = []
        var start = 0
        while start < lines.count {
            let chunk = lines[start..<min(lines.count, start + linesPerPage)]
            var texts: [Text] = []
            if let header { texts.append(Text(x: 72, y: 740, header)) }
            for (k, line) in chunk.enumerated() where !line.isEmpty {
                texts.append(Text(x: 72, y: 700 - Double(k) * 14, line))
            }
            texts.append(Text(x: 300, y: 40, "\(pages.count + 1)"))
            pages.append(texts)
            start += linesPerPage
        }
        return MinimalPDF(pages: pages)
    }

    /// Greedy wrapping; a word that would cross the margin by more than three letters is
    /// split with a hyphen when it has no hyphen of its own and at least four letters remain.
    public static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ").map(String.init) {
            let room = width - line.count - (line.isEmpty ? 0 : 1)
            if word.count <= room {
                line += (line.isEmpty ? "" : " ") + word
                continue
            }
            if room >= 4, word.count - (room - 1) >= 4, !word.contains("-"), word.allSatisfy(\.isLetter) {
                let head = word.prefix(room - 1)
                line += (line.isEmpty ? "" : " ") + head + "-"
                lines.append(line)
                line = String(word.dropFirst(room - 1))
                continue
            }
            if !line.isEmpty { lines.append(line) }
            line = word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
