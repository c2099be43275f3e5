import ISOTime

/// Where a (re)learning answer leads: another step, or out to review.
enum StepOutcome: Equatable {
    case step(index: Int, micros: Int64)
    case graduate
}

/// The (re)learning step rules py-fsrs and Anki share, over steps in microseconds.
///
/// Again restarts at the first step; Hard repeats the current step (at the first step: 1.5x a
/// single step, or the mean of the first two); Good moves on or graduates after the last step;
/// Easy graduates. With no steps every answer graduates, and a step index past the end (the
/// deck's steps were shortened) graduates every answer but Again.
@inline(__always)
func stepOutcome(steps: [Int64], step: Int, rating: Rating) -> StepOutcome {
    if steps.isEmpty || (step >= steps.count && rating != .again) { return .graduate }
    switch rating {
    case .again:
        return .step(index: 0, micros: steps[0])
    case .hard:
        if step == 0 {
            // timedelta * 1.5 and (a + b) / 2 round half to even at the microsecond in py-fsrs.
            let micros = steps.count == 1 ? steps[0] * 3 : steps[0] + steps[1]
            return .step(index: 0, micros: Timestamp.halfToEvenHalf(micros))
        }
        return .step(index: step, micros: steps[step])
    case .good:
        return step + 1 >= steps.count ? .graduate : .step(index: step + 1, micros: steps[step + 1])
    case .easy:
        return .graduate
    }
}

/// Step durations in seconds to whole microseconds.
func stepMicros(_ seconds: [Double]) -> [Int64] {
    seconds.map { Int64(($0 * 1e6).rounded(.toNearestOrEven)) }
}
