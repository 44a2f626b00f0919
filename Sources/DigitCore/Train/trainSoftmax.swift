import Foundation

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

/// The outcome of `trainSoftmax`.
public struct TrainingResult: Sendable {
    /// The model after the epoch `chooseEpoch` keeps.
    public var model: SoftmaxModel
    /// 1-based epoch `model` comes from.
    public var bestEpoch: Int
    /// Validation accuracy of `model` (the kept epoch), 0…1 (NaN without a validation set).
    public var validationAccuracy: Double
    public var epochs: [EpochSummary]
}

/// Accuracy and mean cross-entropy of `packed` on `set`; chunks are fixed, so the result
/// does not depend on `threads`.
public func evaluateSoftmax(_ packed: PackedWeights, on set: SparseDigits, threads: Int = 1)
    -> (accuracy: Double, loss: Double) {
    guard set.count > 0 else { return (.nan, .nan) }
    let chunkCount = TrainingOptions.shardCount
    var correct = [Int](repeating: 0, count: chunkCount)
    var losses = [Double](repeating: 0, count: chunkCount)
    set.withUnsafeStorage { view in
        packed.rows.withUnsafeBufferPointer { rowBuffer in
            let rows = rowBuffer.baseAddress!
            correct.withUnsafeMutableBufferPointer { correct in
                losses.withUnsafeMutableBufferPointer { losses in
                    runInParallel(tasks: chunkCount, threads: threads) { chunk in
                        var right = 0, loss = 0.0
                        for n in (view.count * chunk / chunkCount)..<(view.count * (chunk + 1) / chunkCount) {
                            let image = view.image(n)
                            let z = SoftmaxKernel.logits(rows: rows, indices: image.indices, values: image.values, count: image.count)
                            let label = Int(view.labels[n])
                            if SoftmaxKernel.argmax(z) == label { right += 1 }
                            loss += Double(SoftmaxKernel.softmax(z).logSumExp - z[label])
                        }
                        correct[chunk] = right
                        losses[chunk] = loss
                    }
                }
            }
        }
    }
    return (Double(correct.reduce(0, +)) / Double(set.count), losses.reduce(0, +) / Double(set.count))
}

/// Runs `body(task)` for tasks 0..<`tasks` on up to `threads` threads; thread t takes tasks
/// t, t + threads, …, so which thread runs a task never matters to a result written per task.
///
/// `body` is not `@Sendable`: each task writes only its own slot of buffers it captures as
/// unsafe pointers (a shard's gradient, a chunk's count), a disjointness the compiler cannot
/// check, so it is handed to the threads as `nonisolated(unsafe)`. Every caller's slots are
/// indexed by `task` alone; the thread-count tests (bit-identical results for 1 … 8 threads)
/// check it.
func runInParallel(tasks: Int, threads: Int, _ body: (Int) -> Void) {
    let workers = max(1, min(threads, tasks))
    if workers == 1 {
        for task in 0..<tasks { body(task) }
        return
    }
    withoutActuallyEscaping(body) { body in
        nonisolated(unsafe) let body = body
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for task in stride(from: worker, to: tasks, by: workers) { body(task) }
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
) throws -> TrainingResult {
    try options.validate()
    guard training.count > 0 else { throw TrainingError.emptyTrainingSet }
    var trainer = SoftmaxTrainer(options: options, initial: initial ?? .zero, imageCount: training.count)
    defer { trainer.deallocate() }

    // The most accurate epoch so far (a candidate besides the last one).
    var mostAccurate = PackedWeights()
    var mostAccurateEpoch = 0
    var summaries: [EpochSummary] = []
    let batchCount = (training.count + options.batchSize - 1) / options.batchSize
    var order = Array(0..<training.count)
    var current = PackedWeights()

    for epoch in 1...options.epochs {
        let start = Date()
        var shuffler = SplitMix64(seed: options.seed, stream: UInt64(epoch))
        order.shuffle(using: &shuffler)
        var lossSum = 0.0
        training.withUnsafeStorage { view in
            order.withUnsafeBufferPointer { order in
                for batch in 0..<batchCount {
                    let batchStart = batch * options.batchSize
                    let batchEnd = min(batchStart + options.batchSize, view.count)
                    lossSum += trainer.step(view, samples: UnsafeBufferPointer(rebasing: order[batchStart..<batchEnd]), epoch: epoch)
                    onBatch?(BatchProgress(epoch: epoch, epochCount: options.epochs, batch: batch + 1,
                                           batchCount: batchCount, meanLoss: lossSum / Double(batchEnd)))
                }
            }
        }
        current = trainer.packedWeights()
        let (accuracy, validationLoss) = evaluateSoftmax(current, on: validation, threads: options.threads)
        if mostAccurateEpoch == 0 || accuracy > summaries[mostAccurateEpoch - 1].validationAccuracy {
            mostAccurate = current
            mostAccurateEpoch = epoch
        }
        let summary = EpochSummary(epoch: epoch, trainingLoss: lossSum / Double(training.count),
                                   validationAccuracy: accuracy, validationLoss: validationLoss,
                                   seconds: Date().timeIntervalSince(start))
        summaries.append(summary)
        onEpoch?(summary)
    }
    let kept = chooseEpoch(summaries, validationCount: validation.count)
    return TrainingResult(model: (kept == options.epochs ? current : mostAccurate).model, bestEpoch: kept,
                          validationAccuracy: summaries[kept - 1].validationAccuracy, epochs: summaries)
}

/// Model selection: the last epoch, unless the most accurate epoch on the validation set beats
/// it by more than one standard error of that accuracy (√(p(1−p)/n), about 0.26% for p = 96.5%
/// on 5,000 images); then that epoch (the earliest of equals). With a learning rate that decays
/// to 0 the last epoch is the converged one; differences below the noise of 5,000 images are
/// not evidence (in our measurements, picking the plain maximum chose noisy early epochs that
/// scored 0.2–0.6% lower on the test set). The override guards against a run that diverged or
/// overfitted. Without validation data: the last epoch.
public func chooseEpoch(_ epochs: [EpochSummary], validationCount: Int) -> Int {
    let last = epochs.count
    guard validationCount > 0, let top = epochs.max(by: { $0.validationAccuracy < $1.validationAccuracy }) else {
        return last
    }
    let p = top.validationAccuracy
    let standardError = (p * (1 - p) / Double(validationCount)).squareRoot()
    return top.validationAccuracy - epochs[last - 1].validationAccuracy > standardError ? top.epoch : last
}

/// The state of one training run: packed weights, Adam's moments, one gradient buffer and
/// scratch space per shard. Manually allocated so the hot loops see plain pointers.
struct SoftmaxTrainer {
    static let rowCount = PackedWeights.rowCount
    static let shardCount = TrainingOptions.shardCount
    static let beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8

    let options: TrainingOptions
    let totalSteps: Int
    var stepCount = 0
    let weights: UnsafeMutablePointer<SIMD16<Float>>
    let firstMoment: UnsafeMutablePointer<SIMD16<Float>>
    let secondMoment: UnsafeMutablePointer<SIMD16<Float>>
    /// `shardCount × rowCount` rows; shard s owns rows `s * rowCount ..< (s + 1) * rowCount`.
    let shardGradients: UnsafeMutablePointer<SIMD16<Float>>
    let shardLosses: UnsafeMutablePointer<Double>
    /// Per shard: dense source (784), dense augmented (784), sparse indices (784), sparse values (784).
    let scratchFloats: UnsafeMutablePointer<Float>
    let scratchIndices: UnsafeMutablePointer<UInt16>

    init(options: TrainingOptions, initial: SoftmaxModel, imageCount: Int) {
        self.options = options
        totalSteps = options.epochs * ((imageCount + options.batchSize - 1) / options.batchSize)
        func zeroed<T>(_ count: Int, _ value: T) -> UnsafeMutablePointer<T> {
            let p = UnsafeMutablePointer<T>.allocate(capacity: count)
            p.initialize(repeating: value, count: count)
            return p
        }
        weights = zeroed(Self.rowCount, .zero)
        let packed = PackedWeights(initial)
        for r in 0..<Self.rowCount { weights[r] = packed.rows[r] }
        firstMoment = zeroed(Self.rowCount, .zero)
        secondMoment = zeroed(Self.rowCount, .zero)
        shardGradients = zeroed(Self.shardCount * Self.rowCount, .zero)
        shardLosses = zeroed(Self.shardCount, 0)
        scratchFloats = zeroed(Self.shardCount * 3 * DigitImage.pixelCount, 0)
        scratchIndices = zeroed(Self.shardCount * DigitImage.pixelCount, 0)
    }

    func deallocate() {
        weights.deallocate()
        firstMoment.deallocate()
        secondMoment.deallocate()
        shardGradients.deallocate()
        shardLosses.deallocate()
        scratchFloats.deallocate()
        scratchIndices.deallocate()
    }

    func packedWeights() -> PackedWeights {
        var packed = PackedWeights()
        for r in 0..<Self.rowCount { packed.rows[r] = weights[r] }
        return packed
    }

    /// One mini-batch: per-shard gradients (in parallel), their sum in shard order, one Adam
    /// step. Returns the batch's summed cross-entropy (measured before the step).
    mutating func step(_ data: SparseDigitsView, samples: UnsafeBufferPointer<Int>, epoch: Int) -> Double {
        let this = self
        runInParallel(tasks: Self.shardCount, threads: options.threads) { shard in
            let lo = samples.count * shard / Self.shardCount, hi = samples.count * (shard + 1) / Self.shardCount
            this.shardLosses[shard] = this.accumulateShard(data, samples: UnsafeBufferPointer(rebasing: samples[lo..<hi]),
                                                           shard: shard, epoch: epoch)
        }
        var loss = 0.0
        for shard in 0..<Self.shardCount { loss += shardLosses[shard] }
        stepCount += 1
        applyAdam(batchSize: samples.count)
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
                image = augmentedImage(data, n, shard: shard, epoch: epoch)
            }
            loss += Double(SoftmaxKernel.accumulateGradient(
                rows: weights, gradient: gradient, indices: image.indices, values: image.values,
                count: image.count, label: label))
        }
        return loss
    }

    /// A fresh random distortion of image `n` (seeded by seed, epoch and `n` only), sparse,
    /// in shard `shard`'s scratch space.
    func augmentedImage(_ data: SparseDigitsView, _ n: Int, shard: Int, epoch: Int)
        -> (indices: UnsafePointer<UInt16>, values: UnsafePointer<Float>, count: Int) {
        let pixelCount = DigitImage.pixelCount
        let dense = scratchFloats + shard * 3 * pixelCount
        let warped = dense + pixelCount
        let sparseValues = warped + pixelCount
        let sparseIndices = scratchIndices + shard * pixelCount
        dense.update(repeating: 0, count: pixelCount)
        let source = data.image(n)
        for j in 0..<source.count { dense[Int(source.indices[j])] = source.values[j] }
        var rng = SplitMix64(seed: options.seed, stream: UInt64(epoch) << 32 | UInt64(n))
        Augmentation.random(using: &rng).apply(to: dense, into: warped)
        var count = 0
        for i in 0..<pixelCount where warped[i] != 0 {
            sparseIndices[count] = UInt16(i)
            sparseValues[count] = warped[i]
            count += 1
        }
        return (UnsafePointer(sparseIndices), UnsafePointer(sparseValues), count)
    }

    /// Sums the shard gradients row by row in shard order (zeroing them for the next batch),
    /// adds the L2 term, and takes one Adam step with the cosine-decayed learning rate.
    func applyAdam(batchSize: Int) {
        let progress = Double(stepCount - 1) / Double(max(totalSteps, 1))
        let rate = Float(Double(options.learningRate) * 0.5 * (1 + cos(Double.pi * progress)))
        let t = Float(stepCount)
        let correctedRate = rate * (1 - Foundation.pow(Self.beta2, t)).squareRoot() / (1 - Foundation.pow(Self.beta1, t))
        let scale = 1 / Float(batchSize)
        let l2 = options.l2
        for r in 0..<Self.rowCount {
            var g = SIMD16<Float>.zero
            for shard in 0..<Self.shardCount {
                g += shardGradients[shard * Self.rowCount + r]
                shardGradients[shard * Self.rowCount + r] = .zero
            }
            g *= scale
            if r != PackedWeights.biasRow { g += l2 * weights[r] }
            let m = Self.beta1 * firstMoment[r] + (1 - Self.beta1) * g
            let v = Self.beta2 * secondMoment[r] + (1 - Self.beta2) * g * g
            firstMoment[r] = m
            secondMoment[r] = v
            weights[r] -= correctedRate * m / (v.squareRoot() + Self.epsilon)
        }
    }
}
