import Foundation
import Testing
import Articles
@testable import CardGeneration

@Test(.enabled(if: ProcessInfo.processInfo.environment["FD_DEBUG"] != nil)) func scratchKnowledge() throws {
    let path = ProcessInfo.processInfo.environment["FD_DEBUG"]!
    let article = try ArticleReader.read(contentsOfFile: path)
    let r = ArticleReading.read(article, analyzer: try englishAnalyzer())
    let k = r.knowledge
    print("TOPIC", k.topicEntity ?? "-", String(describing: k.topicKind))
    for (n, e) in k.names { print("NAME", n, "p\(e.person) pl\(e.place) o\(e.organisation) t\(e.thing) m\(e.male) f\(e.female)", String(describing: k.kind(of: n))) }
    let res = ReferentResolver(knowledge: k)
    for s in r.sentences {
        print("S", s.skip ?? "ok", s.view.text(), "| subj:", s.view.parse.root.flatMap { res.subjectMention(of: $0, in: s.view.parse, view: s.view) }.map { "\($0.text) \($0.kind)" } ?? "-")
    }
    print("ACR", k.acronyms, k.expansions)
}
