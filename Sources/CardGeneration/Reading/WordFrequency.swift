import Foundation

/// How common an English word is, on the Zipf scale (log10 of uses per billion words:
/// "the" 7.7, "terms" 5.1, "dispute" 4.3, "lithosphere" 2.4), from wordfreq's data (see
/// Resources/NOTICE). Words rarer than 3.0 are not listed and read as 0.
enum WordFrequency {
    /// Frequent in general English: never an answer on its own ("terms", "level", "role").
    static let frequent = 4.5
    /// Rare enough that a word alone names something specific ("mantle", "anthracite").
    static let specific = 4.0

    static func zipf(_ word: String) -> Double {
        guard let v = table[word.lowercased()] else { return 0 }
        return Double(v) / 10
    }

    /// Read once, on first use, from the table shipped with the package.
    private static let table: [String: UInt8] = {
        guard let url = Bundle.module.url(forResource: "english-word-frequency", withExtension: "tsv", subdirectory: "Resources"),
              let data = try? Data(contentsOf: url) else { return [:] }
        var out: [String: UInt8] = [:]
        out.reserveCapacity(30_000)
        for line in data.split(separator: UInt8(ascii: "\n")) where line.first != UInt8(ascii: "#") {
            guard let tab = line.firstIndex(of: UInt8(ascii: "\t")) else { continue }
            let word = String(decoding: line[line.startIndex..<tab], as: UTF8.self)
            let z = String(decoding: line[(tab + 1)...], as: UTF8.self)
            if let v = Double(z) { out[word] = UInt8(min(255, max(0, (v * 10).rounded()))) }
        }
        return out
    }()

    /// Whether the table loaded (a test checks the package ships it).
    static var isAvailable: Bool { !table.isEmpty }
}
