/// One JSON object per input, on one line, with exactly the keys `file`, `digit`,
/// `confidence`, `probabilities`, `warnings`, `error` (in that order); missing values are `null`.
public struct JSONLinesRecognitionFormatter: RecognitionFormatter {
    public init() {}

    public var header: String? { nil }

    public func format(_ recognition: Recognition) -> String {
        var line = "{\"file\":" + jsonString(recognition.file)
        line += ",\"digit\":" + (recognition.digit.map { String($0) } ?? "null")
        line += ",\"confidence\":" + (recognition.confidence.map(probabilityText) ?? "null")
        line += ",\"probabilities\":"
        if let probabilities = recognition.probabilities {
            line += "[" + probabilities.map(probabilityText).joined(separator: ",") + "]"
        } else {
            line += "null"
        }
        line += ",\"warnings\":[" + recognition.warnings.map(jsonString).joined(separator: ",") + "]"
        line += ",\"error\":" + (recognition.error.map(jsonString) ?? "null")
        return line + "}\n"
    }
}

/// `text` as a JSON string literal: quotes, backslashes and control characters escaped
/// (RFC 8259), everything else (any Unicode) written as is, in UTF-8.
func jsonString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{08}": out += "\\b"
        case "\u{0C}": out += "\\f"
        case _ where scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\u{2028}" || scalar == "\u{2029}":
            let hex = String(scalar.value, radix: 16)
            out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default:
            out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}
