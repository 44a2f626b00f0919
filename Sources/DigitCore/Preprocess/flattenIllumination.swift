/// Removes uneven lighting, shadows, vignetting and paper tint from an ink-is-bright image.
///
/// Background `B` = `estimateBackground` (a low percentile over windows a quarter of the frame
/// wide, interpolated). Output `(v − B) / (1 − B)` clamped to 0…1: for dark ink on paper this is
/// `1 − luma / paperLuma`, the ink's contrast relative to the local paper, so a shadow that darkens
/// paper and ink alike cancels. The denominator is floored at 0.1 so a black region does not
/// blow up noise.
func flattenIllumination(_ image: FloatImage) -> FloatImage {
    let background = estimateBackground(image)
    var out = image
    for i in 0..<image.count {
        let b = background.pixels[i]
        out.pixels[i] = min(1, max(0, (image.pixels[i] - b) / max(0.1, 1 - b)))
    }
    return out
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
    let window = max(3, max(small.width, small.height) / 4)
    let centresX = windowCentres(length: small.width, window: window)
    let centresY = windowCentres(length: small.height, window: window)
    let rough = windowLevels(small, centresX, centresY, window: window) { values, _ in quantile(histogram(values), 0.25) }
    let roughImage = interpolateLevels(rough, centresX, centresY, width: small.width, height: small.height, factor: 1)
    var levels = windowLevels(small, centresX, centresY, window: window) { values, indices in
        var paper: [Float] = []
        for (k, v) in values.enumerated() where v <= roughImage.pixels[indices[k]] + 0.08 { paper.append(v) }
        return paper.count * 10 >= values.count ? quantile(histogram(paper), 0.5) : quantile(histogram(values), 0.25)
    }
    let ceiling = (levels.min() ?? 0) + maximumLightingSpread
    levels = levels.map { min($0, ceiling) }
    return interpolateLevels(levels, centresX, centresY, width: image.width, height: image.height, factor: factor)
}

/// The largest difference in background level (ink-is-bright units) that lighting is assumed
/// to cause across one frame: a gradient from full light to 40% of it on white paper.
let maximumLightingSpread: Float = 0.6

/// One level per window: `level(values, pixelIndices)` over the pixels of the window centred at
/// each (centresX[i], centresY[j]); row-major, `centresX.count` per row.
private func windowLevels(_ image: FloatImage, _ centresX: [Float], _ centresY: [Float], window: Int,
                          level: ([Float], [Int]) -> Float) -> [Float] {
    var levels: [Float] = []
    var values: [Float] = [], indices: [Int] = []
    for cy in centresY {
        for cx in centresX {
            values.removeAll(keepingCapacity: true)
            indices.removeAll(keepingCapacity: true)
            let x0 = max(0, Int(cx) - window / 2), x1 = min(image.width, Int(cx) + (window + 1) / 2)
            let y0 = max(0, Int(cy) - window / 2), y1 = min(image.height, Int(cy) + (window + 1) / 2)
            for y in y0..<y1 {
                for x in x0..<x1 { values.append(image.pixels[y * image.width + x]); indices.append(y * image.width + x) }
            }
            levels.append(level(values, indices))
        }
    }
    return levels
}

/// Bilinear interpolation (linear extrapolation outside) of window levels to a `width × height`
/// image that is `factor` times the size of the image the centres refer to (its pixel `j` is
/// centred on `j·f + (f − 1) / 2`). Values clamped to 0…1.
private func interpolateLevels(_ levels: [Float], _ centresX: [Float], _ centresY: [Float],
                               width: Int, height: Int, factor: Int) -> FloatImage {
    var out = FloatImage(width: width, height: height)
    let offset = Float(factor - 1) / 2, inverse = 1 / Float(factor)
    let columns = (0..<width).map { segment(in: centresX, at: (Float($0) - offset) * inverse) }
    let n = centresX.count
    for y in 0..<height {
        let (j, fy) = segment(in: centresY, at: (Float(y) - offset) * inverse)
        let j1 = min(j + 1, centresY.count - 1)
        for x in 0..<width {
            let (i, fx) = columns[x]
            let i1 = min(i + 1, n - 1)
            let top = levels[j * n + i] * (1 - fx) + levels[j * n + i1] * fx
            let bottom = levels[j1 * n + i] * (1 - fx) + levels[j1 * n + i1] * fx
            out[x, y] = min(1, max(0, top * (1 - fy) + bottom * fy))
        }
    }
    return out
}

/// Centres of windows `window` wide that cover `0..<length`, spaced at most half a window apart.
func windowCentres(length: Int, window: Int) -> [Float] {
    let first = Float(window) / 2, last = Float(length) - Float(window) / 2
    guard last > first else { return [Float(length) / 2] }
    let count = Int(((last - first) / (Float(window) / 2)).rounded(.up)) + 1
    return (0..<count).map { first + (last - first) * Float($0) / Float(count - 1) }
}

/// The segment of `centres` to interpolate in at `position`, and the fraction along it
/// (below 0 or above 1 outside the outer centres: linear extrapolation).
func segment(in centres: [Float], at position: Float) -> (index: Int, fraction: Float) {
    guard centres.count > 1 else { return (0, 0) }
    var i = 0
    while i < centres.count - 2 && position > centres[i + 1] { i += 1 }
    return (i, (position - centres[i]) / (centres[i + 1] - centres[i]))
}
