import DelimitedText
import Testing

@Suite struct DelimitedTextScannerTests {
    private func rows(_ text: String, separator: Character = ",", comment: Character? = nil) -> [DelimitedTextScanner.Row] {
        Array(text.utf8).withUnsafeBufferPointer {
            DelimitedTextScanner.rows($0, separator: separator.asciiValue!, commentMarker: comment?.asciiValue)
        }
    }

    @Test("RFC 4180: quotes, doubled quotes, separators and line breaks inside quotes")
    func rfc4180() {
        let r = rows("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x,\n")
        #expect(r.map(\.fields) == [["a", "b,c", "say \"hi\""], ["two\nlines", "x", ""]])
        #expect(r.map(\.line) == [1, 2])
        #expect(r.allSatisfy { $0.problem == nil })
    }

    @Test("LF, CRLF and a lone CR end a record; blank lines are none; a BOM is skipped")
    func lineEndings() {
        let r = rows("\u{FEFF}a,b\n\nc,d\r\ne,f\rg,h")
        #expect(r.map(\.fields) == [["a", "b"], ["c", "d"], ["e", "f"], ["g", "h"]])
        #expect(r.map(\.line) == [1, 3, 4, 5])
    }

    @Test("with a comment marker, a record starting with it is skipped (Anki's # lines)")
    func comments() {
        let r = rows("#separator:tab\na\tb\n#note\n\"#not\"\tc\n", separator: "\t", comment: "#")
        #expect(r.map(\.fields) == [["a", "b"], ["#not", "c"]])
        #expect(r.map(\.line) == [2, 4])
        #expect(rows("#a,b\n").map(\.fields) == [["#a", "b"]])
    }

    @Test("broken quoting reads as Rust's csv crate reads it, and says so")
    func brokenQuoting() {
        let after = rows("\"ab\"cd,e\n")
        #expect(after.map(\.fields) == [["abcd", "e"]])
        #expect(after[0].problem != nil)
        let unclosed = rows("x,\"open\nstill\n")
        #expect(unclosed.map(\.fields) == [["x", "open\nstill\n"]])
        #expect(unclosed[0].problem != nil)
    }

    @Test("fields come back as ranges of the input, trimmed for numbers")
    func ranges() {
        let bytes = Array("  12 ,\"3\"\"4\"\n".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            var s = DelimitedTextScanner(bytes: buffer)
            #expect(s.nextRecord() != nil)
            #expect(s.fieldCount == 2)
            #expect(Array(s.trimmed(s.fields[0])) == Array("12".utf8))
            #expect(s.string(s.fields[1]) == "3\"4")
            #expect(s.trimmed(s.fields[1]).isEmpty)
            #expect(s.nextRecord() == nil)
        }
    }
}
