import Foundation

/// One training run's state (weights, optimiser moments, per-shard buffers) that learns from
/// mini-batches. `runEpochs` drives it; `SoftmaxTrainer` and `MLPTrainer` are the two kinds.
protocol MiniBatchTrainer {
    associatedtype Model: Sendable
    /// One mini-batch: gradients of `samples` (indices into `data`), one optimiser step.
    /// Returns the batch's summed cross-entropy, measured before the step.
    mutating func step(_ data: SparseDigitsView, samples: UnsafeBufferPointer<Int>, epoch: Int) -> Double
    /// The current parameters as a model.
    func snapshot() -> Model
    /// Accuracy and mean cross-entropy of `model` on `set`, independent of `threads`.
    func evaluate(_ model: Model, on set: SparseDigits, threads: Int) -> (accuracy: Double, loss: Double)
}

/// The epoch loop shared by both model kinds: each epoch shuffles the training order with
/// `SplitMix64(seed, epoch)`, steps through it in batches, measures the validation set, and at
/// the end keeps the epoch `chooseEpoch` picks.
func runEpochs<Trainer: MiniBatchTrainer>(
    _ trainer: inout Trainer, training: SparseDigits, validation: SparseDigits, options: TrainingOptions,
    onBatch: ((BatchProgress) -> Void)?, onEpoch: ((EpochSummary) -> Void)?
) -> TrainingResult<Trainer.Model> {
    // The most accurate epoch so far (a candidate besides the last one).
    var mostAccurate: Trainer.Model?
    var mostAccurateEpoch = 0
    var summaries: [EpochSummary] = []
    let batchCount = (training.count + options.batchSize - 1) / options.batchSize
    var order = Array(0..<training.count)
    var current = trainer.snapshot()

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
        current = trainer.snapshot()
        let (accuracy, validationLoss) = trainer.evaluate(current, on: validation, threads: options.threads)
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
    return TrainingResult(model: kept == options.epochs ? current : mostAccurate!, bestEpoch: kept,
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

/// Cuts `samples` into `shardCount` fixed shards (whatever `threads` is), runs
/// `accumulate(shard, itsSamples)` for each on up to `threads` threads, stores each shard's loss
/// in `losses[shard]` and returns their sum taken in shard order: the same bits for any `threads`.
func sumOverShards(
    _ samples: UnsafeBufferPointer<Int>, shardCount: Int, threads: Int, losses: UnsafeMutablePointer<Double>,
    _ accumulate: (Int, UnsafeBufferPointer<Int>) -> Double
) -> Double {
    runInParallel(tasks: shardCount, threads: threads) { shard in
        let lo = samples.count * shard / shardCount, hi = samples.count * (shard + 1) / shardCount
        losses[shard] = accumulate(shard, UnsafeBufferPointer(rebasing: samples[lo..<hi]))
    }
    var loss = 0.0
    for shard in 0..<shardCount { loss += losses[shard] }
    return loss
}

/// Accuracy and mean cross-entropy on `set` of a model given as `makeScorer()`, which returns
/// a function from one sparse image to its logits (lanes 0…9); one scorer per chunk, so it may
/// own scratch space. Chunks are fixed, so the result does not depend on `threads`.
func evaluateSparse(
    on set: SparseDigits, threads: Int,
    makeScorer: () -> (_ indices: UnsafePointer<UInt16>, _ values: UnsafePointer<Float>, _ count: Int) -> SIMD16<Float>
) -> (accuracy: Double, loss: Double) {
    guard set.count > 0 else { return (.nan, .nan) }
    let chunkCount = TrainingOptions.shardCount
    var correct = [Int](repeating: 0, count: chunkCount)
    var losses = [Double](repeating: 0, count: chunkCount)
    set.withUnsafeStorage { view in
        correct.withUnsafeMutableBufferPointer { correct in
            losses.withUnsafeMutableBufferPointer { losses in
                runInParallel(tasks: chunkCount, threads: threads) { chunk in
                    let score = makeScorer()
                    var right = 0, loss = 0.0
                    for n in (view.count * chunk / chunkCount)..<(view.count * (chunk + 1) / chunkCount) {
                        let image = view.image(n)
                        let z = score(image.indices, image.values, image.count)
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
    return (Double(correct.reduce(0, +)) / Double(set.count), losses.reduce(0, +) / Double(set.count))
}
