import Foundation
import JSONKit
import Testing

/// The one number reader all three JSON paths use: strtod's value for every valid number,
/// through the fast path or not, and the parsers' words for invalid ones.
@Suite struct JSONNumberTests {
    static func read(_ text: String) throws(JSONNumber.Problem) -> (Double, Int) {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buf throws(JSONNumber.Problem) in
            var pos = 0
            let v = try JSONNumber.read(buf.baseAddress!, &pos, end: buf.count)
            return (v, pos)
        }
    }

    @Test(arguments: [
        "0", "-0", "7", "-12", "0.1", "2.3065", "-0.5", "-0.0", "0.30000000000000004", "123456789.123456789",
        "999999999999999.9", "9007199254740993", "12345678901234567", "123456789012345678", "1e-7", "2.5E+3",
        "1.7976931348623157e308", "4.9e-324", "0.000000000000000000000001", "3.14159265358979323846264338327950288",
    ])
    func valueIsStrtods(text: String) throws {
        let (v, end) = try Self.read(text + ",")
        let expected = strtod(text, nil)
        #expect(v.bitPattern == expected.bitPattern || (v == 0 && expected == 0 && text != "-0.0"), "\(text): \(v) vs \(expected)")
        #expect(end == text.utf8.count)
    }

    @Test(arguments: [
        ("-", "expected digits in a number", 1),
        ("01", "numbers cannot start with 0", 2),
        ("1.", "expected digits after the decimal point", 2),
        ("1.e5", "expected digits after the decimal point", 2),
        ("2e", "expected digits in the exponent", 2),
        ("2e+", "expected digits in the exponent", 3),
        // Found by fuzzing: 0.06e3086092545 in a snapshot read as infinity, and was written back as null.
        ("1e999", "the number is too large", 0),
        ("-1.8e308", "the number is too large", 0),
        ("0.062372522531e3086092545", "the number is too large", 0),
        ("1" + String(repeating: "0", count: 400), "the number is too large", 0),
    ])
    func invalidNumbersAreNamed(text: String, message: String, at: Int) {
        #expect(throws: JSONNumber.Problem.self) { try Self.read(text) }
        do {
            _ = try Self.read(text)
        } catch {
            #expect(error.message == message && error.at == at)
        }
    }
}
