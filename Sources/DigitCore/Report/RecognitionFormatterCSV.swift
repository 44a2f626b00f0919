import Foundation

/// Comma-separated values (RFC 4180 quoting, `\n` line ends) with the header
/// `file,digit,confidence,p0,…,p9,error`; a missing value is an empty field.
///
/// CSV has no warnings column, so when there is no digit the `error` column says why:
/// the read error, else the warnings (`no digit found`, `uncertain: …`). When there is a
/// digit, `error` is empty.
public struct CSVRecognitionFormatter: RecognitionFormatter {
    public init() {}

    public static let columns = ["file", "digit", "confidence"] + (0..<10).map { "p\($0)" } + ["error"]

    public var header: String? { Self.columns.joined(separator: ",") + "\n" }

    public func format(_ recognition: Recognition) -> String {
        var fields = [csvField(recognition.file)]
        fields.append(recognition.digit.map { String($0) } ?? "")
        fields.append(recognition.confidence.map(probabilityText) ?? "")
        if let probabilities = recognition.probabilities {
            fields += probabilities.map(probabilityText)
        } else {
            fields += Array(repeating: "", count: 10)
        }
        fields.append(csvField(recognition.reasonForNoDigit ?? ""))
        return fields.joined(separator: ",") + "\n"
    }
}

/// `text` as one CSV field: quoted (with inner quotes doubled) when it holds a comma,
/// a quote, a line break, or leading/trailing spaces; otherwise as is.
func csvField(_ text: String) -> String {
    let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        || text.first == " " || text.last == " "
    guard needsQuotes else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}
