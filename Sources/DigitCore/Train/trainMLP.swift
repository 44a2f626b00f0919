import Foundation

/// Accuracy and mean cross-entropy of `model` on `set`; chunks are fixed, so the result
/// does not depend on `threads`.
public func evaluateMLP(_ model: MLPModel, on set: SparseDigits, threads: Int = 1) -> (accuracy: Double, loss: Double) {
    let lanes = model.packed.lanes
    return model.packed.vectors.withUnsafeBufferPointer { buffer in
        let parameters = buffer.baseAddress!
        return evaluateSparse(on: set, threads: threads) {
            let hidden = HiddenScratch(lanes: lanes)
            return { indices, values, count in
                MLPKernel.logits(parameters: parameters, lanes: lanes, indices: indices, values: values,
                                 count: count, hidden: hidden.pointer)
            }
        }
    }
}

/// L vectors of scratch space, freed with the object.
private final class HiddenScratch {
    let pointer: UnsafeMutablePointer<SIMD16<Float>>
    init(lanes: Int) { pointer = .allocateZeroed(lanes) }
    deinit { pointer.deallocate() }
}

/// Trains a 784 → `options.hiddenCount` ReLU → 10 network on `training` by mini-batch Adam on
/// cross-entropy + L2 (weights only), with optional dropout on the hidden units, starting from
/// `initial` or from He initialisation, and keeps the epoch `chooseEpoch` picks on `validation`.
/// Deterministic for a given seed, data and `initial`, and independent of `options.threads`:
/// every batch is cut into `MLPTrainer.shardCount` fixed shards summed in shard order.
public func trainMLP(
    training: SparseDigits, validation: SparseDigits, options: TrainingOptions,
    initial: MLPModel? = nil,
    onBatch: ((BatchProgress) -> Void)? = nil,
    onEpoch: ((EpochSummary) -> Void)? = nil
) throws -> TrainingResult<MLPModel> {
    try options.validate()
    guard options.hiddenCount > 0 else { throw TrainingError.invalidOption("an MLP needs at least one hidden unit") }
    guard training.count > 0 else { throw TrainingError.emptyTrainingSet }
    let start = initial ?? .heInitialised(hiddenCount: options.hiddenCount, seed: options.seed)
    guard start.hiddenCount == options.hiddenCount else {
        throw TrainingError.invalidOption("the initial model has \(start.hiddenCount) hidden units, not \(options.hiddenCount)")
    }
    var trainer = MLPTrainer(options: options, initial: start, imageCount: training.count)
    defer { trainer.deallocate() }
    return runEpochs(&trainer, training: training, validation: validation, options: options,
                     onBatch: onBatch, onEpoch: onEpoch)
}

/// The state of one MLP training run, in the `PackedMLP` layout: parameters, Adam's moments,
/// one gradient buffer and scratch space per shard. Manually allocated so the hot loops see
/// plain pointers.
struct MLPTrainer: MiniBatchTrainer {
    /// Fixed shards per batch, whatever the thread count (more threads than this are not used).
    /// Four rather than softmax's eight: each shard's gradient is as big as the model (0.8 MB
    /// for N = 256), and summing them is part of every step.
    static let shardCount = 4

    let options: TrainingOptions
    let hiddenCount: Int
    let lanes: Int
    let vectorCount: Int
    var schedule: AdamSchedule
    let parameters: UnsafeMutablePointer<SIMD16<Float>>
    let firstMoment: UnsafeMutablePointer<SIMD16<Float>>
    let secondMoment: UnsafeMutablePointer<SIMD16<Float>>
    /// `shardCount × vectorCount`; shard s owns `s * vectorCount ..< (s + 1) * vectorCount`.
    let shardGradients: UnsafeMutablePointer<SIMD16<Float>>
    let shardLosses: UnsafeMutablePointer<Double>
    /// Per shard: hidden activations and dropout multipliers (L vectors each).
    let hiddenScratch: UnsafeMutablePointer<SIMD16<Float>>
    /// Per shard: the hidden gradient g of each of its images (`shardCapacity × L` vectors).
    let hiddenGradients: UnsafeMutablePointer<SIMD16<Float>>
    /// Per shard: its images, pixel-major, for W1's gradient.
    let columns: [PixelColumns]
    /// Most images in one shard: ⌈batch size / shardCount⌉.
    let shardCapacity: Int
    let augmentationScratch: AugmentationScratch

    init(options: TrainingOptions, initial: MLPModel, imageCount: Int) {
        self.options = options
        hiddenCount = initial.hiddenCount
        lanes = initial.packed.lanes
        vectorCount = PackedMLP.vectorCount(lanes: lanes)
        schedule = AdamSchedule(learningRate: options.learningRate,
                                totalSteps: options.epochs * ((imageCount + options.batchSize - 1) / options.batchSize))
        parameters = .allocateZeroed(vectorCount)
        for r in 0..<vectorCount { parameters[r] = initial.packed.vectors[r] }
        firstMoment = .allocateZeroed(vectorCount)
        secondMoment = .allocateZeroed(vectorCount)
        shardGradients = .allocateZeroed(Self.shardCount * vectorCount)
        shardLosses = .allocate(capacity: Self.shardCount)
        shardLosses.initialize(repeating: 0, count: Self.shardCount)
        hiddenScratch = .allocateZeroed(Self.shardCount * 2 * lanes)
        let capacity = (options.batchSize + Self.shardCount - 1) / Self.shardCount
        shardCapacity = capacity
        hiddenGradients = .allocateZeroed(Self.shardCount * capacity * lanes)
        columns = (0..<Self.shardCount).map { _ in PixelColumns(capacity: capacity) }
        augmentationScratch = AugmentationScratch(shardCount: Self.shardCount)
    }

    func deallocate() {
        parameters.deallocate()
        firstMoment.deallocate()
        secondMoment.deallocate()
        shardGradients.deallocate()
        shardLosses.deallocate()
        hiddenScratch.deallocate()
        hiddenGradients.deallocate()
        augmentationScratch.deallocate()
    }

    func snapshot() -> MLPModel {
        MLPModel(PackedMLP(hiddenCount: hiddenCount, vectors: Array(UnsafeBufferPointer(start: parameters, count: vectorCount))))
    }

    func evaluate(_ model: MLPModel, on set: SparseDigits, threads: Int) -> (accuracy: Double, loss: Double) {
        evaluateMLP(model, on: set, threads: threads)
    }

    /// One mini-batch: per-shard gradients (in parallel), then their sum in shard order and one
    /// Adam step (split over the threads by vector ranges). Returns the batch's summed loss.
    mutating func step(_ data: SparseDigitsView, samples: UnsafeBufferPointer<Int>, epoch: Int) -> Double {
        let this = self
        let loss = sumOverShards(samples, shardCount: Self.shardCount, threads: options.threads, losses: shardLosses) { shard, part in
            this.accumulateShard(data, samples: part, shard: shard, epoch: epoch)
        }
        let rate = schedule.nextRate()
        let scale = 1 / Float(samples.count)
        // Weights (W1 rows, W2 columns) are penalised, biases (b1, b2) not.
        let firstBias = PackedMLP.firstBiasOffset(lanes: lanes), output = PackedMLP.outputOffset(lanes: lanes, class: 0)
        let outputBias = PackedMLP.outputBiasOffset(lanes: lanes)
        let parts = [(0..<firstBias, true), (firstBias..<output, false), (output..<outputBias, true), (outputBias..<vectorCount, false)]
        let chunkCount = 8
        runInParallel(tasks: chunkCount, threads: options.threads) { chunk in
            for (range, penalised) in parts {
                let lo = range.lowerBound + range.count * chunk / chunkCount
                let hi = range.lowerBound + range.count * (chunk + 1) / chunkCount
                AdamSchedule.update(lo..<hi, weights: this.parameters, firstMoment: this.firstMoment,
                                    secondMoment: this.secondMoment, shardGradients: this.shardGradients,
                                    shardCount: Self.shardCount, shardStride: this.vectorCount,
                                    scale: scale, l2: this.options.l2, penalised: penalised, rate: rate)
            }
        }
        return loss
    }

    /// Sums the gradients of `samples` into shard `shard`'s buffer; returns their summed loss.
    /// Image by image for everything but W1, then W1's gradient for the whole shard, pixel-major.
    func accumulateShard(_ data: SparseDigitsView, samples: UnsafeBufferPointer<Int>, shard: Int, epoch: Int) -> Double {
        let gradient = shardGradients + shard * vectorCount
        let hidden = hiddenScratch + shard * 2 * lanes
        let keep = hidden + lanes
        let imageGradients = hiddenGradients + shard * shardCapacity * lanes
        let pixelColumns = columns[shard]
        pixelColumns.clear()
        var loss = 0.0
        for (slot, n) in samples.enumerated() {
            let label = Int(data.labels[n])
            var image = data.image(n)
            if options.augment {
                image = augmentationScratch.augmentedImage(data, n, seed: options.seed, epoch: epoch, shard: shard)
            }
            if options.dropout > 0 { fillDropoutMultipliers(keep, image: n, epoch: epoch) }
            loss += Double(MLPKernel.outputGradient(
                parameters: parameters, gradient: gradient, lanes: lanes,
                indices: image.indices, values: image.values, count: image.count, label: label,
                keep: options.dropout > 0 ? UnsafePointer(keep) : nil, hidden: hidden,
                hiddenGradient: imageGradients + slot * lanes))
            pixelColumns.append(indices: image.indices, values: image.values, count: image.count)
        }
        pixelColumns.finish()
        MLPKernel.addFirstLayerGradient(gradient: gradient, lanes: lanes, columns: pixelColumns,
                                        hiddenGradients: UnsafePointer(imageGradients))
        return loss
    }

    /// Inverted dropout: each hidden unit is kept with probability 1 − P (multiplier 1/(1 − P))
    /// or dropped (0), drawn from `SplitMix64` seeded by (seed, epoch, image) only.
    func fillDropoutMultipliers(_ keep: UnsafeMutablePointer<SIMD16<Float>>, image n: Int, epoch: Int) {
        var rng = SplitMix64(seed: options.seed ^ 0x44524F50, stream: UInt64(epoch) << 32 | UInt64(n))  // "DROP"
        let kept = 1 / (1 - options.dropout)
        for v in 0..<lanes {
            var multipliers = SIMD16<Float>.zero
            for lane in 0..<16 where v * 16 + lane < hiddenCount {
                multipliers[lane] = rng.uniform(0...1) < options.dropout ? 0 : kept
            }
            keep[v] = multipliers
        }
    }
}
