import Foundation
import JSONKit
import Scheduling
import StudyStore
import Testing

/// FSRS weights in settings.json: saved by `fsrs optimize --save`, read back for every deck.
@Suite struct FSRSSettingsTests {
    static let fitted: [Double] = [
        0.1451, 0.7784, 2.5014, 6.7618, 6.6205, 0.6934, 3.0612, 0.0077, 1.6916, 0.1107, 0.6324,
        1.5957, 0.0247, 0.3955, 1.795, 0.6028, 1.8729, 0.6493, 0.077, 0.1896, 0.4638,
    ]

    @Test func savedWeightsComeBackAndOtherSettingsStay() throws {
        let folder = makeTempFolder()
        defer { removeFolder(folder) }
        let path = StudySettings.path(in: folder)
        let before = #"{"newPerDay": 7, "decks": {"geo": {"desiredRetention": 0.85}}, "futureSetting": "kept"}"#
        try Data(before.utf8).write(to: URL(fileURLWithPath: path))

        try StudySettings.saveFSRSParameters(Self.fitted, folder: folder)
        let settings = try StudySettings.load(folder: folder)
        #expect(settings.fsrsParameters == Self.fitted)
        #expect(settings.newPerDay == 7)
        #expect(settings.decks["geo"]?.desiredRetention == 0.85)
        let root = try JSONParser.parse(try #require(readBytes(path)))
        #expect(root["futureSetting"]?.stringValue == "kept")
        #expect(root.objectValue?.map(\.0) == ["newPerDay", "decks", "futureSetting", "fsrsParameters"])

        // Saving again replaces the weights; nil removes them.
        var other = Self.fitted
        other[20] = 0.3
        try StudySettings.saveFSRSParameters(other, folder: folder)
        #expect(try StudySettings.load(folder: folder).fsrsParameters == other)
        try StudySettings.saveFSRSParameters(nil, folder: folder)
        #expect(try StudySettings.load(folder: folder).fsrsParameters == nil)
        #expect(!FileManager.default.fileExists(atPath: path + ".tmp-\(getpid())"))
    }

    @Test func aDeckUsesItsOwnWeightsElseTheSavedOnesElseTheDefaults() throws {
        let folder = makeTempFolder()
        defer { removeFolder(folder) }
        var own = FSRSParameters.defaultWeights
        own[2] = 4.5
        let json = """
            {"desiredRetention": 0.92, "fsrsParameters": \(Self.fitted),
             "decks": {"geo": {"fsrsParameters": \(own), "desiredRetention": 0.8}, "art": {"newPerDay": 3}}}
            """
        try Data(json.utf8).write(to: URL(fileURLWithPath: StudySettings.path(in: folder)))
        let settings = try StudySettings.load(folder: folder)
        #expect(try settings.fsrsParameters(forDeck: "geo") == FSRSParameters(weights: own, desiredRetention: 0.8))
        #expect(try settings.fsrsParameters(forDeck: "art") == FSRSParameters(weights: Self.fitted, desiredRetention: 0.92))
        #expect(try settings.fsrsParameters(forDeck: "other") == FSRSParameters(weights: Self.fitted, desiredRetention: 0.92))
        #expect(try StudySettings().fsrsParameters(forDeck: "x") == .default)
        // The scheduler made from them gives a new card the deck's initial stability for Good.
        let scheduler = FSRSScheduler(parameters: try settings.fsrsParameters(forDeck: "geo"))
        let state = try scheduler.review(.new, rating: .good, at: t0)
        #expect(state.memory?.stability == 4.5)
    }

    @Test(arguments: [
        (#"{"fsrsParameters": [1, 2, 3]}"#, "21 weights"),
        (#"{"fsrsParameters": "fast"}"#, "list of 21 numbers"),
        (#"{"decks": {"geo": {"fsrsParameters": [0.2, 1.3, 2.3, 8.3, 6.4, 0.8, 3.0, 0.001, 1.9, 0.2, 0.8, 1.5, 0.06, 0.26, 1.6, 0.6, 1.9, 0.5, 0.09, 0.07, 5]}}}"#, "w[20]"),
    ])
    func badWeightsNameTheFileAndTheProblem(_ json: String, _ problem: String) throws {
        let folder = makeTempFolder()
        defer { removeFolder(folder) }
        let path = StudySettings.path(in: folder)
        try Data(json.utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            try StudySettings.load(folder: folder)
        } throws: { error in
            "\(error)".contains(path) && "\(error)".contains(problem)
        }
        // Saving refuses to overwrite a file it cannot read, and leaves it alone.
        #expect(throws: StoreError.self) { try StudySettings.saveFSRSParameters(Self.fitted, folder: folder) }
        #expect(readBytes(path) == Array(json.utf8))
    }

    @Test func savingRefusesBesideAStudySession() throws {
        let folder = makeTempFolder()
        defer { removeFolder(folder) }
        let session = try ProgressStore(folder: folder, mode: .writer, purpose: "study")
        #expect {
            try StudySettings.saveFSRSParameters(Self.fitted, folder: folder)
        } throws: { error in
            guard case StoreError.locked = error else { return false }
            return true
        }
        #expect(!FileManager.default.fileExists(atPath: StudySettings.path(in: folder)))
        withExtendedLifetime(session) {}
        // Once the session is over, saving works (in a folder that did not exist yet, too).
        let fresh = folder + "/new"
        try StudySettings.saveFSRSParameters(Self.fitted, folder: fresh)
        #expect(try StudySettings.load(folder: fresh).fsrsParameters == Self.fitted)
    }

    @Test func outOfBoundsWeightsAreNotSaved() throws {
        let folder = makeTempFolder()
        defer { removeFolder(folder) }
        var bad = Self.fitted
        bad[4] = 0.5
        #expect(throws: StoreError.self) { try StudySettings.saveFSRSParameters(bad, folder: folder) }
        #expect(!FileManager.default.fileExists(atPath: StudySettings.path(in: folder)))
    }
}
