import Foundation
import JSONKit

/// The learner's settings (`<progress>/settings.json`), global with per-deck overrides:
///
///     {"newPerDay": 20, "reviewsPerDay": 200, "dayStartHour": 4, "desiredRetention": 0.9,
///      "scheduler": "fsrs", "fsrsParameters": [21 numbers],
///      "decks": {"solar-system": {"newPerDay": 5, "scheduler": "sm2"}}}
public struct StudySettings: Sendable, Hashable {
    public struct Deck: Sendable, Hashable {
        public var newPerDay: Int?
        public var reviewsPerDay: Int?
        public var desiredRetention: Double?
        public var scheduler: String?
        /// This deck's own FSRS-6 weights (else the global ones).
        public var fsrsParameters: [Double]?
        public init() {}
    }

    public var newPerDay = 20
    public var reviewsPerDay = 200
    public var dayStartHour = 4
    public var desiredRetention = 0.9
    /// "fsrs" (default) or "sm2".
    public var scheduler = "fsrs"
    /// FSRS-6 weights for every deck without its own (`fsrs optimize --save`); nil: the defaults.
    public var fsrsParameters: [Double]?
    public var decks: [String: Deck] = [:]

    public init() {}

    public static func path(in folder: String) -> String { (folder as NSString).appendingPathComponent("settings.json") }

    /// Reads the settings file; a missing file means the defaults, a broken one an error naming it.
    public static func load(folder: String) throws(StoreError) -> StudySettings {
        let path = path(in: folder)
        guard let bytes = try DurableFile.read(path) else { return StudySettings() }
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw .corruptSettings(path: path, problem: error.description)
        }
        func bad(_ p: String) -> StoreError { .corruptSettings(path: path, problem: p) }
        var s = StudySettings()
        func int(_ v: JSONValue?, _ name: String, _ range: ClosedRange<Int>) throws(StoreError) -> Int? {
            guard let v else { return nil }
            guard let i = v.intValue, range.contains(i) else { throw bad("\"\(name)\" must be a whole number from \(range.lowerBound) to \(range.upperBound)") }
            return i
        }
        func retention(_ v: JSONValue?) throws(StoreError) -> Double? {
            guard let v else { return nil }
            guard let d = v.doubleValue, d >= 0.7, d <= 0.99 else { throw bad("\"desiredRetention\" must be between 0.7 and 0.99") }
            return d
        }
        func scheduler(_ v: JSONValue?) throws(StoreError) -> String? {
            guard let v else { return nil }
            guard let name = v.stringValue?.lowercased(), ["fsrs", "sm2"].contains(name) else { throw bad("\"scheduler\" must be \"fsrs\" or \"sm2\"") }
            return name
        }
        s.newPerDay = try int(root["newPerDay"], "newPerDay", 0...100_000) ?? s.newPerDay
        s.reviewsPerDay = try int(root["reviewsPerDay"], "reviewsPerDay", 0...1_000_000) ?? s.reviewsPerDay
        s.dayStartHour = try int(root["dayStartHour"], "dayStartHour", 0...23) ?? s.dayStartHour
        s.desiredRetention = try retention(root["desiredRetention"]) ?? s.desiredRetention
        s.scheduler = try scheduler(root["scheduler"]) ?? s.scheduler
        s.fsrsParameters = try fsrsWeights(root["fsrsParameters"], path: path)
        if let decks = root["decks"]?.objectValue {
            for (id, v) in decks {
                var d = Deck()
                d.newPerDay = try int(v["newPerDay"], "decks.\(id).newPerDay", 0...100_000)
                d.reviewsPerDay = try int(v["reviewsPerDay"], "decks.\(id).reviewsPerDay", 0...1_000_000)
                d.desiredRetention = try retention(v["desiredRetention"])
                d.scheduler = try scheduler(v["scheduler"])
                d.fsrsParameters = try fsrsWeights(v["fsrsParameters"], path: path)
                s.decks[id] = d
            }
        }
        return s
    }
}
