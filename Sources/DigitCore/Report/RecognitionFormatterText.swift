import Foundation

/// Output for people, the answer first.
///
/// `plain` (one line per input, for pipes and files):
///
///     photo.png: 7 (93.1%)  0:0.001 1:0.005 2:0.000 3:0.010 4:0.001 5:0.003 6:0.002 7:0.931 8:0.040 9:0.007
///     blank.png: none (no digit found)
///     bad.png: error: damaged PNG data: IDAT: CRC error
///
/// `oneLine` (a terminal, several inputs): `photo.png: 7 (93.1%)  0▁1▁2▁3▁4▁5▁6▁7█8▁9▁`.
/// `chart` (a terminal, one input): the answer, then one bar per class.
/// Without `showsFileNames` (one input) the `photo.png: ` prefix is left out. Control characters
/// in a file name are escaped (`a\nb.png`), so each input stays one line.
public struct TextRecognitionFormatter: RecognitionFormatter {
    public enum Style: Sendable {
        case plain, oneLine, chart
    }

    public var style: Style
    public var showsFileNames: Bool

    public init(style: Style = .plain, showsFileNames: Bool = true) {
        self.style = style
        self.showsFileNames = showsFileNames
    }

    public var header: String? { nil }

    public func format(_ recognition: Recognition) -> String {
        // Control characters in a name (a newline, a tab) are escaped: one line per input.
        let prefix = showsFileNames ? escapingControlCharacters(recognition.file) + ": " : ""
        if let error = recognition.error {
            return prefix + "error: " + escapingControlCharacters(error) + "\n"
        }
        let answer: String
        if let digit = recognition.digit, let confidence = recognition.confidence {
            answer = "\(digit) (\(percent(confidence)))"
        } else if recognition.probabilities != nil {
            answer = "uncertain"
        } else {
            answer = "none"
        }
        let notes = recognition.warnings.isEmpty ? "" : " (" + recognition.warnings.joined(separator: "; ") + ")"
        guard let probabilities = recognition.probabilities else {
            return prefix + answer + notes + "\n"
        }
        switch style {
        case .plain:
            let list = probabilities.enumerated().map { "\($0.offset):" + String(format: "%.3f", $0.element) }
            return prefix + answer + notes + "  " + list.joined(separator: " ") + "\n"
        case .oneLine:
            let spark = probabilities.enumerated().map { "\($0.offset)" + sparkBlock($0.element) }
            return prefix + answer + notes + "  " + spark.joined() + "\n"
        case .chart:
            var text = prefix + answer + notes + "\n"
            for (digit, p) in probabilities.enumerated() {
                let bar = chartBar(p, width: 30)
                text += "  \(digit) " + bar + String(repeating: " ", count: 31 - bar.count)
                    + String(repeating: " ", count: max(0, 6 - percent(p).count)) + percent(p) + "\n"
            }
            return text
        }
    }
}

/// `93.1%`.
func percent(_ p: Float) -> String {
    String(format: "%.1f%%", Double(p) * 100)
}

/// One of ` ▁▂▃▄▅▆▇█` for a probability (a blank only for 0 exactly).
func sparkBlock(_ p: Float) -> String {
    let blocks = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    guard p > 0 else { return " " }
    return blocks[min(7, Int((p * 8).rounded(.down)))]
}

/// A horizontal bar `width` cells long at p = 1, in eighths of a cell (`████▍`); at least `▏`.
func chartBar(_ p: Float, width: Int) -> String {
    let eighths = max(1, Int((max(0, min(1, p)) * Float(width * 8)).rounded()))
    let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    return String(repeating: "█", count: eighths / 8) + partial[eighths % 8]
}
