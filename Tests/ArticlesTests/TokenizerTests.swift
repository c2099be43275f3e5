import Testing
@testable import Articles

@Suite struct TokenizerTests {
    @Test func wordsNumbersAndPunctuation() {
        let t = Tokenizer.tokenize("In 2018, North Korea’s trade rose 85% to $1,300.50 (its 6th rise) in the U.S.")
        #expect(t.map(\.text) == ["In", "2018", ",", "North", "Korea", "’s", "trade", "rose", "85", "%", "to", "$", "1,300.50", "(", "its", "6th", "rise", ")", "in", "the", "U.S."])
        let kinds = Dictionary(t.map { ($0.text, $0.kind) }, uniquingKeysWith: { a, _ in a })
        #expect(kinds["2018"] == .number)
        #expect(kinds["1,300.50"] == .number)
        #expect(kinds["6th"] == .number)
        #expect(kinds["%"] == .symbol)
        #expect(kinds["$"] == .symbol)
        #expect(kinds[","] == .punctuation)
        #expect(kinds["Korea"] == .word)
        #expect(t.first { $0.text == "1,300.50" }?.numericValue == 1300.5)
        #expect(t.first { $0.text == "6th" }?.numericValue == 6)
    }

    @Test func offsetsAreUTF8() {
        let s = "Łódź has 3D printing and COVID-19 tests."
        let bytes = Array(s.utf8)
        for tok in Tokenizer.tokenize(s) {
            #expect(String(decoding: bytes[tok.offset..<(tok.offset + tok.length)], as: UTF8.self) == tok.text)
        }
        let words = Tokenizer.tokenize(s).map(\.text)
        #expect(words.contains("3D"))
        #expect(words.contains("COVID-19"))
        #expect(words.contains("Łódź"))
    }

    @Test func capitalisation() {
        let t = Tokenizer.tokenize("ASEAN and the Globalization Index don't matter to 2007-08 figures.")
        let byText = Dictionary(t.map { ($0.text, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byText["ASEAN"]?.isAllCaps == true)
        #expect(byText["ASEAN"]?.isCapitalized == true)
        #expect(byText["Globalization"]?.isCapitalized == true)
        #expect(byText["Globalization"]?.isAllCaps == false)
        #expect(byText["the"]?.isCapitalized == false)
        #expect(byText["don't"] != nil)
        #expect(byText["2007"]?.kind == .number)
        #expect(byText["08"]?.kind == .number)
    }

    @Test func sentenceTokensComeFromItsText() throws {
        let a = try ArticleReader.read(text: "Title\n\nThe port opened in 1803. It closed in 1990.", fileName: "t.txt")
        #expect(a.sentences[1].tokens.map(\.text) == ["It", "closed", "in", "1990", "."])
    }
}
