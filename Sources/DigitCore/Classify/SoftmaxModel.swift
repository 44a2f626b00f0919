import Foundation

/// Multinomial logistic regression: 784 inputs (a `DigitImage`, ink = 1.0) plus bias → 10 classes.
/// p = softmax(xᵀW + b), computed stably (largest logit subtracted before exponentiating).
public struct SoftmaxModel: Sendable, Equatable {
    public static let inputCount = DigitImage.pixelCount
    public static let classCount = 10

    /// Shape 784×10, input-major: `weights[i * 10 + k]` links pixel `i` to class `k`.
    public var weights: [Float] { didSet { packed = PackedWeights(weights: weights, bias: bias) } }
    /// Shape 10.
    public var bias: [Float] { didSet { packed = PackedWeights(weights: weights, bias: bias) } }
    /// The same parameters laid out for the fast kernel, packed once (not per prediction).
    private var packed: PackedWeights

    public init(weights: [Float], bias: [Float]) {
        precondition(weights.count == Self.inputCount * Self.classCount && bias.count == Self.classCount)
        self.weights = weights
        self.bias = bias
        self.packed = PackedWeights(weights: weights, bias: bias)
    }

    public static func == (a: SoftmaxModel, b: SoftmaxModel) -> Bool {
        a.weights == b.weights && a.bias == b.bias
    }

    /// All weights and biases zero: predicts 0.1 for every class.
    public static var zero: SoftmaxModel {
        SoftmaxModel(weights: [Float](repeating: 0, count: inputCount * classCount),
                     bias: [Float](repeating: 0, count: classCount))
    }

    /// All ten class probabilities for `image`.
    public func predict(_ image: DigitImage) -> Prediction {
        packed.rows.withUnsafeBufferPointer { rows in Self.predict(image, rows: rows.baseAddress!) }
    }

    /// Predictions for many images.
    public func predictions(for images: [DigitImage]) -> [Prediction] {
        packed.rows.withUnsafeBufferPointer { rows in images.map { Self.predict($0, rows: rows.baseAddress!) } }
    }

    private static func predict(_ image: DigitImage, rows: UnsafePointer<SIMD16<Float>>) -> Prediction {
        withUnsafeTemporaryAllocation(of: UInt16.self, capacity: inputCount) { indices in
            withUnsafeTemporaryAllocation(of: Float.self, capacity: inputCount) { values in
                var count = 0
                for (i, v) in image.pixels.enumerated() where v != 0 {
                    indices[count] = UInt16(i)
                    values[count] = v
                    count += 1
                }
                let z = SoftmaxKernel.logits(rows: rows, indices: UnsafePointer(indices.baseAddress!),
                                             values: UnsafePointer(values.baseAddress!), count: count)
                let p = SoftmaxKernel.softmax(z).probabilities
                return Prediction(probabilities: (0..<classCount).map { p[$0] })
            }
        }
    }
}
