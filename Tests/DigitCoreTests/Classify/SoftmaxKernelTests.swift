import Foundation
import Testing
@testable import DigitCore

/// The fast SIMD kernel against the plain scalar reference, and the reference against
/// finite differences of the loss.
@Suite struct SoftmaxKernelTests {
    typealias F = ClassifyFixtures

    /// A few synthetic digits (dense pixels) with labels.
    static let digits = F.syntheticDigits(count: 12, seed: 5)
    static var images: [[Float]] { (0..<digits.count).map { digits.image($0).pixels } }
    static var labels: [Int] { digits.labels.map(Int.init) }

    @Test func packingRoundTrips() {
        let model = F.randomModel(seed: 1)
        let packed = PackedWeights(model)
        #expect(packed.model == model)
        #expect(packed.rows[3][4] == model.weights[3 * 10 + 4])
        #expect(packed.rows[PackedWeights.biasRow][7] == model.bias[7])
        #expect(packed.rows.allSatisfy { row in (10..<16).allSatisfy { row[$0] == 0 } })
    }

    @Test func fastLogitsAndProbabilitiesMatchTheReference() {
        let model = F.randomModel(seed: 2, scale: 0.2)
        let packed = PackedWeights(model)
        Self.digits.withUnsafeStorage { view in
            packed.rows.withUnsafeBufferPointer { rows in
                for n in 0..<view.count {
                    let image = view.image(n)
                    let z = SoftmaxKernel.logits(rows: rows.baseAddress!, indices: image.indices, values: image.values, count: image.count)
                    let reference = SoftmaxReference.logits(weights: model.weights, bias: model.bias, pixels: Self.images[n])
                    let p = SoftmaxKernel.softmax(z).probabilities
                    let referenceP = SoftmaxReference.softmax(reference)
                    for k in 0..<10 {
                        #expect(abs(Double(z[k]) - reference[k]) < 1e-4)
                        #expect(abs(Double(p[k]) - referenceP[k]) < 1e-6)
                    }
                    #expect((10..<16).allSatisfy { p[$0] == 0 })
                }
            }
        }
    }

    @Test func predictMatchesTheReference() {
        let model = F.randomModel(seed: 3, scale: 0.3)
        for (n, pixels) in Self.images.enumerated() {
            let prediction = model.predict(DigitImage(pixels: pixels))
            let reference = SoftmaxReference.softmax(SoftmaxReference.logits(weights: model.weights, bias: model.bias, pixels: pixels))
            #expect(prediction.probabilities.count == 10)
            #expect(abs(prediction.probabilities.reduce(0, +) - 1) < 1e-5)
            for k in 0..<10 { #expect(abs(Double(prediction.probabilities[k]) - reference[k]) < 1e-6, "image \(n) class \(k)") }
            #expect(prediction.digit == reference.indices.max { reference[$0] < reference[$1] }!)
        }
        #expect(model.predictions(for: [DigitImage(pixels: Self.images[0])]) == [model.predict(DigitImage(pixels: Self.images[0]))])
    }

    /// Logits of ±10,000 overflow a naive exp; the stable softmax stays finite and exact.
    @Test func softmaxIsStableForHugeLogits() {
        var z = SIMD16<Float>.zero
        z[0] = 10_000; z[1] = 9_999; z[2] = -10_000
        let (p, logSumExp) = SoftmaxKernel.softmax(z)
        #expect(p[0].isFinite && p[1].isFinite && p[2] == 0)
        #expect(abs(p[0] - 1 / (1 + expf(-1))) < 1e-6)
        #expect(abs(logSumExp - (10_000 + logf(1 + expf(-1)))) < 1e-2)
        let reference = SoftmaxReference.softmax([10_000, 9_999, -10_000, 0, 0, 0, 0, 0, 0, 0])
        #expect(abs(Double(p[1]) - reference[1]) < 1e-6)
    }

    /// One batch's gradient through the fast kernel equals the reference gradient.
    @Test func fastGradientMatchesTheReference() {
        let model = F.randomModel(seed: 4, scale: 0.2)
        let packed = PackedWeights(model)
        var gradient = [SIMD16<Float>](repeating: .zero, count: PackedWeights.rowCount)
        var fastLoss = 0.0
        Self.digits.withUnsafeStorage { view in
            packed.rows.withUnsafeBufferPointer { rows in
                gradient.withUnsafeMutableBufferPointer { g in
                    for n in 0..<view.count {
                        let image = view.image(n)
                        fastLoss += Double(SoftmaxKernel.accumulateGradient(
                            rows: rows.baseAddress!, gradient: g.baseAddress!, indices: image.indices,
                            values: image.values, count: image.count, label: Int(view.labels[n])))
                    }
                }
            }
        }
        let n = Double(Self.digits.count)
        let reference = SoftmaxReference.gradient(weights: model.weights, bias: model.bias,
                                                  images: Self.images, labels: Self.labels, l2: 0)
        for i in 0..<784 {
            for k in 0..<10 {
                #expect(abs(Double(gradient[i][k]) / n - reference.weights[i * 10 + k]) < 1e-5, "pixel \(i) class \(k)")
            }
        }
        for k in 0..<10 { #expect(abs(Double(gradient[PackedWeights.biasRow][k]) / n - reference.bias[k]) < 1e-5) }
        let referenceLoss = SoftmaxReference.loss(weights: model.weights, bias: model.bias, images: Self.images, labels: Self.labels, l2: 0)
        #expect(abs(fastLoss / n - referenceLoss) < 1e-4)
    }

    /// The analytic gradient (cross-entropy + L2) against central finite differences of the loss.
    @Test func referenceGradientMatchesFiniteDifferences() {
        let model = F.randomModel(seed: 6, scale: 0.2)
        let l2 = 0.01
        let gradient = SoftmaxReference.gradient(weights: model.weights, bias: model.bias,
                                                 images: Self.images, labels: Self.labels, l2: l2)
        // Parameters on inked pixels (where the data gradient is not zero) and a few background ones.
        let inked = (0..<784).filter { i in Self.images.contains { $0[i] > 0.5 } }
        let pixels = Array(inked.prefix(6)) + [0, 783]
        let h: Float = 1e-2
        func loss(_ w: [Float], _ b: [Float]) -> Double {
            SoftmaxReference.loss(weights: w, bias: b, images: Self.images, labels: Self.labels, l2: l2)
        }
        for i in pixels {
            for k in [0, 3, 9] {
                var plus = model.weights, minus = model.weights
                plus[i * 10 + k] += h
                minus[i * 10 + k] -= h
                let numeric = (loss(plus, model.bias) - loss(minus, model.bias)) / Double(2 * h)
                #expect(abs(numeric - gradient.weights[i * 10 + k]) < 1e-4, "pixel \(i) class \(k)")
            }
        }
        for k in 0..<10 {
            var plus = model.bias, minus = model.bias
            plus[k] += h
            minus[k] -= h
            let numeric = (loss(model.weights, plus) - loss(model.weights, minus)) / Double(2 * h)
            #expect(abs(numeric - gradient.bias[k]) < 1e-4, "bias \(k)")
        }
        // And not trivially: the data part of the gradient is not zero on inked pixels.
        #expect(pixels.prefix(6).contains { abs(gradient.weights[$0 * 10]) > 1e-3 })
    }
}
