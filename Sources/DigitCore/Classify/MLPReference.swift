import Foundation

/// The plain scalar reference of the hidden-layer network's maths, on the `MLPModel` layout
/// (W1 784×N input-major, W2 N×10 hidden-major) and dense images, in `Double`.
/// Slow and obvious on purpose: tests check `MLPKernel` against it, and its gradient against
/// finite differences of `loss`.
public enum MLPReference {
    /// h_j = max(0, b1_j + Σ_i x_i · W1[i, j]).
    public static func hidden(_ model: MLPModel, pixels: [Float]) -> [Double] {
        let n = model.hiddenCount
        var h = model.hiddenBias.map(Double.init)
        for i in 0..<MLPModel.inputCount where pixels[i] != 0 {
            for j in 0..<n { h[j] += Double(pixels[i]) * Double(model.hiddenWeights[i * n + j]) }
        }
        return h.map { max(0, $0) }
    }

    /// z_k = b2_k + Σ_j h_j · W2[j, k].
    public static func logits(_ model: MLPModel, pixels: [Float]) -> [Double] {
        let h = hidden(model, pixels: pixels)
        var z = model.outputBias.map(Double.init)
        for j in 0..<model.hiddenCount {
            for k in 0..<MLPModel.classCount { z[k] += h[j] * Double(model.outputWeights[j * 10 + k]) }
        }
        return z
    }

    /// Mean cross-entropy over the images plus (l2 / 2)·(‖W1‖² + ‖W2‖²) (biases not penalised).
    public static func loss(_ model: MLPModel, images: [[Float]], labels: [Int], l2: Double) -> Double {
        var total = 0.0
        for (pixels, label) in zip(images, labels) {
            total -= log(SoftmaxReference.softmax(logits(model, pixels: pixels))[label])
        }
        let penalty = (model.hiddenWeights + model.outputWeights).reduce(0.0) { $0 + Double($1) * Double($1) }
        return total / Double(images.count) + l2 / 2 * penalty
    }

    /// Gradient of `loss`, each part in its parameter's layout: with δ = p − onehot(y) and
    /// g_j = [h_j > 0] · Σ_k W2[j, k] δ_k, the means over the images of
    /// dW1[i, j] = x_i g_j, db1 = g, dW2[j, k] = h_j δ_k, db2 = δ, plus l2 · W on W1 and W2.
    public static func gradient(_ model: MLPModel, images: [[Float]], labels: [Int], l2: Double)
        -> (hiddenWeights: [Double], hiddenBias: [Double], outputWeights: [Double], outputBias: [Double]) {
        let n = model.hiddenCount, classes = MLPModel.classCount
        var gw1 = [Double](repeating: 0, count: model.hiddenWeights.count)
        var gb1 = [Double](repeating: 0, count: n)
        var gw2 = [Double](repeating: 0, count: model.outputWeights.count)
        var gb2 = [Double](repeating: 0, count: classes)
        for (pixels, label) in zip(images, labels) {
            let h = hidden(model, pixels: pixels)
            var delta = SoftmaxReference.softmax(logits(model, pixels: pixels))
            delta[label] -= 1
            var g = [Double](repeating: 0, count: n)
            for j in 0..<n {
                for k in 0..<classes {
                    gw2[j * classes + k] += h[j] * delta[k]
                    g[j] += Double(model.outputWeights[j * classes + k]) * delta[k]
                }
                if h[j] <= 0 { g[j] = 0 }
                gb1[j] += g[j]
            }
            for k in 0..<classes { gb2[k] += delta[k] }
            for i in 0..<MLPModel.inputCount where pixels[i] != 0 {
                for j in 0..<n { gw1[i * n + j] += Double(pixels[i]) * g[j] }
            }
        }
        let count = Double(images.count)
        for j in gw1.indices { gw1[j] = gw1[j] / count + l2 * Double(model.hiddenWeights[j]) }
        for j in gw2.indices { gw2[j] = gw2[j] / count + l2 * Double(model.outputWeights[j]) }
        return (gw1, gb1.map { $0 / count }, gw2, gb2.map { $0 / count })
    }
}
