import Testing
@testable import Articles

/// English only: another language is refused, by its own words and by what the page declares.
@Suite struct LanguageTests {
    static let english = "The harbour was dug by hand between 1798 and 1803, and fishermen used it to land herring. It is one of the oldest in the county, and the town has kept its records since the first boats were registered there. Most of the trade was in slate and coal, which went to Liverpool and Dublin."

    @Test(arguments: [
        (english, "en"),
        ("Le port a été creusé à la main entre 1798 et 1803, et les pêcheurs l'utilisaient pour débarquer le hareng. C'est l'un des plus anciens du comté, et la ville conserve ses registres depuis que les premiers bateaux y ont été enregistrés.", "fr"),
        ("Der Hafen wurde zwischen 1798 und 1803 von Hand gegraben, und die Fischer nutzten ihn, um Hering anzulanden. Er ist einer der ältesten der Grafschaft, und die Stadt führt ihre Register, seit die ersten Boote dort eingetragen wurden.", "de"),
        ("El puerto fue excavado a mano entre 1798 y 1803, y los pescadores lo usaban para desembarcar arenque. Es uno de los más antiguos del condado, y la ciudad conserva sus registros desde que los primeros barcos se inscribieron allí.", "es"),
        ("O porto foi escavado à mão entre 1798 e 1803, e os pescadores o usavam para desembarcar arenque. É um dos mais antigos do condado, e a cidade guarda os seus registros desde que os primeiros barcos foram registrados lá.", "pt"),
        ("Il porto fu scavato a mano tra il 1798 e il 1803, e i pescatori lo usavano per sbarcare le aringhe. È uno dei più antichi della contea, e la città conserva i suoi registri da quando le prime barche vi furono iscritte.", "it"),
        ("De haven werd tussen 1798 en 1803 met de hand gegraven, en de vissers gebruikten hem om haring aan land te brengen. Het is een van de oudste van het graafschap, en de stad houdt haar registers bij sinds de eerste boten er werden ingeschreven.", "nl"),
        ("この港は1798年から1803年にかけて手で掘られ、漁師たちはニシンを水揚げするために使った。", "ja"),
        ("Гавань была вырыта вручную между 1798 и 1803 годами, и рыбаки использовали её для выгрузки сельди.", "ru"),
    ])
    func theTextItselfNamesItsLanguage(text: String, code: String) {
        #expect(LanguageGuess.of(text).code == code)
    }

    @Test func aPlainTextFileInFrenchIsRefused() {
        let text = "Le vieux port\n\nLe port a été creusé à la main entre 1798 et 1803, et les pêcheurs l'utilisaient pour débarquer le hareng. C'est l'un des plus anciens du comté, et la ville conserve ses registres depuis que les premiers bateaux y ont été enregistrés.\n"
        #expect(throws: ArticleError.notEnglish("French")) { try ArticleReader.read(text: text, fileName: "port.txt") }
        #expect(ArticleError.notEnglish("French").description.hasPrefix("is in French, not English"))
    }

    @Test func aMarkdownFileInGermanIsRefused() {
        let text = "# Der alte Hafen\n\nDer Hafen wurde zwischen 1798 und 1803 von Hand gegraben, und die Fischer nutzten ihn, um Hering anzulanden. Er ist einer der ältesten der Grafschaft, und die Stadt führt ihre Register, seit die ersten Boote dort eingetragen wurden.\n"
        #expect(throws: ArticleError.notEnglish("German")) { try ArticleReader.read(text: text, fileName: "hafen.md") }
    }

    @Test func aPageInSpanishIsRefusedEvenWhenItsMarkupSaysEnglish() {
        let page = "<html lang=\"en\"><body><article><p>El puerto fue excavado a mano entre 1798 y 1803, y los pescadores lo usaban para desembarcar arenque. Es uno de los más antiguos del condado, y la ciudad conserva sus registros desde que los primeros barcos se inscribieron allí.</p></article></body></html>"
        #expect(throws: ArticleError.notEnglish("Spanish")) { try ArticleReader.read(text: page, fileName: "puerto.html") }
    }

    @Test func aShortPageDeclaredGermanIsRefused() {
        let page = "<html lang=\"de-DE\"><body><p>Hamburg 1842.</p></body></html>"
        #expect(throws: ArticleError.notEnglish("German")) { try ArticleReader.read(text: page, fileName: "kurz.html") }
    }

    @Test func anEnglishPageWithAMistakenLangAttributeIsRead() throws {
        let page = "<html lang=\"fr\"><body><article><p>\(Self.english)</p></article></body></html>"
        let a = try ArticleReader.read(text: page, fileName: "harbour.html")
        #expect(a.sentences.count == 3)
    }

    @Test func anEnglishArticleQuotingFrenchIsRead() throws {
        let text = "The Motto\n\n\(Self.english) The town's motto, carved over the harbour gate in 1803, reads \"Le port est à nous, et la mer aussi\".\n"
        let a = try ArticleReader.read(text: text, fileName: "motto.txt")
        #expect(a.sentences.count == 4)
    }
}
