import Foundation

/// A straight band of ink running across the whole image (ruled or grid paper, a form box,
/// a scanner's dark edge), as found in row-major ("horizontal") orientation: the pixels with
/// `lowOffset ≤ y − slope·(x − width/2) ≤ highOffset`.
struct RuledLine: Equatable, Sendable {
    var slope: Float
    var lowOffset: Float
    var highOffset: Float
}

/// Slopes tried: tan of −15°…15° in 1° steps (photos are rarely rotated more), then refined
/// in quarter degrees around the best.
private let lineSlopes: [Float] = (-15...15).map { slopeOf(degrees: Double($0)) }

private func slopeOf(degrees: Double) -> Float { Float(tan(degrees * .pi / 180)) }

/// Near-horizontal lines in `mask`: at the slope with the highest projection peak, the bands
/// holding at least 1/16 of the width in each quarter of the width (a faint line breaks up in
/// the mask, so a quarter of its length is enough), reaching within 10% of both edges, and at
/// most `max(4, height / 25)` px thick; each fitted to its own ink (`fittedToInk`). A digit's bar
/// spans the frame only when the frame is cut to the digit's box (a thumbnail, a data set's crop,
/// a field cut from a form by another program): there a 1's stem, a 4's or 7's bar, an 8's sides
/// run from edge to edge. So a band is kept only when it is long for its thickness, as a printed
/// line is (`isLongForItsThickness`, measured on `image`, the picture `mask` was taken from, when
/// given), or when it is one of three or more (ruled or squared paper; no digit has three parallel
/// strokes across its box).
func findHorizontalLines(_ mask: InkMask, image: @autoclosure () -> FloatImage? = nil) -> [RuledLine] {
    guard couldHoldLine(inkColumns(mask)) else { return [] }
    let lines = searchHorizontalLines(mask).map { $0.fittedToInk(mask) }
    guard !lines.isEmpty, lines.count < 3 else { return lines }
    let picture = image()   // made (for vertical lines: transposed) only when a line must be measured
    return lines.filter { $0.isLongForItsThickness(mask, image: picture) }
}

extension RuledLine {
    /// Whether the line, spanning `mask`'s width, is as long for its thickness as a printed line
    /// on its own must be: `LineSegmentRules.printedElongation` times its thickness and
    /// `printedLength` px; a pen stroke is at most about ten times as long as it is wide. The
    /// thickness is the median over the columns of the thin runs across the line (`thinRuns`) of
    /// how many of a run's pixels in `image` reach half the run's peak: blur spreads a printed
    /// line's edge in the low mask to several times its width, a pen stroke's no less. Without
    /// `image`, the runs' lengths in the mask.
    func isLongForItsThickness(_ mask: InkMask, image: FloatImage? = nil) -> Bool {
        let rules = LineSegmentRules()
        guard mask.width >= rules.printedLength else { return false }
        let centre = Float(mask.width) / 2
        let thicknesses = thinRuns(mask, longestRun: rules.maximumThickness).map { run -> Int in
            guard let image else { return run.length }
            let x = Int((run.t + centre).rounded()), first = Int((run.centre - Float(run.length - 1) / 2).rounded())
            let values = (first..<(first + run.length)).map { image[x, $0] }
            let half = (values.max() ?? 0) / 2
            return values.filter { $0 >= half }.count
        }.sorted()
        guard !thicknesses.isEmpty else { return false }
        return Float(mask.width) >= rules.printedElongation * Float(thicknesses[thicknesses.count / 2])
    }
}

/// `findHorizontalLines` without its `couldHoldLine` shortcut: the slope search itself.
func searchHorizontalLines(_ mask: InkMask) -> [RuledLine] {
    let width = mask.width, height = mask.height
    guard width >= 16, height >= 4 else { return [] }
    let centre = Float(width) / 2
    let pad = Int((Float(width) * 0.29).rounded(.up)) + 1   // tan 16° ≈ 0.287 (15° + refinement)
    let binCount = height + 2 * pad
    let minimumCount = width / 4
    // Only ink in thin runs across the line counts: a stroke crossing the band is not line, and
    // two upright strokes (a 0's sides, a box's walls) would otherwise put ink in every quarter of
    // every row they cover.
    let thin = thinRunLengths(mask, axis: .horizontal, maximumThickness: LineSegmentRules().maximumThickness).pixels
    var inkPixels: [(x: Int, y: Int)] = []
    inkPixels.reserveCapacity(thin.count)
    for i in thin { inkPixels.append((i % width, i / width)) }
    guard inkPixels.count >= minimumCount else { return [] }
    // 1. The slope whose projection has the highest peak.
    var counts = [Int](repeating: 0, count: binCount)
    var shift = [Int](repeating: 0, count: width)
    func peakCount(_ slope: Float) -> Int {
        // bin = round(y − slope·(x − centre)) + pad = y + shift[x], y being whole.
        counts.withUnsafeMutableBufferPointer { counts -> Int in
            shift.withUnsafeMutableBufferPointer { shift in
                inkPixels.withUnsafeBufferPointer { inkPixels in
                    for x in 0..<width { shift[x] = Int((-slope * (Float(x) - centre)).rounded()) + pad }
                    counts.update(repeating: 0)
                    for p in inkPixels { counts[p.y + shift[p.x]] += 1 }
                    var peak = 0
                    for c in counts where c > peak { peak = c }
                    return peak
                }
            }
        }
    }
    var bestDegrees = 0.0, bestCount = 0
    for degrees in -15...15 {
        let peak = peakCount(lineSlopes[degrees + 15])
        if peak > bestCount { bestCount = peak; bestDegrees = Double(degrees) }
    }
    let coarse = bestDegrees
    for offset in [-0.5, -0.25, 0.25, 0.5] {
        let peak = peakCount(slopeOf(degrees: coarse + offset))
        if peak > bestCount { bestCount = peak; bestDegrees = coarse + offset }
    }
    let bestSlope = slopeOf(degrees: bestDegrees)
    guard bestCount >= minimumCount else { return [] }
    // 2. At that slope, the bins with enough pixels in every quarter of the width: a line runs
    // the whole way across, a digit (even with stray line pixels beside it) does not.
    for x in 0..<width { shift[x] = Int((-bestSlope * (Float(x) - centre)).rounded()) + pad }
    var quarters = [Int](repeating: 0, count: 4 * binCount)
    var minX = [Int](repeating: Int.max, count: binCount), maxX = [Int](repeating: -1, count: binCount)
    for p in inkPixels {
        let bin = p.y + shift[p.x]
        quarters[4 * bin + min(3, 4 * p.x / width)] += 1
        minX[bin] = min(minX[bin], p.x)
        maxX[bin] = max(maxX[bin], p.x)
    }
    let perQuarter = max(1, width / 16)
    let bestBins = (0..<binCount).filter { bin in
        (0..<4).allSatisfy { quarters[4 * bin + $0] >= perQuarter }
            && minX[bin] * 10 <= width && maxX[bin] * 10 >= 9 * width
    }
    guard !bestBins.isEmpty else { return [] }
    // Contiguous runs of line bins, widened by one bin each side for the anti-aliased edge;
    // a run thicker than `maximumThickness` is a solid shape's edge, not a line.
    let maximumThickness = max(4, height / 25)
    var lines: [RuledLine] = []
    var runStart = bestBins[0], previous = bestBins[0]
    for bin in bestBins.dropFirst() + [Int.max] {
        if bin != previous + 1 {
            if previous - runStart + 1 <= maximumThickness {
                lines.append(RuledLine(slope: bestSlope, lowOffset: Float(runStart - pad - 1),
                                       highOffset: Float(previous - pad + 1)))
            }
            runStart = bin
        }
        previous = bin
    }
    return lines
}

/// Whether a mask whose columns hold ink as `inkColumns` says could hold a line as
/// `findHorizontalLines` defines one. A line's band takes at most one pixel from each column, so
/// every quarter of the width needs at least `width / 16` columns with ink, and ink must reach
/// within 10% of both edges. Exact: when this is false, the slope search finds no line (it is
/// skipped, which is most photos: the digit alone spans neither the frame nor its quarters).
func couldHoldLine(_ inkColumns: [Bool]) -> Bool {
    let width = inkColumns.count
    guard width > 0 else { return false }
    let perQuarter = max(1, width / 16)
    var quarters = [0, 0, 0, 0]
    for x in 0..<width where inkColumns[x] { quarters[min(3, 4 * x / width)] += 1 }
    let nearLeft = inkColumns.indices.contains { inkColumns[$0] && $0 * 10 <= width }
    let nearRight = inkColumns.indices.contains { inkColumns[$0] && $0 * 10 >= 9 * width }
    return nearLeft && nearRight && quarters.allSatisfy { $0 >= perQuarter }
}

/// Per column of `mask`: whether it holds any ink.
func inkColumns(_ mask: InkMask) -> [Bool] {
    var columns = [Bool](repeating: false, count: mask.width)
    mask.bits.withUnsafeBufferPointer { bits in
        columns.withUnsafeMutableBufferPointer { columns in
            for y in 0..<mask.height {
                let row = y * mask.width
                for x in 0..<mask.width where bits[row + x] { columns[x] = true }
            }
        }
    }
    return columns
}

/// Per row of `mask`: whether it holds any ink (the columns of the transposed mask).
func inkRows(_ mask: InkMask) -> [Bool] {
    mask.bits.withUnsafeBufferPointer { bits in
        (0..<mask.height).map { y in
            let row = y * mask.width
            return (0..<mask.width).contains { bits[row + $0] }
        }
    }
}

/// Paints over each line in `image` by interpolating, column by column, between the pixel just
/// above and the pixel just below the band: blank paper stays blank, and a digit stroke that
/// crosses the line is bridged.
func inpaintHorizontalLines(_ image: FloatImage, _ lines: [RuledLine]) -> FloatImage {
    var out = image
    let centre = Float(image.width) / 2
    for line in lines {
        let kept = strokeAlongLine(out, line)
        for x in 0..<image.width where !kept[x] {
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

/// Per column of `image`: whether `line`'s band there holds a pen stroke lying along the line,
/// which painting the line out would take with it (a 0's side on a squared page's vertical line,
/// a 7's bar on a horizontal one): the band's darkest ink is far darker than the line's own (its
/// median over the columns): above `line level + max(0.2, line level / 2)`, over a stretch of
/// columns at least `alongStrokeLength` times the band's thickness long. A stroke crossing the line,
/// or another line crossing it, darkens only a few columns and is bridged as before.
func strokeAlongLine(_ image: FloatImage, _ line: RuledLine) -> [Bool] {
    let centre = Float(image.width) / 2
    var peak = [Float](repeating: 0, count: image.width)
    for x in 0..<image.width {
        let shift = line.slope * (Float(x) - centre)
        let first = max(0, Int((line.lowOffset + shift).rounded(.down)))
        let last = min(image.height - 1, Int((line.highOffset + shift).rounded(.up)))
        guard first <= last else { continue }
        for y in first...last { peak[x] = max(peak[x], image[x, y]) }
    }
    guard !peak.isEmpty else { return [] }
    let level = peak.sorted()[peak.count / 2]
    let dark = peak.map { $0 > level + max(0.2, level / 2) }
    let minimum = max(4, Int((alongStrokeLength * (line.highOffset - line.lowOffset + 1)).rounded(.up)))
    var kept = [Bool](repeating: false, count: image.width)
    var x = 0
    while x < image.width {
        guard dark[x] else { x += 1; continue }
        var end = x
        while end + 1 < image.width && dark[end + 1] { end += 1 }
        if end - x + 1 >= minimum { for k in x...end { kept[k] = true } }
        x = end + 1
    }
    return kept
}

/// How many times its band's thickness a dark stretch along a ruled line must run to be a pen
/// stroke lying along it (`strokeAlongLine`).
let alongStrokeLength: Float = 3

/// The ruled lines of `mask`: near-horizontal ones (`findHorizontalLines`), then near-vertical ones
/// (the same search on the transposed mask, without the horizontal lines' pixels; checked with
/// `couldHoldLine` first, so most photos skip the transpose too). Vertical lines are in transposed
/// coordinates (their `slope` is dx/dy, offsets are x about the image's vertical centre). `image`, the picture
/// `mask` was taken from, measures a line's thickness (`isLongForItsThickness`).
func findRuledLines(_ mask: InkMask, image: FloatImage? = nil) -> (horizontal: [RuledLine], vertical: [RuledLine]) {
    let horizontal = findHorizontalLines(mask, image: image)
    let withoutHorizontal = clearLines(mask, horizontal)
    var vertical: [RuledLine] = []
    if mask.height >= 16, mask.width >= 4, couldHoldLine(inkRows(withoutHorizontal)) {
        let transposedMask = InkMask(width: mask.height, height: mask.width,
                                     bits: transpose(withoutHorizontal.bits, width: mask.width, height: mask.height))
        vertical = findHorizontalLines(transposedMask, image: image.map {
            FloatImage(width: $0.height, height: $0.width, pixels: transpose($0.pixels, width: $0.width, height: $0.height))
        })
    }
    return (horizontal, vertical)
}

/// `image` with `lines` (as `findRuledLines` gives them) painted out (`inpaintHorizontalLines`).
func paintRuledLines(_ image: FloatImage, _ lines: (horizontal: [RuledLine], vertical: [RuledLine])) -> FloatImage {
    var cleaned = inpaintHorizontalLines(image, lines.horizontal)
    if !lines.vertical.isEmpty {
        let transposed = FloatImage(width: cleaned.height, height: cleaned.width,
                                    pixels: transpose(cleaned.pixels, width: cleaned.width, height: cleaned.height))
        let painted = inpaintHorizontalLines(transposed, lines.vertical)
        cleaned = FloatImage(width: cleaned.width, height: cleaned.height,
                             pixels: transpose(painted.pixels, width: painted.width, height: painted.height))
    }
    return cleaned
}

extension RuledLine {
    /// The line as a `LineSegment` across the whole of an image `width × height` (`axis`:
    /// `.vertical` for a line found on the transposed mask), with no pixels of its own: the
    /// printed context that `printedLineSegments` joins comb ticks and box walls to.
    func segment(axis: LineAxis, width: Int, height: Int) -> LineSegment {
        let alongCount = axis.alongCount(width: width, height: height)
        let centre = Float(alongCount) / 2, middle = (lowOffset + highOffset) / 2
        return LineSegment(axis: axis, start: 0, end: alongCount - 1,
                           acrossAtStart: middle - slope * centre,
                           acrossAtEnd: middle + slope * (Float(alongCount - 1) - centre),
                           thickness: max(1, highOffset - lowOffset - 1), pixels: [])
    }
}

/// `mask` with the pixels of `lines` (and one pixel beyond each side) cleared.
func clearLines(_ mask: InkMask, _ lines: [RuledLine]) -> InkMask {
    var out = mask
    let centre = Float(mask.width) / 2
    for line in lines {
        for x in 0..<mask.width {
            let shift = line.slope * (Float(x) - centre)
            let first = max(0, Int((line.lowOffset + shift).rounded(.down)) - 1)
            let last = min(mask.height - 1, Int((line.highOffset + shift).rounded(.up)) + 1)
            if first <= last { for y in first...last { out[x, y] = false } }
        }
    }
    return out
}
