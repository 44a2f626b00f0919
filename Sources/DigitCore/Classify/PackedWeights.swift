/// The model's parameters laid out for the fast kernel: 785 rows of `SIMD16<Float>`,
/// row `i < 784` holding pixel `i`'s weights for classes 0…9 in lanes 0…9, row 784 the bias.
/// Lanes 10…15 are always zero, so one row update touches all ten classes at once and the
/// forward pass and gradient need no horizontal sums.
public struct PackedWeights: Sendable {
    public static let inputCount = SoftmaxModel.inputCount
    public static let classCount = SoftmaxModel.classCount
    /// Index of the bias row.
    public static let biasRow = inputCount
    public static let rowCount = inputCount + 1

    /// `rowCount` rows.
    public var rows: [SIMD16<Float>]

    /// All zeros.
    public init() {
        rows = [SIMD16<Float>](repeating: .zero, count: Self.rowCount)
    }

    /// Packs an input-major 784×10 weight matrix and 10 biases.
    public init(weights: [Float], bias: [Float]) {
        precondition(weights.count == Self.inputCount * Self.classCount && bias.count == Self.classCount)
        rows = [SIMD16<Float>](repeating: .zero, count: Self.rowCount)
        for i in 0..<Self.inputCount {
            for k in 0..<Self.classCount { rows[i][k] = weights[i * Self.classCount + k] }
        }
        for k in 0..<Self.classCount { rows[Self.biasRow][k] = bias[k] }
    }

    public init(_ model: SoftmaxModel) { self.init(weights: model.weights, bias: model.bias) }

    /// The input-major 784×10 weights.
    public var weights: [Float] {
        var out = [Float](repeating: 0, count: Self.inputCount * Self.classCount)
        for i in 0..<Self.inputCount {
            for k in 0..<Self.classCount { out[i * Self.classCount + k] = rows[i][k] }
        }
        return out
    }

    /// The ten biases.
    public var bias: [Float] { (0..<Self.classCount).map { rows[Self.biasRow][$0] } }

    /// Back to the plain model layout.
    public var model: SoftmaxModel { SoftmaxModel(weights: weights, bias: bias) }
}
