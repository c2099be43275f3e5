import Foundation
import JSONKit
import SeededRandom
import Testing

@Suite struct JSONParserTests {
    @Test func parsesNestedDocumentKeepingKeyOrder() throws {
        let v = try JSONParser.parse(Array(#"{"b":1,"a":[true,false,null,"x\n\u00e9\ud83d\ude00",-2.5e3,0]}"#.utf8))
        #expect(v.objectValue?.map(\.0) == ["b", "a"])
        #expect(v["b"]?.intValue == 1)
        let a = try #require(v["a"]?.arrayValue)
        #expect(a[0] == .bool(true) && a[1] == .bool(false) && a[2] == .null)
        #expect(a[3].stringValue == "x\né😀")
        #expect(a[4].doubleValue == -2500)
        #expect(a[5].intValue == 0)
    }

    @Test(arguments: [
        ("{\"a\":1,\n\"b\":}", 2, "where a value was expected"),
        ("[1,2\n,3\n", 3, "missing ']'"),
        ("{\"a\":\"unterminated}", 1, "missing closing quote"),
        ("{\"a\":1} x", 1, "after the end"),
        ("{\"a\":01}", 1, "cannot start with 0"),
        ("", 1, "ends where a value was expected"),
    ])
    func reportsLineOfSyntaxErrors(text: String, line: Int, fragment: String) {
        do {
            _ = try JSONParser.parse(Array(text.utf8))
            Issue.record("expected a syntax error for \(text)")
        } catch {
            #expect(error.line == line)
            #expect(error.problem.contains(fragment), "\(error.problem)")
        }
    }

    @Test func rejectsInvalidUTF8InStrings() {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse([0x22, 0xFF, 0xFE, 0x22]) }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let text = String(repeating: "[", count: 100_000)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(Array(text.utf8)) }
    }

    @Test func randomDocumentsRoundTripThroughWriter() throws {
        var rng = SeededGenerator(seed: 42)
        for _ in 0..<300 {
            let v = randomValue(&rng, depth: 0)
            let compact = v.encoded()
            let pretty = v.encoded(indent: 2)
            #expect(try JSONParser.parse(compact) == v)
            #expect(try JSONParser.parse(pretty) == v)
        }
    }

    private func randomValue(_ rng: inout SeededGenerator, depth: Int) -> JSONValue {
        switch Int.random(in: 0..<(depth > 3 ? 4 : 6), using: &rng) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &rng))
        case 2:
            return Bool.random(using: &rng)
                ? .number(Double(Int.random(in: -1_000_000...1_000_000, using: &rng)))
                : .number(Double.random(in: -1e6...1e6, using: &rng))
        case 3:
            let pool: [Character] = ["a", "é", "\"", "\\", "\n", "\t", "\u{01}", "😀", " ", "z", "\u{7F}"]
            return .string(String((0..<Int.random(in: 0..<12, using: &rng)).map { _ in pool.randomElement(using: &rng)! }))
        case 4: return .array((0..<Int.random(in: 0..<4, using: &rng)).map { _ in randomValue(&rng, depth: depth + 1) })
        default:
            return .object((0..<Int.random(in: 0..<4, using: &rng)).map { i in ("k\(i)", randomValue(&rng, depth: depth + 1)) })
        }
    }
}
