/// What became of one input of `digit recognize --number`.
public enum NumberOutcome: Equatable, Sendable {
    /// A row of output: a number, no number, or an error.
    case recognized(NumberRecognition)
    /// A file found in a directory that is not an image: passed over with a note, not counted.
    case skipped(file: String, reason: String)
}

/// Reads one input and recognizes its number: file → `readNumber` → `NumberRecognition`.
/// Never throws: whatever goes wrong becomes the outcome's error, so a batch goes on.
public func recognizeNumberInput(_ input: RecognitionInput, settings: RecognitionSettings,
                                 classify: (DigitImage) -> Prediction) -> NumberOutcome {
    do {
        guard let bytes = try readInputBytes(input) else {
            return .skipped(file: input.name, reason: notAnImageFileReason)
        }
        let estimate = decodeMemoryEstimate(bytes: bytes, options: settings.decodeOptions)
        let reading = try settings.memoryBudget.withBytes(estimate) {
            try readNumber(fromFileBytes: bytes, decodeOptions: settings.decodeOptions, classify: classify)
        }
        return .recognized(NumberRecognition(file: input.name, reading: reading,
                                             minimumConfidence: settings.minimumConfidence))
    } catch {
        return .recognized(.failure(file: input.name, reason: String(describing: error)))
    }
}

/// Recognizes the number in every input on `workers` threads and hands the outcomes to `emit`
/// in input order, as `recognizeInOrder` does for single digits.
public func recognizeNumbersInOrder<Inputs: Sequence>(
    _ inputs: Inputs,
    settings: RecognitionSettings,
    workers: Int,
    classify: @escaping @Sendable (DigitImage) -> Prediction,
    emit: @escaping @Sendable (NumberOutcome) -> Void,
    flush: @escaping @Sendable () -> Void = {}
) where Inputs.Element == RecognitionInput {
    forEachInOrder(inputs, workers: workers, window: defaultRecognitionWindow(workers: workers),
                   transform: { recognizeNumberInput($0, settings: settings, classify: classify) },
                   emit: emit, flush: flush)
}
