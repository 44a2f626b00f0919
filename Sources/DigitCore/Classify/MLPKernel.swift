/// The fast kernels of the one-hidden-layer network, used for training and prediction, on the
/// `PackedMLP` layout (L = `lanes` vectors of 16 hidden units). Inputs are sparse images (pixel
/// indices and values): the first layer adds one W1 row per inked pixel and skips the background.
/// Everything is SIMD over the hidden dimension. `MLPReference` holds the plain scalar version;
/// tests check that they agree.
public enum MLPKernel {
    /// hidden = relu(b1 + Σ value · W1[pixel]) over the image's non-zero pixels: L vectors.
    /// Four vectors (64 units) at a time stay in registers while the pixels stream past.
    @inline(__always)
    static func hiddenActivations(
        parameters p: UnsafePointer<SIMD16<Float>>, lanes: Int,
        indices: UnsafePointer<UInt16>, values: UnsafePointer<Float>, count: Int,
        into hidden: UnsafeMutablePointer<SIMD16<Float>>
    ) {
        let bias = p + PackedMLP.firstBiasOffset(lanes: lanes)
        var v = 0
        while v + 4 <= lanes {
            var a0 = bias[v], a1 = bias[v + 1], a2 = bias[v + 2], a3 = bias[v + 3]
            for j in 0..<count {
                let row = p + (Int(indices[j]) * lanes + v)
                let x = values[j]
                a0 += row[0] * x
                a1 += row[1] * x
                a2 += row[2] * x
                a3 += row[3] * x
            }
            hidden[v] = relu(a0)
            hidden[v + 1] = relu(a1)
            hidden[v + 2] = relu(a2)
            hidden[v + 3] = relu(a3)
            v += 4
        }
        while v < lanes {
            var a = bias[v]
            for j in 0..<count { a += p[Int(indices[j]) * lanes + v] * values[j] }
            hidden[v] = relu(a)
            v += 1
        }
    }

    @inline(__always)
    static func relu(_ a: SIMD16<Float>) -> SIMD16<Float> { a.replacing(with: 0, where: a .< 0) }

    /// Logits (lanes 0…9; 10…15 zero) from the hidden activations: z_k = b2_k + Σ_j h_j · W2[j, k].
    @inline(__always)
    static func outputLogits(parameters p: UnsafePointer<SIMD16<Float>>, lanes: Int,
                             hidden: UnsafePointer<SIMD16<Float>>) -> SIMD16<Float> {
        var z = p[PackedMLP.outputBiasOffset(lanes: lanes)]
        for k in 0..<MLPModel.classCount {
            let column = p + PackedMLP.outputOffset(lanes: lanes, class: k)
            var sum = SIMD16<Float>.zero
            for v in 0..<lanes { sum += column[v] * hidden[v] }
            z[k] += sum.sum()
        }
        return z
    }

    /// Logits of one sparse image; `hidden` is scratch space for L vectors.
    @inline(__always)
    public static func logits(
        parameters: UnsafePointer<SIMD16<Float>>, lanes: Int,
        indices: UnsafePointer<UInt16>, values: UnsafePointer<Float>, count: Int,
        hidden: UnsafeMutablePointer<SIMD16<Float>>
    ) -> SIMD16<Float> {
        hiddenActivations(parameters: parameters, lanes: lanes, indices: indices, values: values, count: count, into: hidden)
        return outputLogits(parameters: parameters, lanes: lanes, hidden: UnsafePointer(hidden))
    }

    /// Adds one image's whole cross-entropy gradient (unscaled, no L2) to `gradient` (same layout
    /// as the parameters) and returns its loss −log p[label], measured before any step:
    /// `outputGradient`, then `addFirstLayerGradient` for this image alone.
    /// `keep`: dropout multipliers per hidden unit (0, or 1/(1−P) for a kept unit; L vectors), or nil.
    /// `hidden`, `hiddenGradient`: scratch space for L vectors each.
    @inline(__always)
    public static func accumulateGradient(
        parameters p: UnsafePointer<SIMD16<Float>>, gradient: UnsafeMutablePointer<SIMD16<Float>>, lanes: Int,
        indices: UnsafePointer<UInt16>, values: UnsafePointer<Float>, count: Int, label: Int,
        keep: UnsafePointer<SIMD16<Float>>?,
        hidden: UnsafeMutablePointer<SIMD16<Float>>, hiddenGradient: UnsafeMutablePointer<SIMD16<Float>>
    ) -> Float {
        let loss = outputGradient(parameters: p, gradient: gradient, lanes: lanes, indices: indices, values: values,
                                  count: count, label: label, keep: keep, hidden: hidden, hiddenGradient: hiddenGradient)
        addFirstLayerGradient(gradient: gradient, lanes: lanes, indices: indices, values: values, count: count,
                              hiddenGradient: UnsafePointer(hiddenGradient))
        return loss
    }

    /// The forward pass and every gradient except W1's, for one image. With δ = p − onehot(label):
    /// gb2 += δ; gW2[j, k] += h_j δ_k; g_j = (Σ_k W2[j, k] δ_k) · keep_j · [h_j > 0] is written to
    /// `hiddenGradient` (L vectors) and added to gb1. W1's gradient, x_i · g for the inked pixels,
    /// is left to `addFirstLayerGradient`. Returns the loss −log p[label].
    @inline(__always)
    public static func outputGradient(
        parameters p: UnsafePointer<SIMD16<Float>>, gradient: UnsafeMutablePointer<SIMD16<Float>>, lanes: Int,
        indices: UnsafePointer<UInt16>, values: UnsafePointer<Float>, count: Int, label: Int,
        keep: UnsafePointer<SIMD16<Float>>?,
        hidden: UnsafeMutablePointer<SIMD16<Float>>, hiddenGradient: UnsafeMutablePointer<SIMD16<Float>>
    ) -> Float {
        hiddenActivations(parameters: p, lanes: lanes, indices: indices, values: values, count: count, into: hidden)
        if let keep { for v in 0..<lanes { hidden[v] *= keep[v] } }
        let z = outputLogits(parameters: p, lanes: lanes, hidden: UnsafePointer(hidden))
        let (probabilities, logSumExp) = SoftmaxKernel.softmax(z)
        var delta = probabilities
        delta[label] -= 1
        gradient[PackedMLP.outputBiasOffset(lanes: lanes)] += delta

        hiddenGradient.update(repeating: .zero, count: lanes)
        for k in 0..<MLPModel.classCount {
            let d = delta[k]
            let offset = PackedMLP.outputOffset(lanes: lanes, class: k)
            let column = p + offset, columnGradient = gradient + offset
            for v in 0..<lanes {
                columnGradient[v] += d * hidden[v]
                hiddenGradient[v] += d * column[v]
            }
        }
        let biasGradient = gradient + PackedMLP.firstBiasOffset(lanes: lanes)
        for v in 0..<lanes {
            var g = hiddenGradient[v]
            if let keep { g *= keep[v] }
            g.replace(with: 0, where: hidden[v] .<= 0)
            hiddenGradient[v] = g
            biasGradient[v] += g
        }
        return logSumExp - z[label]
    }

    /// gW1[i] += x_i · g for one image's inked pixels (`g`: its `hiddenGradient`, L vectors).
    @inline(__always)
    public static func addFirstLayerGradient(
        gradient: UnsafeMutablePointer<SIMD16<Float>>, lanes: Int,
        indices: UnsafePointer<UInt16>, values: UnsafePointer<Float>, count: Int,
        hiddenGradient: UnsafePointer<SIMD16<Float>>
    ) {
        for v in 0..<lanes {
            let g = hiddenGradient[v]
            for j in 0..<count { gradient[Int(indices[j]) * lanes + v] += g * values[j] }
        }
    }

    /// gW1[i] += Σ_n x_ni · g_n for a whole shard of images at once, pixel by pixel: `columns` lists,
    /// for each pixel, the images that ink it (`PixelColumns`), `hiddenGradients` holds each image's
    /// g (L vectors per image, in the columns' image order). Each W1 gradient row is read and
    /// written once per shard instead of once per image, and four vectors (64 units) of the sum
    /// stay in registers; the images of a column are added in order, so the result is fixed.
    public static func addFirstLayerGradient(
        gradient: UnsafeMutablePointer<SIMD16<Float>>, lanes: Int,
        columns: PixelColumns, hiddenGradients: UnsafePointer<SIMD16<Float>>
    ) {
        let starts = columns.starts, images = columns.images, values = columns.values
        var v = 0
        while v < lanes {
            let width = min(4, lanes - v)
            for i in 0..<MLPModel.inputCount {
                let lo = starts[i], hi = starts[i + 1]
                if lo == hi { continue }
                let row = gradient + (i * lanes + v)
                if width == 4 {
                    var s0 = SIMD16<Float>.zero, s1 = SIMD16<Float>.zero, s2 = SIMD16<Float>.zero, s3 = SIMD16<Float>.zero
                    for e in lo..<hi {
                        let g = hiddenGradients + (Int(images[e]) * lanes + v)
                        let x = values[e]
                        s0 += g[0] * x
                        s1 += g[1] * x
                        s2 += g[2] * x
                        s3 += g[3] * x
                    }
                    row[0] += s0
                    row[1] += s1
                    row[2] += s2
                    row[3] += s3
                } else {
                    for w in 0..<width {
                        var s = SIMD16<Float>.zero
                        for e in lo..<hi { s += hiddenGradients[Int(images[e]) * lanes + v + w] * values[e] }
                        row[w] += s
                    }
                }
            }
            v += width
        }
    }
}
