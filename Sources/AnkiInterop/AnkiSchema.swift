import Foundation
import JSONKit

/// The legacy Anki collection layout (schema 11) that every current Anki imports, and the
/// note types factdeck writes into it. See ../shared/tools/anki/FORMATS.md §2.
enum AnkiSchema {
    /// Anki's schema-11 DDL (rslib/src/storage/schema11.sql).
    static let ddl = """
        CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL,
          scm integer NOT NULL, ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL,
          ls integer NOT NULL, conf text NOT NULL, models text NOT NULL, decks text NOT NULL,
          dconf text NOT NULL, tags text NOT NULL);
        CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL,
          mod integer NOT NULL, usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL,
          sfld integer NOT NULL, csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
        CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL,
          ord integer NOT NULL, mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL,
          queue integer NOT NULL, due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL,
          reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL,
          odid integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
        CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL,
          ease integer NOT NULL, ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL,
          time integer NOT NULL, type integer NOT NULL);
        CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
        CREATE INDEX ix_notes_usn ON notes (usn);
        CREATE INDEX ix_cards_usn ON cards (usn);
        CREATE INDEX ix_revlog_usn ON revlog (usn);
        CREATE INDEX ix_cards_nid ON cards (nid);
        CREATE INDEX ix_cards_sched ON cards (did, queue, due);
        CREATE INDEX ix_revlog_cid ON revlog (cid);
        CREATE INDEX ix_notes_csum ON notes (csum);
        """

    /// The field separator inside `notes.flds`.
    static let fieldSeparator = "\u{1F}"

    static let css = """
        .card { font-family: arial; font-size: 20px; text-align: center; color: black; background-color: white; }
        .choices { display: inline-block; text-align: left; margin-top: 0.6em; }
        .source { margin-top: 1.2em; font-size: 15px; color: #555; }
        .cloze { font-weight: bold; color: blue; }
        """

    static func field(_ name: String, _ ord: Int) -> JSONValue {
        .object([
            ("name", .string(name)), ("ord", .number(Double(ord))), ("sticky", .bool(false)),
            ("rtl", .bool(false)), ("font", .string("Arial")), ("size", .number(20)), ("media", .array([])),
        ])
    }

    static func template(_ name: String, qfmt: String, afmt: String) -> JSONValue {
        .object([
            ("name", .string(name)), ("ord", .number(0)), ("qfmt", .string(qfmt)), ("afmt", .string(afmt)),
            ("bqfmt", .string("")), ("bafmt", .string("")), ("did", .null),
        ])
    }

    /// Anki's stock Basic and Cloze note types: what factdeck exports, and what a text file's
    /// rows are read as.
    static let basicFields = ["Front", "Back"]
    static let basicTemplate = (name: "Card 1", qfmt: "{{Front}}", afmt: "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}")
    static let clozeFields = ["Text", "Back Extra"]
    static let clozeTemplate = (name: "Cloze", qfmt: "{{cloze:Text}}", afmt: "{{cloze:Text}}<br>\n{{Back Extra}}")

    static func noteType(id: Int64, name: String, cloze: Bool, modSeconds: Int64) -> JSONValue {
        let fields = cloze ? clozeFields : basicFields
        let t = cloze ? clozeTemplate : basicTemplate
        let tmpl = template(t.name, qfmt: t.qfmt, afmt: t.afmt)
        var members: [(String, JSONValue)] = [
            ("id", .number(Double(id))), ("name", .string(name)), ("type", .number(cloze ? 1 : 0)),
            ("mod", .number(Double(modSeconds))), ("usn", .number(-1)), ("sortf", .number(0)), ("did", .null),
            ("tmpls", .array([tmpl])),
            ("flds", .array(fields.enumerated().map { field($1, $0) })),
            ("css", .string(css)),
            ("latexPre", .string("\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n")),
            ("latexPost", .string("\\end{document}")), ("latexsvg", .bool(false)), ("tags", .array([])), ("vers", .array([])),
        ]
        if !cloze { members.append(("req", .array([.array([.number(0), .string("any"), .array([.number(0)])])]))) }
        return .object(members)
    }

    static func deck(id: Int64, name: String, modSeconds: Int64, description: String) -> JSONValue {
        .object([
            ("id", .number(Double(id))), ("name", .string(name)), ("mod", .number(Double(modSeconds))),
            ("usn", .number(-1)), ("collapsed", .bool(false)), ("browserCollapsed", .bool(false)),
            ("desc", .string(description)), ("dyn", .number(0)), ("conf", .number(1)),
            ("extendNew", .number(0)), ("extendRev", .number(0)),
            ("newToday", .array([.number(0), .number(0)])), ("revToday", .array([.number(0), .number(0)])),
            ("lrnToday", .array([.number(0), .number(0)])), ("timeToday", .array([.number(0), .number(0)])),
        ])
    }

    /// The stock "Default" options group (id 1) with `mod` 0, so it never overrides a
    /// learner's own options on import.
    static let defaultDeckConfig: JSONValue = .object([
        ("id", .number(1)), ("mod", .number(0)), ("name", .string("Default")), ("usn", .number(0)),
        ("maxTaken", .number(60)), ("autoplay", .bool(true)), ("timer", .number(0)), ("replayq", .bool(true)),
        ("dyn", .bool(false)),
        ("new", .object([
            ("delays", .array([.number(1), .number(10)])), ("initialFactor", .number(2500)),
            ("ints", .array([.number(1), .number(4), .number(0)])), ("order", .number(1)), ("perDay", .number(20)),
        ])),
        ("rev", .object([
            ("perDay", .number(200)), ("ease4", .number(1.3)), ("maxIvl", .number(36500)),
            ("ivlFct", .number(1)), ("hardFactor", .number(1.2)),
        ])),
        ("lapse", .object([
            ("delays", .array([.number(10)])), ("leechFails", .number(8)), ("leechAction", .number(1)),
            ("minInt", .number(1)), ("mult", .number(0)),
        ])),
    ])

    static func json(_ v: JSONValue) -> String { String(decoding: v.encoded(), as: UTF8.self) }
}
