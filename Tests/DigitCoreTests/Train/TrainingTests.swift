import Foundation
import Testing
@testable import DigitCore

@Suite struct TrainingTests {
    typealias F = ClassifyFixtures

    static let training = F.syntheticDigits(count: 400, seed: 21)
    static let validation = F.syntheticDigits(count: 100, seed: 22)

    static func options(threads: Int = 1, seed: UInt64 = 1, augment: Bool = false, epochs: Int = 3) -> TrainingOptions {
        var options = TrainingOptions()
        options.epochs = epochs
        options.batchSize = 32
        options.learningRate = 0.01
        options.l2 = 1e-4
        options.seed = seed
        options.threads = threads
        options.augment = augment
        return options
    }

    @Test func learnsTheSyntheticDigits() throws {
        let result = try trainSoftmax(training: Self.training, validation: Self.validation, options: Self.options())
        #expect(result.validationAccuracy > 0.9)
        #expect(result.epochs.count == 3)
        #expect(result.epochs[2].trainingLoss < result.epochs[0].trainingLoss)
        // The model returned is the kept epoch's, with the accuracy and loss reported for it.
        #expect(result.bestEpoch == chooseEpoch(result.epochs, validationCount: Self.validation.count))
        let kept = result.epochs[result.bestEpoch - 1]
        #expect(result.validationAccuracy == kept.validationAccuracy)
        let measured = evaluateSoftmax(PackedWeights(result.model), on: Self.validation)
        #expect(measured.accuracy == kept.validationAccuracy && measured.loss == kept.validationLoss)
    }

    /// The last epoch is kept unless an earlier one was more accurate by more than the noise.
    @Test func modelSelectionPrefersTheLastEpochWithinTheNoise() {
        func epochs(_ accuracies: [Double]) -> [EpochSummary] {
            accuracies.enumerated().map { EpochSummary(epoch: $0.offset + 1, trainingLoss: 0, validationAccuracy: $0.element,
                                                       validationLoss: 0, seconds: 0) }
        }
        // 5,000 images at 96%: one standard error is 0.28%.
        #expect(chooseEpoch(epochs([0.950, 0.962, 0.960]), validationCount: 5000) == 3)
        #expect(chooseEpoch(epochs([0.950, 0.966, 0.960]), validationCount: 5000) == 2)
        #expect(chooseEpoch(epochs([0.966, 0.966, 0.960]), validationCount: 5000) == 1)
        // A small validation set is noisier: the same gap is not enough.
        #expect(chooseEpoch(epochs([0.950, 0.966, 0.960]), validationCount: 500) == 3)
        #expect(chooseEpoch(epochs([0.9, 0.99, 0.5]), validationCount: 0) == 3)
    }

    /// When the last epoch is clearly worse on the validation set, the better epoch's model is returned.
    /// Set-up: start from a model that predicts label + 1, validate against labels + 1, and train
    /// on the true labels, so validation accuracy falls epoch after epoch.
    @Test func keepsAnEarlierEpochWhenTheLastIsClearlyWorse() throws {
        func shifted(_ set: SparseDigits) -> SparseDigits {
            SparseDigits(images: (0..<set.count).map { set.image($0) }, labels: set.labels.map { ($0 + 1) % 10 })
        }
        let start = try trainSoftmax(training: shifted(Self.training), validation: SparseDigits(), options: Self.options(epochs: 2))
        let result = try trainSoftmax(training: Self.training, validation: shifted(Self.validation),
                                      options: Self.options(epochs: 3), initial: start.model)
        let accuracies = result.epochs.map(\.validationAccuracy)
        #expect(accuracies[0] > accuracies[2] + 0.1, "validation accuracies \(accuracies)")
        #expect(result.bestEpoch == 1)
        #expect(result.validationAccuracy == accuracies[0])
        #expect(evaluateSoftmax(PackedWeights(result.model), on: shifted(Self.validation)).accuracy == accuracies[0])
    }

    @Test func resultsDoNotDependOnTheThreadCount() throws {
        let one = try trainSoftmax(training: Self.training, validation: Self.validation, options: Self.options(threads: 1))
        let two = try trainSoftmax(training: Self.training, validation: Self.validation, options: Self.options(threads: 2))
        let three = try trainSoftmax(training: Self.training, validation: Self.validation, options: Self.options(threads: 3))
        #expect(one.model.weights.map(\.bitPattern) == two.model.weights.map(\.bitPattern))
        #expect(one.model.bias.map(\.bitPattern) == two.model.bias.map(\.bitPattern))
        #expect(one.model == three.model)
        #expect(one.epochs.map(\.trainingLoss) == two.epochs.map(\.trainingLoss))
    }

    @Test func augmentedTrainingIsDeterministicAndThreadIndependent() throws {
        let one = try trainSoftmax(training: Self.training, validation: Self.validation, options: Self.options(threads: 1, augment: true, epochs: 2))
        let two = try trainSoftmax(training: Self.training, validation: Self.validation, options: Self.options(threads: 2, augment: true, epochs: 2))
        let plain = try trainSoftmax(training: Self.training, validation: Self.validation, options: Self.options(threads: 1, epochs: 2))
        #expect(one.model.weights.map(\.bitPattern) == two.model.weights.map(\.bitPattern))
        #expect(one.model != plain.model)
    }

    @Test func theSeedDecides() throws {
        let a = try trainSoftmax(training: Self.training, validation: Self.validation, options: Self.options(seed: 5, epochs: 1))
        let b = try trainSoftmax(training: Self.training, validation: Self.validation, options: Self.options(seed: 5, epochs: 1))
        let c = try trainSoftmax(training: Self.training, validation: Self.validation, options: Self.options(seed: 6, epochs: 1))
        #expect(a.model == b.model)
        #expect(a.model != c.model)
    }

    /// One full-batch step from zeros: Adam's first step moves every weight with a clear gradient
    /// by the learning rate against the sign of the (reference) gradient, L2 included.
    @Test func firstStepIsAdamOnTheReferenceGradient() throws {
        let set = Self.training.subset(0..<40)
        var options = Self.options(epochs: 1)
        options.batchSize = 40
        options.learningRate = 0.05
        let start = F.randomModel(seed: 9, scale: 0.1)
        let result = try trainSoftmax(training: set, validation: SparseDigits(), options: options, initial: start)
        let images = (0..<set.count).map { set.image($0).pixels }
        let gradient = SoftmaxReference.gradient(weights: start.weights, bias: start.bias, images: images,
                                                 labels: set.labels.map(Int.init), l2: Double(options.l2))
        var checked = 0
        for j in 0..<7840 where abs(gradient.weights[j]) > 1e-3 {
            let expected = start.weights[j] - options.learningRate * Float(gradient.weights[j].sign == .minus ? -1 : 1)
            #expect(abs(result.model.weights[j] - expected) < 1e-4, "weight \(j)")
            checked += 1
        }
        for k in 0..<10 where abs(gradient.bias[k]) > 1e-3 {
            let expected = start.bias[k] - options.learningRate * Float(gradient.bias[k].sign == .minus ? -1 : 1)
            #expect(abs(result.model.bias[k] - expected) < 1e-4, "bias \(k)")
        }
        #expect(checked > 50)
    }

    /// `--init`: training continues from the given model (its first epoch starts where that one ended).
    @Test func continuesFromAnInitialModel() throws {
        let first = try trainSoftmax(training: Self.training, validation: Self.validation, options: Self.options(epochs: 2))
        var gentle = Self.options(epochs: 1)
        gentle.learningRate = 0.001
        let fromZero = try trainSoftmax(training: Self.training, validation: Self.validation, options: gentle)
        let continued = try trainSoftmax(training: Self.training, validation: Self.validation, options: gentle, initial: first.model)
        #expect(continued.epochs[0].trainingLoss < fromZero.epochs[0].trainingLoss)
        #expect(continued.epochs[0].trainingLoss < first.epochs[0].trainingLoss)
    }

    @Test func rejectsBadOptionsAndEmptyData() {
        var options = Self.options()
        options.epochs = 0
        #expect(throws: TrainingError.self) { try trainSoftmax(training: Self.training, validation: Self.validation, options: options) }
        options = Self.options()
        options.learningRate = .nan
        #expect(throws: TrainingError.self) { try trainSoftmax(training: Self.training, validation: Self.validation, options: options) }
        #expect(throws: TrainingError.emptyTrainingSet) {
            try trainSoftmax(training: SparseDigits(), validation: Self.validation, options: Self.options())
        }
    }

    @Test func normalisationDoesNotDependOnTheThreadCount() {
        let (images, labels) = F.syntheticBytes(count: 150, seed: 3)
        let set = MNISTDataset(images: images, labels: labels)
        let one = normaliseMNIST(set, threads: 1), two = normaliseMNIST(set, threads: 2)
        #expect(one.values == two.values && one.pixelIndices == two.pixelIndices && one.rowStarts == two.rowStarts)
        #expect(one.labels == labels)
        #expect(one.image(7) == normaliseMNISTDigit(set.image(7)))
        let part = normaliseMNIST(set, range: 100..<150, threads: 2)
        #expect(part.count == 50 && part.image(0) == one.image(100))
    }

    /// The whole `digit train` recipe on a small synthetic MNIST folder: held-out validation,
    /// test accuracy, metadata with data hashes, a weights file that loads back.
    @Test func trainsOnAnMNISTFolderAndRecordsHowInItsMetadata() throws {
        let directory = try F.writeSyntheticMNIST(trainingCount: 300, testCount: 60)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let outcome = try trainOnMNIST(directory: directory, options: Self.options(epochs: 2))
        let metadata = outcome.weightsFile.metadata
        #expect(metadata.trainingImages == 270 && metadata.validationImages == 30)
        #expect(metadata.epochs == 2 && metadata.seed == 1 && metadata.batchSize == 32)
        #expect(metadata.testAccuracy == outcome.testAccuracy)
        #expect(outcome.testAccuracy >= 0.91, "measured 55 of 60 (91.7%): one more miss fails")
        #expect(metadata.dataHashes.count == 4)
        #expect(metadata.dataHashes["t10k-labels-idx1-ubyte"]?.count == 64)
        #expect(outcome.weightsFile.preprocessing == preprocessingIdentifier)
        let path = directory + "/model.dgw"
        try outcome.weightsFile.save(to: path)
        #expect(try WeightsFile.load(path: path) == outcome.weightsFile)
        // No wall-clock date or timing in the file: the same recipe on the same data gives the same bytes.
        #expect(metadata.date == nil)
        let again = try trainOnMNIST(directory: directory, options: Self.options(epochs: 2))
        #expect(again.weightsFile.encoded() == outcome.weightsFile.encoded())
    }

    /// An empty or tiny part is refused before training, naming the part (no NaN accuracy in a file).
    @Test func emptyOrTinySplitsAreRefused() throws {
        for (trainingCount, testCount, part) in [(300, 0, "test set"), (300, 9, "test set"),
                                                 (50, 60, "validation hold-out")] {
            let directory = try F.writeSyntheticMNIST(trainingCount: trainingCount, testCount: testCount)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            do {
                _ = try trainOnMNIST(directory: directory, options: Self.options(epochs: 1))
                Issue.record("trained with \(trainingCount) + \(testCount) images")
            } catch let error as TrainingError {
                guard case .splitTooSmall(let found, _, let minimum, _) = error else { Issue.record("\(error)"); continue }
                #expect(found == part && minimum == minimumImagesPerSplit)
                #expect(error.description.contains("the \(part) has"))
            }
        }
        #expect(throws: TrainingError.self) {
            try trainOnMNIST(directory: try F.writeSyntheticMNIST(trainingCount: 300, testCount: 60),
                             options: Self.options(epochs: 1), validationCount: 0)
        }
    }
}
