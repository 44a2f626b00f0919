import Foundation

/// The plain scalar reference of the softmax maths, on the `SoftmaxModel` layout
/// (weights input-major 784×10, `weights[i * 10 + k]`) and dense images, in `Double`.
/// Slow and obvious on purpose: tests check `SoftmaxKernel` against it.
public enum SoftmaxReference {
    /// z_k = b_k + Σ_i x_i · W[i, k].
    public static func logits(weights: [Float], bias: [Float], pixels: [Float]) -> [Double] {
        let classes = SoftmaxModel.classCount
        var z = bias.map(Double.init)
        for i in 0..<SoftmaxModel.inputCount {
            for k in 0..<classes { z[k] += Double(pixels[i]) * Double(weights[i * classes + k]) }
        }
        return z
    }

    /// p_k = exp(z_k − max z) / Σ_j exp(z_j − max z).
    public static func softmax(_ z: [Double]) -> [Double] {
        let top = z.max()!
        let e = z.map { exp($0 - top) }
        let sum = e.reduce(0, +)
        return e.map { $0 / sum }
    }

    /// Mean cross-entropy over the images plus (l2 / 2)·‖W‖² (bias not penalised).
    public static func loss(weights: [Float], bias: [Float], images: [[Float]], labels: [Int], l2: Double) -> Double {
        var total = 0.0
        for (pixels, label) in zip(images, labels) {
            let p = softmax(logits(weights: weights, bias: bias, pixels: pixels))
            total -= log(p[label])
        }
        let penalty = weights.reduce(0.0) { $0 + Double($1) * Double($1) }
        return total / Double(images.count) + l2 / 2 * penalty
    }

    /// Gradient of `loss`: dW[i, k] = mean_n x_ni · (p_nk − [k = y_n]) + l2 · W[i, k];
    /// db_k = mean_n (p_nk − [k = y_n]).
    public static func gradient(weights: [Float], bias: [Float], images: [[Float]], labels: [Int], l2: Double)
        -> (weights: [Double], bias: [Double]) {
        let classes = SoftmaxModel.classCount
        var gw = [Double](repeating: 0, count: weights.count)
        var gb = [Double](repeating: 0, count: classes)
        for (pixels, label) in zip(images, labels) {
            var delta = softmax(logits(weights: weights, bias: bias, pixels: pixels))
            delta[label] -= 1
            for k in 0..<classes { gb[k] += delta[k] }
            for i in 0..<SoftmaxModel.inputCount where pixels[i] != 0 {
                for k in 0..<classes { gw[i * classes + k] += Double(pixels[i]) * delta[k] }
            }
        }
        let n = Double(images.count)
        for j in gw.indices { gw[j] = gw[j] / n + l2 * Double(weights[j]) }
        for k in gb.indices { gb[k] /= n }
        return (gw, gb)
    }
}
