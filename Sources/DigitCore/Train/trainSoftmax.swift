import Foundation

/// Accuracy and mean cross-entropy of `packed` on `set`; chunks are fixed, so the result
/// does not depend on `threads`.
public func evaluateSoftmax(_ packed: PackedWeights, on set: SparseDigits, threads: Int = 1)
    -> (accuracy: Double, loss: Double) {
    packed.rows.withUnsafeBufferPointer { rowBuffer in
        let rows = rowBuffer.baseAddress!
        return evaluateSparse(on: set, threads: threads) {
            { indices, values, count in SoftmaxKernel.logits(rows: rows, indices: indices, values: values, count: count) }
        }
    }
}

/// Trains a softmax model on `training` by mini-batch Adam (see `TrainingOptions`) and chooses
/// the epoch to keep on `validation` (see `chooseEpoch`). Deterministic for a given seed, data
/// and `initial` model, and independent of `options.threads`.
public func trainSoftmax(
    training: SparseDigits, validation: SparseDigits, options: TrainingOptions,
    initial: SoftmaxModel? = nil,
    onBatch: ((BatchProgress) -> Void)? = nil,
    onEpoch: ((EpochSummary) -> Void)? = nil
) throws -> TrainingResult<SoftmaxModel> {
    try options.validate()
    guard training.count > 0 else { throw TrainingError.emptyTrainingSet }
    var trainer = SoftmaxTrainer(options: options, initial: initial ?? .zero, imageCount: training.count)
    defer { trainer.deallocate() }
    return runEpochs(&trainer, training: training, validation: validation, options: options,
                     onBatch: onBatch, onEpoch: onEpoch)
}

/// The state of one softmax training run: packed weights, Adam's moments, one gradient buffer
/// and scratch space per shard. Manually allocated so the hot loops see plain pointers.
struct SoftmaxTrainer: MiniBatchTrainer {
    static let rowCount = PackedWeights.rowCount
    static let shardCount = TrainingOptions.shardCount

    let options: TrainingOptions
    var schedule: AdamSchedule
    let weights: UnsafeMutablePointer<SIMD16<Float>>
    let firstMoment: UnsafeMutablePointer<SIMD16<Float>>
    let secondMoment: UnsafeMutablePointer<SIMD16<Float>>
    /// `shardCount × rowCount` rows; shard s owns rows `s * rowCount ..< (s + 1) * rowCount`.
    let shardGradients: UnsafeMutablePointer<SIMD16<Float>>
    let shardLosses: UnsafeMutablePointer<Double>
    let augmentationScratch: AugmentationScratch

    init(options: TrainingOptions, initial: SoftmaxModel, imageCount: Int) {
        self.options = options
        schedule = AdamSchedule(learningRate: options.learningRate,
                                totalSteps: options.epochs * ((imageCount + options.batchSize - 1) / options.batchSize))
        weights = .allocateZeroed(Self.rowCount)
        let packed = PackedWeights(initial)
        for r in 0..<Self.rowCount { weights[r] = packed.rows[r] }
        firstMoment = .allocateZeroed(Self.rowCount)
        secondMoment = .allocateZeroed(Self.rowCount)
        shardGradients = .allocateZeroed(Self.shardCount * Self.rowCount)
        shardLosses = .allocate(capacity: Self.shardCount)
        shardLosses.initialize(repeating: 0, count: Self.shardCount)
        augmentationScratch = AugmentationScratch(shardCount: Self.shardCount)
    }

    func deallocate() {
        weights.deallocate()
        firstMoment.deallocate()
        secondMoment.deallocate()
        shardGradients.deallocate()
        shardLosses.deallocate()
        augmentationScratch.deallocate()
    }

    func packedWeights() -> PackedWeights {
        var packed = PackedWeights()
        for r in 0..<Self.rowCount { packed.rows[r] = weights[r] }
        return packed
    }

    func snapshot() -> SoftmaxModel { packedWeights().model }

    func evaluate(_ model: SoftmaxModel, on set: SparseDigits, threads: Int) -> (accuracy: Double, loss: Double) {
        evaluateSoftmax(PackedWeights(model), on: set, threads: threads)
    }

    /// One mini-batch: per-shard gradients (in parallel), their sum in shard order, one Adam
    /// step. Returns the batch's summed cross-entropy (measured before the step).
    mutating func step(_ data: SparseDigitsView, samples: UnsafeBufferPointer<Int>, epoch: Int) -> Double {
        let this = self
        let loss = sumOverShards(samples, shardCount: Self.shardCount, threads: options.threads, losses: shardLosses) { shard, part in
            this.accumulateShard(data, samples: part, shard: shard, epoch: epoch)
        }
        let rate = schedule.nextRate()
        let scale = 1 / Float(samples.count)
        for (range, penalised) in [(0..<PackedWeights.biasRow, true), (PackedWeights.biasRow..<Self.rowCount, false)] {
            AdamSchedule.update(range, weights: weights, firstMoment: firstMoment, secondMoment: secondMoment,
                                shardGradients: shardGradients, shardCount: Self.shardCount, shardStride: Self.rowCount,
                                scale: scale, l2: options.l2, penalised: penalised, rate: rate)
        }
        return loss
    }

    /// Sums the gradients of `samples` into shard `shard`'s buffer; returns their summed loss.
    func accumulateShard(_ data: SparseDigitsView, samples: UnsafeBufferPointer<Int>, shard: Int, epoch: Int) -> Double {
        let gradient = shardGradients + shard * Self.rowCount
        var loss = 0.0
        for n in samples {
            let label = Int(data.labels[n])
            var image = data.image(n)
            if options.augment {
                image = augmentationScratch.augmentedImage(data, n, seed: options.seed, epoch: epoch, shard: shard)
            }
            loss += Double(SoftmaxKernel.accumulateGradient(
                rows: weights, gradient: gradient, indices: image.indices, values: image.values,
                count: image.count, label: label))
        }
        return loss
    }
}

extension UnsafeMutablePointer {
    /// `count` elements, allocated and set to zero bits' value `.zero`.
    static func allocateZeroed(_ count: Int) -> UnsafeMutablePointer<Pointee> where Pointee == SIMD16<Float> {
        let p = UnsafeMutablePointer<SIMD16<Float>>.allocate(capacity: count)
        p.initialize(repeating: .zero, count: count)
        return p
    }
}
