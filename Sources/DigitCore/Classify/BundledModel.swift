import BundledWeights

/// The two models compiled into the binary (`weights/`, embedded by the `BundledWeights` C target).
public enum BundledModel: String, CaseIterable, Sendable {
    /// Softmax regression, 784 → 10: `weights/mnist-softmax.dgw`.
    case linear
    /// One hidden layer, 784 → 512 ReLU → 10: `weights/mnist-mlp.dgw`.
    case mlp

    /// The model `recognize`, `evaluate`, `inspect` and `preprocess` use without `--model`: the
    /// one that reads real-looking inputs best (`bench/fidelity`; figures in BENCHMARKS.md).
    public static let `default` = BundledModel.mlp

    /// The file in `weights/` it is built from.
    public var fileName: String {
        switch self {
        case .linear: return "mnist-softmax.dgw"
        case .mlp: return "mnist-mlp.dgw"
        }
    }

    /// The `digit train` command that writes `fileName` (its recipe: `weights/README.md`).
    public var trainingCommand: String {
        switch self {
        case .linear: return "digit train --hidden 0"
        case .mlp: return "digit train --hidden \(TrainingOptions.bundledHiddenCount)"
        }
    }

    /// How errors name it, e.g. `bundled mlp model`.
    public var source: String { "bundled \(rawValue) model" }

    /// The file's bytes as compiled in; empty when the package was built before it was trained.
    public var bytes: [UInt8] {
        var count: UInt = 0
        let start: UnsafePointer<UInt8>
        switch self {
        case .linear: start = digit_bundled_linear_weights(&count)
        case .mlp: start = digit_bundled_mlp_weights(&count)
        }
        return Array(UnsafeBufferPointer(start: start, count: Int(count)))
    }
}
