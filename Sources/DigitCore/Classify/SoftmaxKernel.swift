import Foundation

/// The fast softmax kernels used for training and prediction. Inputs are sparse images
/// (pixel indices and values, background skipped); weights are `PackedWeights` rows.
/// `SoftmaxReference` holds the plain scalar version of the same maths; tests check they agree.
public enum SoftmaxKernel {
    /// 1 in lanes 0…9 (the classes), 0 in the six unused lanes.
    static let classLanes: SIMDMask<SIMD16<Int32>> = SIMD16<Int32>(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15) .< 10

    /// Logits (lanes 0…9) of one image: bias row + Σ value · weights row, over its non-zero pixels.
    @inline(__always)
    public static func logits(
        rows: UnsafePointer<SIMD16<Float>>,
        indices: UnsafePointer<UInt16>, values: UnsafePointer<Float>, count: Int
    ) -> SIMD16<Float> {
        var z = rows[PackedWeights.biasRow]
        for j in 0..<count {
            z += rows[Int(indices[j])] * values[j]
        }
        return z
    }

    /// Numerically stable softmax of lanes 0…9 (the rest come out 0): subtracts the largest
    /// logit before exponentiating. Also returns log Σ exp(z), so the loss of class `y`
    /// is `logSumExp - z[y]` without ever taking the log of a tiny probability.
    @inline(__always)
    public static func softmax(_ z: SIMD16<Float>) -> (probabilities: SIMD16<Float>, logSumExp: Float) {
        let top = z.replacing(with: -.infinity, where: .!classLanes).max()
        var e = SIMD16<Float>.zero
        for k in 0..<SoftmaxModel.classCount { e[k] = Foundation.exp(z[k] - top) }
        let sum = e.sum()
        return (e / sum, top + Foundation.log(sum))
    }

    /// Adds one image's cross-entropy gradient to `gradient` (785 rows, unscaled:
    /// row i += x_i · (p − onehot(label)), bias row += p − onehot) and returns its loss −log p[label].
    @inline(__always)
    public static func accumulateGradient(
        rows: UnsafePointer<SIMD16<Float>>, gradient: UnsafeMutablePointer<SIMD16<Float>>,
        indices: UnsafePointer<UInt16>, values: UnsafePointer<Float>, count: Int, label: Int
    ) -> Float {
        let z = logits(rows: rows, indices: indices, values: values, count: count)
        let (p, logSumExp) = softmax(z)
        var delta = p
        delta[label] -= 1
        gradient[PackedWeights.biasRow] += delta
        for j in 0..<count {
            gradient[Int(indices[j])] += delta * values[j]
        }
        return logSumExp - z[label]
    }

    /// The predicted class (lanes 0…9) of logits `z`; the first wins ties.
    @inline(__always)
    public static func argmax(_ z: SIMD16<Float>) -> Int {
        var best = 0
        for k in 1..<SoftmaxModel.classCount where z[k] > z[best] { best = k }
        return best
    }
}

extension SparseDigits {
    /// Calls `body` with pointers to image `n`'s non-zero pixels (indices, values, count).
    /// For hot loops, prefer `withUnsafeStorage` once and index it.
    public func withUnsafeStorage<R>(_ body: (SparseDigitsView) throws -> R) rethrows -> R {
        try rowStarts.withUnsafeBufferPointer { starts in
            try pixelIndices.withUnsafeBufferPointer { indices in
                try values.withUnsafeBufferPointer { values in
                    try labels.withUnsafeBufferPointer { labels in
                        try body(SparseDigitsView(rowStarts: starts, indices: indices, values: values, labels: labels))
                    }
                }
            }
        }
    }
}

/// Unsafe, read-only view of a `SparseDigits` for hot loops; valid only inside `withUnsafeStorage`.
public struct SparseDigitsView: @unchecked Sendable {
    public let rowStarts: UnsafeBufferPointer<Int>
    public let indices: UnsafeBufferPointer<UInt16>
    public let values: UnsafeBufferPointer<Float>
    public let labels: UnsafeBufferPointer<UInt8>

    public var count: Int { labels.count }

    /// Image `n`: pointers to its indices and values, and how many there are.
    @inline(__always)
    public func image(_ n: Int) -> (indices: UnsafePointer<UInt16>, values: UnsafePointer<Float>, count: Int) {
        let start = rowStarts[n]
        // An empty buffer may have a nil base address; a dangling-but-unused pointer is fine then.
        let i = indices.baseAddress ?? UnsafePointer(bitPattern: MemoryLayout<UInt16>.alignment)!
        let v = values.baseAddress ?? UnsafePointer(bitPattern: MemoryLayout<Float>.alignment)!
        return (i + start, v + start, rowStarts[n + 1] - start)
    }
}
