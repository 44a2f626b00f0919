import Foundation

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
public enum EvaluationEvent {
    case classified(index: Int, sample: EvaluationSample, prediction: Prediction)
    case failed(index: Int, failure: EvaluationFailure)
}

/// Everything an evaluation run counted.
public struct EvaluationOutcome: Sendable {
    public var confusion = ConfusionMatrix()
    public var failures: [EvaluationFailure] = []
}

/// Classifies samples `0..<count` in order: `sample(i)` supplies one (a thrown error counts it as a
/// failure, not fatal), the model predicts, the pair (label, prediction) goes into the confusion matrix.
/// `onEvent` sees every sample's outcome in order (e.g. to save misclassified images); an error it throws
/// stops the run. Single-threaded, so the result and the event order never depend on the machine.
public func evaluateDigits(model: Classifier, count: Int,
                           sample: (Int) throws -> EvaluationSample,
                           onEvent: (EvaluationEvent) throws -> Void = { _ in }) throws -> EvaluationOutcome {
    var outcome = EvaluationOutcome()
    for index in 0..<count {
        let item: EvaluationSample
        do {
            item = try sample(index)
        } catch let failure as EvaluationFailure {
            outcome.failures.append(failure)
            try onEvent(.failed(index: index, failure: failure))
            continue
        } catch {
            let failure = EvaluationFailure(name: "item \(index)", reason: "\(error)")
            outcome.failures.append(failure)
            try onEvent(.failed(index: index, failure: failure))
            continue
        }
        let prediction = model.predict(item.digit)
        outcome.confusion.add(label: item.label, predicted: prediction.digit)
        try onEvent(.classified(index: index, sample: item, prediction: prediction))
    }
    return outcome
}

/// Reads an image file through the same path as `digit recognize` (`readDigit(fromFileBytes:)`).
/// Throws an `EvaluationFailure` naming the file when it cannot be read or decoded, or holds no digit.
public func evaluationSample(from file: LabelledImageFile) throws -> EvaluationSample {
    let bytes: [UInt8]
    do {
        bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file.path)))
    } catch {
        throw EvaluationFailure(name: file.path, reason: "cannot read: \((error as NSError).localizedDescription)")
    }
    let result: PreprocessResult
    do {
        result = try readDigit(fromFileBytes: bytes)
    } catch {
        throw EvaluationFailure(name: file.path, reason: "\(error)")
    }
    guard let digit = result.digit else {
        throw EvaluationFailure(name: file.path, reason: result.warnings.first ?? noDigitFoundWarning)
    }
    return EvaluationSample(name: file.path, label: file.label, digit: digit)
}

/// MNIST image `index` of `images` (`count × 784` bytes, ink = 255) with its label, normalised by
/// `normaliseMNISTDigit` exactly as for training.
public func mnistEvaluationSample(images: [UInt8], labels: [UInt8], index: Int) -> EvaluationSample {
    let pixels = images[(index * DigitImage.pixelCount)..<((index + 1) * DigitImage.pixelCount)]
    return EvaluationSample(name: "MNIST test image \(index)", label: Int(labels[index]),
                            digit: normaliseMNISTDigit(pixels))
}
