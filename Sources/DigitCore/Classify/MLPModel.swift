import Foundation

/// A network with one hidden layer: 784 inputs (a `DigitImage`, ink = 1.0) → N ReLU units →
/// 10 classes, p = softmax(W2ᵀ·relu(W1ᵀx + b1) + b2), computed stably.
public struct MLPModel: Sendable, Equatable {
    public static let inputCount = DigitImage.pixelCount
    public static let classCount = 10

    /// N, the number of hidden units (≥ 1).
    public let hiddenCount: Int
    /// W1: 784×N, input-major: `hiddenWeights[i * N + j]` links pixel `i` to hidden unit `j`.
    public let hiddenWeights: [Float]
    /// b1: N.
    public let hiddenBias: [Float]
    /// W2: N×10, hidden-major: `outputWeights[j * 10 + k]` links hidden unit `j` to class `k`.
    public let outputWeights: [Float]
    /// b2: 10.
    public let outputBias: [Float]
    /// The same parameters laid out for `MLPKernel`, packed once (not per prediction).
    let packed: PackedMLP

    public init(hiddenWeights: [Float], hiddenBias: [Float], outputWeights: [Float], outputBias: [Float]) {
        let n = hiddenBias.count
        precondition(n >= 1 && hiddenWeights.count == Self.inputCount * n
                     && outputWeights.count == n * Self.classCount && outputBias.count == Self.classCount)
        hiddenCount = n
        self.hiddenWeights = hiddenWeights
        self.hiddenBias = hiddenBias
        self.outputWeights = outputWeights
        self.outputBias = outputBias
        packed = PackedMLP(hiddenWeights: hiddenWeights, hiddenBias: hiddenBias,
                           outputWeights: outputWeights, outputBias: outputBias)
    }

    init(_ packed: PackedMLP) {
        hiddenCount = packed.hiddenCount
        hiddenWeights = packed.hiddenWeights
        hiddenBias = packed.hiddenBias
        outputWeights = packed.outputWeights
        outputBias = packed.outputBias
        self.packed = packed
    }

    public static func == (a: MLPModel, b: MLPModel) -> Bool {
        a.hiddenWeights == b.hiddenWeights && a.hiddenBias == b.hiddenBias
            && a.outputWeights == b.outputWeights && a.outputBias == b.outputBias
    }

    /// He initialisation (Kaiming, for ReLU) from `seed`: W1 uniform in ±√(6/784), W2 uniform in
    /// ±√(6/N) (variance 2/fan-in), biases zero. Deterministic on every machine (`SplitMix64`).
    public static func heInitialised(hiddenCount: Int, seed: UInt64) -> MLPModel {
        var rng = SplitMix64(seed: seed, stream: 0x4845_494E_4954)  // "HEINIT"
        let limit1 = (6 / Float(inputCount)).squareRoot(), limit2 = (6 / Float(hiddenCount)).squareRoot()
        let w1 = (0..<(inputCount * hiddenCount)).map { _ in rng.uniform(-limit1...limit1) }
        let w2 = (0..<(hiddenCount * classCount)).map { _ in rng.uniform(-limit2...limit2) }
        return MLPModel(hiddenWeights: w1, hiddenBias: [Float](repeating: 0, count: hiddenCount),
                        outputWeights: w2, outputBias: [Float](repeating: 0, count: classCount))
    }

    /// All ten class probabilities for `image`.
    public func predict(_ image: DigitImage) -> Prediction {
        let lanes = packed.lanes
        return packed.vectors.withUnsafeBufferPointer { parameters in
            withUnsafeTemporaryAllocation(of: UInt16.self, capacity: Self.inputCount) { indices in
                withUnsafeTemporaryAllocation(of: Float.self, capacity: Self.inputCount) { values in
                    withUnsafeTemporaryAllocation(of: SIMD16<Float>.self, capacity: lanes) { hidden in
                        var count = 0
                        for (i, v) in image.pixels.enumerated() where v != 0 {
                            indices[count] = UInt16(i)
                            values[count] = v
                            count += 1
                        }
                        let z = MLPKernel.logits(
                            parameters: parameters.baseAddress!, lanes: lanes,
                            indices: UnsafePointer(indices.baseAddress!), values: UnsafePointer(values.baseAddress!),
                            count: count, hidden: hidden.baseAddress!)
                        let p = SoftmaxKernel.softmax(z).probabilities
                        return Prediction(probabilities: (0..<Self.classCount).map { p[$0] })
                    }
                }
            }
        }
    }
}
