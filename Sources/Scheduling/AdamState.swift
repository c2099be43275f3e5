import Foundation

/// Adam's running moments (Kingma and Ba; beta1 0.9, beta2 0.999, epsilon 1e-8, as fsrs-rs).
struct AdamState {
    private var m: [Double]
    private var v: [Double]
    private var t = 0

    init(count: Int) {
        m = [Double](repeating: 0, count: count)
        v = [Double](repeating: 0, count: count)
    }

    /// Moves `w` one step against `gradient` at learning rate `rate`.
    mutating func step(_ w: inout [Double], gradient: [Double], rate: Double) {
        let beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8
        t += 1
        let bias1 = 1 - pow(beta1, Double(t))
        let bias2 = 1 - pow(beta2, Double(t))
        for i in w.indices {
            m[i] = beta1 * m[i] + (1 - beta1) * gradient[i]
            v[i] = beta2 * v[i] + (1 - beta2) * gradient[i] * gradient[i]
            w[i] -= rate * (m[i] / bias1) / ((v[i] / bias2).squareRoot() + epsilon)
        }
    }
}
