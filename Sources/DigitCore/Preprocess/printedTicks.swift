/// The labels of a comb field's ticks among `components` (w×h labels): once the comb's baseline is
/// painted out as a line (`labelInk`), its ticks are left standing as short upright bars. Sharp, a
/// tick is a printed line segment and removed as one (`printedLineSegments`); blurred in a photo it
/// is too thick for its length to be one, and a digit written in one cell was read as a 1 (the one
/// tick not cut by the frame's edge) or with a tick beside it (a 9 as a 4).
///
/// Ticks are bars (reaching the high threshold, at least `tickMinimumHeight` px tall and three
/// times as tall as wide), at least three of them alike (heights within a fifth or 2 px, widths
/// within half or 2 px, tops or bottoms level within a fifth of the height), standing in a row at a
/// regular step: each gap between neighbours is one, two or three steps within 15% (a digit joined
/// to a tick, or a cell's tick hidden by one, leaves a wider gap), at least two gaps are one step
/// (three ticks in a row set the step), and the step is at least two bar widths.
/// A written digit is one mark, not a row of like bars. Numbers are segmented elsewhere
/// (`readNumber`), so a number's 1s are not taken for ticks.
func printedTicks(_ components: [InkComponent]) -> Set<Int> {
    let bars = components.filter {
        $0.reachesHigh && $0.boxHeight >= tickMinimumHeight && $0.boxHeight >= 3 * $0.boxWidth
    }
    guard bars.count >= 3 else { return [] }
    var ticks = Set<Int>()
    for bar in bars where !ticks.contains(bar.label) {
        let row = bars.filter { areAlikeTicks($0, bar) }.sorted { $0.minX < $1.minX }
        guard row.count >= 3 else { continue }
        let centres = row.map { Float($0.minX + $0.maxX) / 2 }
        let gaps = zip(centres.dropFirst(), centres).map { $0 - $1 }
        guard let step = gaps.min(), step >= 2 * Float(bar.boxWidth) else { continue }
        let steps = gaps.map { gap -> Float? in
            let steps = (gap / step).rounded()
            return steps <= 3 && abs(gap - steps * step) <= 0.15 * steps * step ? steps : nil
        }
        let regular = steps.allSatisfy { $0 != nil } && steps.filter { $0 == 1 }.count >= 2
        if regular { ticks.formUnion(row.map(\.label)) }
    }
    return ticks
}

/// A comb's ticks are at least this tall (px): noise and dust make shorter bars by chance.
let tickMinimumHeight = 10

/// Whether two upright bars are copies of one printed tick (`printedTicks`): heights within a fifth
/// (or 2 px), widths within half (or 2 px), tops or bottoms level within a fifth of the height.
func areAlikeTicks(_ a: InkComponent, _ b: InkComponent) -> Bool {
    let height = max(a.boxHeight, b.boxHeight), width = max(a.boxWidth, b.boxWidth)
    let tolerance = max(2, height / 5)
    return abs(a.boxHeight - b.boxHeight) <= tolerance && abs(a.boxWidth - b.boxWidth) <= max(2, width / 2)
        && (abs(a.maxY - b.maxY) <= tolerance || abs(a.minY - b.minY) <= tolerance)
}
