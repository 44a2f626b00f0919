import ArgumentParser
import DigitCore
import Foundation

/// `digit inspect`: what a weights file holds: its metadata, a picture of the ten weight maps,
/// or the raw numbers as text.
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show a model's metadata, draw its weight maps, or export its weights as text.",
        discussion: """
            Prints how the model was trained (recipe, seed, epochs, data hashes, accuracies) and the range of \
            its weights. Models trained for another preprocessing are shown too, with a note.

            -o FILE.png draws the ten 28×28 weight maps side by side: red where ink raises that digit's \
            score, blue where it lowers it, near-white for zero; the legend bar gives the scale.

            --export-text FILE writes 785 rows of 10 numbers (784 pixel rows, then the bias) that \
            numpy.loadtxt reads: a = numpy.loadtxt(FILE); W, b = a[:784], a[784].

            Examples:
              digit inspect
              digit inspect --weights my.dgw -o weights.png
              digit inspect --export-text weights.txt
            """)

    @Option(name: .long, help: ArgumentHelp("Weights file to inspect (default: the bundled model).", valueName: "file"))
    var weights: String?

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Draw the ten weight maps into this PNG.", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Pixels per weight in the PNG.", valueName: "n"))
    var scale: Int = 4

    @Option(name: .long, help: ArgumentHelp("Write the 784×10 weights and the bias as text for numpy.loadtxt.", valueName: "file"))
    var exportText: String?

    func validate() throws {
        guard (1...32).contains(scale) else { throw ValidationError("--scale must be 1 … 32") }
    }

    func run() throws {
        let file = try weights.map { try WeightsFile.load(path: $0, expectedPreprocessing: nil) }
            ?? WeightsFile.bundled(expectedPreprocessing: nil)
        print(describe(file, source: weights ?? WeightsFile.bundledSource), terminator: "")
        if let output {
            try writeFileAtomically(try encodePNG(weightMapsImage(file.model, scale: scale)), to: output)
            printToStandardError("wrote \(output)")
        }
        if let exportText {
            try writeFileAtomically(Array(weightsText(file.model).utf8), to: exportText)
            printToStandardError("wrote \(exportText)")
        }
    }

    /// The metadata, one `name: value` line each.
    private func describe(_ file: WeightsFile, source: String) -> String {
        let m = file.metadata
        var lines: [(String, String)] = [
            ("source", source),
            ("format", ".dgw version \(WeightsFile.currentVersion)"),
            ("model", "softmax, \(SoftmaxModel.inputCount) inputs (28×28) → \(SoftmaxModel.classCount) classes"),
            ("preprocessing", file.preprocessing == preprocessingIdentifier
                ? file.preprocessing
                : "\(file.preprocessing) (this digit preprocesses as \(preprocessingIdentifier): retrain before use)"),
            ("recipe", m.recipe),
            ("optimizer", m.optimizer),
            ("augment", m.augment ? "yes" : "no"),
            ("seed", String(m.seed)),
            ("epochs", "\(m.epochs) (best: \(m.bestEpoch))"),
            ("batch size", String(m.batchSize)),
            ("learning rate", "\(m.learningRate)"),
            ("L2", "\(m.l2)"),
            ("images", "\(m.trainingImages) trained on, \(m.validationImages) held out for validation"),
            ("validation", m.validationAccuracy.map(percent) ?? "n/a"),
            ("test accuracy", m.testAccuracy.map(percent) ?? "n/a"),
            ("started from", m.initialisedFrom ?? "zeros"),
            ("trained", m.date.isEmpty ? "n/a" : m.date),
            ("by digit", m.digitVersion.isEmpty ? "n/a" : m.digitVersion),
        ]
        for (name, hash) in m.dataHashes.sorted(by: { $0.key < $1.key }) { lines.append(("data", "\(name) sha256 \(hash)")) }
        let w = file.model.weights
        let meanMagnitude = w.reduce(0) { $0 + Double(abs($1)) } / Double(w.count)
        lines.append(("weights", String(format: "min %.4f, max %.4f, mean |w| %.4f", Double(w.min()!), Double(w.max()!), meanMagnitude)))
        lines.append(("bias", file.model.bias.map { String(format: "%.3f", Double($0)) }.joined(separator: " ")))
        let width = lines.map(\.0.count).max()! + 1
        return lines.map { ($0.0 + ":").padding(toLength: width + 1, withPad: " ", startingAt: 0) + $0.1 }
            .joined(separator: "\n") + "\n"
    }
}

/// `0.9253` → `92.53%`.
private func percent(_ fraction: Double) -> String { String(format: "%.2f%%", fraction * 100) }
