/// The window radius (px) for large-scale background estimates: 1/8 of the longer side, so the
/// window (1/4 of it) is wider than any stroke, or junction of strokes, of a digit that fills
/// up to 60% of the frame (a bold MNIST digit's strokes reach a quarter of its height).
func backgroundRadius(width: Int, height: Int) -> Int {
    max(3, max(width, height) / 8)
}

/// True when the ink is darker than its surroundings (pen on paper), false when it is
/// brighter (chalk on a board, MNIST itself).
///
/// Decided by the sign of the third moment (skew) of the residual `image − local mean`:
/// ink is a thin minority, so its residuals form the long tail. The local mean removes
/// lighting gradients first. Computed on a copy reduced by `coarseFactor`.
func inkIsDark(_ image: FloatImage) -> Bool {
    let factor = coarseFactor(width: image.width, height: image.height)
    let small = downsample(image, by: factor)
    let radius = max(1, backgroundRadius(width: image.width, height: image.height) / factor)
    let local = boxBlur(small, radius: radius)
    var thirdMoment = 0.0
    small.pixels.withUnsafeBufferPointer { small in
        local.pixels.withUnsafeBufferPointer { local in
            for i in 0..<small.count {
                let r = Double(small[i] - local[i])
                thirdMoment += r * r * r
            }
        }
    }
    return thirdMoment < 0
}

/// Makes ink bright: `1 − v` when the ink is dark, unchanged otherwise. 0…1 in and out.
func normalisePolarity(_ image: FloatImage) -> FloatImage {
    guard inkIsDark(image) else { return image }
    let pixels = [Float](unsafeUninitializedCapacity: image.count) { dst, initialised in
        image.pixels.withUnsafeBufferPointer { src in
            for i in 0..<src.count { dst[i] = 1 - src[i] }
        }
        initialised = image.count
    }
    return FloatImage(width: image.width, height: image.height, pixels: pixels)
}
