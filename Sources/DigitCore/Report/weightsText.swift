/// The model's weights as plain text that `numpy.loadtxt` reads: 785 rows of 10 whitespace-separated
/// numbers. Rows 1…784 are pixels (row-major 28×28, ink = 1.0), column k the weight for digit k;
/// row 785 is the bias. Lines starting with `#` describe the layout (numpy skips them).
/// Values are written in their shortest form that reads back as the same `Float`.
public func weightsText(_ model: SoftmaxModel) -> String {
    weightsText(ClassifierLayer(inputs: 784, outputs: 10, weights: model.weights, bias: model.bias), number: 1, of: 1)
}

/// One layer (`number` of `count`) as text for `numpy.loadtxt`: `inputs + 1` rows of `outputs`
/// numbers, the weights input-major then the biases as the last row.
public func weightsText(_ layer: ClassifierLayer, number: Int, of count: Int) -> String {
    let (inputs, outputs) = (layer.inputs, layer.outputs)
    let rowsSay = number == 1 ? "pixel (row-major 28x28, ink = 1.0, background = 0.0)" : "hidden unit (after ReLU)"
    let columnsSay = number == count ? "column k = digit k" : "column j = hidden unit j"
    let formula = count == 1 ? "logits = x @ W + b"
        : number == 1 ? "h = maximum(0, x @ W + b)" : "logits = h @ W + b"
    var text = """
    # digit \(count == 1 ? "softmax model" : "MLP layer \(number) of \(count)"): \(inputs + 1) rows x \(outputs) columns (\(columnsSay))
    # rows 1-\(inputs): weight of each \(rowsSay); row \(inputs + 1): bias
    # numpy: a = numpy.loadtxt(path); W = a[:\(inputs)]; b = a[\(inputs)]; \(formula)

    """
    text.reserveCapacity((inputs + 1) * outputs * 14)
    for row in 0..<inputs {
        text += (0..<outputs).map { "\(layer.weights[row * outputs + $0])" }.joined(separator: " ") + "\n"
    }
    text += layer.bias.map { "\($0)" }.joined(separator: " ") + "\n"
    return text
}
