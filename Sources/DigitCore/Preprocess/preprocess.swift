/// The warning text used when an image holds no digit.
public let noDigitFoundWarning = "no digit found"

/// Names the preprocessing a model was trained for; recorded in weights files.
public let preprocessingIdentifier = "placeholder-v0"

/// From a decoded image to the 28×28 digit the classifier sees (MNIST's procedure).
/// PLACEHOLDER until the preprocessing issue lands: scales the whole image to 28×28, dark ink assumed.
public func preprocess(_ image: GrayImage, recordingSteps: Bool = false) -> PreprocessResult {
    guard image.width > 0, image.height > 0 else {
        return PreprocessResult(digit: nil, warnings: [noDigitFoundWarning])
    }
    var out = DigitImage.blank
    for y in 0..<DigitImage.side {
        for x in 0..<DigitImage.side {
            let sx = x * image.width / DigitImage.side, sy = y * image.height / DigitImage.side
            out[x, y] = 1 - Float(image[sx, sy]) / 255
        }
    }
    return PreprocessResult(digit: out)
}

/// Applies to one MNIST digit (28×28 bytes, ink = 255) the same normalisation that
/// `preprocess` applies to a photo's ink, so training sees what inference sees.
/// PLACEHOLDER until the preprocessing issue lands: only rescales to 0…1.
public func normaliseMNISTDigit<Bytes: Collection>(_ raw: Bytes) -> DigitImage where Bytes.Element == UInt8 {
    DigitImage(pixels: raw.map { Float($0) / 255 })
}
