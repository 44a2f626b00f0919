import ArgumentParser
import DigitCore
import Foundation

/// `digit train`: trains a classifier (softmax regression or one hidden layer) on MNIST and
/// writes a `.dgw` weights file.
/// Thin: the recipe lives in DigitCore (`trainOnMNIST`).
struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the digit classifier on MNIST and write its weights file.",
        discussion: """
            Trains a classifier on the 60,000 MNIST training digits, each normalised exactly as \
            `digit recognize` normalises a photo: with --hidden N (default \(TrainingOptions.bundledHiddenCount)) a network 784 → N ReLU → 10 \
            softmax (He initialisation, optional --dropout), with --hidden 0 a softmax regression 784 → 10. \
            Both use Adam with a cosine learning-rate decay on cross-entropy + L2; the defaults of the \
            other options depend on --hidden (see below). The last 5,000 training digits are \
            held out to pick the best epoch; the 10,000 test digits are used once, for the final report. \
            Same seed and data give bit-identical weights, whatever --threads is.

            MNIST is read from --data DIR, else $DIGIT_MNIST_DIR, else ../shared/mnist (relative to the \
            current directory), else the per-user cache (~/.cache/digit/mnist).

            Examples:
              digit train                                 # the mlp model → weights/mnist-mlp.dgw
              digit train --hidden 0                      # the linear model → weights/mnist-softmax.dgw
              digit train --data ~/mnist -o /tmp/m.dgw    # other data, other output
              digit train --no-augment --epochs 15        # MNIST's digits only, undistorted
              digit train --init weights/mnist-mlp.dgw --epochs 5 --learning-rate 0.0005
            Defaults: --hidden N > 0: 30 epochs, batch 256, learning rate 0.002, L2 1e-4, \
            --augment; --hidden 0: 12 epochs, batch 500, learning rate 0.01, L2 1e-5, --no-augment.
            After replacing a file in weights/, rebuild (swift build -c release) to bundle it.
            """)

    @Option(name: .long, help: ArgumentHelp("Folder holding the four MNIST idx files (.gz or raw).", valueName: "dir"))
    var data: String?

    @Option(name: .long, help: ArgumentHelp("Hidden ReLU units (0: softmax regression).", valueName: "n"))
    var hidden: Int = TrainingOptions.bundledHiddenCount

    @Option(name: .long, help: ArgumentHelp("Drop each hidden unit with this probability while training (0 … <1).", valueName: "p"))
    var dropout: Float = 0

    @Option(name: .long, help: "Passes over the training set (default: 30, or 12 with --hidden 0).")
    var epochs: Int?

    @Option(name: .long, help: "Images per gradient step (default: 256, or 500 with --hidden 0).")
    var batchSize: Int?

    @Option(name: .long, help: "Adam's initial step size, decaying to 0 along a cosine (default: 0.002, or 0.01 with --hidden 0).")
    var learningRate: Float?

    @Option(name: .long, help: "L2 penalty λ on the weights, loss + λ/2·‖W‖² (default: 1e-4, or 1e-5 with --hidden 0).")
    var l2: Float?

    @Option(name: .long, help: "Seed for shuffling and augmentation.")
    var seed: UInt64 = TrainingOptions().seed

    @Option(name: .long, help: "Worker threads (default: all cores). Does not change the result.")
    var threads: Int = TrainingOptions().threads

    @Flag(name: .long, inversion: .prefixedNo,
          help: "Also train on randomly shifted, rotated, scaled, thickened and thinned copies (default: on, off with --hidden 0).")
    var augment: Bool?

    @Option(name: .customLong("init"), help: ArgumentHelp("Start from this weights file (of the --hidden shape) instead of a fresh model.", valueName: "file"))
    var initFile: String?

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("Where to write the weights (default: weights/mnist-mlp.dgw, or weights/mnist-softmax.dgw with --hidden 0).", valueName: "file"))
    var outputOption: String?

    /// The weights file to write.
    private var output: String {
        outputOption ?? "weights/" + (hidden == 0 ? BundledModel.linear : BundledModel.mlp).fileName
    }

    @Flag(name: .long, help: "Fetch missing MNIST files (into --data DIR, else the per-user cache), checking their SHA-256.")
    var download = false

    @Flag(name: .long, help: "No progress bar or per-epoch lines (the final report is still printed).")
    var quiet = false

    func validate() throws {
        do {
            try trainingOptions().validate()
        } catch let error as TrainingError {
            throw ValidationError(error.description)
        }
    }

    /// The recipe given by the flags: the recommended one for `--hidden`, with any flag given.
    private func trainingOptions() -> TrainingOptions {
        var options = TrainingOptions.recommended(hiddenCount: hidden)
        options.dropout = dropout
        if let epochs { options.epochs = epochs }
        if let batchSize { options.batchSize = batchSize }
        if let learningRate { options.learningRate = learningRate }
        if let l2 { options.l2 = l2 }
        options.seed = seed
        options.threads = threads
        if let augment { options.augment = augment }
        return options
    }

    func run() throws {
        let options = trainingOptions()
        try checkOutputDirectory()
        let initial = try initFile.map { try WeightsFile.load(path: $0).classifier }
        if let initial, let initFile, initial.hiddenCount != hidden {
            throw TrainingError.shapeMismatch(source: initFile, found: initial.shapeDescription, hiddenCount: hidden)
        }
        let directory = download ? ((try? resolveMNISTDirectory(explicit: data)) ?? mnistCacheDirectory())
                                 : try resolveMNISTDirectory(explicit: data)
        if download { try ensureMNISTFiles(in: directory) { if !quiet { printToStandardError($0.description) } } }

        let outcome = try withProgressReporting(epochs: options.epochs) { onBatch, onEpoch in
            try trainOnMNIST(directory: directory, options: options, initial: initial, initialSource: initFile,
                             onBatch: onBatch, onEpoch: onEpoch)
        }
        try outcome.weightsFile.save(to: output)

        let result = outcome.result
        print("validation accuracy \(percent(result.validationAccuracy)) (epoch \(result.bestEpoch) of \(options.epochs), \(outcome.weightsFile.metadata.validationImages) held-out training images)")
        print("test accuracy \(percent(outcome.testAccuracy)) (MNIST test set, \(outcome.testImages) images)")
        print(String(format: "time: %.2f s loading + normalising, %.2f s training, %.2f s testing",
                     outcome.loadingSeconds, outcome.trainingSeconds, outcome.testingSeconds))
        print("wrote \(output)")
    }

    /// Fails before training when the output's folder does not exist.
    private func checkOutputDirectory() throws {
        let folder = (output as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        if !folder.isEmpty, !(FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) && isDirectory.boolValue) {
            throw CommandFailure("\(output): folder \(folder) does not exist (run from the repository root, or pass -o FILE)")
        }
    }

    /// Runs `body` with progress callbacks: a bar on a terminal, one line per epoch otherwise, none with --quiet.
    private func withProgressReporting<T>(
        epochs: Int,
        _ body: (_ onBatch: ((BatchProgress) -> Void)?, _ onEpoch: ((EpochSummary) -> Void)?) throws -> T
    ) throws -> T {
        if quiet { return try body(nil, nil) }
        if standardErrorIsTerminal {
            var bar: ProgressBar?
            var lastValidation = ""
            let result = try body({ progress in
                if bar == nil { bar = ProgressBar(total: progress.epochCount * progress.batchCount, label: "training ") }
                let done = (progress.epoch - 1) * progress.batchCount + progress.batch
                bar?.update(done: done, note: String(format: "epoch %d/%d  loss %.4f", progress.epoch, progress.epochCount, progress.meanLoss) + lastValidation)
            }, { summary in
                lastValidation = "  validation \(percent(summary.validationAccuracy))"
            })
            bar?.finish()
            return result
        }
        return try body(nil, { summary in
            printToStandardError(String(format: "epoch %d/%d  loss %.4f  validation ", summary.epoch, epochs, summary.trainingLoss)
                + percent(summary.validationAccuracy)
                + String(format: "  %.2f s", summary.seconds))
        })
    }
}

/// `92.53%`.
private func percent(_ fraction: Double) -> String {
    fraction.isNaN ? "n/a" : String(format: "%.2f%%", fraction * 100)
}
