import Foundation
import Synchronization

/// One labelled image as the model sees it.
public struct EvaluationSample: Sendable {
    /// Names the image in messages and file names: its path, or `MNIST test #42`.
    public var name: String
    /// The true digit, 0…9.
    public var label: Int
    /// 28×28, ink = 1.0.
    public var digit: DigitImage

    public init(name: String, label: Int, digit: DigitImage) {
        self.name = name
        self.label = label
        self.digit = digit
    }
}

/// An image that could not be evaluated, and why (one line for the user).
public struct EvaluationFailure: Error, Equatable, Sendable, CustomStringConvertible {
    public var name: String
    public var reason: String

    public init(name: String, reason: String) {
        self.name = name
        self.reason = reason
    }

    public var description: String { "\(name): \(reason)" }
}

/// What happened to sample `index`, reported as the loop goes.
public enum EvaluationEvent: Sendable {
    case classified(index: Int, sample: EvaluationSample, prediction: Prediction)
    case failed(index: Int, failure: EvaluationFailure)
}

/// Everything an evaluation run counted.
public struct EvaluationOutcome: Sendable {
    public var confusion = ConfusionMatrix()
    public var failures: [EvaluationFailure] = []
}

/// Classifies samples `0..<count`: `sample(i)` supplies one (a thrown error counts it as a
/// failure, not fatal), the model predicts, the pair (label, prediction) goes into the confusion
/// matrix. Samples are read on `workers` threads with a bounded number in flight (the pipeline of
/// `digit recognize`, `forEachInOrder`), but `onEvent` sees every sample's outcome in index order,
/// one at a time (e.g. to save misclassified images); an error it throws stops the run. The
/// result and the event order never depend on `workers`.
public func evaluateDigits(model: Classifier, count: Int, workers: Int = 1,
                           sample: @escaping @Sendable (Int) throws -> EvaluationSample,
                           onEvent: @escaping @Sendable (EvaluationEvent) throws -> Void = { _ in }) throws -> EvaluationOutcome {
    let run = EvaluationRun()
    forEachInOrder(0..<count, workers: workers, window: defaultRecognitionWindow(workers: workers),
                   transform: { index -> EvaluationEvent? in
                       guard !run.isStopped else { return nil }
                       do {
                           let item = try sample(index)
                           return .classified(index: index, sample: item, prediction: model.predict(item.digit))
                       } catch let failure as EvaluationFailure {
                           return .failed(index: index, failure: failure)
                       } catch {
                           return .failed(index: index, failure: EvaluationFailure(name: "item \(index)", reason: "\(error)"))
                       }
                   },
                   emit: { event in
                       guard let event, !run.isStopped else { return }
                       run.count(event)
                       do { try onEvent(event) } catch { run.stop(error) }
                   })
    return try run.result()
}

/// The state `evaluateDigits` shares between its workers and its in-order emits.
private final class EvaluationRun: Sendable {
    private let state = Mutex<(outcome: EvaluationOutcome, error: (any Error)?)>((EvaluationOutcome(), nil))

    var isStopped: Bool { state.withLock { $0.error != nil } }

    func count(_ event: EvaluationEvent) {
        state.withLock { state in
            switch event {
            case .classified(_, let item, let prediction):
                state.outcome.confusion.add(label: item.label, predicted: prediction.digit)
            case .failed(_, let failure):
                state.outcome.failures.append(failure)
            }
        }
    }

    func stop(_ error: any Error) {
        state.withLock { if $0.error == nil { $0.error = error } }
    }

    /// The outcome, or the error that stopped the run.
    func result() throws -> EvaluationOutcome {
        let (outcome, error) = state.withLock { ($0.outcome, $0.error) }
        if let error { throw error }
        return outcome
    }
}

/// Reads an image file through the same path as `digit recognize` (`readInputDigit`: `readImageFile`
/// with its size cap and messages, then `readDigit(fromFileBytes:)`). Throws an `EvaluationFailure`
/// naming the file when it cannot be read or decoded, or holds no digit. `memoryBudget`, shared by
/// the workers, bounds the bytes of the images being decoded at once, as in `recognize`.
public func evaluationSample(from file: LabelledImageFile, memoryBudget: MemoryBudget? = nil) throws -> EvaluationSample {
    let name = file.path.displayName
    let read: PreprocessResult?
    do {
        // `.file`, not `.fileFoundInDirectory`: a labelled file that is not an image is a failure.
        read = try readInputDigit(.file(file.path), memoryBudget: memoryBudget)
    } catch {
        throw EvaluationFailure(name: name, reason: "\(error)")
    }
    guard let result = read else { throw EvaluationFailure(name: name, reason: notAnImageFileReason) }
    guard let digit = result.digit else {
        throw EvaluationFailure(name: name, reason: result.warnings.first ?? noDigitFoundWarning)
    }
    return EvaluationSample(name: name, label: file.label, digit: digit)
}

/// MNIST image `index` of `images` (`count × 784` bytes, ink = 255) with its label, normalised by
/// `normaliseMNISTDigit` exactly as for training.
public func mnistEvaluationSample(images: [UInt8], labels: [UInt8], index: Int) -> EvaluationSample {
    let pixels = images[(index * DigitImage.pixelCount)..<((index + 1) * DigitImage.pixelCount)]
    return EvaluationSample(name: "MNIST test image \(index)", label: Int(labels[index]),
                            digit: normaliseMNISTDigit(pixels))
}
