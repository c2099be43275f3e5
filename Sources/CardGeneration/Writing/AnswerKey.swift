/// Answer normalisation for duplicates and option checks (like the scorer's): lower case,
/// "%" and "per cent" as "percent", thousands commas dropped, filler words dropped.
enum AnswerKey {
    static let filler: Set<String> = ["a", "an", "the", "percent", "about", "around", "approximately", "nearly",
                                      "roughly", "some", "estimated", "more", "than", "over", "almost", "of"]
    static func normalize(_ s: String) -> String {
        let t = Text.replacing(Text.replacing(s.lowercased(), "%", with: " percent "), "per cent", with: "percent")
        var words: [String] = []
        var cur = ""
        let scalars = Array(t.unicodeScalars)
        for (i, u) in scalars.enumerated() {
            let digitAround = i > 0 && i + 1 < scalars.count && ("0"..."9").contains(scalars[i - 1]) && ("0"..."9").contains(scalars[i + 1])
            if u.properties.isAlphabetic || ("0"..."9").contains(u) || (u == "." && digitAround) {
                cur.unicodeScalars.append(u)
            } else if u == "," && digitAround {
                continue
            } else if !cur.isEmpty {
                words.append(cur); cur = ""
            }
        }
        if !cur.isEmpty { words.append(cur) }
        return words.filter { !filler.contains($0) }.joined(separator: " ")
    }
}
