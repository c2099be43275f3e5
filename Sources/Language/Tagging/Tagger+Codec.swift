/// The tagger's part of the model file (also used by the cached tagger stage).
extension Tagger {
    func write(to w: inout ModelWriter) {
        w.strings(tags.universal.map(\.rawValue))
        w.strings(tags.penn)
        firstPass.write(to: &w)
        w.int(secondPass == nil ? 0 : 1)
        secondPass?.write(to: &w)
        w.array(dictionary.words)
        w.array(dictionary.tags)
        w.array(wordClasses.words)
        w.array(wordClasses.masks)
    }

    /// `withWordClasses`: false for model files of format 1, which had no word classes.
    init(reading r: inout ModelReader, withWordClasses: Bool = true) throws(LanguageError) {
        let universal = try r.strings()
        let penn = try r.strings()
        let tags = try universal.map { (name: String) throws(LanguageError) -> UniversalTag in
            guard let t = UniversalTag(rawValue: name) else { throw .malformedModel(reason: "unknown tag \(name)") }
            return t
        }
        guard tags.count == penn.count, !tags.isEmpty else { throw .malformedModel(reason: "tag lists differ in length") }
        let first = try WeightTable(reading: &r)
        let second = try r.int() == 1 ? try WeightTable(reading: &r) : nil
        let dictionary = TagDictionary(words: try r.array(UInt64.self), tags: try r.array(UInt8.self))
        let classes = withWordClasses ? WordClasses(words: try r.array(UInt32.self), masks: try r.array(UInt8.self)) : .empty
        guard dictionary.words.count == dictionary.tags.count, classes.words.count == classes.masks.count,
            dictionary.tags.allSatisfy({ Int($0) < tags.count }),
            first.classCount == tags.count, second.map({ $0.classCount == tags.count }) ?? true
        else { throw .malformedModel(reason: "tagger tables disagree") }
        self.init(
            tags: TagSet(universal: tags, penn: penn), firstPass: first, secondPass: second, dictionary: dictionary, wordClasses: classes)
    }
}
