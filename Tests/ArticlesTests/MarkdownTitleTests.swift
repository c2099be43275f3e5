import Testing
@testable import Articles

/// A Markdown file without a `#` heading takes its title from a first short line followed by a blank line,
/// as plain text does, not from its file name.
@Suite struct MarkdownTitleTests {
    @Test("first short line without a full stop is the title", arguments: [
        ("The Water Cycle\n\nThe water cycle is the continuous movement of water on Earth. It has no start and no end.\n", "The Water Cycle"),
        ("Notes on Mars\n\n## Moons\n\nMars has two small moons called Phobos and Deimos.\n", "Notes on Mars"),
        ("---\nauthor: someone\n---\nA Short History of Tea\n\nTea was first drunk in China thousands of years ago.\n", "A Short History of Tea"),
    ])
    func titleLine(_ row: (String, String)) throws {
        let a = try ArticleReader.read(text: row.0, fileName: "some-file.md")
        #expect(a.title == row.1)
        #expect(!a.sentences.contains { $0.text == row.1 })
    }

    @Test("no title line: the file name (or a # heading) still gives the title", arguments: [
        ("The water cycle is the continuous movement of water on Earth.\n\nIt has no start and no end.\n", "some file"),
        ("The Water Cycle\nThe water cycle is the continuous movement of water on Earth. It has no start.\n", "some file"),
        ("Draft\n\n# The Real Title\n\nThe water cycle is the continuous movement of water on Earth.\n", "The Real Title"),
    ])
    func noTitleLine(_ row: (String, String)) throws {
        let a = try ArticleReader.read(text: row.0, fileName: "some-file.md")
        #expect(a.title == row.1)
    }
}
