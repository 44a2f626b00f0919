/// The digit's grey-level ink, cut to its box (plus a 2 px margin): pixels of the selected
/// components inside the selection's box (a box narrower than the components cuts a touching
/// neighbour off) and their 2 px surroundings (the anti-aliased edge), other pixels 0.
/// Ink is rescaled so the stroke core is 1: `(v − floor) / (level − floor)` clamped to 0…1,
/// with `floor` = background + 2σ noise and `level` = 90th percentile of the digit's pixels.
func extractInk(_ flattened: FloatImage, labels: [Int32], selection: DigitSelection,
                thresholds: InkThresholds) -> FloatImage {
    let margin = 2
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
    return ink
}
