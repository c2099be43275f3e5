import Hashing
import Testing

@Suite struct HashingTests {
    @Test("SHA-256 matches the FIPS 180-4 vectors", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        (String(repeating: "a", count: 1000), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
    ])
    func sha256(_ input: String, _ hex: String) {
        #expect(ContentHash.sha256Hex(input) == hex)
        #expect(Hex.lowercase(ContentHash.sha256(Array(input.utf8))) == hex)
    }

    @Test("SHA-1 matches the FIPS 180-4 vectors", arguments: [
        ("", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
        ("abc", "a9993e364706816aba3e25717850c26c9cd0d89d"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "84983e441c3bd26ebaae4aa1f95129e5e54670f1"),
    ])
    func sha1(_ input: String, _ hex: String) {
        #expect(ContentHash.sha1Hex(input) == hex)
    }

    @Test("FNV-1a matches the published 64-bit vectors", arguments: [
        ("", 0xcbf2_9ce4_8422_2325 as UInt64),
        ("a", 0xaf63_dc4c_8601_ec8c),
        ("foobar", 0x8594_4171_f739_67e8),
    ])
    func fnv1a(_ input: String, _ value: UInt64) {
        #expect(FNV1a.hash(input) == value)
        #expect(FNV1a.hex(input) == String(repeating: "0", count: 16 - String(value, radix: 16).count) + String(value, radix: 16))
    }

    @Test("the 64-bit number of a text is the first 8 bytes of its SHA-1")
    func sha1Number() {
        #expect(ContentHash.sha1Number("abc") == 0xa999_3e36_4706_816a)
    }

    @Test("hex is two lower-case digits a byte")
    func hex() {
        #expect(Hex.lowercase([0, 1, 0xab, 0xff]) == "0001abff")
        #expect(Hex.lowercase([UInt8]()) == "")
    }
}
