/// A Universal Dependencies relation, with its language-specific subtype when it has one
/// ("nsubj:pass", "acl:relcl", "nmod:poss").
public struct DependencyRelation: RawRepresentable, Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The universal part, before any ':' ("nsubj" for "nsubj:pass"); what LAS compares.
    public var universal: Substring {
        guard let colon = rawValue.firstIndex(of: ":") else { return rawValue[...] }
        return rawValue[..<colon]
    }

    /// True when the universal parts agree: `nsubj:pass` is a kind of `nsubj`.
    public func isKind(of other: DependencyRelation) -> Bool { universal == other.universal }

    public var description: String { rawValue }

    public static let root: DependencyRelation = "root"
    public static let nsubj: DependencyRelation = "nsubj"
    public static let nsubjPass: DependencyRelation = "nsubj:pass"
    public static let csubj: DependencyRelation = "csubj"
    public static let obj: DependencyRelation = "obj"
    public static let iobj: DependencyRelation = "iobj"
    public static let obl: DependencyRelation = "obl"
    public static let nmod: DependencyRelation = "nmod"
    public static let nmodPoss: DependencyRelation = "nmod:poss"
    public static let appos: DependencyRelation = "appos"
    public static let amod: DependencyRelation = "amod"
    public static let nummod: DependencyRelation = "nummod"
    public static let det: DependencyRelation = "det"
    public static let caseMarker: DependencyRelation = "case"
    public static let compound: DependencyRelation = "compound"
    public static let flat: DependencyRelation = "flat"
    public static let fixed: DependencyRelation = "fixed"
    public static let acl: DependencyRelation = "acl"
    public static let relativeClause: DependencyRelation = "acl:relcl"
    public static let advcl: DependencyRelation = "advcl"
    public static let conj: DependencyRelation = "conj"
    public static let cc: DependencyRelation = "cc"
    public static let aux: DependencyRelation = "aux"
    public static let auxPass: DependencyRelation = "aux:pass"
    public static let cop: DependencyRelation = "cop"
    public static let mark: DependencyRelation = "mark"
    public static let advmod: DependencyRelation = "advmod"
    public static let punct: DependencyRelation = "punct"
}
