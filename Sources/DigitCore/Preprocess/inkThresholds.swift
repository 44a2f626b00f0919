/// The two thresholds of the hysteresis ink mask, on a flattened image (0 = background, 1 = ink).
///
/// Choice: Otsu on the flattened image (where lighting no longer varies, so one global
/// threshold is adaptive in effect), floored by a robust noise estimate so pure noise and
/// blank pages give no ink: `high = max(otsu, median + 6σ, median + 0.1)` with the noise σ from
/// the upper quartile, `(q75 − median) / 0.6745` (the flattened image is clamped at 0, so only
/// the upper half of the background's spread can be trusted);
/// `low = median + max(3σ, (high − median) / 2)`. Pixels above `low` count as ink only when
/// their connected region reaches `high` (hysteresis), which keeps faint stroke ends attached.
struct InkThresholds: Equatable, Sendable {
    /// Typical background level (median of the flattened image).
    var background: Float
    /// Robust noise standard deviation of the background.
    var noise: Float
    var high: Float
    var low: Float

    /// The level noise alone hardly reaches: `max(background + 6σ, background + 0.1)`, at most `high`.
    /// `high` is this floor or Otsu's threshold, whichever is higher; Otsu's threshold is set by
    /// the page's strongest marks (salt specks at full contrast, a dark printed line), so whether a
    /// region is a plateau of ink above the noise or a hill poking out of it is judged on the floor.
    var noiseFloor: Float { min(high, max(background + 6 * noise, background + 0.1)) }
}

let histogramBins = 1024

/// Histogram of values in 0…1 over `histogramBins` bins.
func histogram(_ values: [Float]) -> [Int] {
    var counts = [Int](repeating: 0, count: histogramBins)
    counts.withUnsafeMutableBufferPointer { counts in
        values.withUnsafeBufferPointer { values in
            for v in values { counts[histogramBin(v)] += 1 }
        }
    }
    return counts
}

/// The `histogram` bin of `v`: 0…1 (clamped) mapped to the nearest of `histogramBins` bins.
@inline(__always)
func histogramBin(_ v: Float) -> Int {
    Int(min(1, max(0, v)) * Float(histogramBins - 1) + 0.5)
}

/// The value below which `fraction` of the histogram's mass lies (bin centre).
func quantile(_ counts: [Int], _ fraction: Double) -> Float {
    let total = counts.reduce(0, +)
    guard total > 0 else { return 0 }
    let target = Double(total) * fraction
    var seen = 0
    for (bin, n) in counts.enumerated() {
        seen += n
        if Double(seen) >= target { return Float(bin) / Float(counts.count - 1) }
    }
    return 1
}

/// Otsu's threshold: the value that maximises the between-class variance of the histogram.
func otsuThreshold(_ counts: [Int]) -> Float {
    let total = Double(counts.reduce(0, +))
    guard total > 0 else { return 0.5 }
    var sumAll = 0.0
    for (bin, n) in counts.enumerated() { sumAll += Double(bin) * Double(n) }
    var weightBelow = 0.0, sumBelow = 0.0, best = -1.0, bestBin = 0
    for (bin, n) in counts.enumerated() {
        weightBelow += Double(n)
        let weightAbove = total - weightBelow
        if weightBelow == 0 { continue }
        if weightAbove == 0 { break }
        sumBelow += Double(bin) * Double(n)
        let meanBelow = sumBelow / weightBelow, meanAbove = (sumAll - sumBelow) / weightAbove
        let between = weightBelow * weightAbove * (meanBelow - meanAbove) * (meanBelow - meanAbove)
        if between > best { best = between; bestBin = bin }
    }
    return (Float(bestBin) + 0.5) / Float(counts.count - 1)
}

/// Thresholds for a flattened (ink-is-bright, background ≈ 0) image.
///
/// Background and noise come from the pixels below Otsu's threshold (the background class) when
/// that split is far wider than their spread: then ink, however much of the frame it covers (a
/// digit cropped to its box, as MNIST stores it, fills a fifth of the frame, its anti-aliased
/// edge another tenth), does not inflate the noise estimate. Otherwise (pure noise, a blank page:
/// Otsu splits the noise itself) they come from the whole histogram.
func inkThresholds(_ flattened: FloatImage) -> InkThresholds {
    let counts = histogram(flattened.pixels)
    let otsu = otsuThreshold(counts)
    let otsuBin = Int(otsu * Float(histogramBins - 1))
    var background = quantile(counts, 0.5)
    var noise = (quantile(counts, 0.75) - background) / 0.6745
    let below = counts.enumerated().map { $0.offset < otsuBin ? $0.element : 0 }
    let lowMedian = quantile(below, 0.5)
    let lowNoise = (quantile(below, 0.75) - lowMedian) / 0.6745
    let aboveMean = meanValue(counts, from: otsuBin), belowMean = meanValue(below, from: 0)
    if aboveMean - belowMean > 8 * lowNoise + 0.1 && lowNoise < noise {
        background = lowMedian
        noise = lowNoise
    }
    // The pixel-to-pixel estimate only where Otsu's split is plainly ink on paper (classes half the
    // full range apart): texture, clouds and blank-page noise never split that far.
    if aboveMean - belowMean >= 0.5, let fine = neighbourDifferenceNoise(flattened) {
        noise = min(noise, fine)
    }
    return floorThresholds(otsu: otsu, background: background, noise: noise)
}

/// Thresholds for the second look at a page where the first found no digit (`findSoftDigit`): the
/// noise floor from the pixel-to-pixel noise alone, `pixelNoise` (`neighbourDifferenceNoise`, or a
/// third of it on a 3×3-averaged copy), so a softly blurred or enlarged digit whose fringe fills the
/// histogram's upper quartile is not hidden under its own fringe. The background is the median of
/// the pixels below Otsu's threshold (the paper class): a digit and its fringe may cover more than
/// half of a small or low-resolution frame. These thresholds are liberal on purpose; paper texture
/// passes them too, and `inkThresholds(_:around:labels:isCandidate:ownHoles:pixelNoise:)` then
/// judges the candidate they find.
func softInkThresholds(_ image: FloatImage, pixelNoise: Float) -> InkThresholds {
    let counts = histogram(image.pixels)
    let otsu = otsuThreshold(counts)
    let otsuBin = Int(otsu * Float(histogramBins - 1))
    let below = counts.enumerated().map { $0.offset < otsuBin ? $0.element : 0 }
    let background = below.contains { $0 > 0 } ? quantile(below, 0.5) : quantile(counts, 0.5)
    return floorThresholds(otsu: otsu, background: background, noise: pixelNoise)
}

/// Thresholds measured on the paper around a candidate digit: the pixels of `image` in `window`
/// whose label (`labels`, one per pixel of `image`) is not marked in `isCandidate` (indexed by
/// label; label 0, the background, is never a candidate). Background and noise as in
/// `inkThresholds` (median, upper quartile), but with the candidate's own ink and fringe left
/// out, so they measure the paper around it: on a blank page the neighbouring hills of texture or
/// noise are still in, and give the noise floor the first look gave; around a real soft digit
/// only paper is left. `ownHoles` (pixel indices inside `window`, each once) are left out too: the
/// loops the candidate encloses, whose fringe fills them when it is blurred. The noise is at least
/// `pixelNoise`; Otsu's threshold is the whole image's.
func inkThresholds(_ image: FloatImage, around window: PixelBox, labels: [Int32], isCandidate: [Bool],
                   ownHoles: [Int] = [], pixelNoise: Float) -> InkThresholds {
    var counts = [Int](repeating: 0, count: histogramBins)
    image.pixels.withUnsafeBufferPointer { px in
        labels.withUnsafeBufferPointer { labels in
            for y in window.y..<(window.y + window.height) {
                for i in (y * image.width + window.x)..<(y * image.width + window.x + window.width)
                where !isCandidate[Int(labels[i])] {
                    counts[histogramBin(px[i])] += 1
                }
            }
            for i in ownHoles where !isCandidate[Int(labels[i])] { counts[histogramBin(px[i])] -= 1 }
        }
    }
    let otsu = otsuThreshold(histogram(image.pixels))
    let background = quantile(counts, 0.5)
    let noise = max(pixelNoise, (quantile(counts, 0.75) - background) / 0.6745)
    return floorThresholds(otsu: otsu, background: background, noise: noise)
}

/// `high = max(otsu, background + 6σ, background + 0.1)`, `low = background + max(3σ, (high − background) / 2)`.
func floorThresholds(otsu: Float, background: Float, noise: Float) -> InkThresholds {
    let high = max(otsu, background + 6 * noise, background + 0.1)
    let low = background + max(3 * noise, (high - background) / 2)
    return InkThresholds(background: background, noise: noise, high: high, low: low)
}

/// Noise σ from differences between horizontal neighbours, both above 0 (the flattened image is
/// clamped at 0): `median |a − b| / 0.575`, the median for two independent half-normal samples.
/// Noise changes from pixel to pixel, a blurred stroke's edge or a smooth gradient barely does,
/// so a large, softly blurred digit (a low-resolution scan enlarged with smoothing) whose fringe
/// fills the histogram's upper quartile is not taken for noise. `nil` when fewer than 1% of the
/// pixels form such pairs (a clean background is exactly 0).
func neighbourDifferenceNoise(_ image: FloatImage) -> Float? {
    var counts = [Int](repeating: 0, count: histogramBins)
    var pairs = 0
    image.pixels.withUnsafeBufferPointer { px in
        counts.withUnsafeMutableBufferPointer { counts in
            for y in 0..<image.height {
                let row = y * image.width
                for x in 0..<max(0, image.width - 1) {
                    let a = px[row + x], b = px[row + x + 1]
                    if a > 0 && b > 0 { counts[histogramBin(abs(a - b))] += 1; pairs += 1 }
                }
            }
        }
    }
    guard pairs * 100 >= image.count else { return nil }
    return quantile(counts, 0.5) / 0.575
}

/// Mean value of the histogram's bins from `first` on.
private func meanValue(_ counts: [Int], from first: Int) -> Float {
    var n = 0, sum = 0
    for bin in first..<counts.count { n += counts[bin]; sum += bin * counts[bin] }
    return n == 0 ? 0 : Float(sum) / Float(n) / Float(counts.count - 1)
}
