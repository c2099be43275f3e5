import Foundation
import Testing
import Articles
import DeckModel
@testable import CardGeneration

/// Properties every generated deck must have: no leaks, no duplicates, sound distractors,
/// ranked scores, stable content-derived ids.
@Suite("Deck properties")
struct DeckPropertiesTests {
    /// The fixture article plus the seed articles when the shared folder is there.
    static var articlePaths: [String] {
        var paths = [Paths.fixtures.appendingPathComponent("panama-canal.txt").path]
        for p in [Paths.seed000, Paths.seed004] where FileManager.default.fileExists(atPath: p) { paths.append(p) }
        return paths
    }

    @Test("no card leaks its answer or an accepted answer into the question", arguments: articlePaths)
    func noLeaks(_ path: String) throws {
        let (deck, _) = try deck(fromFile: path)
        #expect(!deck.cards.isEmpty)
        for c in deck.cards where c.type != .truefalse {
            let q = squadNormalize(c.question)
            for a in [c.answer] + c.accept {
                #expect(!containsRun(q, squadNormalize(a)), "\(c.question) -> \(a)")
            }
        }
    }

    @Test("no duplicate questions, ids or facts", arguments: articlePaths)
    func noDuplicates(_ path: String) throws {
        let (deck, _) = try deck(fromFile: path)
        let questions = deck.cards.map { squadNormalize($0.question).joined(separator: " ") }
        #expect(Set(questions).count == questions.count)
        #expect(Set(deck.cards.map(\.id)).count == deck.cards.count)
        // at most two non-true/false cards share an answer
        var byAnswer: [String: Int] = [:]
        for c in deck.cards where c.type != .truefalse { byAnswer[AnswerKey.normalize(c.answer), default: 0] += 1 }
        #expect(byAnswer.values.allSatisfy { $0 <= 2 }, "\(byAnswer.filter { $0.value > 2 })")
    }

    @Test("a fact stated twice yields one card")
    func factStatedTwice() throws {
        let g = try cards("Canals", [["Panama took full control of the Panama Canal in 1999.", "The Panama Canal opened in 1914."],
                                     ["Panama took full control of the Panama Canal in 1999, after decades of talks."]])
        #expect(g.cards.filter { $0.answer == "1999" && $0.type != .truefalse }.count == 1)
    }

    @Test("cards are well formed and ranked best first", arguments: articlePaths)
    func wellFormed(_ path: String) throws {
        let (deck, _) = try deck(fromFile: path)
        for c in deck.cards {
            #expect((0...1).contains(c.score))
            #expect(c.id.hasPrefix("c-") && c.id.count == 14)
            #expect(!c.source.sentence.isEmpty)
            switch c.type {
            case .cloze: #expect(c.question.components(separatedBy: "____").count == 2, "\(c.question)")
            case .question: #expect(c.question.hasSuffix("?") && !c.question.contains("____"))
            case .choice: #expect(c.choices.count == 4 && c.choices.contains(c.answer))
            case .truefalse: #expect(["True", "False"].contains(c.answer))
            }
            let opener = c.question.split(separator: " ").first.map(String.init) ?? ""
            #expect(!["He", "She", "It", "They", "This", "These"].contains(opener), "unresolved: \(c.question)")
        }
        #expect(deck.cards.map(\.score) == deck.cards.map(\.score).sorted(by: >))
    }

    @Test("distractors have the answer's type and never equal an accepted answer", arguments: articlePaths)
    func distractors(_ path: String) throws {
        let (deck, _) = try deck(fromFile: path)
        for c in deck.cards where c.type == .choice {
            let accepted = Set(([c.answer] + c.accept).map(AnswerKey.normalize))
            let wrong = c.choices.filter { $0 != c.answer }
            #expect(wrong.count == 3 && Set(wrong).count == 3)
            for w in wrong {
                #expect(!accepted.contains(AnswerKey.normalize(w)), "\(w) equals an accepted answer of \(c.answer)")
                let numeric = c.answer.contains(where: \.isNumber)
                #expect(w.contains(where: \.isNumber) == numeric, "\(w) vs \(c.answer)")
                if c.factType == "year" { #expect(w.count == c.answer.count && Int(w) != nil) }
                if c.factType == "percent" { #expect(w.contains("%") == c.answer.contains("%")) }
            }
        }
    }

    @Test("names from other decks are never options: another subject area")
    func poolNamesAreNotOptions() throws {
        var pool = DistractorPool()
        for c in ["Peru", "Chile", "Kenya", "Norway"] { pool.add(c, factType: "place") }
        let g = try cards("Notes", [["The longest canal in the region was dug by Paraguay in the 1890s and carried 400 ships a year."],
                                    ["Paraguay became a member of the International Hydrographic Organization, a specialized agency, in 1921."]],
                          pool: pool)
        for c in g.cards where c.type == .choice {
            #expect(!c.choices.contains { ["Peru", "Chile", "Kenya", "Norway"].contains($0) }, "\(c.choices)")
        }
    }

    @Test("numbers are perturbed plausibly when the article has none alike")
    func perturbed() throws {
        var r = SeededGenerator(seed: 9)
        let c = AnswerCandidate(span: 0..<2, type: .percent, head: 0, value: 85, unit: "percent", answer: "85%")
        let ds = NumberOptions.perturbations(of: c, rng: &r)
        #expect(ds.count >= 3)
        for d in ds {
            #expect(d.hasSuffix("%") && d != "85%")
            let v = try #require(Double(d.dropLast()))
            #expect(v > 0 && v < 100)
        }
        let decade = AnswerCandidate(span: 0..<1, type: .date, head: 0, value: 1880, detail: "decade", answer: "1880s")
        for d in NumberOptions.perturbations(of: decade, rng: &r) {
            #expect(d.hasSuffix("0s") && d.count == 5, "\(d)")
        }
    }

    @Test("the same article gives the same deck, and card ids don't depend on the seed")
    func reproducible() throws {
        let path = Paths.fixtures.appendingPathComponent("panama-canal.txt").path
        let (a, _) = try deck(fromFile: path, seed: 1)
        let (b, _) = try deck(fromFile: path, seed: 1)
        let (c, _) = try deck(fromFile: path, seed: 99)
        #expect(a.cards == b.cards)
        #expect(a.cards.map(\.id) == c.cards.map(\.id))
    }
}

/// Card identity: pinned so a refactor can't silently orphan everyone's progress.
@Suite("Stable ids")
struct StableIDTests {
    @Test("the hash input is pinned")
    func hashInput() {
        #expect(CardID.hashInput(sentence: "In 2018, North Korea expanded its internet access.", answer: "2018", type: "cloze")
                == "in 2018 north korea expanded its internet access|2018|cloze")
        #expect(CardID.hashInput(sentence: "China’s share rose to 91.6  percent.", answer: "91.6 percent", type: "choice")
                == "china s share rose to 91 6 percent|91 6 percent|choice")
    }

    @Test("the id is pinned")
    func idPinned() {
        #expect(CardID.make(sentence: "In 2018, North Korea expanded its internet access.", answer: "2018", type: "cloze") == "c-781c9bfad340")
    }

    /// Whether a fact becomes a cloze, a question or a multiple-choice card depends on the
    /// distractors at hand (other decks, the seed); its id must not, or regenerating beside
    /// a new deck would orphan the progress of every card that changed kind.
    @Test("a fact keeps its id when its card changes kind")
    func idIndependentOfKind() throws {
        // the year is a question when asked alone, a multiple choice when other years stand
        // beside it in the article to be options
        let alone = [["The Royal Astronomical Society awarded its gold medal to Edwin Hubble in 1940."]]
        let beside = alone + [["The society was founded in 1820 in London.", "It received its royal charter in 1831.", "It moved to Burlington House in 1874."]]
        let a = try cards("Royal Astronomical Society", alone).cards.filter { $0.answer == "1940" && $0.type != .truefalse }
        let b = try cards("Royal Astronomical Society", beside).cards.filter { $0.answer == "1940" && $0.type != .truefalse }
        #expect(a.count == 1 && b.count == 1)
        #expect(a.map(\.id) == b.map(\.id))
    }

    @Test("typography and spacing don't change an id")
    func typography() {
        let a = CardID.make(sentence: "In 2018, North Korea expanded its  internet access.", answer: "2018", type: "question")
        let b = CardID.make(sentence: "In 2018 North Korea expanded its internet access", answer: " 2018", type: "question")
        #expect(a == b)
    }

    @Test("SHA-256 matches the standard vectors", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func sha256(_ input: String, _ hex: String) {
        #expect(SHA256.hex(input) == hex)
    }

    @Test("SHA-256 of a message longer than one block")
    func sha256Long() {
        #expect(SHA256.hex(String(repeating: "a", count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
