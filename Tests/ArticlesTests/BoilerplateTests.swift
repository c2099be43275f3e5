import Testing
@testable import Articles

@Suite struct BoilerplateTests {
    @Test(arguments: [
        "Leave a Comment", "Leave a Reply", "12 Comments", "Share this:", "Share on Facebook", "Facebook Twitter LinkedIn Email",
        "Tweet", "Subscribe to our newsletter for weekly updates", "Sign up for our free newsletter", "Follow us on Instagram",
        "Read more", "Read more »", "Continue reading →", "Related Posts", "You may also like", "Next post",
        "Copyright 2021 River Media Group", "© 2019 Some Publisher Ltd.", "All rights reserved.",
        "This website uses cookies to ensure you get the best experience.", "We use cookies. Accept all",
        "By Jane Q. Writer", "Posted in History, Travel", "Tags: rivers, canals", "Photo: Archive Images",
        "Advertisement", "Your email address will not be published. Required fields are marked *",
        "This article was originally published on Example News.", "Skip to content", "Back to top",
    ])
    func boilerplateLinesAreRecognised(_ line: String) {
        #expect(Boilerplate.reason(forLine: line) != nil)
    }

    @Test(arguments: [
        "By 2020, the country had joined the trade bloc.",
        "Copyright law protects original works of authorship.",
        "The company shares its data with three partners.",
        "Readers in Kent follow the river for 40 miles.",
        "Comments from the minister were published in 2019.",
        "In 2018, North Korea expanded its internet access.",
        "Share prices fell by 5% in March.",
        "The Related Party Transactions Act passed in 1999.",
        "Economic Relations",
        "Home ownership rose to 64 percent in 2004.",
    ])
    func articleTextIsKept(_ line: String) {
        #expect(Boilerplate.reason(forLine: line) == nil)
    }

    @Test(arguments: [
        "Cassie Example is an American journalist and author living in Seoul, South Korea.",
        "Dana Roe is a freelance writer covering energy and climate.",
        "Lee Smith is the editor of Harbour Monthly.",
        "Sam de Vries is a graduate student whose work focuses on urban history.",
        "I'm a freelance writer based in Leeds.",
        "About the author: Ana writes about food.",
    ])
    func authorBiosAreRecognised(_ text: String) {
        #expect(Boilerplate.looksLikeAuthorBio(text))
    }

    @Test(arguments: [
        "China is North Korea's most important economic partner.",
        "The river is a major source of drinking water.",
        "Warsaw is the capital of Poland and its largest city.",
        "Marie Curie was a physicist and chemist who studied radioactivity.",
        "The committee is a group of experts appointed in 2010.",
    ])
    func ordinarySentencesAreNotBios(_ text: String) {
        #expect(!Boilerplate.looksLikeAuthorBio(text))
    }

    @Test func bioOnlyDroppedAtTheEnd() throws {
        // A bio-shaped sentence that opens the article is content; the same at the end is a bio.
        let text = """
            Profiles

            Ada Example is an American journalist who founded the Daily Lamp in 1921. She ran it for thirty years.

            The paper closed in 1990. Its archive went to the state library.

            Its printing press is now in a museum.

            Ben Example is a freelance writer based in Ohio. His work focuses on newspapers.
            """
        let a = try ArticleReader.read(text: text, fileName: "p.txt")
        let texts = a.sentences.map(\.text)
        #expect(texts.first == "Ada Example is an American journalist who founded the Daily Lamp in 1921.")
        #expect(!texts.contains { $0.contains("Ben Example") })
        #expect(a.dropped.contains { $0.reason == "author bio" })
    }

    @Test func sectionsOfFurnitureAreDroppedWithTheirContent() throws {
        let md = """
            # Rivers

            The Severn is the longest river in Britain.

            ## Comments

            Great article, thanks for writing it all up.

            ## Course

            It rises in Wales and flows into the Bristol Channel.

            ## References

            Smith, J. Rivers of Britain. London: Example Press, 1999.
            """
        let a = try ArticleReader.read(text: md, fileName: "r.md")
        #expect(a.sentences.map(\.text) == ["The Severn is the longest river in Britain.", "It rises in Wales and flows into the Bristol Channel."])
        #expect(a.sections == ["Course"])
    }

    @Test(arguments: [
        ("The city grew quickly.[1] It became a port.[12][13]", "The city grew quickly. It became a port."),
        ("It was founded in 1120.[citation needed] Few records survive.", "It was founded in 1120. Few records survive."),
        ("The tower fell in 1703 [note 1] during a storm.", "The tower fell in 1703 during a storm."),
        ("Trade rose sharply[not in citation given] after 1850.", "Trade rose sharply after 1850."),
        ("Warsaw ( listen) is the capital of Poland.", "Warsaw is the capital of Poland."),
        ("Fresno (/ˈfrɛznoʊ/ FREZ-noh), the county seat, is a city.", "Fresno, the county seat, is a city."),
        ("Ctenophora (/tᵻˈnɒfərə/; from the Greek for comb) are animals.", "Ctenophora (from the Greek for comb) are animals."),
        ("The town ( ) lies north (; ) of the river.", "The town lies north of the river."),
        ("He said [the mayor] was absent.", "He said [the mayor] was absent."),
        ("The area is 15.5 ha (38 acres).", "The area is 15.5 ha (38 acres)."),
    ])
    func citationMarksAreRemoved(_ raw: String, _ expected: String) {
        #expect(String(decoding: InlineCleaner.clean(Array(raw.utf8)), as: UTF8.self) == expected)
    }
}

@Suite struct DatelineTests {
    @Test(arguments: [
        ("Updated 10:32 AM ET, Mon March 27, 2017", true), ("Published 4 May 2024", true), ("Sep. 3, 2021 at 9:14 am", true),
        ("4 May 2024", true), ("Posted on Tuesday", true), ("Last updated: 12 January 2023", true),
        ("March 1945", false), ("May the best team win", false),
        ("The bridge opened on 4 May 2024.", false), ("Events of 1914", false),
    ])
    func datelines(line: String, isDateline: Bool) {
        // A dateline is dropped (as a dateline, or by an older rule as post metadata); the rest is kept.
        #expect((Boilerplate.reason(forLine: line) != nil) == isDateline, "\(line): \(Boilerplate.reason(forLine: line) ?? "kept")")
    }
}
