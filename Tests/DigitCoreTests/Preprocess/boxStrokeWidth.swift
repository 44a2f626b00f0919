@testable import DigitCore

/// The stroke width of `image` in 20-px-box pixels, as `normaliseStrokeWidth` measures it:
/// `strokeWidth` on a copy scaled to `strokeBoxSide` (noise along the edges averages out), halved.
func boxStrokeWidth(_ image: FloatImage) -> Float {
    guard digitSize(image) > 0 else { return 0 }
    return strokeWidth(scaleToBox(image, side: strokeBoxSide)) / 2
}
