/// The parser's classes: 0 is shift, then a left and a right arc for every label.
enum Transition {
    static let shift = 0
    @inline(__always) static func left(_ label: Int) -> Int { 1 + 2 * label }
    @inline(__always) static func right(_ label: Int) -> Int { 2 + 2 * label }
    @inline(__always) static func isLeft(_ cls: Int) -> Bool { cls > 0 && cls % 2 == 1 }
    @inline(__always) static func label(_ cls: Int) -> Int { (cls - 1) / 2 }
    static func classCount(labels: Int) -> Int { 1 + 2 * labels }

    @inline(__always)
    static func apply(_ cls: Int, to state: inout ArcHybridState) {
        if cls == shift {
            state.shift()
        } else if isLeft(cls) {
            state.left(label(cls))
        } else {
            state.right(label(cls))
        }
    }

    /// Which classes are possible in `state`. `directions` says, per class, whether the
    /// treebank ever has that label in that direction; the root label only ever joins a
    /// word to the root.
    @inline(__always)
    static func valid(_ state: ArcHybridState, rootLabel: Int, directions: UnsafeBufferPointer<Bool>, into mask: UnsafeMutablePointer<Bool>) {
        let labels = (directions.count - 1) / 2
        mask[shift] = state.canShift
        let canLeft = state.canLeft, canRight = state.canRight, toRoot = state.canAttachToRoot
        for l in 0..<labels {
            mask[left(l)] = canLeft && l != rootLabel && directions[left(l)]
            mask[right(l)] = l == rootLabel ? toRoot : (canRight && directions[right(l)])
        }
    }
}
