// swift-tools-version: 6.0
// The libFuzzer targets, one per reader (FUZZING.md). A package of its own so that the
// main package builds and tests without the fuzzer runtime; build and run one with
// `Fuzz/run.sh TARGET SECONDS`.
import PackageDescription

/// The main package, one folder up, by the name its products are asked for under.
let factdeck = "factdeck"

/// A fuzz executable for `name` (module `fuzz_<name>`), reading with `products` of the main package.
func fuzzTarget(_ name: String, _ products: [String]) -> Target {
    .executableTarget(
        name: "fuzz-\(name)",
        dependencies: ["FuzzSupport"] + (products + ["FuzzInputs"]).map { .product(name: $0, package: factdeck) })
}

let package = Package(
    name: "factdeck-fuzz",
    platforms: [.macOS(.v15)],
    products: [
        "article", "deck", "snapshot", "review-log", "replay-csv", "anki-text", "anki-package", "answer",
    ].map { .executable(name: "fuzz-\($0)", targets: ["fuzz-\($0)"]) },
    dependencies: [
        .package(name: factdeck, path: "..")
    ],
    targets: [
        .target(name: "FuzzSupport", dependencies: ["DeckModel", "FuzzInputs", "JSONKit", "StudyStore"].map { .product(name: $0, package: factdeck) }),
        fuzzTarget("article", ["Articles", "Language", "CardGeneration", "DeckModel", "SeededRandom"]),
        fuzzTarget("deck", ["DeckModel", "JSONKit"]),
        fuzzTarget("snapshot", ["StudyStore"]),
        fuzzTarget("review-log", ["StudyStore"]),
        fuzzTarget("replay-csv", ["Scheduling", "ReplayFiles"]),
        fuzzTarget("anki-text", ["AnkiInterop", "DeckModel"]),
        fuzzTarget("anki-package", ["AnkiInterop", "DeckModel"]),
        fuzzTarget("answer", ["StudySession", "DeckModel"]),
    ]
)
