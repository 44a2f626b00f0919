/// The window radius (px) for large-scale background estimates: 1/8 of the longer side, so the
/// window (1/4 of it) is wider than any stroke, or junction of strokes, of a digit that fills
/// up to 60% of the frame (a bold MNIST digit's strokes reach a quarter of its height).
func backgroundRadius(width: Int, height: Int) -> Int {
    max(3, max(width, height) / 8)
}

/// True when the ink is darker than its surroundings (pen on paper), false when it is
/// brighter (chalk on a board, MNIST itself).
///
/// A bold digit cut to its box, where ink covers as much of the frame as paper, is judged by
/// its corners (`inkIsDarkByCorners`). Otherwise three votes, the majority decides. Two are the
/// sign of the skew of the residual `image − mean` (ink is a thin minority, so its residuals form
/// the long tail): once with the local mean (`backgroundRadius`), which removes lighting
/// gradients, once with the whole image's mean, which is right when the digit fills the frame (a
/// 28×28 MNIST-style PNG, a thumbnail, a broad marker) and its strokes are as wide as the local
/// window, so the local mean follows the ink. The third is the frame's edge: its median is
/// background (paper around a digit, black around an MNIST digit), so ink is dark when the edge
/// is brighter than the image's mean. Each vote can fail alone (a bold stroke as wide as the
/// window; a dark table around the page; a digit taking over half the frame); all three fail
/// together when a marker digit cut to its box covers more of the frame than paper: ink is then
/// the majority and meets the edge along most of it. Computed on a copy reduced by `coarseFactor`.
func inkIsDark(_ image: FloatImage) -> Bool {
    inkPolarity(image).inkIsDark
}

/// `inkIsDark`'s judgement of `image`, and whether its corners made it (`inkIsDarkByCorners`: a
/// bold shape fills the frame, `isFilledByBoldShape`), from one look at the reduced copy
/// (`coarse`: `coarseCopy(image)`, when the caller made it already).
func inkPolarity(_ image: FloatImage, coarse: FloatImage? = nil) -> (inkIsDark: Bool, byCorners: Bool) {
    let factor = coarseFactor(width: image.width, height: image.height)
    let small = coarse ?? coarseCopy(image)
    if let corners = inkIsDarkByCorners(small) { return (corners, true) }
    let radius = max(1, backgroundRadius(width: image.width, height: image.height) / factor)
    let local = residualSkew(small, boxBlur(small, radius: radius))
    let global = residualSkew(small, nil)
    let edgeIsBright = edgeMedian(small) > meanValue(small)
    return ([local < 0, global < 0, edgeIsBright].filter { $0 }.count >= 2, false)
}

/// Mean of all pixels.
private func meanValue(_ image: FloatImage) -> Float {
    image.pixels.reduce(0, +) / Float(max(1, image.count))
}

/// Median of the outermost rows and columns.
private func edgeMedian(_ image: FloatImage) -> Float {
    let edge = outermostPixels(image).sorted()
    return edge.isEmpty ? 0 : edge[edge.count / 2]
}

/// The pixels of `image`'s top and bottom rows and left and right columns (the four corners
/// twice), `2 · (width + height)` values.
func outermostPixels(_ image: FloatImage) -> [Float] {
    var edge: [Float] = []
    edge.reserveCapacity(2 * (image.width + image.height))
    for x in 0..<image.width { edge.append(image[x, 0]); edge.append(image[x, image.height - 1]) }
    for y in 0..<image.height { edge.append(image[0, y]); edge.append(image[image.width - 1, y]) }
    return edge
}

/// Skew (`m₃ / m₂^1.5`) of `image − mean`, the mean being `local` per pixel, or the image's own
/// mean when `local` is nil. 0 for a uniform image.
private func residualSkew(_ image: FloatImage, _ local: FloatImage?) -> Double {
    var second = 0.0, third = 0.0
    image.pixels.withUnsafeBufferPointer { src in
        if let local {
            local.pixels.withUnsafeBufferPointer { local in
                for i in 0..<src.count {
                    let r = Double(src[i] - local[i])
                    second += r * r
                    third += r * r * r
                }
            }
        } else {
            var mean = 0.0
            for v in src { mean += Double(v) }
            mean /= Double(max(1, src.count))
            for v in src {
                let r = Double(v) - mean
                second += r * r
                third += r * r * r
            }
        }
    }
    let n = Double(max(1, image.count))
    second /= n; third /= n
    return second > 1e-12 ? third / (second * second.squareRoot()) : 0
}

/// Makes ink bright: `1 − v` when the ink is dark (`inkIsDark`, unless the caller judged it
/// already), unchanged otherwise. 0…1 in and out.
func normalisePolarity(_ image: FloatImage, inkIsDark judged: Bool? = nil) -> FloatImage {
    guard judged ?? inkIsDark(image) else { return image }
    let pixels = [Float](unsafeUninitializedCapacity: image.count) { dst, initialised in
        image.pixels.withUnsafeBufferPointer { src in
            for i in 0..<src.count { dst[i] = 1 - src[i] }
        }
        initialised = image.count
    }
    return FloatImage(width: image.width, height: image.height, pixels: pixels)
}
