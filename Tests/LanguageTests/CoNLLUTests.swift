import Testing

@testable import Language

@Suite struct CoNLLUTests {
    static let sample = """
        # sent_id = s1
        # text = I don't know.
        1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_
        2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_
        2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\tSpaceAfter=No
        3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
        4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No
        4.1\tknew\tknow\tVERB\tVBD\t_\t_\t_\t4:conj\t_
        5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

        # sent_id = s2
        1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_

        """

    @Test func readsWordsAndSkipsMultiwordTokensAndEmptyNodes() throws {
        let sentences = try CoNLLU.parse(Self.sample, source: "sample")
        #expect(sentences.count == 2)
        #expect(sentences[0].id == "s1")
        #expect(sentences[0].text == "I don't know.")
        #expect(sentences[0].words.map(\.form) == ["I", "do", "n't", "know", "."])
        #expect(sentences[0].words.map(\.head) == [4, 4, 4, 0, 4])
        #expect(sentences[0].words.map(\.spaceAfter) == [true, false, true, false, true])
        #expect(sentences[1].words.map(\.relation) == ["root"])
    }

    @Test(arguments: [
        ("1\tI\tI\tPRON\tPRP\t_\t0\troot\t_\n", "sample, line 1: not CoNLL-U: expected 10 tab-separated fields, found 9"),
        ("1\tI\tI\tPRON\tPRP\t_\tx\troot\t_\t_\n", "sample, line 1: not CoNLL-U: head 'x' is not a number"),
        ("2\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n", "sample, line 1: not CoNLL-U: word number '2' out of sequence"),
        ("1\tI\tI\tPRON\tPRP\t_\t5\troot\t_\t_\n", "sample: not CoNLL-U: sentence 1 has a head outside the sentence (5)"),
    ])
    func malformedLinesAreNamed(_ text: String, _ message: String) {
        #expect(throws: LanguageError.self) { try CoNLLU.parse(text, source: "sample") }
        do {
            _ = try CoNLLU.parse(text, source: "sample")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func writesWhatItReads() throws {
        let words = [
            Word(index: 0, form: "Yes", utf8Range: 0..<3, lemma: "yes", tag: .intj, pennTag: "UH", head: nil, relation: .root, spaceAfter: false),
            Word(index: 1, form: "!", utf8Range: 3..<4, lemma: "!", tag: .punct, pennTag: ".", head: 0, relation: .punct, spaceAfter: true),
        ]
        let text = CoNLLU.format(ParsedSentence(text: "Yes!", words: words), id: "a")
        let back = try CoNLLU.parse(text, source: "written")
        #expect(back.first?.text == "Yes!")
        #expect(back.first?.words.map(\.form) == ["Yes", "!"])
        #expect(back.first?.words.map(\.head) == [0, 1])
        #expect(back.first?.words.map(\.spaceAfter) == [false, true])
    }
}
