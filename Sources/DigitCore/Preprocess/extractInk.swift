/// The digit's grey-level ink, cut to its box (plus a 2 px margin): pixels of the selected
/// components inside the selection's box (a box narrower than the components cuts a touching
/// neighbour off) and their 2 px surroundings (the anti-aliased edge), other pixels 0.
/// Ink is rescaled so the stroke core is 1: `(v − floor) / (level − floor)` clamped to 0…1,
/// with `floor` = background + 2σ noise and `level` = 90th percentile of the digit's pixels.
///
/// A low-resolution digit enlarged by pixel replication (`detectBlockGrid` finds a block grid
/// inside the box) is returned at its own resolution instead: one pixel per block (the block's
/// mean), the margin one block wide. Its blocks are its pixels; their staircase edges are not
/// the digit's shape, and `enlargeSmallInk` then interpolates it like any small digit.
func extractInk(_ flattened: FloatImage, labels: [Int32], selection: DigitSelection,
                thresholds: InkThresholds) -> FloatImage {
    // The box and one pixel around it: the box's own edges are value changes too.
    let grid = detectBlockGrid(flattened, x0: max(0, selection.minX - 1), y0: max(0, selection.minY - 1),
                               x1: min(flattened.width - 1, selection.maxX + 1),
                               y1: min(flattened.height - 1, selection.maxY + 1))
    let margin = grid.map { max($0.periodX, $0.periodY) } ?? 2
    let x0 = max(0, selection.minX - margin), x1 = min(flattened.width - 1, selection.maxX + margin)
    let y0 = max(0, selection.minY - margin), y1 = min(flattened.height - 1, selection.maxY + margin)
    let width = x1 - x0 + 1, height = y1 - y0 + 1
    // Only the selection's labels are looked up: a label above them is not chosen (no scan of the page).
    let maxLabel = max(0, selection.labels.max() ?? 0)
    var chosen = [Bool](repeating: false, count: maxLabel + 1)
    for label in selection.labels where label >= 0 { chosen[label] = true }
    var member = FloatImage(width: width, height: height)
    var values: [Float] = []
    for y in 0..<height {
        for x in 0..<width {
            let i = (y + y0) * flattened.width + x + x0
            let inBox = (selection.minX...selection.maxX).contains(x + x0) && (selection.minY...selection.maxY).contains(y + y0)
            let label = Int(labels[i])
            if inBox && label <= maxLabel && chosen[label] {
                member[x, y] = 1
                values.append(flattened.pixels[i])
            }
        }
    }
    let support = squareFilter(member, radius: margin, .maximum)
    let level = values.isEmpty ? 1 : quantile(histogram(values), 0.9)
    let floor = min(thresholds.background + 2 * thresholds.noise, thresholds.low * 0.9)
    let range = max(1e-3, level - floor)
    var ink = FloatImage(width: width, height: height)
    for y in 0..<height {
        for x in 0..<width where support[x, y] > 0 {
            let v = flattened[x + x0, y + y0]
            ink[x, y] = min(1, max(0, (v - floor) / range))
        }
    }
    guard let grid else { return ink }
    return blockMeans(ink, grid: grid, originX: x0, originY: y0)
}

/// `image` (whose pixel (0, 0) is at (`originX`, `originY`) of the grid's coordinates) reduced
/// to one pixel per grid block: the mean of the block's pixels inside `image` (edge blocks may be
/// partial). Output: the blocks the image touches, `⌈…⌉ × ⌈…⌉`.
func blockMeans(_ image: FloatImage, grid: BlockGrid, originX: Int, originY: Int) -> FloatImage {
    func block(_ v: Int, _ period: Int, _ offset: Int) -> Int {
        let shifted = v - offset
        return shifted >= 0 ? shifted / period : -((-shifted + period - 1) / period)
    }
    let firstX = block(originX, grid.periodX, grid.offsetX), firstY = block(originY, grid.periodY, grid.offsetY)
    let lastX = block(originX + image.width - 1, grid.periodX, grid.offsetX)
    let lastY = block(originY + image.height - 1, grid.periodY, grid.offsetY)
    let width = lastX - firstX + 1, height = lastY - firstY + 1
    var sums = [Float](repeating: 0, count: width * height)
    var counts = [Float](repeating: 0, count: width * height)
    for y in 0..<image.height {
        let by = block(originY + y, grid.periodY, grid.offsetY) - firstY
        for x in 0..<image.width {
            let bx = block(originX + x, grid.periodX, grid.offsetX) - firstX
            sums[by * width + bx] += image[x, y]
            counts[by * width + bx] += 1
        }
    }
    for i in sums.indices where counts[i] > 0 { sums[i] /= counts[i] }
    return FloatImage(width: width, height: height, pixels: sums)
}
