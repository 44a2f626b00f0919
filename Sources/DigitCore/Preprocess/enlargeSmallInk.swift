/// A digit whose size (`digitSize`) is below this many pixels is enlarged by `enlargeSmallInk`
/// before `normaliseInk`: one that `normaliseInk` would scale up more than 2.5× to its stroke box.
/// Training scales MNIST's 20 px digits up exactly 2× by replication, so digits near 20 px (a
/// clean MNIST-scale image whose faintest edge fell below 0.5 measures 19) are what the model was
/// trained on and are left alone; enlarging them too changed readings of clean MNIST PNGs.
let smallDigitSide = 16

/// A small digit's grey ink (`w×h`, ink = 1.0, 0 outside the digit) enlarged by an integer factor
/// that brings its size to at least `strokeBoxSide`: grey values interpolated (bilinear), then
/// each stroke scaled to its own peak (`scaledToLocalPeak`), then the edge re-sharpened around the
/// half level (`sharpenEdge`). Digits of `smallDigitSide` px or more are returned unchanged.
///
/// Why: `normaliseInk` scales a digit to its stroke box by area averaging, which for a digit of a
/// few pixels is pixel replication: a 10 px digit becomes 4×4-pixel blocks whose staircase edges
/// and blurred fringe (a lens's or a resampler's blur is a pixel or two wide, a large part of such
/// a digit) fill loops and fatten strokes, and 1s and 7s are read as 8s. MNIST's 20 px digits are
/// area averages of sharp drawings: their grey comes only from the averaging. Interpolating the
/// grey levels and cutting the edge where a blurred step crosses half rebuilds that sharp drawing at
/// the working size, and `normaliseInk` averages it down as it does a large photo's digit.
func enlargeSmallInk(_ ink: FloatImage) -> FloatImage {
    let size = digitSize(ink)
    guard size > 0, size < smallDigitSide else { return ink }
    let factor = (strokeBoxSide + size - 1) / size
    let enlarged = upsample(ink, by: factor, width: ink.width * factor, height: ink.height * factor)
    return sharpenEdge(scaledToLocalPeak(enlarged, radius: factor))
}

/// The least peak (of the digit's core, 1.0) that `scaledToLocalPeak` divides by: a mark fainter
/// than this (a speck, the faint halo of a JPEG edge) is raised to `peak / faintStrokeLevel`
/// only, so it stays fainter than a stroke (a 0.1 speck to a third, under a fifth once sharpened).
let faintStrokeLevel: Float = 0.3

/// `ink` (w×h, core = 1.0) with each pixel divided by the brightest pixel within `radius` px (one
/// pixel of the small digit, once enlarged), but by no less than `faintStrokeLevel`.
///
/// Why: a pen line thinner than a pixel of a small image is averaged to a fraction of the core's
/// level (a 6's hairline stem at a third of its loop's), and `sharpenEdge`, which cuts at half the
/// core's level, erased it: the 6 was read as a 2. Scaled to its own peak, a thin stroke's edge
/// is cut at half of that peak, as a thick stroke's is; `normaliseInk` then gives every stroke
/// MNIST's width.
func scaledToLocalPeak(_ ink: FloatImage, radius: Int) -> FloatImage {
    let peak = squareFilter(ink, radius: radius, .maximum)
    var scaled = ink
    for i in scaled.pixels.indices { scaled.pixels[i] = ink.pixels[i] / max(peak.pixels[i], faintStrokeLevel) }
    return scaled
}

/// Ink `v` (0…1) mapped to `(v − 0.25) / 0.5` clamped to 0…1: a blurred edge of an enlarged small
/// digit becomes a short ramp centred on the half level (where a blurred step's edge lies), the
/// stroke core stays 1 and the faint fringe goes to 0. A ramp, not a hard threshold, so a thin
/// stroke whose blurred peak is a little under half is kept, only fainter.
func sharpenEdge(_ ink: FloatImage) -> FloatImage {
    FloatImage(width: ink.width, height: ink.height, pixels: ink.pixels.map { min(1, max(0, ($0 - 0.25) * 2)) })
}
