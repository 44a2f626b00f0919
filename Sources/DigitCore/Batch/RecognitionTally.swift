/// Counts of what a `digit recognize` run gave, for its summary and exit status.
public struct RecognitionTally: Equatable, Sendable {
    public var digits = 0
    public var noDigit = 0
    public var uncertain = 0
    public var errors = 0
    public var skipped = 0

    public init() {}

    /// Inputs that made a row of output.
    public var inputs: Int { digits + noDigit + uncertain + errors }

    /// True when there was at least one input and every input gave a digit (exit status 0).
    public var everyInputGaveDigit: Bool { inputs > 0 && digits == inputs }

    public mutating func count(_ outcome: RecognitionOutcome) {
        switch outcome {
        case .skipped:
            skipped += 1
        case .recognized(let recognition):
            if recognition.error != nil {
                errors += 1
            } else if recognition.digit != nil {
                digits += 1
            } else if recognition.probabilities != nil {
                uncertain += 1
            } else {
                noDigit += 1
            }
        }
    }
}
