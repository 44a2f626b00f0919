import Foundation

/// How `trainSoftmax` trains. Defaults are the recipe of the bundled model (chosen from the
/// measurements in BENCHMARKS.md, section Training).
///
/// Optimiser: Adam (β1 0.9, β2 0.999, ε 1e-8) on mean cross-entropy + (l2/2)·‖W‖² (bias not
/// penalised), mini-batches, learning rate decayed along a cosine from `learningRate` to 0 over
/// the run. Adam was chosen over SGD with momentum because its per-weight step sizes cope with
/// pixels that are rarely inked (the digit's border) without a per-run learning-rate search.
public struct TrainingOptions: Sendable, Equatable, Codable {
    /// Passes over the training set.
    public var epochs: Int = 12
    /// Images per gradient step.
    public var batchSize: Int = 500
    /// Adam's initial step size (decays to 0 along a cosine).
    public var learningRate: Float = 0.01
    /// L2 penalty λ: the loss adds (λ/2)·‖W‖².
    public var l2: Float = 1e-5
    /// Seeds shuffling and augmentation; same seed, same data → bit-identical weights.
    public var seed: UInt64 = 1
    /// Worker threads. Does not change the result (batches are cut into `shardCount` fixed shards).
    public var threads: Int = ProcessInfo.processInfo.activeProcessorCount
    /// Train on randomly shifted/rotated/scaled/thickened/thinned copies, made afresh each epoch.
    public var augment: Bool = false
    /// N, the hidden ReLU units of an MLP (784 → N → 10); 0 for the softmax regression (784 → 10).
    public var hiddenCount: Int = 0
    /// Probability 0 ≤ P < 1 of dropping each hidden unit for one image (MLP only; 0 = off).
    public var dropout: Float = 0

    /// Every batch is split into this many shards whatever the thread count, and their gradients
    /// are summed in shard order, so results do not depend on `threads`.
    public static let shardCount = 8

    public init() {}

    /// The recipe of the bundled model of that shape: the softmax defaults above for 0 (no
    /// augmentation: it costs a linear model 2 points), and for an MLP 30 epochs, batch 256,
    /// learning rate 0.002, L2 1e-4, augmentation on (chosen from the measurements in
    /// BENCHMARKS.md, sections Training and Session 13: distorted copies teach the hidden layer
    /// typed, blurred and boxed digits that MNIST alone does not).
    public static func recommended(hiddenCount: Int) -> TrainingOptions {
        var options = TrainingOptions()
        options.hiddenCount = hiddenCount
        if hiddenCount > 0 {
            options.epochs = 30
            options.batchSize = 256
            options.learningRate = 0.002
            options.l2 = 1e-4
            options.augment = true
        }
        return options
    }

    /// Hidden units of the bundled `mlp` model (`digit train`'s default `--hidden`).
    public static let bundledHiddenCount = 512

    /// The optimiser, as recorded in weights files.
    public static let optimizerName = "adam(b1=0.9,b2=0.999,eps=1e-8)+cosine-lr"

    /// Throws when an option is out of range.
    public func validate() throws {
        if epochs < 1 { throw TrainingError.invalidOption("epochs must be at least 1 (got \(epochs))") }
        if batchSize < 1 { throw TrainingError.invalidOption("batch size must be at least 1 (got \(batchSize))") }
        if !(learningRate > 0) || !learningRate.isFinite {
            throw TrainingError.invalidOption("learning rate must be a positive number (got \(learningRate))")
        }
        if !(l2 >= 0) || !l2.isFinite { throw TrainingError.invalidOption("L2 must be zero or positive (got \(l2))") }
        if hiddenCount < 0 || hiddenCount > 4096 {
            throw TrainingError.invalidOption("hidden units must be 0 (softmax) … 4096 (got \(hiddenCount))")
        }
        if !(dropout >= 0 && dropout < 1) { throw TrainingError.invalidOption("dropout must be at least 0 and below 1 (got \(dropout))") }
        if dropout > 0 && hiddenCount == 0 { throw TrainingError.invalidOption("dropout needs a hidden layer (--hidden N)") }
        if threads < 1 { throw TrainingError.invalidOption("threads must be at least 1 (got \(threads))") }
    }
}

/// Why training could not run.
public enum TrainingError: Error, Equatable, CustomStringConvertible {
    case invalidOption(String)
    case emptyTrainingSet
    /// A part of the data (training, validation hold-out, test) with fewer than `minimum` images.
    case splitTooSmall(part: String, images: Int, minimum: Int, directory: String)
    /// `--init` names a model of another shape than the one asked for.
    case shapeMismatch(source: String, found: String, hiddenCount: Int)

    public var description: String {
        switch self {
        case .shapeMismatch(let source, let found, let hiddenCount):
            let asked = hiddenCount == 0 ? "a softmax regression (--hidden 0)" : "an MLP with \(hiddenCount) hidden units (--hidden \(hiddenCount))"
            return "\(source) is a \(found), but training was asked for \(asked); pass the matching --hidden or another --init file"
        case .invalidOption(let reason): return "invalid training option: \(reason)"
        case .emptyTrainingSet: return "no training images"
        case .splitTooSmall(let part, let images, let minimum, let directory):
            return "\(directory): the \(part) has \(images) images; training needs at least \(minimum) in each of "
                + "the training part, the validation hold-out (a tenth of the training file, at most 5,000) and the test set"
        }
    }
}
