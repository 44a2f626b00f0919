/// The MNIST normalisation, shared by photos (`preprocess`) and training (`normaliseMNISTDigit`):
/// crop to the ink's box → scale to a 40-px box → stroke width toward MNIST's → digit size
/// (`digitSize`) to 20 px (area averaging)
/// → centre of mass to (14, 14) and deskew by second moments, in 28×28.
/// Input: grey ink, 0 = background (exactly 0 outside the digit), 1 = full ink.
/// `nil` when the image holds no ink.
func normaliseInk(_ ink: FloatImage) -> DigitImage? {
    normaliseInkStages(ink)?.final
}

/// The intermediate pictures of `normaliseInk`, for `--steps`.
struct NormalisationStages {
    var cropped: FloatImage
    var strokeNormalised: FloatImage
    var boxed: FloatImage
    var final: DigitImage
}

func normaliseInkStages(_ ink: FloatImage) -> NormalisationStages? {
    guard let cropped = cropToInk(ink) else { return nil }
    let stroked = normaliseStrokeWidth(scaleToBox(cropped, side: strokeBoxSide))
    let boxed = scaleToBox(stroked)
    return NormalisationStages(cropped: cropped, strokeNormalised: stroked, boxed: boxed,
                               final: centreAndDeskew(boxed))
}
