import Testing
@testable import AnkiInterop

/// The run-time loader of SQLite and zstd: a missing library or one older than factdeck
/// needs is one line naming it and its package.
@Suite struct SystemLibraryTests {
    func requirement(_ file: String, minimum: Int) -> SystemLibrary.Requirement {
        var r = SQLiteAPI.requirement
        r.fileName = file
        r.override = "FACTDECK_TEST_UNSET_VARIABLE"
        r.minimumVersion = minimum
        return r
    }

    @Test func theSystemLibrariesLoad() throws {
        _ = try SQLiteAPI.load()
        _ = try ZstdAPI.load()
        let packed = try Zstd.compressStream(Array("factdeck".utf8))
        #expect(try Zstd.decompress(packed, limit: 1 << 20, name: "t") == Array("factdeck".utf8))
    }

    @Test func aMissingLibraryNamesItsPackage() {
        #expect(throws: AnkiError.missingLibrary(name: "libsqlite3-absent.so.0", package: "libsqlite3-0")) {
            try SQLiteAPI(requirement("libsqlite3-absent.so.0", minimum: 0))
        }
        #expect(AnkiError.missingLibrary(name: "libzstd.so.1", package: "libzstd1").description
            == "libzstd.so.1 is not installed; install the libzstd1 package (Debian/Ubuntu: sudo apt-get install libzstd1)")
    }

    @Test func anOlderLibraryIsRefusedWithItsVersion() {
        do {
            _ = try SQLiteAPI(requirement("libsqlite3.so.0", minimum: 99_000_000))
            Issue.record("a version check that cannot pass passed")
        } catch {
            guard case .libraryTooOld(let name, let package, let detail) = error else { Issue.record("\(error)"); return }
            #expect(name == "libsqlite3.so.0" && package == "libsqlite3-0")
            #expect(detail.hasPrefix("version 3.") && detail.hasSuffix("is older than 99.0"), "\(detail)")
        }
    }
}
