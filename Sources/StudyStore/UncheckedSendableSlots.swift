/// Result slots that concurrent workers fill, each its own index only; read once
/// `concurrentPerform` has returned.
struct UncheckedSendableSlots<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
    init(_ base: UnsafeMutablePointer<T>) { self.base = base }
}
