import ArgumentParser
import DigitCore

extension BundledModel: ExpressibleByArgument {}

/// The `--model` help shared by `recognize`, `evaluate`, `inspect` and `preprocess`.
let modelOptionHelp = ArgumentHelp(
    "Bundled model: linear (softmax regression) or mlp (one hidden layer); default \(BundledModel.default.rawValue). --weights overrides it.",
    valueName: "linear|mlp")

/// `--weights FILE` when given, else the bundled `--model` (the default one without it), with the
/// name errors and reports use for it.
func loadWeightsFile(path: String?, model: BundledModel?, expectedPreprocessing: String? = preprocessingIdentifier)
    throws -> (file: WeightsFile, source: String) {
    if let path { return (try WeightsFile.load(path: path, expectedPreprocessing: expectedPreprocessing), path) }
    let model = model ?? .default
    return (try WeightsFile.bundled(model, expectedPreprocessing: expectedPreprocessing), model.source)
}
