import Foundation
import Testing
@testable import DigitCore

/// The SIMD kernels of the hidden-layer network against the plain scalar reference, and the
/// reference gradient against finite differences of the loss.
@Suite struct MLPKernelTests {
    typealias F = ClassifyFixtures

    static let digits = F.syntheticDigits(count: 10, seed: 7)
    static var images: [[Float]] { (0..<digits.count).map { digits.image($0).pixels } }
    static var labels: [Int] { digits.labels.map(Int.init) }

    /// A random network with `hidden` units (not a multiple of 16, so padding is exercised) and
    /// biases that keep some units inactive.
    static func randomModel(hidden: Int, seed: UInt64, scale: Float = 0.1) -> MLPModel {
        var rng = SplitMix64(seed: seed)
        func values(_ count: Int) -> [Float] { (0..<count).map { _ in rng.uniform(-scale...scale) } }
        return MLPModel(hiddenWeights: values(784 * hidden), hiddenBias: values(hidden),
                        outputWeights: values(hidden * 10).map { $0 * 5 }, outputBias: values(10))
    }

    @Test func packingRoundTrips() {
        let model = Self.randomModel(hidden: 37, seed: 1)
        let packed = model.packed
        #expect(packed.lanes == 3)
        #expect(packed.hiddenWeights == model.hiddenWeights && packed.hiddenBias == model.hiddenBias)
        #expect(packed.outputWeights == model.outputWeights && packed.outputBias == model.outputBias)
        #expect(MLPModel(packed) == model)
        // The padded units 37…47 are zero everywhere.
        #expect((0..<785).allSatisfy { row in (5..<16).allSatisfy { packed.vectors[row * 3 + 2][$0] == 0 } })
    }

    @Test(arguments: [1, 37, 64, 80])
    func logitsAndPredictionsMatchTheReference(hidden: Int) {
        let model = Self.randomModel(hidden: hidden, seed: 2)
        for (n, pixels) in Self.images.enumerated() {
            let reference = MLPReference.logits(model, pixels: pixels)
            let referenceP = SoftmaxReference.softmax(reference)
            let prediction = model.predict(DigitImage(pixels: pixels))
            for k in 0..<10 {
                #expect(abs(Double(prediction.probabilities[k]) - referenceP[k]) < 1e-5, "image \(n) class \(k)")
            }
            #expect(prediction.digit == referenceP.indices.max { referenceP[$0] < referenceP[$1] }!)
            #expect(Classifier.mlp(model).predict(DigitImage(pixels: pixels)) == prediction)
        }
    }

    /// The kernel's summed gradient over a few images (per image, and batched pixel-major as
    /// training does) equals the reference's (which is a mean: scaled back by the count).
    @Test(arguments: [20, 64])
    func gradientMatchesTheReference(hidden: Int) {
        let model = Self.randomModel(hidden: hidden, seed: 3)
        let packed = model.packed, lanes = packed.lanes
        let reference = MLPReference.gradient(model, images: Self.images, labels: Self.labels, l2: 0)
        let count = Double(Self.images.count)
        let vectorCount = PackedMLP.vectorCount(lanes: lanes)
        var perImage = [SIMD16<Float>](repeating: .zero, count: vectorCount)
        var batched = [SIMD16<Float>](repeating: .zero, count: vectorCount)
        var activations = [SIMD16<Float>](repeating: .zero, count: lanes)
        var gradients = [SIMD16<Float>](repeating: .zero, count: lanes * Self.digits.count)
        let columns = PixelColumns(capacity: Self.digits.count)
        var lossSum = 0.0
        Self.digits.withUnsafeStorage { view in
            packed.vectors.withUnsafeBufferPointer { p in
                for n in 0..<view.count {
                    let image = view.image(n)
                    lossSum += Double(MLPKernel.accumulateGradient(
                        parameters: p.baseAddress!, gradient: &perImage, lanes: lanes, indices: image.indices,
                        values: image.values, count: image.count, label: Int(view.labels[n]), keep: nil,
                        hidden: &activations, hiddenGradient: &gradients))
                }
                gradients.withUnsafeMutableBufferPointer { g in
                    for n in 0..<view.count {
                        let image = view.image(n)
                        _ = MLPKernel.outputGradient(
                            parameters: p.baseAddress!, gradient: &batched, lanes: lanes, indices: image.indices,
                            values: image.values, count: image.count, label: Int(view.labels[n]), keep: nil,
                            hidden: &activations, hiddenGradient: g.baseAddress! + n * lanes)
                        columns.append(indices: image.indices, values: image.values, count: image.count)
                    }
                    columns.finish()
                    MLPKernel.addFirstLayerGradient(gradient: &batched, lanes: lanes, columns: columns,
                                                    hiddenGradients: g.baseAddress!)
                }
            }
        }
        for kernel in [perImage, batched] {
            let unpacked = PackedMLP(hiddenCount: hidden, vectors: kernel)
            func close(_ a: [Float], _ b: [Double]) -> Bool {
                zip(a, b).allSatisfy { abs(Double($0) - $1 * count) < 1e-4 }
            }
            #expect(close(unpacked.hiddenWeights, reference.hiddenWeights))
            #expect(close(unpacked.hiddenBias, reference.hiddenBias))
            #expect(close(unpacked.outputWeights, reference.outputWeights))
            #expect(close(unpacked.outputBias, reference.outputBias))
        }
        #expect(reference.hiddenWeights.contains { abs($0) > 1e-3 }, "the test gradient is not trivially zero")
        let referenceLoss = MLPReference.loss(model, images: Self.images, labels: Self.labels, l2: 0) * count
        #expect(abs(lossSum - referenceLoss) < 1e-3)
    }

    /// Central differences of the reference loss (with L2) agree with its analytic gradient on
    /// a sample of parameters of every kind.
    @Test func referenceGradientMatchesFiniteDifferences() {
        let model = Self.randomModel(hidden: 6, seed: 4, scale: 0.3)
        let images = Array(Self.images.prefix(4)), labels = Array(Self.labels.prefix(4))
        let l2 = 0.01
        let gradient = MLPReference.gradient(model, images: images, labels: labels, l2: l2)
        func loss(_ m: MLPModel) -> Double { MLPReference.loss(m, images: images, labels: labels, l2: l2) }
        let h: Float = 1e-2
        var rng = SplitMix64(seed: 9)
        // Pixels that are inked in these images, so W1's checks are not all trivially zero.
        let inked = (0..<784).filter { i in images.contains { $0[i] != 0 } }
        for _ in 0..<12 {
            let i = inked[Int(rng.next() % UInt64(inked.count))], j = Int(rng.next() % 6), k = Int(rng.next() % 10)
            var checks: [(MLPModel, MLPModel, Double)] = []
            var w1 = model.hiddenWeights, w1m = w1
            w1[i * 6 + j] += h; w1m[i * 6 + j] -= h
            checks.append((MLPModel(hiddenWeights: w1, hiddenBias: model.hiddenBias, outputWeights: model.outputWeights, outputBias: model.outputBias),
                           MLPModel(hiddenWeights: w1m, hiddenBias: model.hiddenBias, outputWeights: model.outputWeights, outputBias: model.outputBias),
                           gradient.hiddenWeights[i * 6 + j]))
            var b1 = model.hiddenBias, b1m = b1
            b1[j] += h; b1m[j] -= h
            checks.append((MLPModel(hiddenWeights: model.hiddenWeights, hiddenBias: b1, outputWeights: model.outputWeights, outputBias: model.outputBias),
                           MLPModel(hiddenWeights: model.hiddenWeights, hiddenBias: b1m, outputWeights: model.outputWeights, outputBias: model.outputBias),
                           gradient.hiddenBias[j]))
            var w2 = model.outputWeights, w2m = w2
            w2[j * 10 + k] += h; w2m[j * 10 + k] -= h
            checks.append((MLPModel(hiddenWeights: model.hiddenWeights, hiddenBias: model.hiddenBias, outputWeights: w2, outputBias: model.outputBias),
                           MLPModel(hiddenWeights: model.hiddenWeights, hiddenBias: model.hiddenBias, outputWeights: w2m, outputBias: model.outputBias),
                           gradient.outputWeights[j * 10 + k]))
            var b2 = model.outputBias, b2m = b2
            b2[k] += h; b2m[k] -= h
            checks.append((MLPModel(hiddenWeights: model.hiddenWeights, hiddenBias: model.hiddenBias, outputWeights: model.outputWeights, outputBias: b2),
                           MLPModel(hiddenWeights: model.hiddenWeights, hiddenBias: model.hiddenBias, outputWeights: model.outputWeights, outputBias: b2m),
                           gradient.outputBias[k]))
            for (plus, minus, analytic) in checks {
                let numeric = (loss(plus) - loss(minus)) / (2 * Double(h))
                #expect(abs(numeric - analytic) < 2e-3 * max(1, abs(analytic)), "numeric \(numeric) vs analytic \(analytic)")
            }
        }
    }

    /// Dropout multipliers scale the kept units and silence the dropped ones, in the forward
    /// pass and in the gradient.
    @Test func dropoutMaskSilencesDroppedUnits() {
        let model = Self.randomModel(hidden: 16, seed: 5)
        let packed = model.packed
        var keep = [SIMD16<Float>](repeating: SIMD16<Float>(repeating: 2), count: 1)
        for lane in stride(from: 0, to: 16, by: 2) { keep[0][lane] = 0 }
        var gradient = [SIMD16<Float>](repeating: .zero, count: PackedMLP.vectorCount(lanes: 1))
        var hidden = [SIMD16<Float>](repeating: .zero, count: 1), g = hidden
        Self.digits.withUnsafeStorage { view in
            packed.vectors.withUnsafeBufferPointer { p in
                let image = view.image(0)
                _ = MLPKernel.accumulateGradient(parameters: p.baseAddress!, gradient: &gradient, lanes: 1,
                                                 indices: image.indices, values: image.values, count: image.count,
                                                 label: Int(view.labels[0]), keep: &keep, hidden: &hidden, hiddenGradient: &g)
            }
        }
        let plain = MLPReference.hidden(model, pixels: Self.images[0])
        for lane in 0..<16 {
            if lane % 2 == 0 {
                #expect(hidden[0][lane] == 0 && g[0][lane] == 0)
                #expect(gradient[PackedMLP.firstBiasOffset(lanes: 1)][lane] == 0)
            } else {
                #expect(abs(Double(hidden[0][lane]) - 2 * plain[lane]) < 1e-5)
            }
        }
        #expect(plain.enumerated().contains { $0.offset % 2 == 0 && $0.element > 0 }, "some dropped unit was active")
    }

    @Test func heInitialisationIsSeededAndScaled() {
        let a = MLPModel.heInitialised(hiddenCount: 32, seed: 1), b = MLPModel.heInitialised(hiddenCount: 32, seed: 1)
        let c = MLPModel.heInitialised(hiddenCount: 32, seed: 2)
        #expect(a == b && a != c)
        let limit = (6.0 / 784).squareRoot()
        #expect(a.hiddenWeights.allSatisfy { abs(Double($0)) <= limit })
        let variance = a.hiddenWeights.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(a.hiddenWeights.count)
        #expect(abs(variance - 2.0 / 784) < 0.2 * 2.0 / 784)
        #expect(a.hiddenBias.allSatisfy { $0 == 0 } && a.outputBias.allSatisfy { $0 == 0 })
    }
}
