import Foundation

/// A straight band of ink running across the whole image (ruled or grid paper, a form box,
/// a scanner's dark edge), as found in row-major ("horizontal") orientation: the pixels with
/// `lowOffset ≤ y − slope·(x − width/2) ≤ highOffset`.
struct RuledLine: Equatable, Sendable {
    var slope: Float
    var lowOffset: Float
    var highOffset: Float
}

/// Slopes tried: tan of −15°…15° in 1° steps (photos are rarely rotated more).
private let lineSlopes: [Float] = (-15...15).map { Float(tan(Double($0) * .pi / 180)) }

/// Near-horizontal lines in `mask`: at the best slope, the bands whose pixel count is at least
/// half the width and whose pixels reach within 15% of both the left and right edges.
/// A digit's bar never spans the frame, so it is not taken for a line.
func findHorizontalLines(_ mask: InkMask) -> [RuledLine] {
    let width = mask.width, height = mask.height
    guard width >= 16, height >= 4 else { return [] }
    let centre = Float(width) / 2
    let pad = Int((Float(width) * 0.27).rounded(.up)) + 1   // tan 15° ≈ 0.268
    let binCount = height + 2 * pad
    let minimumCount = width / 2
    var bestSlope: Float = 0, bestCount = 0
    var bestBins: [Int] = []
    var counts = [Int](repeating: 0, count: binCount)
    var minX = [Int](repeating: 0, count: binCount)
    var maxX = [Int](repeating: 0, count: binCount)
    var inkPixels: [(x: Int, y: Int)] = []
    for y in 0..<height { for x in 0..<width where mask.bits[y * width + x] { inkPixels.append((x, y)) } }
    guard inkPixels.count >= minimumCount else { return [] }
    for slope in lineSlopes {
        for i in 0..<binCount { counts[i] = 0; minX[i] = Int.max; maxX[i] = -1 }
        for p in inkPixels {
            let bin = Int((Float(p.y) - slope * (Float(p.x) - centre)).rounded()) + pad
            counts[bin] += 1
            minX[bin] = min(minX[bin], p.x)
            maxX[bin] = max(maxX[bin], p.x)
        }
        let peak = counts.max() ?? 0
        if peak > bestCount {
            bestCount = peak
            bestSlope = slope
            bestBins = counts.indices.filter {
                counts[$0] >= minimumCount && minX[$0] * 100 <= width * 15 && maxX[$0] * 100 >= width * 85
            }
        }
    }
    guard !bestBins.isEmpty else { return [] }
    // Contiguous runs of line bins, widened by one bin each side for the anti-aliased edge.
    var lines: [RuledLine] = []
    var runStart = bestBins[0], previous = bestBins[0]
    for bin in bestBins.dropFirst() + [Int.max] {
        if bin != previous + 1 {
            lines.append(RuledLine(slope: bestSlope, lowOffset: Float(runStart - pad - 1),
                                   highOffset: Float(previous - pad + 1)))
            runStart = bin
        }
        previous = bin
    }
    return lines
}

/// Paints over each line in `image` by interpolating, column by column, between the pixel just
/// above and the pixel just below the band: blank paper stays blank, and a digit stroke that
/// crosses the line is bridged.
func inpaintHorizontalLines(_ image: FloatImage, _ lines: [RuledLine]) -> FloatImage {
    var out = image
    let centre = Float(image.width) / 2
    for line in lines {
        for x in 0..<image.width {
            let shift = line.slope * (Float(x) - centre)
            let top = Int((line.lowOffset + shift).rounded(.down))
            let bottom = Int((line.highOffset + shift).rounded(.up))
            let above = top - 1, below = bottom + 1
            let hasAbove = above >= 0 && above < image.height, hasBelow = below >= 0 && below < image.height
            let valueAbove = hasAbove ? out[x, above] : (hasBelow ? out[x, below] : 0)
            let valueBelow = hasBelow ? out[x, below] : valueAbove
            let first = max(0, top), last = min(image.height - 1, bottom)
            guard first <= last else { continue }
            for y in first...last {
                let t = Float(y - above) / Float(below - above)
                out[x, y] = valueAbove + (valueBelow - valueAbove) * t
            }
        }
    }
    return out
}

/// Finds near-horizontal and near-vertical lines in `mask` and paints them out of `image`.
/// Returns the cleaned image and how many lines were removed.
func removeRuledLines(_ image: FloatImage, mask: InkMask) -> (image: FloatImage, lineCount: Int) {
    let horizontal = findHorizontalLines(mask)
    var cleaned = inpaintHorizontalLines(image, horizontal)
    // Vertical lines: the same search on the transposed image.
    let transposedMask = InkMask(width: mask.height, height: mask.width,
                                 bits: transpose(mask.bits, width: mask.width, height: mask.height))
    let vertical = findHorizontalLines(transposedMask)
    if !vertical.isEmpty {
        let transposed = FloatImage(width: cleaned.height, height: cleaned.width,
                                    pixels: transpose(cleaned.pixels, width: cleaned.width, height: cleaned.height))
        let painted = inpaintHorizontalLines(transposed, vertical)
        cleaned = FloatImage(width: cleaned.width, height: cleaned.height,
                             pixels: transpose(painted.pixels, width: painted.width, height: painted.height))
    }
    return (cleaned, horizontal.count + vertical.count)
}
