import AnkiInterop
import FuzzInputs
import FuzzSupport

@_cdecl("fuzz_anki_text_main")
public func fuzzAnkiTextMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, check: AnkiTextTarget.check)
}

/// A text file of notes through `factdeck import FILE`: `AnkiTextImporter` (Anki's "Notes in
/// Plain Text" headers, CSV/TSV with the separator guessed or given by the extension).
enum AnkiTextTarget {
    /// Mode byte 0, 1, 2: the file's extension (it picks the separator when no header does).
    static let extensions = ["txt", "csv", "tsv"]

    static func check(_ input: [UInt8]) {
        let fuzz = FuzzInput(input, modes: UInt8(extensions.count))
        let path = ScratchFile.write(fuzz.body, named: "notes.\(extensions[Int(fuzz.mode ?? 0)])")
        do {
            let result = try AnkiTextImporter.read(path: path)
            for deck in result.decks { Invariant.requireReadable(deck) }
            let lines = Lines.count(fuzz.body, carriageReturnEndsLine: true)
            for warning in result.warnings {
                Invariant.require(warning.hasPrefix(path + ": line "), "the warning does not name the file and line: \(warning)")
                let number = warning.dropFirst(path.count + 7).prefix { $0.isNumber }
                Invariant.require(Int(number).map { $0 >= 1 && $0 <= lines } == true, "the warning names no line of the file: \(warning)")
            }
        } catch {
            Invariant.require(error.description.contains(path), "the error does not name the file: \(error)")
        }
    }
}
