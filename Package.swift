// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "factdeck",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "factdeck", targets: ["factdeck"]),
        .executable(name: "factdeck-lang", targets: ["factdeck-lang"]),
        // The readers as libraries, for the fuzz package in Fuzz/ (it depends on this one by path).
        .library(name: "JSONKit", targets: ["JSONKit"]),
        .library(name: "DeckModel", targets: ["DeckModel"]),
        .library(name: "Articles", targets: ["Articles"]),
        .library(name: "Language", targets: ["Language"]),
        .library(name: "CardGeneration", targets: ["CardGeneration"]),
        .library(name: "Scheduling", targets: ["Scheduling"]),
        .library(name: "ReplayFiles", targets: ["ReplayFiles"]),
        .library(name: "SeededRandom", targets: ["SeededRandom"]),
        .library(name: "StudyStore", targets: ["StudyStore"]),
        .library(name: "StudySession", targets: ["StudySession"]),
        .library(name: "AnkiInterop", targets: ["AnkiInterop"]),
        // Test support: hostile inputs and line counting, for the property tests and the fuzzers.
        .library(name: "FuzzInputs", targets: ["FuzzInputs"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // SHA-256 and SHA-1 (ARCHITECTURE.md has what it costs a fresh build).
    ],
    targets: [
        // No pkgConfig: readline.pc drags in tinfo's prohibited -D flags (TOOLCHAIN.md §1).
        .systemLibrary(name: "CReadline", providers: [.apt(["libreadline-dev"])]),
        // libxml2's HTML parser. pkg-config gives its include path (/usr/include/libxml2);
        // libxml2-dev and pkg-config are among Swift's own Linux prerequisites.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        // The small shared pieces below everything else, one implementation each: hashes and the
        // seeded generator, ISO 8601 instants, delimited text, month and currency names.
        .target(name: "Hashing"),
        .target(name: "SeededRandom", dependencies: ["Hashing"]),
        .target(name: "ISOTime"),
        .target(name: "DelimitedText"),
        .target(name: "WordTables"),
        .target(name: "JSONKit"),
        .target(name: "Parallel"),
        .target(name: "TerminalKit"),
        .target(name: "DeckModel", dependencies: ["JSONKit"]),
        .target(name: "Articles", dependencies: ["CLibXML2", "JSONKit", "WordTables"]),
        // The IO edge of reading: files, web pages (URLSession), PDFs (poppler's pdftotext).
        .target(name: "ArticleSources", dependencies: ["Articles"]),
        // Tagger, parser and lemmas learned from UD English EWT; the model ships as a resource.
        .target(name: "Language", dependencies: ["SeededRandom"], resources: [.copy("Resources")]),
        .target(name: "CardGeneration", dependencies: ["Articles", "Language", "DeckModel", "Parallel", "Hashing", "SeededRandom", "WordTables"], resources: [.copy("Resources")]),
        .target(name: "Scheduling", dependencies: ["ISOTime", "SeededRandom"]),
        // `fsrs replay` and `fsrs optimize`'s files: the review-log CSV in, JSON lines and text out.
        .target(name: "ReplayFiles", dependencies: ["Scheduling", "ISOTime", "DelimitedText", "JSONKit"]),
        .target(name: "StudyStore", dependencies: ["JSONKit", "ISOTime", "Hashing", "DeckModel", "Scheduling", "Parallel"]),
        .target(name: "StudySession", dependencies: ["DeckModel", "Scheduling", "StudyStore", "Parallel", "SeededRandom", "WordTables"]),
        .target(name: "Stats", dependencies: ["JSONKit", "ISOTime", "TerminalKit", "DeckModel", "Scheduling", "StudyStore"]),
        .target(
            name: "AnkiInterop",
            dependencies: [
                "JSONKit", "ISOTime", "Hashing", "DelimitedText", "DeckModel", "Scheduling", "StudyStore",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .executableTarget(
            name: "factdeck",
            dependencies: [
                "CReadline", "JSONKit", "ISOTime", "Hashing", "SeededRandom", "TerminalKit", "DeckModel", "Articles", "ArticleSources",
                "Language", "CardGeneration", "Scheduling", "ReplayFiles", "Parallel", "StudyStore", "StudySession", "Stats", "AnkiInterop",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Seeded mutated inputs for the readers' property tests (*FuzzPropertyTests.swift).
        .target(name: "FuzzInputs", dependencies: ["DeckModel", "JSONKit", "Scheduling", "SeededRandom"], path: "Tests/FuzzInputs"),
        .executableTarget(
            name: "factdeck-lang",
            dependencies: ["Language", "Articles", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "JSONKitTests", dependencies: ["JSONKit", "SeededRandom"]),
        .testTarget(name: "HashingTests", dependencies: ["Hashing", "SeededRandom"]),
        .testTarget(name: "SeededRandomTests", dependencies: ["SeededRandom"]),
        .testTarget(name: "ISOTimeTests", dependencies: ["ISOTime", "SeededRandom"]),
        .testTarget(name: "DelimitedTextTests", dependencies: ["DelimitedText"]),
        .testTarget(name: "WordTablesTests", dependencies: ["WordTables"]),
        .testTarget(name: "ParallelTests", dependencies: ["Parallel"]),
        .testTarget(
            name: "AnkiInteropTests",
            dependencies: [
                "AnkiInterop", "DeckModel", "StudyStore", "Scheduling", "JSONKit", "FuzzInputs",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Scripts", "Fixtures"]
        ),
        .testTarget(name: "DeckModelTests", dependencies: ["DeckModel", "JSONKit", "FuzzInputs"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ArticlesTests", dependencies: ["Articles", "FuzzInputs"], resources: [.copy("Fixtures")]),
        .testTarget(name: "LanguageTests", dependencies: ["Language", "SeededRandom"]),
        // Test helpers: a loopback HTTP server, a minimal PDF writer, a sample article.
        .target(name: "ArticleTestSupport", path: "Tests/ArticleTestSupport"),
        .testTarget(name: "ArticleSourcesTests", dependencies: ["ArticleSources", "Articles", "ArticleTestSupport"]),
        .testTarget(
            name: "CardGenerationTests", dependencies: ["CardGeneration", "Articles", "Language", "DeckModel", "SeededRandom", "FuzzInputs"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "SchedulingTests", dependencies: ["Scheduling", "ReplayFiles", "ISOTime", "SeededRandom", "FuzzInputs"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ReplayFilesTests", dependencies: ["ReplayFiles", "Scheduling", "ISOTime", "FuzzInputs"], resources: [.copy("Fixtures")]),
        // Reading speed alone (Benchmarks/run.sh): saved pages into articles, no cards.
        .executableTarget(name: "read-pages", dependencies: ["Articles"], path: "Benchmarks/ReadPages"),
        // A child process for the crash test: appends reviews until it is killed.
        .executableTarget(name: "StoreTorture", dependencies: ["StudyStore", "Scheduling"], path: "Tests/StoreTorture"),
        .testTarget(
            name: "StudyStoreTests", dependencies: ["StudyStore", "DeckModel", "Scheduling", "JSONKit", "StoreTorture", "FuzzInputs"],
            exclude: ["Fixtures"]),
        .testTarget(name: "StudySessionTests", dependencies: ["StudySession", "StudyStore", "DeckModel", "Scheduling", "SeededRandom", "FuzzInputs"]),
        .testTarget(name: "StatsTests", dependencies: ["Stats", "StudyStore", "DeckModel", "Scheduling", "JSONKit", "TerminalKit"]),
        .testTarget(
            name: "FactdeckCLITests", dependencies: ["StudyStore", "DeckModel", "JSONKit", "ISOTime", "ArticleTestSupport", "factdeck"],
            resources: [.copy("Fixtures")]),
    ]
)
