import Testing
@testable import Articles

struct SplitCase: CustomTestStringConvertible, Sendable {
    let text: String
    let expected: [String]
    var testDescription: String { text }
}

@Suite struct SentenceSplitterTests {
    static let cases: [SplitCase] = [
        SplitCase(text: "The dam opened in 1936. It still runs today.", expected: ["The dam opened in 1936.", "It still runs today."]),
        // Abbreviations in the middle of a sentence.
        SplitCase(text: "She moved to the U.S. state of Ohio in 1990. Then she left.", expected: ["She moved to the U.S. state of Ohio in 1990.", "Then she left."]),
        SplitCase(text: "He grew up in the U.S. The family later moved to Canada.", expected: ["He grew up in the U.S.", "The family later moved to Canada."]),
        SplitCase(text: "Dr. Okafor and Mr. Lund met Mrs. Hale at noon. They talked.", expected: ["Dr. Okafor and Mr. Lund met Mrs. Hale at noon.", "They talked."]),
        SplitCase(text: "Acme Inc. Chairman Lee spoke first. Others followed.", expected: ["Acme Inc. Chairman Lee spoke first.", "Others followed."]),
        SplitCase(text: "Earth is the third planet from the Sun. About 71 percent of it is water.", expected: ["Earth is the third planet from the Sun.", "About 71 percent of it is water."]),
        SplitCase(text: "The shop opens at noon on Sun. Mornings are quiet.", expected: ["The shop opens at noon on Sun. Mornings are quiet."]),
        SplitCase(text: "The shares went to Brook Ltd. The sale closed in May.", expected: ["The shares went to Brook Ltd.", "The sale closed in May."]),
        SplitCase(text: "Some fruits, e.g. Apples and pears, keep well. Others rot.", expected: ["Some fruits, e.g. Apples and pears, keep well.", "Others rot."]),
        SplitCase(text: "Use a solvent, i.e. Water, to clean it. Then dry it.", expected: ["Use a solvent, i.e. Water, to clean it.", "Then dry it."]),
        SplitCase(text: "The talk starts at 10 a.m. Eastern time on Fridays.", expected: ["The talk starts at 10 a.m. Eastern time on Fridays."]),
        SplitCase(text: "The shop closes at 5 p.m. The staff then go home.", expected: ["The shop closes at 5 p.m.", "The staff then go home."]),
        SplitCase(text: "They met on St. Anne's Road near No. 5 in the town. It rained.", expected: ["They met on St. Anne's Road near No. 5 in the town.", "It rained."]),
        // reigned, born, died before a year in brackets
        SplitCase(text: "Murad I (r. 1362–1389) expanded the state. Kepler (b. 1571) was born in Weil.", expected: ["Murad I (r. 1362–1389) expanded the state.", "Kepler (b. 1571) was born in Weil."]),
        SplitCase(text: "It was Smith vs. Jones in the final. Smith won.", expected: ["It was Smith vs. Jones in the final.", "Smith won."]),
        SplitCase(text: "They sold apples, pears, etc. In winter they sold wood.", expected: ["They sold apples, pears, etc.", "In winter they sold wood."]),
        // Decimals.
        SplitCase(text: "It scored 0.82 out of 10. Its neighbour scored 91.6 percent.", expected: ["It scored 0.82 out of 10.", "Its neighbour scored 91.6 percent."]),
        SplitCase(text: "Prices rose by 3.5% in 2021. They fell in 2022.", expected: ["Prices rose by 3.5% in 2021.", "They fell in 2022."]),
        // Initials.
        SplitCase(text: "The book was written by J. R. R. Tolkien in Oxford. It sold well.", expected: ["The book was written by J. R. R. Tolkien in Oxford.", "It sold well."]),
        SplitCase(text: "George W. Bush was elected in 2000. He served two terms.", expected: ["George W. Bush was elected in 2000.", "He served two terms."]),
        SplitCase(text: "The tablets contain vitamin C. It helps the body heal.", expected: ["The tablets contain vitamin C.", "It helps the body heal."]),
        // Quotes and parentheses.
        SplitCase(text: "He said, \"We are done.\" Then he left.", expected: ["He said, \"We are done.\"", "Then he left."]),
        SplitCase(text: "She wrote “It is over.” Nobody replied.", expected: ["She wrote “It is over.”", "Nobody replied."]),
        SplitCase(text: "The town grew. (Most of the growth came after 1900.) Farming declined.", expected: ["The town grew.", "(Most of the growth came after 1900.)", "Farming declined."]),
        SplitCase(text: "\"Is it safe?\" she asked. \"Yes!\" he said.", expected: ["\"Is it safe?\" she asked.", "\"Yes!\" he said."]),
        // Question marks, exclamation marks, ellipses.
        SplitCase(text: "Why did it fail? Nobody knows! The files were lost.", expected: ["Why did it fail?", "Nobody knows!", "The files were lost."]),
        SplitCase(text: "He waited... Then the door opened.", expected: ["He waited...", "Then the door opened."]),
        SplitCase(text: "He waited… and waited. Then it opened.", expected: ["He waited… and waited.", "Then it opened."]),
        // Lower-case after a full stop is no boundary; numbered markers stay.
        SplitCase(text: "The value was approx. ten metres. The end.", expected: ["The value was approx. ten metres.", "The end."]),
        SplitCase(text: "1. Mix the flour with water. 2. Bake it.", expected: ["1. Mix the flour with water.", "2. Bake it."]),
        SplitCase(text: "No full stop at the end", expected: ["No full stop at the end"]),
    ]

    @Test(arguments: cases)
    func splits(_ c: SplitCase) {
        let got = SentenceSplitter.split(c.text).map(\.text)
        #expect(got == c.expected)
    }

    @Test func offsetsPointIntoTheText() {
        let text = "Première phrase ici. Second one, with “quotes.” Third."
        let parts = SentenceSplitter.split(text)
        #expect(parts.count == 3)
        let bytes = Array(text.utf8)
        for p in parts {
            let slice = bytes[p.offset..<(p.offset + p.text.utf8.count)]
            #expect(String(decoding: slice, as: UTF8.self) == p.text)
        }
    }

    @Test func singleHugeLineIsSplitLinearly() {
        // ~5 MB on one line: must finish and give every sentence.
        let unit = "The reservoir held 4.5 million litres in 2019, said Dr. Amsel of the U.S. survey. "
        let count = 5_000_000 / unit.utf8.count + 1
        let text = String(repeating: unit, count: count)
        let parts = SentenceSplitter.split(text)
        #expect(parts.count == count)
        #expect(parts.last?.text == "The reservoir held 4.5 million litres in 2019, said Dr. Amsel of the U.S. survey.")
    }
}
