/// Removes uneven lighting, shadows, vignetting and paper tint from an ink-is-bright image.
///
/// Background `B` = `estimateBackground` (a low percentile over windows a quarter of the frame
/// wide, interpolated). Output `(v − B) / (1 − B)` clamped to 0…1: for dark ink on paper this is
/// `1 − luma / paperLuma`, the ink's contrast relative to the local paper, so a shadow that darkens
/// paper and ink alike cancels. The denominator is floored at 0.1 so a black region does not
/// blow up noise. `followingShadows`: the background is raised to the shadows' level where they
/// fall (`raisedToShadows`; a sheet cut from a photo).
func flattenIllumination(_ image: FloatImage, followingShadows: Bool = false) -> FloatImage {
    let smooth = estimateBackground(image)
    let background = followingShadows ? raisedToShadows(smooth, of: image) : smooth
    let pixels = [Float](unsafeUninitializedCapacity: image.count) { out, initialised in
        image.pixels.withUnsafeBufferPointer { src in
            background.pixels.withUnsafeBufferPointer { bg in
                for i in 0..<src.count {
                    let b = bg[i]
                    out[i] = min(1, max(0, (src[i] - b) / max(0.1, 1 - b)))
                }
            }
        }
        initialised = image.count
    }
    return FloatImage(width: image.width, height: image.height, pixels: pixels)
}

/// The large-scale background of an ink-is-bright image, full size.
///
/// On a copy reduced by `coarseFactor`, windows a quarter of the longer side wide, overlapping by
/// half, each give a background level: first the 25th percentile of their pixels (ink, being
/// bright, would have to cover three quarters of a window to raise it, which even a bold digit
/// filling the frame does not); then, to remove that percentile's bias on a lighting gradient,
/// the median of the window's pixels that are not clearly ink (more than 0.08 above the first
/// estimate), when at least a tenth of the window is left. Window values are interpolated
/// bilinearly between window centres and extrapolated linearly beyond the outer ones, so a
/// gradient is followed up to the frame's edges. No window's level may exceed the lowest by more
/// than `maximumLightingSpread`: a shape so large and solid that it fills whole windows (a filled
/// block, a very fat stroke on a small canvas) is not mistaken for background.
func estimateBackground(_ image: FloatImage) -> FloatImage {
    let factor = coarseFactor(width: image.width, height: image.height)
    let small = downsample(image, by: factor)
    let window = backgroundWindow(width: small.width, height: small.height)
    let centresX = windowCentres(length: small.width, window: window)
    let centresY = windowCentres(length: small.height, window: window)
    let windows = windowBounds(small, centresX, centresY, spanX: windowSpan(length: small.width, window: window),
                               spanY: windowSpan(length: small.height, window: window))
    let rough = roughWindowLevels(small, windows)
    let roughImage = interpolateLevels(rough, centresX, centresY, width: small.width, height: small.height, factor: 1)
    var levels = paperWindowLevels(small, windows, rough: roughImage)
    let ceiling = (levels.min() ?? 0) + maximumLightingSpread
    levels = levels.map { min($0, ceiling) }
    return interpolateLevels(levels, centresX, centresY, width: image.width, height: image.height, factor: factor)
}

/// Side (px) of the background windows on an image `width × height` (already reduced by
/// `coarseFactor`): a quarter of the longer side, but at least `minimumBackgroundWindow` px (or
/// the whole image): on a small image (a thumbnail, a digit cropped to its box) a quarter of the
/// frame is no wider than one bold stroke, so the window would take the stroke for paper, while
/// lighting does not vary over so few pixels.
func backgroundWindow(width: Int, height: Int) -> Int {
    let long = max(width, height)
    return max(3, long / 4, min(long, minimumBackgroundWindow))
}

/// The smallest background window (px); see `backgroundWindow`.
let minimumBackgroundWindow = 32

/// The largest difference in background level (ink-is-bright units) that lighting is assumed
/// to cause across one frame: a gradient from full light to 40% of it on white paper.
let maximumLightingSpread: Float = 0.6

/// A window's pixel range in the reduced image: columns `x0..<x1`, rows `y0..<y1`.
struct BackgroundWindow: Equatable, Sendable {
    var x0: Int, x1: Int, y0: Int, y1: Int
}

/// The window centred at each (centresX[i], centresY[j]), `spanX × spanY` px, clipped to the
/// image; row-major, `centresX.count` per row.
func windowBounds(_ image: FloatImage, _ centresX: [Float], _ centresY: [Float],
                  spanX: Int, spanY: Int) -> [BackgroundWindow] {
    var windows: [BackgroundWindow] = []
    windows.reserveCapacity(centresX.count * centresY.count)
    for cy in centresY {
        for cx in centresX {
            windows.append(BackgroundWindow(
                x0: max(0, Int(cx) - spanX / 2), x1: min(image.width, Int(cx) + (spanX + 1) / 2),
                y0: max(0, Int(cy) - spanY / 2), y1: min(image.height, Int(cy) + (spanY + 1) / 2)))
        }
    }
    return windows
}

/// First estimate per window: the 25th percentile of its pixels (on `histogram`'s bins).
func roughWindowLevels(_ image: FloatImage, _ windows: [BackgroundWindow]) -> [Float] {
    var counts = [Int](repeating: 0, count: histogramBins)
    return image.pixels.withUnsafeBufferPointer { src in
        windows.map { w in
            counts.withUnsafeMutableBufferPointer { counts in
                counts.update(repeating: 0)
                for y in w.y0..<w.y1 {
                    let row = y * image.width
                    for x in w.x0..<w.x1 { counts[histogramBin(src[row + x])] += 1 }
                }
            }
            return quantile(counts, 0.25)
        }
    }
}

/// Second estimate per window: the median of its pixels not more than 0.08 above `rough` (the
/// first estimate interpolated to every pixel), when at least a tenth of the window is left;
/// else the 25th percentile of all its pixels.
func paperWindowLevels(_ image: FloatImage, _ windows: [BackgroundWindow], rough: FloatImage) -> [Float] {
    var all = [Int](repeating: 0, count: histogramBins), paper = [Int](repeating: 0, count: histogramBins)
    return image.pixels.withUnsafeBufferPointer { src in
        rough.pixels.withUnsafeBufferPointer { rough in
            windows.map { w in
                var paperCount = 0
                all.withUnsafeMutableBufferPointer { all in
                    paper.withUnsafeMutableBufferPointer { paper in
                        all.update(repeating: 0)
                        paper.update(repeating: 0)
                        for y in w.y0..<w.y1 {
                            let row = y * image.width
                            for x in w.x0..<w.x1 {
                                let v = src[row + x], bin = histogramBin(v)
                                all[bin] += 1
                                if v <= rough[row + x] + 0.08 { paper[bin] += 1; paperCount += 1 }
                            }
                        }
                    }
                }
                let total = (w.x1 - w.x0) * (w.y1 - w.y0)
                return paperCount * 10 >= total ? quantile(paper, 0.5) : quantile(all, 0.25)
            }
        }
    }
}

/// Bilinear interpolation (linear extrapolation outside) of window levels to a `width × height`
/// image that is `factor` times the size of the image the centres refer to (its pixel `j` is
/// centred on `j·f + (f − 1) / 2`). Values clamped to 0…1.
func interpolateLevels(_ levels: [Float], _ centresX: [Float], _ centresY: [Float],
                       width: Int, height: Int, factor: Int) -> FloatImage {
    let offset = Float(factor - 1) / 2, inverse = 1 / Float(factor)
    let n = centresX.count
    // Per column: left and right window column and the weight of the right one (same for every row).
    var left = [Int](), right = [Int](), weight = [Float]()
    left.reserveCapacity(width); right.reserveCapacity(width); weight.reserveCapacity(width)
    for x in 0..<width {
        let (i, fx) = segment(in: centresX, at: (Float(x) - offset) * inverse)
        left.append(i); right.append(min(i + 1, n - 1)); weight.append(fx)
    }
    // Each row of window levels interpolated across the columns once (the same products and sums
    // as per pixel, so the result is bit-identical); then each pixel mixes two such rows.
    var across = [Float](repeating: 0, count: centresY.count * width)
    levels.withUnsafeBufferPointer { levels in
        across.withUnsafeMutableBufferPointer { across in
            for j in 0..<centresY.count {
                let upper = j * n
                for x in 0..<width {
                    let fx = weight[x]
                    across[j * width + x] = levels[upper + left[x]] * (1 - fx) + levels[upper + right[x]] * fx
                }
            }
        }
    }
    let pixels = [Float](unsafeUninitializedCapacity: width * height) { out, initialised in
        across.withUnsafeBufferPointer { across in
            for y in 0..<height {
                let (j, fy) = segment(in: centresY, at: (Float(y) - offset) * inverse)
                let j1 = min(j + 1, centresY.count - 1)
                let top = j * width, bottom = j1 * width, row = y * width
                for x in 0..<width {
                    out[row + x] = min(1, max(0, across[top + x] * (1 - fy) + across[bottom + x] * fy))
                }
            }
        }
        initialised = width * height
    }
    return FloatImage(width: width, height: height, pixels: pixels)
}

/// Centres of windows `window` wide that cover `0..<length`, spaced at most half a window apart.
///
/// On a side longer than one window but shorter than one and a half (`isShortSide`), two windows
/// half the side long (`windowSpan`), centred a quarter and three quarters along it: windows a
/// whole window long would be only 1–4 px apart there (36 px on a 32 px window) and measure nearly
/// the same pixels, and the level beyond them is extrapolated from their difference, so the few
/// hundredths a digit adds to one of them would be multiplied by up to 16 at the frame's edge
/// into a false lighting gradient (a grey wedge in the flattened image's corners, whose spread is
/// then taken for noise that hides the digit). Half the side apart, a real gradient is measured
/// across the frame rather than extrapolated.
func windowCentres(length: Int, window: Int) -> [Float] {
    let first = Float(window) / 2, last = Float(length) - Float(window) / 2
    guard last > first else { return [Float(length) / 2] }
    if isShortSide(length: length, window: window) { return [Float(length) / 4, Float(length) * 3 / 4] }
    let count = Int(((last - first) / (Float(window) / 2)).rounded(.up)) + 1
    return (0..<count).map { first + (last - first) * Float($0) / Float(count - 1) }
}

/// The windows' length along a side `length` px long: `window`, or half the side on a short side
/// (`isShortSide`; see `windowCentres`).
func windowSpan(length: Int, window: Int) -> Int {
    isShortSide(length: length, window: window) ? (length + 1) / 2 : window
}

/// Whether a side is longer than one background window but shorter than one and a half.
func isShortSide(length: Int, window: Int) -> Bool {
    length > window && 2 * length < 3 * window
}

/// The segment of `centres` to interpolate in at `position`, and the fraction along it
/// (below 0 or above 1 outside the outer centres: linear extrapolation).
func segment(in centres: [Float], at position: Float) -> (index: Int, fraction: Float) {
    guard centres.count > 1 else { return (0, 0) }
    var i = 0
    while i < centres.count - 2 && position > centres[i + 1] { i += 1 }
    return (i, (position - centres[i]) / (centres[i + 1] - centres[i]))
}


/// `background` (w×h, ink bright) raised, pixel by pixel, to the grey-level opening of `image`: a
/// minimum then a maximum filter over squares of radius `shadowOpeningDivisor`-th of the shorter
/// side (3 px at least), which keeps what is wider than the square (a shadow's plateau) and removes
/// every bright stroke narrower.
///
/// Why: a hand's or a phone's shadow falls across a sheet photographed on a desk.
/// `estimateBackground`'s windows, a quarter of the frame wide and interpolated, cannot follow its
/// edge, so the shadowed paper along it came out as a band of ink, which joined the digit, lifted
/// the thresholds over it, or was read on an empty sheet. A digit on a sheet is drawn with strokes
/// far narrower than a fifth of the sheet's side; raised to the opening, the background holds the
/// shadow, which then divides out with the lighting. Asked on a sheet cut only (`paperSheet`): a
/// frame cut to a bold digit has strokes that wide.
func raisedToShadows(_ background: FloatImage, of image: FloatImage) -> FloatImage {
    let radius = max(3, min(image.width, image.height) / shadowOpeningDivisor)
    let opened = squareFilter(squareFilter(image, radius: radius, .minimum), radius: radius, .maximum)
    var raised = background
    for i in raised.pixels.indices { raised.pixels[i] = max(background.pixels[i], opened.pixels[i]) }
    return raised
}

/// The opening of `raisedToShadows` spans a square of radius 1/`shadowOpeningDivisor` of the
/// frame's shorter side: it removes bright structures narrower than a fifth of that side. Divisors
/// 6–16 gave the same gains on bench/realworld's sheets (within 2 files); 10 the most.
let shadowOpeningDivisor = 10
