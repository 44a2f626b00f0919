import ArgumentParser
import DigitCore
import Foundation

/// `digit evaluate`: accuracy, per-class precision/recall and the confusion matrix of a model,
/// on the MNIST test set or on a folder of labelled images. The loop lives in DigitCore (`evaluateDigits`).
struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Measure the classifier's accuracy on MNIST's test set or on your own labelled images.",
        discussion: """
            Without IMAGES, evaluates on the 10,000 MNIST test digits (normalised exactly as for training), \
            read from --data DIR, else $DIGIT_MNIST_DIR, else ../shared/mnist, else the per-user cache.

            With IMAGES, a folder: its sub-folders 0 … 9 hold images of that digit, or a labels.csv in it lists \
            `file,label` lines (paths relative to the CSV). --labels FILE names a CSV elsewhere. Each image goes \
            through the same decoding and preprocessing as `digit recognize`. Files that cannot be read are \
            reported on stderr, one line each, and counted; the exit status is then 1.

            Examples:
              digit evaluate                                  # bundled model on MNIST test
              digit evaluate --model linear                   # the other bundled model
              digit evaluate --format json > report.json
              digit evaluate photos/ --misclassified wrong/ --confusion-png confusion.png
              digit evaluate --labels scans/labels.csv --weights my.dgw
            """)

    @Argument(help: ArgumentHelp("Folder of labelled images (sub-folders 0 … 9, or a labels.csv).", valueName: "images"))
    var images: String?

    @Option(name: .long, help: ArgumentHelp("CSV of `file,label` lines (paths relative to the CSV).", valueName: "file"))
    var labels: String?

    @Option(name: .long, help: ArgumentHelp("Folder holding the MNIST test files (without IMAGES).", valueName: "dir"))
    var data: String?

    @Option(name: .long, help: modelOptionHelp)
    var model: BundledModel?

    @Option(name: .long, help: ArgumentHelp("Weights file to evaluate (default: the bundled model).", valueName: "file"))
    var weights: String?

    @Option(name: .long, help: "Output format: text or json.")
    var format: ReportFormat = .text

    @Option(name: .long, help: ArgumentHelp("Write the confusion matrix as a heat map PNG.", valueName: "file"))
    var confusionPng: String?

    @Option(name: .long, help: ArgumentHelp("Write each misclassified image, as the model saw it, into this folder.", valueName: "dir"))
    var misclassified: String?

    @Option(name: .shortAndLong, help: "Images read at once (default: the number of cores). Does not change the result.")
    var jobs: Int?

    enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    func validate() throws {
        if images != nil && labels != nil { throw ValidationError("give either IMAGES or --labels, not both") }
        if data != nil && (images != nil || labels != nil) {
            throw ValidationError("--data names the MNIST folder; it does not go with IMAGES or --labels")
        }
        if let jobs, !(1...256).contains(jobs) { throw ValidationError("--jobs must be between 1 and 256, got \(jobs)") }
    }

    func run() throws {
        let (file, modelSource) = try loadWeightsFile(path: weights, model: model)
        if let misclassified { try makeFolder(misclassified) }

        let source: String
        let count: Int
        let sample: @Sendable (Int) throws -> EvaluationSample
        var sourceFiles: [LabelledImageFile]? = nil
        if images != nil || labels != nil {
            let files = try images.map { try labelledImageFiles(in: $0) } ?? labelledImageFiles(csv: labels!)
            sourceFiles = files
            source = images ?? labels!
            count = files.count
            let budget = MemoryBudget(bytes: defaultMemoryBudgetBytes)
            sample = { try evaluationSample(from: files[$0], memoryBudget: budget) }
        } else {
            let directory = try resolveMNISTDirectory(explicit: data)
            let test: MNISTDataset
            do {
                test = try MNISTDataset.load(directory: directory, split: .test)
            } catch let error as MNISTDatasetError {
                // `--data photos/` where `digit evaluate photos/` was meant.
                if case .missingFile = error, (try? labelledImageFiles(in: directory)) != nil {
                    throw CommandFailure("\(directory) holds labelled images, not MNIST: run `digit evaluate \(directory)`")
                }
                throw error
            }
            source = MNISTSplit.test.imagesPath(in: directory) ?? directory
            count = test.count
            sample = { mnistEvaluationSample(images: test.images, labels: test.labels, index: $0) }
        }

        let bar = ProgressBar(total: count, label: "evaluating ")
        let workers = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let misclassified = misclassified
        let outcome = try evaluateDigits(model: file.classifier, count: count, workers: workers, sample: sample) {
            [sourceFiles] event in
            switch event {
            case .failed(let index, _), .classified(let index, _, _): bar.update(done: index + 1)  // events come in order
            }
            switch event {
            case .failed(_, let failure):
                bar.finish()
                printToStandardError(escapingControlCharacters(failure.description))
            case .classified(let index, let item, let prediction):
                guard let misclassified, prediction.digit != item.label else { return }
                let name = misclassifiedFileName(index: index, label: item.label, predicted: prediction.digit,
                                                 source: sourceFiles?[index].path.displayName)
                try writeFileAtomically(try encodePNG(digitPicture(item.digit)),
                                        to: (misclassified as NSString).appendingPathComponent(name))
            }
        }
        bar.finish()

        guard outcome.confusion.total > 0 else {
            throw CommandFailure("\(source): no image could be evaluated (\(outcome.failures.count) failed)")
        }
        let report = EvaluationReport(source: source, confusion: outcome.confusion, failedCount: outcome.failures.count,
                                      model: "\(modelSource) (\(file.classifier.shapeDescription))")
        if let confusionPng {
            try writeFileAtomically(try encodePNG(confusionHeatMap(outcome.confusion)), to: confusionPng)
        }
        print(format == .json ? report.renderJSON() : report.renderText(), terminator: "")
        if !outcome.failures.isEmpty { throw ExitCode(1) }
    }

    /// Creates `path` (and parents) unless it is already a folder.
    private func makeFolder(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure("\(path): cannot create folder: \((error as NSError).localizedDescription)")
        }
    }
}
