/// An `MLPModel`'s parameters laid out for `MLPKernel`, as one array of `SIMD16<Float>` vectors
/// with the hidden dimension padded to `lanes × 16` (the padding is always zero, so padded units
/// output 0 and never get a gradient). With L = `lanes`, in vectors:
///
/// | vectors | what |
/// |---|---|
/// | `i·L ..< (i+1)·L`, i < 784 | W1 row of pixel i: its weights to hidden units 0…N−1 |
/// | `784·L ..< 785·L` | b1 (laid out as a 785th W1 row, a "pixel" always 1) |
/// | `(785+k)·L ..< (786+k)·L`, k < 10 | W2 column of class k: weights from hidden units 0…N−1 (class-major) |
/// | `795·L` | b2 in lanes 0…9, lanes 10…15 zero |
///
/// So the first layer adds whole rows for each inked pixel, and the second layer, its gradient
/// and the gradient flowing back to the hidden units are all SIMD over the hidden dimension.
struct PackedMLP: Sendable {
    let hiddenCount: Int
    /// ⌈N / 16⌉ vectors per row.
    let lanes: Int
    var vectors: [SIMD16<Float>]

    static func lanes(hiddenCount: Int) -> Int { (hiddenCount + 15) / 16 }
    /// Total vectors for `lanes`.
    static func vectorCount(lanes: Int) -> Int { 795 * lanes + 1 }
    static func firstBiasOffset(lanes: Int) -> Int { 784 * lanes }
    static func outputOffset(lanes: Int, class k: Int) -> Int { (785 + k) * lanes }
    static func outputBiasOffset(lanes: Int) -> Int { 795 * lanes }

    init(hiddenWeights: [Float], hiddenBias: [Float], outputWeights: [Float], outputBias: [Float]) {
        let n = hiddenBias.count, l = Self.lanes(hiddenCount: n)
        hiddenCount = n
        lanes = l
        vectors = [SIMD16<Float>](repeating: .zero, count: Self.vectorCount(lanes: l))
        for i in 0..<MLPModel.inputCount {
            for j in 0..<n { vectors[i * l + j / 16][j % 16] = hiddenWeights[i * n + j] }
        }
        for j in 0..<n { vectors[Self.firstBiasOffset(lanes: l) + j / 16][j % 16] = hiddenBias[j] }
        for k in 0..<MLPModel.classCount {
            for j in 0..<n { vectors[Self.outputOffset(lanes: l, class: k) + j / 16][j % 16] = outputWeights[j * 10 + k] }
        }
        for k in 0..<MLPModel.classCount { vectors[Self.outputBiasOffset(lanes: l)][k] = outputBias[k] }
    }

    /// Wraps vectors in this layout (e.g. a trainer's parameters).
    init(hiddenCount: Int, vectors: [SIMD16<Float>]) {
        precondition(vectors.count == Self.vectorCount(lanes: Self.lanes(hiddenCount: hiddenCount)))
        self.hiddenCount = hiddenCount
        lanes = Self.lanes(hiddenCount: hiddenCount)
        self.vectors = vectors
    }

    private func scalar(_ vector: Int, _ lane: Int) -> Float { vectors[vector + lane / 16][lane % 16] }

    /// W1, 784×N input-major.
    var hiddenWeights: [Float] {
        var out = [Float](repeating: 0, count: MLPModel.inputCount * hiddenCount)
        for i in 0..<MLPModel.inputCount { for j in 0..<hiddenCount { out[i * hiddenCount + j] = scalar(i * lanes, j) } }
        return out
    }

    var hiddenBias: [Float] { (0..<hiddenCount).map { scalar(Self.firstBiasOffset(lanes: lanes), $0) } }

    /// W2, N×10 hidden-major.
    var outputWeights: [Float] {
        var out = [Float](repeating: 0, count: hiddenCount * MLPModel.classCount)
        for k in 0..<MLPModel.classCount {
            for j in 0..<hiddenCount { out[j * 10 + k] = scalar(Self.outputOffset(lanes: lanes, class: k), j) }
        }
        return out
    }

    var outputBias: [Float] { (0..<MLPModel.classCount).map { vectors[Self.outputBiasOffset(lanes: lanes)][$0] } }
}
