/// Just enough protobuf to read Anki's schema-18 config blobs (note-type kind, template
/// formats): top-level fields, varints and length-delimited values. Unknown wire types end
/// the read rather than guess. Kept by hand rather than taken from swift-protobuf: three
/// fields are read, and the library would add a hundred build steps and a code generator
/// (ARCHITECTURE.md has the figures).
struct ProtobufReader {
    enum Value {
        case varint(UInt64)
        case bytes(ArraySlice<UInt8>)
    }

    /// Every top-level field in order; nil when the blob is not well-formed protobuf.
    static func fields(_ bytes: [UInt8]) -> [(number: Int, value: Value)]? {
        var out: [(Int, Value)] = []
        var i = 0
        func varint() -> UInt64? {
            var result: UInt64 = 0
            var shift: UInt64 = 0
            while i < bytes.count, shift < 64 {
                let b = bytes[i]
                i += 1
                result |= UInt64(b & 0x7F) << shift
                if b & 0x80 == 0 { return result }
                shift += 7
            }
            return nil
        }
        while i < bytes.count {
            guard let key = varint() else { return nil }
            let number = Int(key >> 3)
            switch key & 7 {
            case 0:
                guard let v = varint() else { return nil }
                out.append((number, .varint(v)))
            case 1:
                guard i + 8 <= bytes.count else { return nil }
                i += 8
            case 2:
                guard let n = varint(), n <= UInt64(bytes.count - i) else { return nil }
                out.append((number, .bytes(bytes[i..<i + Int(n)])))
                i += Int(n)
            case 5:
                guard i + 4 <= bytes.count else { return nil }
                i += 4
            default:
                return nil
            }
        }
        return out
    }

    /// The last varint of field `number` (proto3: a missing field is 0).
    static func varint(_ fields: [(number: Int, value: Value)], _ number: Int) -> UInt64 {
        for f in fields.reversed() where f.number == number { if case .varint(let v) = f.value { return v } }
        return 0
    }

    /// The last string of field `number`, "" when absent.
    static func string(_ fields: [(number: Int, value: Value)], _ number: Int) -> String {
        for f in fields.reversed() where f.number == number { if case .bytes(let b) = f.value { return String(decoding: b, as: UTF8.self) } }
        return ""
    }
}
