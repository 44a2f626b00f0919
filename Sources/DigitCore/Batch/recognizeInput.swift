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
    /// Shared by every worker: each image holds its `decodeMemoryEstimate` while it is decoded
    /// and preprocessed.
    public var memoryBudget: MemoryBudget

    public init(minimumConfidence: Float? = nil, decodeOptions: DecodeOptions = DecodeOptions(),
                memoryBudget: MemoryBudget = MemoryBudget(bytes: defaultMemoryBudgetBytes)) {
        self.minimumConfidence = minimumConfidence
        self.decodeOptions = decodeOptions
        self.memoryBudget = memoryBudget
    }
}

/// Reads one input and recognizes its digit: file → `readDigit` (decode → preprocess, holding the
/// image's share of `settings.memoryBudget`) → `classify`.
/// Never throws: whatever goes wrong becomes the outcome's error, so a batch goes on.
public func recognizeInput(_ input: RecognitionInput, settings: RecognitionSettings,
                           classify: (DigitImage) -> Prediction) -> RecognitionOutcome {
    let preprocessed: PreprocessResult
    do {
        guard let read = try readInputDigit(input, decodeOptions: settings.decodeOptions,
                                            memoryBudget: settings.memoryBudget) else {
            return .skipped(file: input.name, reason: notAnImageFileReason)
        }
        preprocessed = read
    } catch {
        return .recognized(.failure(file: input.name, reason: String(describing: error)))
    }
    guard let digit = preprocessed.digit else {
        return .recognized(.noDigit(file: input.name, warnings: preprocessed.warnings))
    }
    return .recognized(Recognition(file: input.name, prediction: classify(digit),
                                   warnings: preprocessed.warnings,
                                   minimumConfidence: settings.minimumConfidence))
}

/// Why a file found in a folder is passed over.
public let notAnImageFileReason = "not a PNG or JPEG file"

/// Reads one input's bytes (`readImageFile`: size cap, devices refused, one-line reasons).
/// `nil` when a file found in a folder is not a PNG or JPEG (to be skipped). Throws
/// `ImageFileError`, or `InputUnreadable` for an input that cannot be read at all.
public func readInputBytes(_ input: RecognitionInput) throws -> [UInt8]? {
    switch input.source {
    case .file(let path):
        return try readImageFile(at: path)
    case .fileFoundInDirectory(let path):
        guard fileStartsWithImageSignature(at: path) else { return nil }
        return try readImageFile(at: path)
    case .bytes(let given):
        return given
    case .unreadable(let reason):
        throw InputUnreadable(reason: reason)
    }
}

/// Reads one input's bytes (`readInputBytes`) and preprocesses them (`readDigit`). `nil` when a
/// file found in a folder is not a PNG or JPEG (to be skipped). Throws `ImageFileError`,
/// `DecodeError`, or `InputUnreadable` for an input that cannot be read at all. Shared by
/// `digit recognize` and `digit evaluate`. While the image is decoded and preprocessed it holds
/// its `decodeMemoryEstimate` of `memoryBudget`, which the batch's workers share.
public func readInputDigit(_ input: RecognitionInput, decodeOptions: DecodeOptions = DecodeOptions(),
                           memoryBudget: MemoryBudget? = nil) throws -> PreprocessResult? {
    guard let bytes = try readInputBytes(input) else { return nil }
    guard let memoryBudget else { return try readDigit(fromFileBytes: bytes, decodeOptions: decodeOptions) }
    let estimate = decodeMemoryEstimate(bytes: bytes, options: decodeOptions)
    return try memoryBudget.withBytes(estimate) {
        try readDigit(fromFileBytes: bytes, decodeOptions: decodeOptions)
    }
}

/// An input that could not be read at all (an unreadable folder); the description is the reason.
public struct InputUnreadable: Error, CustomStringConvertible {
    public var reason: String
    public var description: String { reason }
}

/// Recognizes every input on `workers` threads and hands the outcomes to `emit` in input
/// order, each as soon as it and all before it are done, with at most `window` inputs in
/// flight (see `forEachInOrder`). Returns when all are emitted.
public func recognizeInOrder<Inputs: Sequence>(
    _ inputs: Inputs,
    settings: RecognitionSettings,
    workers: Int,
    window: Int? = nil,
    classify: @escaping @Sendable (DigitImage) -> Prediction,
    emit: @escaping @Sendable (RecognitionOutcome) -> Void,
    flush: @escaping @Sendable () -> Void = {}
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
