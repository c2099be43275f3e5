import Testing
@testable import Articles

/// What pdftotext -layout prints, made into paragraphs (the text below is what it prints
/// for such pages: form feeds between pages, columns side by side).
@Suite struct PDFLayoutTextTests {
    @Test func hyphenatedLineEndsAreJoinedAndParagraphsKept() {
        let raw = """
            The Old Harbour

            The harbour at Port Elwyn was dug by hand between 1798 and
            1803. Fishermen used it to land her-
            ring, slate and coal from the quarries of the north-
            west, and the COVID-
            19 rules closed it in 2020.

            The railway reached the town in 1869.
            \u{0C}
            """
        #expect(PDFLayoutText.clean(raw) == """
            The Old Harbour

            The harbour at Port Elwyn was dug by hand between 1798 and 1803. Fishermen used it to land herring, slate and coal from the quarries of the northwest, and the COVID-19 rules closed it in 2020.

            The railway reached the town in 1869.
            """)
    }

    @Test func runningHeadersFootersAndPageNumbersGo() {
        func page(_ n: Int, _ body: String) -> String {
            "Coastal Studies Journal, vol. 3 (2021)\n\n\n" + body + "\n\n\n                                   Page \(n) of 3\n"
        }
        let raw = [
            page(1, "The harbour was dug by hand between 1798 and 1803, when the town\nhad fewer than 400 people."),
            page(2, "The pier is 310 metres long and was finished in 1811, eight years\nafter the harbour itself."),
            page(3, "The railway reached the town in 1869."),
        ].joined(separator: "\u{0C}") + "\u{0C}"
        #expect(PDFLayoutText.clean(raw) == """
            The harbour was dug by hand between 1798 and 1803, when the town had fewer than 400 people.

            The pier is 310 metres long and was finished in 1811, eight years after the harbour itself.

            The railway reached the town in 1869.
            """)
    }

    @Test func aParagraphRunsOnAcrossAPageBreak() {
        let raw = "A Bridge\n\nThe bridge was designed by Thomas Example, who had worked\n\n\n                 1\n\u{0C}under Thomas Telford on the Menai crossing.\n\n\n                 2\n\u{0C}"
        #expect(PDFLayoutText.clean(raw) == "A Bridge\n\nThe bridge was designed by Thomas Example, who had worked under Thomas Telford on the Menai crossing.")
    }

    @Test func twoColumnsAreReadLeftThenRight() {
        let raw = """
            Harbours of the North Coast

            The harbour at Port Elwyn was dug by      The pier at Skerry was built in 1811
            hand between 1798 and 1803. Fishermen     by the same masons. It is 310 metres
            used it to land herring and coal.         long and stands on granite piles.

            The railway reached the town in 1869,     The lamp on its end was first lit in
            and sea trade fell quickly after that.    1816 and burned whale oil until 1902.
            Few boats were left by 1900.
            \u{0C}
            """
        #expect(PDFLayoutText.clean(raw) == """
            Harbours of the North Coast

            The harbour at Port Elwyn was dug by hand between 1798 and 1803. Fishermen used it to land herring and coal.

            The railway reached the town in 1869, and sea trade fell quickly after that. Few boats were left by 1900.

            The pier at Skerry was built in 1811 by the same masons. It is 310 metres long and stands on granite piles.

            The lamp on its end was first lit in 1816 and burned whale oil until 1902.
            """)
    }

    @Test(arguments: [("12", true), ("- 12 -", true), ("Page 3", true), ("3 of 40", true), ("xii", true), ("12/40", true),
                      ("1984", true), ("Chapter 12", false), ("The end.", false), ("mix", false)])
    func pageNumbers(line: String, isNumber: Bool) {
        #expect(PDFLayoutText.isPageNumber(line) == isNumber)
    }
}
