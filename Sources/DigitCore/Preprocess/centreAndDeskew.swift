/// Centre of mass and second central moments of an ink image, in pixel-index coordinates
/// (pixel `(x, y)` sits at `x`, `y`).
struct InkMoments: Equatable, Sendable {
    var mass: Float
    var centreX: Float, centreY: Float
    /// Σ (x − cx)(y − cy)·v / mass and Σ (y − cy)²·v / mass.
    var covarianceXY: Float
    var varianceY: Float

    /// The shear `x ← x + skew · (y − cy)` that makes the principal axis vertical.
    var skew: Float { varianceY > 1e-6 ? min(1, max(-1, covarianceXY / varianceY)) : 0 }
}

func inkMoments(_ image: FloatImage) -> InkMoments {
    var m = 0.0, sx = 0.0, sy = 0.0
    for y in 0..<image.height {
        for x in 0..<image.width {
            let v = Double(image.pixels[y * image.width + x])
            m += v; sx += v * Double(x); sy += v * Double(y)
        }
    }
    guard m > 0 else { return InkMoments(mass: 0, centreX: 0, centreY: 0, covarianceXY: 0, varianceY: 0) }
    let cx = sx / m, cy = sy / m
    var sxy = 0.0, syy = 0.0
    for y in 0..<image.height {
        for x in 0..<image.width {
            let v = Double(image.pixels[y * image.width + x])
            let dx = Double(x) - cx, dy = Double(y) - cy
            sxy += v * dx * dy; syy += v * dy * dy
        }
    }
    return InkMoments(mass: Float(m), centreX: Float(cx), centreY: Float(cy),
                      covarianceXY: Float(sxy / m), varianceY: Float(syy / m))
}

/// MNIST's centre: measured on the 60,000 training digits, the mean centre of mass is
/// (14.007, 13.996) in pixel-index coordinates, i.e. (14, 14), not 13.5.
let mnistCentre: Float = 14

/// Places `image` in a 28×28 frame with its centre of mass at (14, 14) and, when `deskew` is
/// true, shears it about the centre of mass so its principal axis is vertical:
/// `out(x, y) = image(cx + (x − 14) + skew·(y − 14), cy + (y − 14))`, bilinear (sub-pixel) sampling.
/// Along an output row the source column advances by exactly 1, so the horizontal weight is the
/// same for the whole row; the source is padded with zeros so no tap needs a bounds check.
func centreAndDeskew(_ image: FloatImage, deskew: Bool = true) -> DigitImage {
    let moments = inkMoments(image)
    guard moments.mass > 0 else { return .blank }
    let skew = deskew ? moments.skew : 0
    let side = DigitImage.side
    // Padding: one zero row above/below, and `side + 2` zero columns each side, enough for any
    // row's 28 taps wherever the row starts.
    let margin = side + 2
    let paddedWidth = image.width + 2 * margin
    var padded = [Float](repeating: 0, count: paddedWidth * (image.height + 2))
    for y in 0..<image.height {
        for x in 0..<image.width { padded[(y + 1) * paddedWidth + x + margin] = image.pixels[y * image.width + x] }
    }
    var out = [Float](repeating: 0, count: DigitImage.pixelCount)
    padded.withUnsafeBufferPointer { src in
        out.withUnsafeMutableBufferPointer { dst in
            for y in 0..<side {
                let dy = Float(y) - mnistCentre
                let sy = moments.centreY + dy
                let y0 = Int(sy.rounded(.down)), fy = sy - Float(y0)
                if y0 < -1 || y0 >= image.height { continue }
                let sx = moments.centreX - mnistCentre + skew * dy
                let x0 = Int(sx.rounded(.down)), fx = sx - Float(x0)
                // Columns x0 … x0 + 28 are read; outside the padding they would all be zero.
                if x0 + side < -1 || x0 >= image.width { continue }
                let start = max(-margin, min(x0, image.width))
                let top = (y0 + 1) * paddedWidth + margin + start, bottom = top + paddedWidth
                let w00 = (1 - fx) * (1 - fy), w01 = fx * (1 - fy), w10 = (1 - fx) * fy, w11 = fx * fy
                for x in 0..<side {
                    let v = src[top + x] * w00 + src[top + x + 1] * w01 + src[bottom + x] * w10 + src[bottom + x + 1] * w11
                    dst[y * side + x] = min(1, max(0, v))
                }
            }
        }
    }
    return DigitImage(pixels: out)
}

/// Plain reference for `centreAndDeskew`: every output pixel samples its four neighbours with
/// bounds checks (tests only).
func centreAndDeskewReference(_ image: FloatImage, deskew: Bool = true) -> DigitImage {
    let moments = inkMoments(image)
    guard moments.mass > 0 else { return .blank }
    let skew = deskew ? moments.skew : 0
    var out = [Float](repeating: 0, count: DigitImage.pixelCount)
    let w = image.width, h = image.height
    image.pixels.withUnsafeBufferPointer { src in
        func at(_ x: Int, _ y: Int) -> Float { x >= 0 && x < w && y >= 0 && y < h ? src[y * w + x] : 0 }
        for y in 0..<DigitImage.side {
            let dy = Float(y) - mnistCentre
            let sy = moments.centreY + dy
            let y0 = Int(sy.rounded(.down)), fy = sy - Float(y0)
            if y0 < -1 || y0 >= h { continue }
            for x in 0..<DigitImage.side {
                let sx = moments.centreX + (Float(x) - mnistCentre) + skew * dy
                let x0 = Int(sx.rounded(.down)), fx = sx - Float(x0)
                if x0 < -1 || x0 >= w { continue }
                let top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx
                let bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx
                out[y * DigitImage.side + x] = min(1, max(0, top * (1 - fy) + bottom * fy))
            }
        }
    }
    return DigitImage(pixels: out)
}
