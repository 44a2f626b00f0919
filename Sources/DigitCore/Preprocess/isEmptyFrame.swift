/// Whether a component is an empty printed frame (a form box, an empty comb field, a blank
/// page's box): its ink runs along all four sides of its own box and, inside, only in the comb's
/// separators (ink crossing 90% of the box's height within a band as wide as a side's band). Each side's
/// band (the line's own width plus the drift of a line skewed by up to 5° across the box, at least
/// 2 px) must hold ink in at least 90% of the positions along that side, and at least 90% of the
/// component's pixels must lie in the bands. A handwritten 0 is round: its ink leaves the corners
/// of its box empty, so its sides are far from fully covered.
func isEmptyFrame(_ c: InkComponent, labels: [Int32], width: Int) -> Bool {
    let w = c.boxWidth, h = c.boxHeight
    guard w >= 8, h >= 8 else { return false }
    let bandX = max(2, Int((0.09 * Float(h)).rounded(.up)) + 2)   // left/right bands (vertical lines)
    let bandY = max(2, Int((0.09 * Float(w)).rounded(.up)) + 2)   // top/bottom bands
    guard 2 * bandX < w, 2 * bandY < h else { return false }
    var top = [Bool](repeating: false, count: w), bottom = top
    var left = [Bool](repeating: false, count: h), right = left
    var inBands = 0, total = 0
    var interiorRows = [Bool](repeating: false, count: w * h)   // column-major: interior ink by (dx, dy)
    var interiorCount = [Int](repeating: 0, count: w)
    let label = Int32(c.label)
    labels.withUnsafeBufferPointer { labels in
        for y in c.minY...c.maxY {
            let row = y * width
            for x in c.minX...c.maxX where labels[row + x] == label {
                total += 1
                let dx = x - c.minX, dy = y - c.minY
                var banded = false
                if dy < bandY { top[dx] = true; banded = true }
                if dy >= h - bandY { bottom[dx] = true; banded = true }
                if dx < bandX { left[dy] = true; banded = true }
                if dx >= w - bandX { right[dy] = true; banded = true }
                if banded { inBands += 1 } else { interiorRows[dx * h + dy] = true; interiorCount[dx] += 1 }
            }
        }
    }
    func covered(_ side: [Bool]) -> Bool { side.filter { $0 }.count * 10 >= side.count * 9 }
    guard covered(top), covered(bottom), covered(left), covered(right) else { return false }
    // Interior ink counts as frame when it lies in a separator: a band of `bandX` columns whose
    // union of rows covers 90% of the box's height.
    var separatorInk = 0, x = 0
    while x < w {
        guard interiorCount[x] > 0 else { x += 1; continue }
        let end = min(w, x + bandX)
        var rows = 0
        for dy in 0..<h where (x..<end).contains(where: { interiorRows[$0 * h + dy] }) { rows += 1 }
        if rows * 10 >= h * 9 {
            for dx in x..<end { separatorInk += interiorCount[dx] }
            x = end
        } else {
            x += 1
        }
    }
    return (inBands + separatorInk) * 10 >= total * 9
}
