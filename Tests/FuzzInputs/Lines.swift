/// Line numbers as the readers count them, for checking the ones their errors name.
public enum Lines {
    /// How many lines `bytes` holds: 1 + line feeds, and + carriage returns not before a
    /// line feed where those end lines too (CSV).
    public static func count(_ bytes: [UInt8], carriageReturnEndsLine: Bool = false) -> Int {
        var lines = 1
        for (i, b) in bytes.enumerated() where b == 0x0A || (carriageReturnEndsLine && b == 0x0D && bytes.dropFirst(i + 1).first != 0x0A) {
            lines += 1
        }
        return lines
    }
}
