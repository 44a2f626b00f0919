/// The one path from a file's bytes to what the classifier sees: decode → preprocess.
/// `recognize`, `evaluate` (on image folders) and `preprocess` all go through here.
///
/// A large JPEG is read at most twice, decoding no more pixels than the digit needs: first at
/// the DCT scale that keeps its shorter side at least `firstLookShortSide` px (a 1600×1200
/// photo at 1/8, 200×150); that reading is kept when it found a digit at least
/// `minimumDigitHeight` px tall on unruled paper. Otherwise (a small digit, thin strokes lost at
/// that scale, no digit, or ruled lines, which at 1/8 are too faint to remove cleanly) the file is
/// decoded again by `decodeOptions.minShortSide` (1/4, 400×300) and preprocessed from scratch.
/// PNGs, and JPEGs already read at full size, take one pass.
public func readDigit(fromFileBytes bytes: [UInt8], decodeOptions: DecodeOptions = DecodeOptions(),
                      recordingSteps: Bool = false) throws -> PreprocessResult {
    var firstLook = decodeOptions
    if decodeOptions.minShortSide > firstLookShortSide { firstLook.minShortSide = firstLookShortSide }
    let decoded = try decodeImage(bytes: bytes, options: firstLook)
    let result = preprocess(decoded.image, recordingSteps: recordingSteps)
    guard decodesFiner(decoded, with: decodeOptions),
          (result.digitHeight ?? 0) < minimumDigitHeight || result.ruledLineCount > 0 else { return result }
    let finer = try decodeImage(bytes: bytes, options: decodeOptions)
    return preprocess(finer.image, recordingSteps: recordingSteps)
}

/// Shorter side (px) of a large JPEG's first, coarse reading in `readDigit`.
public let firstLookShortSide = 128

/// Height (px) of the digit's ink box in the coarse reading for `readDigit` to keep it: twice
/// MNIST's 20 px box, so the final scaling still averages several pixels into each. Height, not
/// the longer side: a stray piece of a ruled line taken for the digit is wide but flat, so it
/// sends the file to the finer reading.
public let minimumDigitHeight = 40

/// Whether decoding `decoded`'s file with `options` gives more pixels than `decoded` has:
/// only a JPEG read at a DCT scale coarser than `options` allows.
func decodesFiner(_ decoded: DecodedImage, with options: DecodeOptions) -> Bool {
    guard decoded.format == .jpeg else { return false }
    let shortSide = min(decoded.image.width, decoded.image.height)
    let declaredShortSide = min(decoded.declaredWidth, decoded.declaredHeight)
    return shortSide < declaredShortSide && (options.minShortSide == 0 || shortSide < options.minShortSide)
}
