import Foundation

extension ArticleReader {
    /// Thin IO convenience: reads a file and passes its bytes to `read(bytes:fileName:format:)`.
    public static func read(contentsOfFile path: String, format: ArticleFormat? = nil) throws(ArticleError) -> Article {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .unreadable("no such file") }
        if isDirectory.boolValue { throw .unreadable("is a directory") }
        // Copy out of Data inside a closure so the Data buffer is freed before parsing.
        let bytes: [UInt8]? = { FileManager.default.contents(atPath: path).map { [UInt8]($0) } }()
        guard let bytes else { throw .unreadable("permission denied or read error") }
        return try read(bytes: bytes, fileName: path, format: format)
    }
}
