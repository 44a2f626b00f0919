/// Progress inside an epoch, reported after every batch.
public struct BatchProgress: Sendable {
    /// 1-based.
    public var epoch: Int
    public var epochCount: Int
    /// Batches done in this epoch, 1…`batchCount`.
    public var batch: Int
    public var batchCount: Int
    /// Mean cross-entropy of this epoch's images so far (before their step).
    public var meanLoss: Double
}

/// What one epoch achieved.
public struct EpochSummary: Sendable, Equatable, Codable {
    /// 1-based.
    public var epoch: Int
    /// Mean cross-entropy over the epoch's training images (each measured before its step).
    public var trainingLoss: Double
    /// Fraction 0…1 of validation images classified correctly after the epoch (NaN without a validation set).
    public var validationAccuracy: Double
    /// Mean cross-entropy on the validation set after the epoch.
    public var validationLoss: Double
    /// Wall time of the epoch, validation included.
    public var seconds: Double
}

/// The outcome of `trainSoftmax` / `trainMLP`.
public struct TrainingResult<Model: Sendable>: Sendable {
    /// The model after the epoch `chooseEpoch` keeps.
    public var model: Model
    /// 1-based epoch `model` comes from.
    public var bestEpoch: Int
    /// Validation accuracy of `model` (the kept epoch), 0…1 (NaN without a validation set).
    public var validationAccuracy: Double
    public var epochs: [EpochSummary]

    /// The same result holding `transform(model)`.
    public func map<Other>(_ transform: (Model) -> Other) -> TrainingResult<Other> {
        TrainingResult<Other>(model: transform(model), bestEpoch: bestEpoch, validationAccuracy: validationAccuracy, epochs: epochs)
    }
}

