/// A trained digit classifier of either kind, as a weights file holds it and as `recognize`,
/// `evaluate`, `inspect` and `preprocess` use it.
public enum Classifier: Sendable, Equatable {
    /// Softmax regression, 784 → 10.
    case linear(SoftmaxModel)
    /// One hidden ReLU layer, 784 → N → 10.
    case mlp(MLPModel)

    /// All ten class probabilities for `image` (28×28, ink = 1.0).
    public func predict(_ image: DigitImage) -> Prediction {
        switch self {
        case .linear(let model): return model.predict(image)
        case .mlp(let model): return model.predict(image)
        }
    }

    /// N for an MLP, 0 for the softmax regression (as `digit train --hidden N`).
    public var hiddenCount: Int {
        switch self {
        case .linear: return 0
        case .mlp(let model): return model.hiddenCount
        }
    }

    /// One line, e.g. `softmax regression, 784 inputs (28×28) → 10 classes`.
    public var shapeDescription: String {
        switch self {
        case .linear: return "softmax regression, 784 inputs (28×28) → 10 classes"
        case .mlp(let model): return "MLP, 784 inputs (28×28) → \(model.hiddenCount) ReLU → 10 classes (softmax)"
        }
    }

    /// The layers as (inputs, outputs, weights input-major, biases), first layer first.
    public var layers: [ClassifierLayer] {
        switch self {
        case .linear(let model):
            return [ClassifierLayer(inputs: 784, outputs: 10, weights: model.weights, bias: model.bias)]
        case .mlp(let model):
            return [ClassifierLayer(inputs: 784, outputs: model.hiddenCount, weights: model.hiddenWeights, bias: model.hiddenBias),
                    ClassifierLayer(inputs: model.hiddenCount, outputs: 10, weights: model.outputWeights, bias: model.outputBias)]
        }
    }
}

/// One fully connected layer: `weights` inputs×outputs, input-major (`weights[i * outputs + o]`),
/// `bias` outputs. Hidden layers are followed by ReLU, the last by softmax.
public struct ClassifierLayer: Sendable, Equatable {
    public var inputs: Int
    public var outputs: Int
    public var weights: [Float]
    public var bias: [Float]

    public init(inputs: Int, outputs: Int, weights: [Float], bias: [Float]) {
        self.inputs = inputs
        self.outputs = outputs
        self.weights = weights
        self.bias = bias
    }
}
