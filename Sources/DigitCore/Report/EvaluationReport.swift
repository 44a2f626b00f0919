import Foundation

/// What `digit evaluate` reports: where the images came from, the confusion matrix, and how many
/// files could not be used. Rendered as text for people or JSON for scripts.
public struct EvaluationReport: Equatable, Sendable {
    /// E.g. the MNIST test file's path or the image folder.
    public var source: String
    public var confusion: ConfusionMatrix
    /// Files that could not be decoded or held no digit (not in `confusion`).
    public var failedCount: Int
    /// Which model was evaluated, e.g. `bundled mlp model (MLP, 784 inputs … )`; empty when not known.
    public var model: String

    public init(source: String, confusion: ConfusionMatrix, failedCount: Int = 0, model: String = "") {
        self.source = source
        self.confusion = confusion
        self.failedCount = failedCount
        self.model = model
    }
}

extension EvaluationReport {
    /// A summary line, a per-class table (precision, recall, support) and the confusion matrix.
    public func renderText() -> String {
        let m = confusion
        var lines: [String] = []
        let accuracy = m.accuracy.map { percent($0) } ?? "n/a"
        lines.append("source:   \(source)")
        if !model.isEmpty { lines.append("model:    \(model)") }
        lines.append("images:   \(m.total) evaluated" + (failedCount > 0 ? ", \(failedCount) could not be read" : ""))
        lines.append("accuracy: \(accuracy) (\(m.correct) of \(m.total))")
        lines.append("")
        lines.append("digit  precision   recall  support")
        for digit in 0..<ConfusionMatrix.classCount {
            let precision = m.precision(of: digit).map { percent($0) } ?? "n/a"
            let recall = m.recall(of: digit).map { percent($0) } ?? "n/a"
            lines.append(pad(String(digit), 5) + pad(precision, 11) + pad(recall, 9) + pad(String(m.support(of: digit)), 9))
        }
        lines.append("")
        lines.append("confusion matrix (rows: true digit, columns: predicted digit)")
        let width = max(5, String(m.counts.max() ?? 0).count + 1)
        lines.append(pad("", 5) + (0..<10).map { pad(String($0), width) }.joined())
        for label in 0..<ConfusionMatrix.classCount {
            lines.append(pad(String(label), 5) + (0..<10).map { pad(String(m[label, $0]), width) }.joined())
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Pretty-printed JSON with sorted keys:
    /// `{"accuracy", "classes": [{"digit", "precision", "recall", "support", "predicted"}], "confusion": [[…]],
    /// "correct", "evaluated", "failed", "model", "source"}`. Fractions are 0…1; `null` where undefined.
    /// `confusion[label][predicted]` counts images of `label` read as `predicted`.
    public func renderJSON() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try! encoder.encode(JSONForm(self))  // plain numbers and strings: cannot fail
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// The shape of `renderJSON`'s output.
private struct JSONForm: Encodable {
    struct ClassRow: Encodable {
        var digit: Int
        var precision: Double?
        var recall: Double?
        var support: Int
        var predicted: Int

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(digit, forKey: .digit)
            try c.encode(precision, forKey: .precision)  // `null` when undefined, never omitted
            try c.encode(recall, forKey: .recall)
            try c.encode(support, forKey: .support)
            try c.encode(predicted, forKey: .predicted)
        }

        enum CodingKeys: String, CodingKey { case digit, precision, recall, support, predicted }
    }

    var source: String
    var model: String
    var evaluated: Int
    var correct: Int
    var failed: Int
    var accuracy: Double?
    var classes: [ClassRow]
    var confusion: [[Int]]

    init(_ report: EvaluationReport) {
        let m = report.confusion
        source = report.source
        model = report.model
        evaluated = m.total
        correct = m.correct
        failed = report.failedCount
        accuracy = m.accuracy
        classes = (0..<ConfusionMatrix.classCount).map {
            ClassRow(digit: $0, precision: m.precision(of: $0), recall: m.recall(of: $0),
                     support: m.support(of: $0), predicted: m.predictedCount(of: $0))
        }
        confusion = (0..<ConfusionMatrix.classCount).map { label in (0..<10).map { m[label, $0] } }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(source, forKey: .source)
        try c.encode(model, forKey: .model)
        try c.encode(evaluated, forKey: .evaluated)
        try c.encode(correct, forKey: .correct)
        try c.encode(failed, forKey: .failed)
        try c.encode(accuracy, forKey: .accuracy)
        try c.encode(classes, forKey: .classes)
        try c.encode(confusion, forKey: .confusion)
    }

    enum CodingKeys: String, CodingKey { case source, model, evaluated, correct, failed, accuracy, classes, confusion }
}

/// `0.9234` → `92.34%`.
private func percent(_ fraction: Double) -> String { String(format: "%.2f%%", fraction * 100) }

/// `text` right-aligned in `width` columns.
private func pad(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
}
