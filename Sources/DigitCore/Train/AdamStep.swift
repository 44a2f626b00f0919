import Foundation

/// Adam (β1 0.9, β2 0.999, ε 1e-8) with the learning rate decayed along a cosine from
/// `options.learningRate` to 0 over `totalSteps`, on parameters stored as `SIMD16<Float>` vectors.
struct AdamSchedule {
    static let beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8
    let learningRate: Float
    let totalSteps: Int
    /// Steps taken so far.
    var stepCount = 0

    /// Advances one step and returns its bias-corrected step size.
    mutating func nextRate() -> Float {
        stepCount += 1
        let progress = Double(stepCount - 1) / Double(max(totalSteps, 1))
        let rate = Float(Double(learningRate) * 0.5 * (1 + cos(Double.pi * progress)))
        let t = Float(stepCount)
        return rate * (1 - Foundation.pow(Self.beta2, t)).squareRoot() / (1 - Foundation.pow(Self.beta1, t))
    }

    /// For vectors `range`: sums the `shardCount` shard gradients (shard s at `shardGradients +
    /// s * shardStride`) in shard order, zeroing them for the next batch, scales by `scale`
    /// (1 / batch size), adds `l2 · w` when `penalised`, and takes one Adam step of size `rate`.
    /// Each vector is computed on its own, so splitting the vectors over threads changes nothing.
    static func update(
        _ range: Range<Int>, weights: UnsafeMutablePointer<SIMD16<Float>>,
        firstMoment: UnsafeMutablePointer<SIMD16<Float>>, secondMoment: UnsafeMutablePointer<SIMD16<Float>>,
        shardGradients: UnsafeMutablePointer<SIMD16<Float>>, shardCount: Int, shardStride: Int,
        scale: Float, l2: Float, penalised: Bool, rate: Float
    ) {
        for r in range {
            var g = SIMD16<Float>.zero
            for shard in 0..<shardCount {
                g += shardGradients[shard * shardStride + r]
                shardGradients[shard * shardStride + r] = .zero
            }
            g *= scale
            if penalised { g += l2 * weights[r] }
            let m = beta1 * firstMoment[r] + (1 - beta1) * g
            let v = beta2 * secondMoment[r] + (1 - beta2) * g * g
            firstMoment[r] = m
            secondMoment[r] = v
            weights[r] -= rate * m / (v.squareRoot() + epsilon)
        }
    }
}
