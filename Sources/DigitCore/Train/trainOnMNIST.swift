import Foundation
import Synchronization

/// Everything `digit train` produces: the weights file to save, the run's history and timings.
public struct MNISTTrainingOutcome: Sendable {
    /// Model, preprocessing identifier and metadata (including validation and test accuracy).
    public var weightsFile: WeightsFile
    public var result: TrainingResult<Classifier>
    /// Fraction 0…1 of the MNIST test set classified correctly by the kept model.
    public var testAccuracy: Double
    /// Number of test images.
    public var testImages: Int
    /// Wall seconds spent loading + normalising, training, and testing.
    public var loadingSeconds: Double
    public var trainingSeconds: Double
    public var testingSeconds: Double
}

/// The MNIST training recipe behind `digit train`: loads both splits from `directory`,
/// normalises every image with `normaliseMNISTDigit`, holds out the last `validationCount`
/// training images (default: 5,000, or a tenth of a smaller set) for choosing the best epoch, trains
/// (`trainSoftmax` when `options.hiddenCount` is 0, else `trainMLP`), and only then measures the
/// test set once for the report. `initial` must have the shape `options.hiddenCount` asks for.
public func trainOnMNIST(
    directory: String, options: TrainingOptions, validationCount: Int? = nil,
    initial: Classifier? = nil, initialSource: String? = nil,
    onBatch: ((BatchProgress) -> Void)? = nil, onEpoch: ((EpochSummary) -> Void)? = nil
) throws -> MNISTTrainingOutcome {
    try options.validate()
    if let initial, initial.hiddenCount != options.hiddenCount {
        throw TrainingError.shapeMismatch(source: initialSource ?? "the initial model", found: initial.shapeDescription,
                                          hiddenCount: options.hiddenCount)
    }
    let loadStart = Date()
    let trainingRaw = try MNISTDataset.load(directory: directory, split: .training)
    let testRaw = try MNISTDataset.load(directory: directory, split: .test)
    let validationCount = validationCount ?? min(5000, trainingRaw.count / 10)
    try checkSplitSizes(training: trainingRaw.count - validationCount, validation: validationCount,
                        test: testRaw.count, directory: directory)
    // Hash the data (for the metadata) beside normalisation and training rather than before them.
    let hashing = DispatchGroup()
    let hashes = Mutex<[String: String]>([:])
    DispatchQueue.global().async(group: hashing) {
        let found = trainingRaw.idxFileHashes(split: .training).merging(testRaw.idxFileHashes(split: .test)) { a, _ in a }
        hashes.withLock { $0 = found }
    }
    let trainingCount = trainingRaw.count - validationCount
    let training = normaliseMNIST(trainingRaw, range: 0..<trainingCount, threads: options.threads)
    let validation = normaliseMNIST(trainingRaw, range: trainingCount..<trainingRaw.count, threads: options.threads)
    let loadingSeconds = Date().timeIntervalSince(loadStart)

    let trainStart = Date()
    let result: TrainingResult<Classifier>
    switch initial {
    case .mlp(let model)?:
        result = try trainMLP(training: training, validation: validation, options: options,
                              initial: model, onBatch: onBatch, onEpoch: onEpoch).map { .mlp($0) }
    case .linear(let model)?:
        result = try trainSoftmax(training: training, validation: validation, options: options,
                                  initial: model, onBatch: onBatch, onEpoch: onEpoch).map { .linear($0) }
    case nil where options.hiddenCount > 0:
        result = try trainMLP(training: training, validation: validation, options: options,
                              onBatch: onBatch, onEpoch: onEpoch).map { .mlp($0) }
    case nil:
        result = try trainSoftmax(training: training, validation: validation, options: options,
                                  onBatch: onBatch, onEpoch: onEpoch).map { .linear($0) }
    }
    let trainingSeconds = Date().timeIntervalSince(trainStart)

    let testStart = Date()
    let test = normaliseMNIST(testRaw, threads: options.threads)
    let testAccuracy: Double
    switch result.model {
    case .linear(let model): testAccuracy = evaluateSoftmax(PackedWeights(model), on: test, threads: options.threads).accuracy
    case .mlp(let model): testAccuracy = evaluateMLP(model, on: test, threads: options.threads).accuracy
    }
    let testingSeconds = Date().timeIntervalSince(testStart)

    hashing.wait()
    let metadata = TrainingMetadata(
        recipe: trainingRecipe(options),
        optimizer: TrainingOptions.optimizerName, augment: options.augment, seed: options.seed,
        epochs: options.epochs, bestEpoch: result.bestEpoch, batchSize: options.batchSize,
        learningRate: options.learningRate, l2: options.l2,
        trainingImages: training.count, validationImages: validation.count,
        dataHashes: hashes.withLock { $0 },
        validationAccuracy: result.validationAccuracy.isNaN ? nil : result.validationAccuracy,
        testAccuracy: testAccuracy.isFinite ? testAccuracy : nil, initialisedFrom: initialSource,
        hiddenUnits: options.hiddenCount, dropout: options.dropout > 0 ? options.dropout : nil,
        digitVersion: digitVersion)  // no date: the same recipe and data give the same bytes
    return MNISTTrainingOutcome(
        weightsFile: WeightsFile(classifier: result.model, metadata: metadata), result: result,
        testAccuracy: testAccuracy, testImages: test.count, loadingSeconds: loadingSeconds, trainingSeconds: trainingSeconds,
        testingSeconds: testingSeconds)
}

/// The fewest images `trainOnMNIST` accepts in each of the training part, the validation
/// hold-out and the test set: fewer give accuracies that mean nothing (none: no accuracy at all).
public let minimumImagesPerSplit = 10

/// Throws `TrainingError.splitTooSmall` naming the first part with fewer than `minimumImagesPerSplit` images.
func checkSplitSizes(training: Int, validation: Int, test: Int, directory: String) throws {
    for (part, count) in [("training part", training), ("validation hold-out", validation), ("test set", test)]
    where count < minimumImagesPerSplit {
        throw TrainingError.splitTooSmall(part: part, images: max(0, count), minimum: minimumImagesPerSplit,
                                          directory: directory)
    }
}

/// One line naming the recipe, recorded in weights files.
public func trainingRecipe(_ options: TrainingOptions) -> String {
    let shape = options.hiddenCount == 0 ? "softmax 784→10"
        : "MLP 784→\(options.hiddenCount) ReLU→10 softmax, He init" + (options.dropout > 0 ? ", dropout \(options.dropout)" : "")
    return "\(shape) on normaliseMNISTDigit(\(preprocessingIdentifier)), \(TrainingOptions.optimizerName), "
        + "\(options.epochs) epochs, batch \(options.batchSize), lr \(options.learningRate), L2 \(options.l2), "
        + "augment \(options.augment ? "on" : "off"), seed \(options.seed), last epoch kept unless an earlier one is clearly better on validation"
}

