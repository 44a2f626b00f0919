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
    // Shortcut for a digit already 20 px with an accepted stroke width (98% of MNIST): scaling by
    // 2 (pixel replication) leaves the stroke width in box units unchanged and scaling back by ½
    // returns the same pixels exactly, so the stroke box is skipped; the result is identical.
    if digitSize(cropped) == mnistBoxSide && acceptedStrokeWidths.contains(strokeWidth(cropped)) {
        return NormalisationStages(cropped: cropped, strokeNormalised: cropped, boxed: cropped,
                                   final: centreAndDeskew(cropped))
    }
    let stroked = normaliseStrokeWidth(scaleToBox(cropped, side: strokeBoxSide))
    let boxed = scaleToBox(stroked)
    return NormalisationStages(cropped: cropped, strokeNormalised: stroked, boxed: boxed,
                               final: centreAndDeskew(boxed))
}

/// `normaliseInkStages` without its shortcut (for the test that they agree).
func normaliseInkWithoutShortcut(_ ink: FloatImage) -> DigitImage? {
    guard let cropped = cropToInk(ink) else { return nil }
    return centreAndDeskew(scaleToBox(normaliseStrokeWidth(scaleToBox(cropped, side: strokeBoxSide))))
}
