import JSONKit
import Testing

/// `JSONScanner` decodes strings and numbers to the very values `JSONParser` gives, and
/// refuses (throws) wherever the parser does.
@Suite struct JSONScannerTests {
    static let scalars = [
        #""plain""#, #""""#, #""a\"b\\c\/d\n\t\r\b\f""#, #""\u00e9\u65e5\ud83d\ude00""#, #""é日本😀""#, #""e\u0301""#,
        "0", "-0", "7", "-12", "3.25", "1e3", "-2.5E-2", "123456789012345678901", "0.333333333333333314829616256247",
        "9007199254740993", "1E+2",
    ]

    static let broken = [
        #""\ud83d""#, #""\x""#, #""abc"#, "01", "-", "1.", "1e", "\"\u{01}\"", #""\u12""#, "tru", "nul", "+1", "\"\\udc00\"",
    ]

    @Test(arguments: scalars)
    func scalarsMatchTheParser(text: String) throws {
        let bytes = Array(text.utf8)
        let expected = try JSONParser.parse(bytes)
        try bytes.withUnsafeBufferPointer { buf in
            var s = JSONScanner(buf)
            if case .string(let e) = expected {
                #expect(try s.string() == e)
            } else {
                #expect(try s.number() == expected.doubleValue)
            }
            try s.finish()
        }
    }

    @Test(arguments: broken)
    func brokenValuesThrowLikeTheParser(text: String) {
        let bytes = Array(text.utf8)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(bytes) }
        bytes.withUnsafeBufferPointer { buf in
            var s = JSONScanner(buf)
            #expect(throws: JSONScanner.Mismatch.self) {
                try s.skipValue(depth: 0)
                try s.finish()
            }
        }
    }

    @Test func iteratesMembersAndSkipsTheRest() throws {
        let bytes = Array(#" { "a" : [1, {"x": null}, "s"], "b":true , "c": {} , "d":[ ] } "#.utf8)
        try bytes.withUnsafeBufferPointer { buf in
            var s = JSONScanner(buf)
            var seen: [String] = []
            #expect(try s.beginObject())
            repeat {
                let k = try s.key()
                seen.append(String(decoding: k, as: UTF8.self))
                if JSONScanner.equals(k, "b") { #expect(try s.bool()) } else { try s.skipValue(depth: 1) }
            } while try s.nextMember()
            try s.finish()
            #expect(seen == ["a", "b", "c", "d"])
        }
    }

    @Test func tooDeepIsRefused() {
        let bytes = Array((String(repeating: "[", count: 600) + String(repeating: "]", count: 600)).utf8)
        bytes.withUnsafeBufferPointer { buf in
            var s = JSONScanner(buf)
            #expect(throws: JSONScanner.Mismatch.self) { try s.skipValue(depth: 0) }
        }
    }
}
