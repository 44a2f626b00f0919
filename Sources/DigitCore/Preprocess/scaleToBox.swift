/// MNIST's box: the digit's longer side is scaled to this many pixels.
let mnistBoxSide = 20

/// The digit's size for scaling: the longer side of the box of pixels with ink ≥ 0.5 (the box
/// of all non-zero pixels when none reaches 0.5). At 0.5 a blurred or interpolated edge is
/// measured where the stroke really ends, so a photo's faint fringe does not shrink the digit;
/// on MNIST this box is 20 px for 98% of the training digits (the non-zero box: 99.98%).
func digitSize(_ image: FloatImage) -> Int {
    var minX = Int.max, maxX = -1, minY = Int.max, maxY = -1
    for level: Float in [0.5, 0] {
        for y in 0..<image.height {
            for x in 0..<image.width where image.pixels[y * image.width + x] > level - 1e-6 && image.pixels[y * image.width + x] > 0 {
                minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
            }
        }
        if maxX >= 0 { return max(maxX - minX + 1, maxY - minY + 1) }
    }
    return 0
}

/// Scales `image` so the digit's size (`digitSize`) becomes `side` px, keeping the aspect ratio
/// exactly, by area averaging; faint ink beyond the box is kept (so the result may be a little
/// larger than `side`).
func scaleToBox(_ image: FloatImage, side: Int = mnistBoxSide) -> FloatImage {
    let size = digitSize(image)
    guard size > 0 else { return image }
    return scale(image, by: Double(side) / Double(size))
}

/// Area-averaging resample by `scale` (each output pixel is the mean of the source area it
/// covers; the last row/column may be partly covered). Output `ceil(w·scale) × ceil(h·scale)`. Separable.
func scale(_ image: FloatImage, by scale: Double) -> FloatImage {
    guard scale != 1, image.count > 0 else { return image }
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
