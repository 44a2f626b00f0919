/// MNIST's box: the digit's longer side is scaled to this many pixels.
let mnistBoxSide = 20

/// Scales `image` so its longer side is `side` px, keeping the aspect ratio exactly (the last
/// row/column of the shorter side may be partly covered), by area averaging: each output pixel
/// is the mean of the source area it covers. Separable.
func scaleToBox(_ image: FloatImage, side: Int = mnistBoxSide) -> FloatImage {
    let longer = max(image.width, image.height)
    guard longer > 0 else { return image }
    if longer == side { return image }
    let scale = Double(side) / Double(longer)
    let outWidth = max(1, Int((Double(image.width) * scale - 1e-9).rounded(.up)))
    let outHeight = max(1, Int((Double(image.height) * scale - 1e-9).rounded(.up)))
    let rows = resampleRows(image.pixels, width: image.width, height: image.height, outWidth: outWidth, scale: scale)
    let columns = resampleRows(transpose(rows, width: outWidth, height: image.height),
                               width: image.height, height: outWidth, outWidth: outHeight, scale: scale)
    return FloatImage(width: outWidth, height: outHeight,
                      pixels: transpose(columns, width: outHeight, height: outWidth))
}

/// Area-averaging resample of each row from `width` to `outWidth` samples; output pixel `o`
/// covers source interval `[o / scale, (o + 1) / scale)`, missing source counts as 0.
private func resampleRows(_ pixels: [Float], width: Int, height: Int, outWidth: Int, scale: Double) -> [Float] {
    // Precompute, per output pixel, its source range and overlap weights.
    var spans: [(first: Int, weights: [Float])] = []
    for o in 0..<outWidth {
        let start = Double(o) / scale, end = Double(o + 1) / scale
        let first = Int(start.rounded(.down)), last = min(width - 1, Int((end - 1e-9).rounded(.down)))
        var weights: [Float] = []
        if first <= last {
            for s in first...last {
                let overlap = min(end, Double(s + 1)) - max(start, Double(s))
                weights.append(Float(overlap * scale))
            }
        }
        spans.append((first, weights))
    }
    var out = [Float](repeating: 0, count: outWidth * height)
    for y in 0..<height {
        for (o, span) in spans.enumerated() {
            var sum: Float = 0
            for (k, weight) in span.weights.enumerated() { sum += pixels[y * width + span.first + k] * weight }
            out[y * outWidth + o] = sum
        }
    }
    return out
}
