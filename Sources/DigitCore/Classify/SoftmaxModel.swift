import Foundation

/// Multinomial logistic regression: 784 inputs (a `DigitImage`) plus bias → 10 classes.
/// PLACEHOLDER shape of the API until the classifier issue lands.
public struct SoftmaxModel: Sendable {
    public static let inputCount = DigitImage.pixelCount
    public static let classCount = 10

    /// Shape 784×10, input-major: `weights[i * 10 + k]` links pixel `i` to class `k`.
    public var weights: [Float]
    /// Shape 10.
    public var bias: [Float]

    public init(weights: [Float], bias: [Float]) {
        precondition(weights.count == Self.inputCount * Self.classCount && bias.count == Self.classCount)
        self.weights = weights
        self.bias = bias
    }

    /// All ten class probabilities for `image`.
    public func predict(_ image: DigitImage) -> Prediction {
        var logits = bias
        for i in 0..<Self.inputCount where image.pixels[i] != 0 {
            for k in 0..<Self.classCount { logits[k] += weights[i * Self.classCount + k] * image.pixels[i] }
        }
        let top = logits.max()!
        let exps = logits.map { expf($0 - top) }
        let sum = exps.reduce(0, +)
        return Prediction(probabilities: exps.map { $0 / sum })
    }
}
