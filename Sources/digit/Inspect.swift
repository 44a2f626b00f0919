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

            -o FILE.png draws 28×28 weight maps side by side: for the linear model the ten digits' maps, \
            for an MLP the input weights of its ten strongest hidden units (labelled with the unit's number); \
            red where ink raises the score, blue where it lowers it, near-white for zero; the legend bar \
            gives the scale.

            --export-text FILE writes one text file per layer that numpy.loadtxt reads, each the layer's \
            weights (one row per input) and then its bias row. Linear model: FILE, 785 rows of 10: \
            a = numpy.loadtxt(FILE); W, b = a[:784], a[784]. MLP: FILE-layer1.txt (785 rows of N) and \
            FILE-layer2.txt (N + 1 rows of 10), FILE's extension (if any) moved after the suffix.

            Examples:
              digit inspect
              digit inspect --model linear -o weights.png
              digit inspect --weights my.dgw -o weights.png
              digit inspect --export-text weights.txt
            """)

    @Option(name: .long, help: modelOptionHelp)
    var model: BundledModel?

    @Option(name: .long, help: ArgumentHelp("Weights file to inspect (default: the bundled model).", valueName: "file"))
    var weights: String?

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Draw the ten weight maps into this PNG.", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Pixels per weight in the PNG.", valueName: "n"))
    var scale: Int = 4

    @Option(name: .long, help: ArgumentHelp("Write each layer's weights and bias as text for numpy.loadtxt.", valueName: "file"))
    var exportText: String?

    func validate() throws {
        guard (1...32).contains(scale) else { throw ValidationError("--scale must be 1 … 32") }
    }

    func run() throws {
        let (file, source) = try loadWeightsFile(path: weights, model: model, expectedPreprocessing: nil)
        print(describe(file, source: source), terminator: "")
        if let output {
            try writeFileAtomically(try encodePNG(weightMapsImage(file.classifier, scale: scale)), to: output)
            printToStandardError("wrote \(output)")
        }
        if let exportText {
            let layers = file.classifier.layers
            for (index, layer) in layers.enumerated() {
                let path = layerTextPath(exportText, layer: index + 1, of: layers.count)
                try writeFileAtomically(Array(weightsText(layer, number: index + 1, of: layers.count).utf8), to: path)
                printToStandardError("wrote \(path)")
            }
        }
    }

    /// The metadata, one `name: value` line each.
    private func describe(_ file: WeightsFile, source: String) -> String {
        let m = file.metadata
        var lines: [(String, String)] = [
            ("source", source),
            ("format", ".dgw, \(file.classifier.layers.count) layer\(file.classifier.layers.count == 1 ? "" : "s")"),
            ("model", file.classifier.shapeDescription),
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
            ("trained", m.date ?? "n/a"),
            ("by digit", m.digitVersion.isEmpty ? "n/a" : m.digitVersion),
        ]
        for (name, hash) in m.dataHashes.sorted(by: { $0.key < $1.key }) { lines.append(("data", "\(name) sha256 \(hash)")) }
        let layers = file.classifier.layers
        for (index, layer) in layers.enumerated() {
            let w = layer.weights, suffix = layers.count == 1 ? "" : " \(index + 1)"
            let meanMagnitude = w.reduce(0) { $0 + Double(abs($1)) } / Double(w.count)
            lines.append(("weights" + suffix, String(format: "%d×%d, min %.4f, max %.4f, mean |w| %.4f", layer.inputs, layer.outputs,
                                                   Double(w.min()!), Double(w.max()!), meanMagnitude)))
        }
        if let outputBias = layers.last?.bias {
            lines.append(("bias", outputBias.map { String(format: "%.3f", Double($0)) }.joined(separator: " ")))
        }
        let width = lines.map(\.0.count).max()! + 1
        return lines.map { ($0.0 + ":").padding(toLength: width + 1, withPad: " ", startingAt: 0) + $0.1 }
            .joined(separator: "\n") + "\n"
    }
}

/// `0.9253` → `92.53%`.
private func percent(_ fraction: Double) -> String { String(format: "%.2f%%", fraction * 100) }

/// Where `--export-text PATH` writes layer `layer` of `count`: PATH itself for a one-layer model,
/// else `name-layerK.ext` (`weights.txt` → `weights-layer1.txt`).
func layerTextPath(_ path: String, layer: Int, of count: Int) -> String {
    guard count > 1 else { return path }
    let ext = (path as NSString).pathExtension
    let stem = ext.isEmpty ? path : String(path.dropLast(ext.count + 1))
    return stem + "-layer\(layer)" + (ext.isEmpty ? "" : "." + ext)
}
