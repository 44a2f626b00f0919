/// The model's weights as plain text that `numpy.loadtxt` reads: 785 rows of 10 whitespace-separated
/// numbers. Rows 1…784 are pixels (row-major 28×28, ink = 1.0), column k the weight for digit k;
/// row 785 is the bias. Lines starting with `#` describe the layout (numpy skips them).
/// Values are written in their shortest form that reads back as the same `Float`.
public func weightsText(_ model: SoftmaxModel) -> String {
    let classes = SoftmaxModel.classCount
    var text = """
    # digit softmax model: 785 rows x 10 columns (column k = digit k)
    # rows 1-784: weight of pixel (row-major 28x28, ink = 1.0, background = 0.0); row 785: bias
    # numpy: a = numpy.loadtxt(path); W = a[:784]; b = a[784]; logits = x @ W + b

    """
    text.reserveCapacity(785 * classes * 14)
    for pixel in 0..<SoftmaxModel.inputCount {
        text += (0..<classes).map { "\(model.weights[pixel * classes + $0])" }.joined(separator: " ") + "\n"
    }
    text += model.bias.map { "\($0)" }.joined(separator: " ") + "\n"
    return text
}
