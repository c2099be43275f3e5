import Dispatch

extension Array {
    /// `map` with the elements taken side by side on all cores; results in element order.
    /// `transform` runs on several threads at once, so it must touch nothing shared but
    /// what it reads.
    public func concurrentMap<R>(_ transform: (Element) -> R) -> [R] {
        [R].concurrentParts(counts: Array<Int>(repeating: 1, count: count)) { i, emit in emit(transform(self[i])) }.elements
    }

    /// Builds one array from parts made side by side: part `k` emits exactly `counts[k]`
    /// elements, in order, and returns a value of its own. The parts write straight into
    /// the result, so nothing is copied (copying 100,000 elements that hold strings costs
    /// a retain each). `body` runs on several threads at once.
    public static func concurrentParts<Side>(
        counts: [Int], _ body: (_ part: Int, _ emit: (Element) -> Void) -> Side
    ) -> (elements: [Element], sides: [Side]) {
        var starts: [Int] = []
        starts.reserveCapacity(counts.count)
        var total = 0
        for c in counts {
            starts.append(total)
            total += c
        }
        let offsets = starts
        var sides: [Side?] = Array<Side?>(repeating: nil, count: counts.count)
        let elements = [Element](unsafeUninitializedCapacity: total) { buf, initialized in
            sides.withUnsafeMutableBufferPointer { sideBuf in
                let shared = Shared(elements: buf.baseAddress, sides: sideBuf.baseAddress!)
                withoutActuallyEscaping(body) { body in
                    let work = Shared.Box(body)
                    DispatchQueue.concurrentPerform(iterations: counts.count) { k in
                        var next = offsets[k]
                        let end = next + counts[k]
                        let side = work.value(k) { element in
                            precondition(next < end, "concurrentParts: part \(k) emitted more than \(counts[k]) elements")
                            (shared.elements! + next).initialize(to: element)
                            next += 1
                        }
                        precondition(next == end, "concurrentParts: part \(k) emitted fewer than \(counts[k]) elements")
                        (shared.sides + k).pointee = side
                    }
                }
            }
            initialized = total
        }
        return (elements, sides.map { $0! })
    }
}

/// Where the workers write: each part its own elements and its own side slot only.
private struct Shared<Element, Side>: @unchecked Sendable {
    let elements: UnsafeMutablePointer<Element>?
    let sides: UnsafeMutablePointer<Side?>

    /// The body handed to the workers, who only call it.
    struct Box: @unchecked Sendable {
        let value: (Int, (Element) -> Void) -> Side
        init(_ value: @escaping (Int, (Element) -> Void) -> Side) { self.value = value }
    }
}
