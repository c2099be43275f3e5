import Foundation
import Testing
@testable import Articles

/// Real-world inputs live outside the repository, in ../shared (read at run time only).
enum Shared {
    static let root: String = {
        // <repo>/Tests/ArticlesTests/<this file>  ->  <repo>/../shared
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.deletingLastPathComponent().appendingPathComponent("shared").path
    }()
    static let seed000 = root + "/seeds/000_707503f0f0d9d6d3.txt"
    static let seed004 = root + "/seeds/004_d3ccf8472db550c6.txt"
    static let gold000 = root + "/eval/seeds/000.gold.json"
    static let squadArticles = root + "/eval/squad-dev/articles"
    static func exists(_ p: String) -> Bool { FileManager.default.fileExists(atPath: p) }
}

@Suite struct RealArticleTests {
    @Test(.enabled(if: Shared.exists(Shared.seed000) && Shared.exists(Shared.gold000)))
    func seed000() throws {
        let a = try ArticleReader.read(contentsOfFile: Shared.seed000)
        #expect(a.format == .text)
        #expect(a.title == "Is North Korea Globalized")
        #expect(a.sections == [
            "North Korea’s Trade Partners",
            "The Role Of Technology In Increasing Globalization",
            "The Benefits Of Globalization For North Korea",
            "The Challenges Of Globalization",
            "Assessing North Korea’s Progress Towards Globalization",
        ])
        let texts = a.sentences.map(\.text)
        // "0.82 out of 10" stays inside one sentence, with the other scores.
        let scores = texts.filter { $0.contains("0.82 out of 10") }
        #expect(scores.count == 1)
        #expect(scores.first?.contains("0.44 out of 10") == true)

        // Boilerplate listed by the gold file never reaches a sentence. Hedged sentences
        // ("could also lead", ...) are the card generator's business, so they must stay.
        let data = try Data(contentsOf: URL(fileURLWithPath: Shared.gold000))
        let gold = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let noCards = try #require(gold["no_cards_from"] as? [String])
        #expect(noCards.contains("Cassie Grissom") && noCards.contains("Leave a Comment"))
        let hedges = ["could", "may", "might", "suggest"]
        for phrase in noCards {
            let kept = texts.contains { $0.contains(phrase) }
            if hedges.contains(where: { phrase.lowercased().contains($0) }) {
                #expect(kept, "hedged sentence should be left for the generator: \(phrase)")
            } else {
                #expect(!kept, "boilerplate kept: \(phrase)")
                #expect(a.dropped.contains { $0.text.contains(phrase) }, "not recorded as dropped: \(phrase)")
            }
        }
        // Every gold fact's key still sits in some kept sentence.
        let facts = try #require(gold["facts"] as? [[String: Any]])
        for fact in facts {
            let key = try #require(fact["key"] as? String)
            #expect(texts.contains { $0.contains(key) }, "lost fact key: \(key)")
        }
        #expect(texts.contains("In October of 2018, the nation joined the World Trade Organization, as part of a larger agreement with the United States."))
        #expect(a.warnings.isEmpty)
    }

    @Test(.enabled(if: Shared.exists(Shared.seed004)))
    func seed004() throws {
        let a = try ArticleReader.read(contentsOfFile: Shared.seed004)
        #expect(a.title == "How Does China Support North Korea")
        #expect(a.sections.count == 10)
        #expect(a.sections.first == "Economic Relations")
        #expect(a.sections.last == "Technology Outreach")
        #expect(a.sections.contains("Responding to Sanctions"))
        let texts = a.sentences.map(\.text)
        #expect(!texts.contains { $0.contains("Cassie Grissom") || $0.contains("Leave a Comment") || $0.contains("journalist") })
        #expect(texts.contains { $0.contains("more than 1,300 North Korean students") })
        // Lines within a section are separate paragraphs, each in its section.
        let economic = a.paragraphs.filter { $0.section == "Economic Relations" }
        #expect(economic.count >= 2)
    }

    @Test(.enabled(if: Shared.exists(Shared.squadArticles)))
    func squadArticlesAreClean() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Shared.squadArticles).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(names.count >= 10)
        for name in names {
            let a = try ArticleReader.read(contentsOfFile: Shared.squadArticles + "/" + name)
            #expect(a.sentences.count > 10, "\(name)")
            #expect(a.paragraphs.allSatisfy { $0.section == nil }, "\(name) has no headings")
            for s in a.sentences {
                #expect(!s.text.contains("[citation needed]") && !s.text.contains("[update]") && !s.text.contains("citation given"), "\(name): \(s.text)")
                #expect(!s.text.contains("ˈ") && !s.text.contains("( )") && !s.text.contains("()"), "\(name): \(s.text)")
                #expect(s.text.utf8.count < 1500, "\(name): runaway sentence")
            }
        }
        let fresno = try ArticleReader.read(contentsOfFile: Shared.squadArticles + "/fresno-california.txt")
        #expect(fresno.title == "Fresno, California")
        #expect(fresno.sentences.first?.text.hasPrefix("Fresno, the county seat of Fresno County, is a city in the U.S. state of California.") == true)
    }
}
