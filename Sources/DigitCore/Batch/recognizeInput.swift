/// What became of one input of `digit recognize`.
public enum RecognitionOutcome: Equatable, Sendable {
    /// A row of output: a digit, no digit, or an error.
    case recognized(Recognition)
    /// A file found in a directory that turned out not to be an image: passed over with a note,
    /// not counted as an input.
    case skipped(file: String, reason: String)
}

/// Settings shared by every input of one `digit recognize` run.
public struct RecognitionSettings: Sendable {
    /// Answers whose top probability is below this become "uncertain" (no digit); `nil`: never.
    public var minimumConfidence: Float?
    public var decodeOptions: DecodeOptions

    public init(minimumConfidence: Float? = nil, decodeOptions: DecodeOptions = DecodeOptions()) {
        self.minimumConfidence = minimumConfidence
        self.decodeOptions = decodeOptions
    }
}

/// Reads one input and recognizes its digit: file → `readDigit` (decode → preprocess) → `classify`.
/// Never throws: whatever goes wrong becomes the outcome's error, so a batch goes on.
public func recognizeInput(_ input: RecognitionInput, settings: RecognitionSettings,
                           classify: (DigitImage) -> Prediction) -> RecognitionOutcome {
    do {
        let bytes: [UInt8]
        switch try inputBytes(input) {
        case .bytes(let read): bytes = read
        case .skipped(let reason): return .skipped(file: input.name, reason: reason)
        case .unreadable(let reason): return .recognized(.failure(file: input.name, reason: reason))
        }
        let preprocessed = try readDigit(fromFileBytes: bytes, decodeOptions: settings.decodeOptions)
        guard let digit = preprocessed.digit else {
            return .recognized(.noDigit(file: input.name, warnings: preprocessed.warnings))
        }
        return .recognized(Recognition(file: input.name, prediction: classify(digit),
                                       warnings: preprocessed.warnings,
                                       minimumConfidence: settings.minimumConfidence))
    } catch {
        return .recognized(.failure(file: input.name, reason: String(describing: error)))
    }
}

/// An input's bytes, or why there are none.
enum InputBytes {
    case bytes([UInt8])
    /// A file found in a directory that is not an image: passed over with a note.
    case skipped(reason: String)
    /// An input that cannot be read at all; `reason` goes in its row.
    case unreadable(reason: String)
}

/// Reads `input`'s bytes; a file that cannot be read throws (`ImageFileError`).
func inputBytes(_ input: RecognitionInput) throws -> InputBytes {
    switch input.source {
    case .file(let path):
        return .bytes(try readImageFile(atPath: path))
    case .fileFoundInDirectory(let path):
        guard fileStartsWithImageSignature(atPath: path) else { return .skipped(reason: "not a PNG or JPEG file") }
        return .bytes(try readImageFile(atPath: path))
    case .bytes(let given):
        return .bytes(given)
    case .unreadable(let reason):
        return .unreadable(reason: reason)
    }
}

/// Recognizes every input on `workers` threads and hands the outcomes to `emit` in input
/// order, each as soon as it and all before it are done, with at most `window` inputs in
/// flight (see `forEachInOrder`). Returns when all are emitted.
public func recognizeInOrder<Inputs: Sequence>(
    _ inputs: Inputs,
    settings: RecognitionSettings,
    workers: Int,
    window: Int? = nil,
    classify: @escaping (DigitImage) -> Prediction,
    emit: @escaping (RecognitionOutcome) -> Void,
    flush: @escaping () -> Void = {}
) where Inputs.Element == RecognitionInput {
    forEachInOrder(inputs, workers: workers, window: window ?? defaultRecognitionWindow(workers: workers),
                   transform: { recognizeInput($0, settings: settings, classify: classify) },
                   emit: emit, flush: flush)
}

/// Inputs in flight for `workers` threads: enough that a slow file does not stall the
/// others (4 per worker, at least 8), few enough that memory stays small (at most 64).
public func defaultRecognitionWindow(workers: Int) -> Int {
    min(64, max(8, 4 * workers))
}
