/// The hashed views of one word that the tagger and parser look at: the normalised word,
/// its prefixes and suffixes, its shape and a few spelling flags. Computed once per word.
struct LexicalForm: Sendable {
    /// Lower-cased, digits as "0", curly quotes straightened.
    var word: UInt64
    /// Prefixes of 1...3 and suffixes of 1...4 characters of the normalised word.
    var prefixes: (UInt64, UInt64, UInt64)
    var suffixes: (UInt64, UInt64, UInt64, UInt64)
    /// "Xxxxx" -> "Xxx", "U.S." -> "X.X.", "1,300" -> "d,ddd" -> "d,dd".
    var shape: UInt64
    var flags: UInt8
    var length: Int

    static let capitalized: UInt8 = 1, allCaps: UInt8 = 2, hasDigit: UInt8 = 4, hasHyphen: UInt8 = 8
    static let hasPeriod: UInt8 = 16, hasLetter: UInt8 = 32

    init(_ form: String) {
        let capacity = form.utf8.count
        var result: LexicalForm?
        // Scratch space on the stack: the analyser builds one of these per word.
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: max(capacity, 1)) { normal in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: max(capacity, 1)) { shapeChars in
                result = LexicalForm(form, normal: normal.baseAddress!, shapeChars: shapeChars.baseAddress!)
            }
        }
        self = result!
    }

    private init(_ form: String, normal: UnsafeMutablePointer<UInt32>, shapeChars: UnsafeMutablePointer<UInt32>) {
        var n = 0, shapeCount = 0
        var flags: UInt8 = 0
        var letters = 0, upper = 0
        var first = true
        var lastShape: UInt32 = 0, run = 0
        for scalar in form.unicodeScalars {
            var v = scalar.value
            var shape: UInt32
            if v >= 0x41 && v <= 0x5A {
                letters += 1
                upper += 1
                if first { flags |= Self.capitalized }
                v += 32
                shape = 0x58  // X
            } else if v >= 0x61 && v <= 0x7A {
                letters += 1
                shape = 0x78  // x
            } else if v >= 0x30 && v <= 0x39 {
                flags |= Self.hasDigit
                v = 0x30
                shape = 0x64  // d
            } else if v < 0x80 {
                if v == 0x2D { flags |= Self.hasHyphen }
                if v == 0x2E { flags |= Self.hasPeriod }
                shape = v
            } else {
                switch v {
                case 0x2018, 0x2019, 0x2032: v = 0x27  // ‘ ’ ′ -> '
                case 0x201C, 0x201D, 0x201E: v = 0x22  // “ ” „ -> "
                case 0x2013, 0x2014: v = 0x2D  // – — -> -
                default: break
                }
                let props = scalar.properties
                if props.isAlphabetic {
                    letters += 1
                    if props.isUppercase {
                        upper += 1
                        if first { flags |= Self.capitalized }
                        let lower = props.lowercaseMapping.unicodeScalars
                        if lower.count == 1, let l = lower.first { v = l.value }
                        shape = 0x58
                    } else {
                        shape = 0x78
                    }
                } else if props.numericType != nil {
                    flags |= Self.hasDigit
                    shape = 0x64
                } else {
                    shape = v
                }
            }
            first = false
            normal[n] = v
            n += 1
            if shape == lastShape { run += 1 } else { run = 1; lastShape = shape }
            if run <= 2 {
                shapeChars[shapeCount] = shape
                shapeCount += 1
            }
        }
        if letters > 0 { flags |= Self.hasLetter }
        if letters >= 2 && upper == letters { flags |= Self.allCaps }
        self.flags = flags
        self.length = n
        let p = UnsafeBufferPointer(start: normal, count: n)
        word = FeatureHash.scalars(p, from: 0, to: n)
        prefixes = (
            FeatureHash.scalars(p, from: 0, to: min(1, n)), FeatureHash.scalars(p, from: 0, to: min(2, n)),
            FeatureHash.scalars(p, from: 0, to: min(3, n))
        )
        suffixes = (
            FeatureHash.scalars(p, from: max(0, n - 1), to: n), FeatureHash.scalars(p, from: max(0, n - 2), to: n),
            FeatureHash.scalars(p, from: max(0, n - 3), to: n), FeatureHash.scalars(p, from: max(0, n - 4), to: n)
        )
        shape = FeatureHash.scalars(UnsafeBufferPointer(start: shapeChars, count: shapeCount), from: 0, to: shapeCount)
    }
}
