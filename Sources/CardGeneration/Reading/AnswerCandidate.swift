/// A span of a sentence that could be a card's answer: a whole name, a number with its
/// unit, a date, or a noun phrase of an uncommon word.
struct AnswerCandidate: Sendable, Hashable {
    /// Word range in the sentence's parse.
    var span: Range<Int>
    var type: FactType
    /// The word the span hangs from in the tree (its head, or for "95" in "95 moons" the
    /// number itself).
    var head: Int
    /// The value of a number, year or date (the year), for distractors and conflicts.
    var value: Double? = nil
    /// "decade", "century", "count", "unit", "range", "name" (a name of unknown kind).
    var detail: String? = nil
    /// The unit or counted noun after a number ("percent", "km", "moons").
    var unit: String? = nil
    /// The kind rests on evidence, not on the shape of the name alone.
    var confident = true
    /// Its text as written.
    var answer: String
}
