import Foundation
import JSONKit
import Scheduling

/// The FSRS side of the settings: the weights a deck is scheduled with, and saving fitted ones.
extension StudySettings {
    /// The key of the weights in settings.json, globally and per deck.
    static let fsrsParametersKey = "fsrsParameters"

    /// FSRS-6 settings for deck `id`: its own weights, else the global ones, else the defaults;
    /// its own desired retention, else the global one.
    public func fsrsParameters(forDeck id: String) throws(SchedulingError) -> FSRSParameters {
        let deck = decks[id]
        return try FSRSParameters(
            weights: deck?.fsrsParameters ?? fsrsParameters ?? FSRSParameters.defaultWeights,
            desiredRetention: deck?.desiredRetention ?? desiredRetention)
    }

    /// Reads an optional list of 21 FSRS-6 weights, each within its bounds.
    static func fsrsWeights(_ value: JSONValue?, path: String) throws(StoreError) -> [Double]? {
        guard let value else { return nil }
        guard let list = value.arrayValue else {
            throw .corruptSettings(path: path, problem: "\"\(fsrsParametersKey)\" must be a list of 21 numbers, not \(value.typeName)")
        }
        let weights = list.compactMap(\.doubleValue)
        guard weights.count == list.count else {
            throw .corruptSettings(path: path, problem: "\"\(fsrsParametersKey)\" must hold only numbers")
        }
        do {
            try FSRSParameters.validate(weights: weights)
        } catch {
            throw .corruptSettings(path: path, problem: "\"\(fsrsParametersKey)\": \(error.description)")
        }
        return weights
    }

    /// Sets the global FSRS weights in `<folder>/settings.json` (nil removes them), keeping every
    /// other setting as it is. Holds the progress lock meanwhile, so it never races a study
    /// session (which it refuses to run beside, naming it), and replaces the file atomically.
    public static func saveFSRSParameters(_ weights: [Double]?, folder: String) throws(StoreError) {
        let path = path(in: folder)
        if let weights { _ = try fsrsWeights(.array(weights.map { .number($0) }), path: path) }
        try DurableFile.ensureDirectory(folder)
        let lock = try ProgressLock(folder: folder, purpose: "fsrs optimize --save")
        defer { withExtendedLifetime(lock) {} }
        var members: [(String, JSONValue)] = []
        if let bytes = try DurableFile.read(path) {
            // Refuse to overwrite a file we cannot read: the learner's settings are in it.
            _ = try load(folder: folder)
            let root: JSONValue
            do {
                root = try JSONParser.parse(bytes)
            } catch {
                throw .corruptSettings(path: path, problem: error.description)
            }
            guard let object = root.objectValue else {
                throw .corruptSettings(path: path, problem: "the file must hold one JSON object, not \(root.typeName)")
            }
            members = object
        }
        members.removeAll { $0.0 == fsrsParametersKey }
        if let weights { members.append((fsrsParametersKey, .array(weights.map { .number($0) }))) }
        var bytes = JSONValue.object(members).encoded(indent: 2)
        bytes.append(0x0A)
        try DurableFile.replace(path, with: bytes)
    }
}
