/// Reading and writing CoNLL-U (https://universaldependencies.org/format.html).
///
/// Multiword-token lines ("19-20 don't") and empty nodes ("8.1") are skipped: the words
/// are what the tagger and parser see, and the scores count.
public enum CoNLLU {
    public static func parse(_ text: String, source: String) throws(LanguageError) -> [TreebankSentence] {
        var sentences: [TreebankSentence] = []
        var current = TreebankSentence(words: [])
        var lineNumber = 0
        func finish() {
            if !current.words.isEmpty { sentences.append(current) }
            current = TreebankSentence(words: [])
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            if line.isEmpty {
                finish()
                continue
            }
            if line.first == "#" {
                if let value = comment(line, key: "sent_id") { current.id = value }
                if let value = comment(line, key: "text") { current.text = value }
                continue
            }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 10 else {
                throw .malformedTreebank(source: source, line: lineNumber, reason: "expected 10 tab-separated fields, found \(fields.count)")
            }
            let id = fields[0]
            if id.contains("-") || id.contains(".") { continue }
            guard let number = Int(id), number == current.words.count + 1 else {
                throw .malformedTreebank(source: source, line: lineNumber, reason: "word number '\(id)' out of sequence")
            }
            guard let head = Int(fields[6]) else {
                throw .malformedTreebank(source: source, line: lineNumber, reason: "head '\(fields[6])' is not a number")
            }
            current.words.append(
                .init(
                    form: String(fields[1]), lemma: String(fields[2]), upos: String(fields[3]), xpos: String(fields[4]),
                    head: head, relation: String(fields[7]), spaceAfter: !fields[9].contains("SpaceAfter=No")))
        }
        finish()
        for (n, sentence) in sentences.enumerated() {
            for word in sentence.words where word.head < 0 || word.head > sentence.words.count {
                throw .malformedTreebank(
                    source: source, line: 0, reason: "sentence \(sentence.id ?? String(n + 1)) has a head outside the sentence (\(word.head))")
            }
        }
        return sentences
    }

    private static func comment(_ line: Substring, key: String) -> String? {
        var rest = line.dropFirst().drop(while: { $0 == " " })
        guard rest.hasPrefix(key) else { return nil }
        rest = rest.dropFirst(key.count).drop(while: { $0 == " " })
        guard rest.first == "=" else { return nil }
        return String(rest.dropFirst().drop(while: { $0 == " " }))
    }

    /// One sentence as CoNLL-U, ending with the blank line.
    public static func format(_ sentence: ParsedSentence, id: String? = nil) -> String {
        var out = ""
        if let id { out += "# sent_id = \(id)\n" }
        out += "# text = \(sentence.text)\n"
        for word in sentence.words {
            let head = word.head.map { $0 + 1 } ?? 0
            let misc = word.spaceAfter ? "_" : "SpaceAfter=No"
            out += "\(word.index + 1)\t\(word.form)\t\(word.lemma)\t\(word.tag.rawValue)\t\(word.pennTag)\t_\t\(head)\t\(word.relation.rawValue)\t_\t\(misc)\n"
        }
        return out + "\n"
    }
}
