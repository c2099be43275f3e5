#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A C library opened at run time with `dlopen`, so building factdeck needs none of its
/// headers: only the commands that use it (`import`, `export`) need it installed, and
/// they fail with one line naming the library and the package that provides it.
struct SystemLibrary: @unchecked Sendable {
    /// What the user installs to get the library: Debian/Ubuntu package names.
    struct Requirement: Sendable {
        /// The file name `dlopen` looks for (a soname such as `libzstd.so.1`).
        var fileName: String
        var debianPackage: String
        /// An environment variable that may name another file (a different soname, a
        /// library outside the linker's path); tests use it to name one that does not exist.
        var override: String
        /// A C function `() -> int` giving the library's version as one number, the lowest
        /// number accepted, and how to write a number as a version for the user.
        var versionFunction: String
        var minimumVersion: Int
        var versionText: @Sendable (Int) -> String

        var resolvedName: String { ProcessInfo.processInfo.environment[override] ?? fileName }
    }

    let name: String
    let package: String
    // The handle is never closed: the library stays loaded for the life of the process,
    // and the function pointers taken from it stay valid.
    private let handle: UnsafeMutableRawPointer

    static func open(_ requirement: Requirement) throws(AnkiError) -> SystemLibrary {
        let name = requirement.resolvedName
        guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) else {
            throw .missingLibrary(name: name, package: requirement.debianPackage)
        }
        let library = SystemLibrary(name: name, package: requirement.debianPackage, handle: handle)
        // Both libraries return their version as a C int/unsigned; read it as 32 bits.
        let version = Int(try library.function(requirement.versionFunction, as: (@convention(c) () -> UInt32).self)())
        guard version >= requirement.minimumVersion else {
            let detail = "version \(requirement.versionText(version)) is older than \(requirement.versionText(requirement.minimumVersion))"
            throw .libraryTooOld(name: name, package: requirement.debianPackage, detail: detail)
        }
        return library
    }

    private init(name: String, package: String, handle: UnsafeMutableRawPointer) {
        self.name = name
        self.package = package
        self.handle = handle
    }

    /// The function `symbol`, as the C signature `type` declares it.
    func function<T>(_ symbol: String, as type: T.Type = T.self) throws(AnkiError) -> T {
        guard let pointer = dlsym(handle, symbol) else {
            throw .libraryTooOld(name: name, package: package, detail: "it has no \(symbol)")
        }
        return unsafeBitCast(pointer, to: type)
    }
}
