import Foundation

/// What `digit recognize` reports for one input: the fields of one JSON line or CSV row.
///
/// Exactly one of three shapes:
/// - a digit: `digit`, `confidence` and `probabilities` set (warnings possible, e.g. several digits seen);
/// - no digit: `digit == nil`, with a warning saying why (`no digit found`, or `uncertain: …`,
///   in which case `confidence` and `probabilities` are still given);
/// - an error: `error` set (file unreadable or corrupt), every other field empty.
public struct Recognition: Equatable, Sendable {
    /// The input's name as given (a path, or `-` for standard input).
    public var file: String
    /// 0…9, or `nil` when there is no answer.
    public var digit: Int?
    /// The top probability, 0…1.
    public var confidence: Float?
    /// Ten probabilities, class 0 first.
    public var probabilities: [Float]?
    public var warnings: [String]
    /// Why the input could not be read (the reason only; the path is in `file`).
    public var error: String?

    public init(file: String, digit: Int?, confidence: Float?, probabilities: [Float]?,
                warnings: [String], error: String?) {
        self.file = file
        self.digit = digit
        self.confidence = confidence
        self.probabilities = probabilities
        self.warnings = warnings
        self.error = error
    }

    /// The classifier's answer for `file`, with preprocessing's `warnings` passed through.
    /// Below `minimumConfidence` the digit is withheld and an `uncertain: …` warning added.
    public init(file: String, prediction: Prediction, warnings: [String], minimumConfidence: Float? = nil) {
        let probabilities = prediction.probabilities
        guard probabilities.count == 10, probabilities.allSatisfy({ $0.isFinite }) else {
            self = .failure(file: file, reason: "the model gave invalid probabilities (check the weights file)")
            return
        }
        var warnings = warnings
        var digit: Int? = prediction.digit
        if let minimumConfidence, prediction.confidence < minimumConfidence {
            digit = nil
            warnings.append(uncertainWarning(confidence: prediction.confidence, minimum: minimumConfidence))
        }
        self.init(file: file, digit: digit, confidence: prediction.confidence,
                  probabilities: probabilities, warnings: warnings, error: nil)
    }

    /// No digit in `file`: preprocessing's warnings (which say so) are kept.
    public static func noDigit(file: String, warnings: [String]) -> Recognition {
        let warnings = warnings.contains(noDigitFoundWarning) ? warnings : warnings + [noDigitFoundWarning]
        return Recognition(file: file, digit: nil, confidence: nil, probabilities: nil,
                           warnings: warnings, error: nil)
    }

    /// `file` could not be read or decoded, for `reason`.
    public static func failure(file: String, reason: String) -> Recognition {
        Recognition(file: file, digit: nil, confidence: nil, probabilities: nil, warnings: [], error: reason)
    }

    /// Why there is no digit: the error, else the warnings; `nil` when there is a digit.
    public var reasonForNoDigit: String? {
        guard digit == nil else { return nil }
        if let error { return error }
        return warnings.isEmpty ? "no digit" : warnings.joined(separator: "; ")
    }
}

/// `uncertain: top probability 0.41 below 0.60`. The probability is rounded down, so the
/// printed figure is below the printed minimum; both get more decimals when the minimum needs them.
func uncertainWarning(confidence: Float, minimum: Float) -> String {
    let decimals = abs((minimum * 100).rounded() - minimum * 100) < 1e-3 ? 2 : 4
    let scale = decimals == 2 ? Float(100) : Float(10_000)
    let shown = (confidence * scale).rounded(.down) / scale
    let format = "%.\(decimals)f"
    return "uncertain: top probability \(String(format: format, Double(shown))) below \(String(format: format, Double(minimum)))"
}
