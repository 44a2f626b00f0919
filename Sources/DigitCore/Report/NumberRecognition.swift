import Foundation

/// What `digit recognize --number` reports for one input: the fields of one JSON line or CSV row.
///
/// - a number: `number` and `confidence` set, `digits` in reading order;
/// - no number: `number == nil` with a warning saying why (`no digit found`, or `uncertain: …`
///   naming the digit below `--min-confidence`, in which case `digits` and `confidence` are kept);
/// - an error: `error` set (file unreadable or corrupt), `digits` empty.
public struct NumberRecognition: Equatable, Sendable {
    /// The input's name as given (a path, or `-` for standard input).
    public var file: String
    /// The digits as a string, lines joined by one space; `nil` when there is no answer.
    public var number: String?
    /// The lowest digit confidence (0…1), `nil` when no digit was read.
    public var confidence: Float?
    /// Every digit read, in reading order (also when `number` is withheld).
    public var digits: [NumberDigit]
    public var warnings: [String]
    /// Why the input could not be read (the reason only; the path is in `file`).
    public var error: String?

    public init(file: String, number: String?, confidence: Float?, digits: [NumberDigit],
                warnings: [String], error: String?) {
        self.file = file
        self.number = number
        self.confidence = confidence
        self.digits = digits
        self.warnings = warnings
        self.error = error
    }

    /// The reading of `file`. With `minimumConfidence`, a digit below it withholds the number
    /// and adds a warning naming the first such digit's position (1-based, in reading order).
    public init(file: String, reading: NumberReading, minimumConfidence: Float? = nil) {
        let digits = reading.digits
        guard digits.allSatisfy({ $0.prediction.probabilities.allSatisfy { $0.isFinite } }) else {
            self = .failure(file: file, reason: "the model gave invalid probabilities (check the weights file)")
            return
        }
        var warnings = reading.warnings
        var number = reading.number
        let lowest = digits.map(\.prediction.confidence).min()
        if let minimumConfidence,
           let position = digits.firstIndex(where: { $0.prediction.confidence < minimumConfidence }) {
            number = nil
            let digit = digits[position].prediction
            warnings.append("uncertain: digit \(position + 1) of \(digits.count) (read as \(digit.digit)): "
                + uncertainWarning(confidence: digit.confidence, minimum: minimumConfidence)
                    .replacingOccurrences(of: "uncertain: ", with: ""))
        }
        if digits.isEmpty && !warnings.contains(noDigitFoundWarning) { warnings.append(noDigitFoundWarning) }
        self.init(file: file, number: number, confidence: lowest, digits: digits, warnings: warnings, error: nil)
    }

    /// `file` could not be read or decoded, for `reason`.
    public static func failure(file: String, reason: String) -> NumberRecognition {
        NumberRecognition(file: file, number: nil, confidence: nil, digits: [], warnings: [], error: reason)
    }

    /// Why there is no number: the error, else the warnings; `nil` when there is a number.
    public var reasonForNoNumber: String? {
        guard number == nil else { return nil }
        if let error { return error }
        return warnings.isEmpty ? "no number" : warnings.joined(separator: "; ")
    }
}

/// Turns number recognitions into the lines `digit recognize --number` writes, one input at a time.
public protocol NumberRecognitionFormatter: Sendable {
    /// Written once before the first row (a CSV header), or `nil`.
    var header: String? { get }
    /// The row for one input, ending in a newline.
    func format(_ recognition: NumberRecognition) -> String
}

/// `meter.jpg: 4217  (99% 97% 88% 99%)`: the number, then each digit's confidence (whole percent,
/// rounded down, so 100% only for certainty). Then the warnings, if any, after two spaces:
/// `blank.png: none (no digit found)`, `bad.png: error: …`, `low.png: uncertain (…)  (99% 41%)`.
public struct TextNumberFormatter: NumberRecognitionFormatter {
    public init() {}

    public var header: String? { nil }

    public func format(_ recognition: NumberRecognition) -> String {
        let prefix = recognition.file + ": "
        if let error = recognition.error { return prefix + "error: " + error + "\n" }
        let confidences = recognition.digits.map { "\(Int(($0.prediction.confidence * 100).rounded(.down)))%" }
        let list = confidences.isEmpty ? "" : "  (" + confidences.joined(separator: " ") + ")"
        let notes = recognition.warnings.joined(separator: "; ")
        guard let number = recognition.number else {
            let answer = recognition.digits.isEmpty ? "none" : "uncertain"
            return prefix + answer + (notes.isEmpty ? "" : " (" + notes + ")") + list + "\n"
        }
        return prefix + number + list + (notes.isEmpty ? "" : "  " + notes) + "\n"
    }
}

/// One JSON object per input, on one line, with exactly the keys `file`, `number`, `confidence`,
/// `digits` (each with exactly `digit`, `confidence`, `probabilities`, `box` `[x, y, width, height]`,
/// `line`), `warnings`, `error`, in that order; missing values are `null`.
public struct JSONLinesNumberFormatter: NumberRecognitionFormatter {
    public init() {}

    public var header: String? { nil }

    public func format(_ recognition: NumberRecognition) -> String {
        var line = "{\"file\":" + jsonString(recognition.file)
        line += ",\"number\":" + (recognition.number.map(jsonString) ?? "null")
        line += ",\"confidence\":" + (recognition.confidence.map(probabilityText) ?? "null")
        line += ",\"digits\":[" + recognition.digits.map(digitObject).joined(separator: ",") + "]"
        line += ",\"warnings\":[" + recognition.warnings.map(jsonString).joined(separator: ",") + "]"
        line += ",\"error\":" + (recognition.error.map(jsonString) ?? "null")
        return line + "}\n"
    }

    private func digitObject(_ digit: NumberDigit) -> String {
        let box = digit.box
        return "{\"digit\":\(digit.prediction.digit),\"confidence\":" + probabilityText(digit.prediction.confidence)
            + ",\"probabilities\":[" + digit.prediction.probabilities.map(probabilityText).joined(separator: ",") + "]"
            + ",\"box\":[\(box.x),\(box.y),\(box.width),\(box.height)],\"line\":\(digit.line)}"
    }
}

/// CSV with the header `file,number,confidence,error` (RFC 4180 quoting). When there is no
/// number, `error` says why (the read error, `no digit found`, `uncertain: …`).
public struct CSVNumberFormatter: NumberRecognitionFormatter {
    public init() {}

    public static let columns = ["file", "number", "confidence", "error"]

    public var header: String? { Self.columns.joined(separator: ",") + "\n" }

    public func format(_ recognition: NumberRecognition) -> String {
        [csvField(recognition.file), csvField(recognition.number ?? ""),
         recognition.confidence.map(probabilityText) ?? "", csvField(recognition.reasonForNoNumber ?? "")]
            .joined(separator: ",") + "\n"
    }
}
