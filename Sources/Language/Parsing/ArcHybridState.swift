/// A configuration of the arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez & Satta
/// 2011) with the root at the bottom of the stack. Words are numbered 1...n, 0 is the root.
///
/// - shift: move the front of the buffer onto the stack;
/// - left(l): the stack top becomes an `l` dependent of the buffer front, and is popped;
/// - right(l): the stack top becomes an `l` dependent of the word below it, and is popped.
///
/// The root takes its one dependent last (right-arc from the root only when the buffer is
/// empty and one word is left above it), so every parse is a tree with a single root.
struct ArcHybridState {
    let count: Int
    private(set) var stack: [Int32]
    /// The buffer front; the buffer is empty when it is past `count`.
    private(set) var front: Int
    private(set) var heads: [Int32]
    private(set) var labels: [Int16]
    // Children bookkeeping for the features: the two outermost children on each side,
    // how many children on each side, and the set of their labels.
    private(set) var leftmost: [Int32]
    private(set) var leftmost2: [Int32]
    private(set) var rightmost: [Int32]
    private(set) var rightmost2: [Int32]
    private(set) var leftCount: [UInt8]
    private(set) var rightCount: [UInt8]
    private(set) var leftLabels: [UInt64]
    private(set) var rightLabels: [UInt64]

    init(count: Int) {
        self.count = count
        stack = [0]
        stack.reserveCapacity(count + 1)
        front = 1
        heads = Array(repeating: -1, count: count + 1)
        labels = Array(repeating: -1, count: count + 1)
        leftmost = Array(repeating: -1, count: count + 1)
        leftmost2 = leftmost
        rightmost = leftmost
        rightmost2 = leftmost
        leftCount = Array(repeating: 0, count: count + 1)
        rightCount = leftCount
        leftLabels = Array(repeating: 0, count: count + 1)
        rightLabels = leftLabels
    }

    var isTerminal: Bool { stack.count == 1 && front > count }
    var bufferIsEmpty: Bool { front > count }
    /// The stack word `depth` below the top (0 = top), or -1.
    @inline(__always) func stackWord(_ depth: Int) -> Int {
        let i = stack.count - 1 - depth
        return i >= 0 ? Int(stack[i]) : -1
    }
    /// The buffer word `offset` after the front (0 = front), or -1.
    @inline(__always) func bufferWord(_ offset: Int) -> Int {
        let i = front + offset
        return i <= count ? i : -1
    }

    var canShift: Bool { front <= count }
    var canLeft: Bool { stack.count >= 2 && front <= count }
    /// Right-arcs between words; the root's right-arc is `canAttachToRoot`.
    var canRight: Bool { stack.count >= 3 }
    var canAttachToRoot: Bool { stack.count == 2 && front > count }

    mutating func shift() {
        stack.append(Int32(front))
        front += 1
    }

    mutating func left(_ label: Int) {
        let s0 = Int(stack.removeLast())
        attach(s0, to: front, label: label)
    }

    mutating func right(_ label: Int) {
        let s0 = Int(stack.removeLast())
        attach(s0, to: Int(stack[stack.count - 1]), label: label)
    }

    private mutating func attach(_ dependent: Int, to head: Int, label: Int) {
        heads[dependent] = Int32(head)
        labels[dependent] = Int16(label)
        let d = Int32(dependent)
        let bit: UInt64 = label < 64 ? 1 << UInt64(label) : 0
        if dependent < head {
            if leftmost[head] < 0 || d < leftmost[head] {
                leftmost2[head] = leftmost[head]
                leftmost[head] = d
            } else if leftmost2[head] < 0 || d < leftmost2[head] {
                leftmost2[head] = d
            }
            leftCount[head] &+= 1
            leftLabels[head] |= bit
        } else {
            if d > rightmost[head] {
                rightmost2[head] = rightmost[head]
                rightmost[head] = d
            } else if d > rightmost2[head] {
                rightmost2[head] = d
            }
            rightCount[head] &+= 1
            rightLabels[head] |= bit
        }
    }
}
