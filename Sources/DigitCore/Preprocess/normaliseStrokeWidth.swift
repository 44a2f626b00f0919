/// MNIST's typical stroke width in its 20-px box, by `strokeWidth`'s estimator: the median
/// over the 60,000 training digits is 1.93 px (5th–95th percentile 1.27–2.98).
let mnistStrokeWidth: Float = 1.93

/// Stroke widths (in 20-px-box pixels) inside this band are left alone: wide enough that
/// MNIST's own range (and photos of MNIST-like writing) is untouched, so training and photos
/// agree; a ball-point pen (≈ 0.3–0.8) or a broad marker (≥ 4) is brought back to MNIST's width.
let acceptedStrokeWidths: ClosedRange<Float> = 0.9...4.0

/// Mean stroke width of an ink image (ink 0…1), in its own pixels: `2 · area / perimeter`,
/// with area = total ink and perimeter = number of pixel edges between `≥ 0.5` and `< 0.5`
/// (image edges included). Exact for a long straight stroke.
func strokeWidth(_ image: FloatImage) -> Float {
    var area: Float = 0
    var perimeter = 0
    let w = image.width, h = image.height
    image.pixels.withUnsafeBufferPointer { px in
        for y in 0..<h {
            for x in 0..<w {
                let v = px[y * w + x]
                area += v
                let on = v >= 0.5
                let right = x + 1 < w ? px[y * w + x + 1] >= 0.5 : false
                let below = y + 1 < h ? px[(y + 1) * w + x] >= 0.5 : false
                if on != right { perimeter += 1 }
                if on != below { perimeter += 1 }
                if on && x == 0 { perimeter += 1 }
                if on && y == 0 { perimeter += 1 }
            }
        }
    }
    return perimeter == 0 ? 0 : 2 * area / Float(perimeter)
}

/// Stroke width is normalised on the digit scaled to this box: twice MNIST's, so one pixel of
/// dilation or erosion is half a box pixel, and MNIST digits (upscaled 2×) and photos (downscaled)
/// are treated at the same resolution by the same code.
let strokeBoxSide = 2 * mnistBoxSide

/// Brings a thin pen's or a fat marker's strokes toward MNIST's width. Input: the digit scaled to
/// `strokeBoxSide` (`scaleToBox(_, side: strokeBoxSide)`). When its width (in 20-px-box pixels)
/// is outside `acceptedStrokeWidths`, dilates (thin) or erodes (thick) the grey ink with a square
/// of radius `floor(|1.93 − w|)` px (each pixel at this scale is half a box pixel, on both sides
/// of the stroke), never overshooting the target.
func normaliseStrokeWidth(_ image: FloatImage) -> FloatImage {
    let width = strokeWidth(image) * Float(mnistBoxSide) / Float(max(1, digitSize(image)))
    guard width > 0, !acceptedStrokeWidths.contains(width) else { return image }
    let radius = Int(abs(mnistStrokeWidth - width).rounded(.down))
    guard radius >= 1 else { return image }
    if width < mnistStrokeWidth {
        // Pad so the thickened strokes are not clipped.
        var padded = FloatImage(width: image.width + 2 * radius, height: image.height + 2 * radius)
        for y in 0..<image.height {
            for x in 0..<image.width { padded[x + radius, y + radius] = image[x, y] }
        }
        return squareFilter(padded, radius: radius, .maximum)
    }
    let eroded = squareFilter(image, radius: radius, .minimum)
    // Never erase the digit: keep the original if erosion left (almost) nothing.
    return eroded.pixels.contains(where: { $0 > 0.5 }) ? eroded : image
}
