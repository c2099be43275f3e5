/// SQL written by a fuzzer, run to make a collection the importer then reads.
public enum SQLScript {
    /// The statements of `sql` (cut at `;` + line feed), run one by one so that a damaged
    /// statement only loses itself; nil when any could reach outside the in-memory
    /// database (other files, settings, extensions).
    public static func statements(_ sql: [UInt8]) -> [String]? {
        let text = String(decoding: sql, as: UTF8.self)
        let lowered = text.lowercased()
        guard !["attach", "vacuum", "pragma", "load_extension"].contains(where: lowered.contains) else { return nil }
        return text.split(separator: ";\n").map { String($0) }
    }
}
