/// Turns recognitions into the lines `digit recognize` writes, one input at a time
/// (so output can stream).
public protocol RecognitionFormatter: Sendable {
    /// Written once before the first row (a CSV header), or `nil`.
    var header: String? { get }
    /// The row for one input, ending in a newline.
    func format(_ recognition: Recognition) -> String
}

/// The output formats of `digit recognize --format`.
public enum RecognitionOutputFormat: String, CaseIterable, Sendable {
    /// For people: the answer first, then the probabilities.
    case text
    /// JSON Lines: one object per input.
    case jsonl
    /// Comma-separated values with a header row.
    case csv
}

/// A probability as written in JSON and CSV: the shortest decimal that reads back as the
/// same `Float` (`0.93`, `1.0`, `3.2e-07`), always a valid JSON number.
func probabilityText(_ value: Float) -> String {
    value.isFinite ? value.description : "0"
}
