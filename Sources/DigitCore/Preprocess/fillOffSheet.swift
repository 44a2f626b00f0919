/// Sets each pixel of `image` off the sheet (`onSheet` false) to the level of the sheet's nearest
/// pixels in its row: the mean of the first (or last) `run` sheet pixels of the run it lies beside,
/// between two runs the line between their levels. A row with no sheet pixel takes the mean level
/// of the nearest row that has some.
func fillOffSheet(_ image: inout FloatImage, onSheet: (Int, Int) -> Bool, run: Int) {
    let (width, height) = (image.width, image.height)
    var rowLevel = [Float?](repeating: nil, count: height)
    for y in 0..<height {
        let inside = (0..<width).map { onSheet($0, y) }
        // Runs of sheet pixels: [start, end).
        var runs: [(start: Int, end: Int)] = []
        var x = 0
        while x < width {
            guard inside[x] else { x += 1; continue }
            let start = x
            while x < width && inside[x] { x += 1 }
            runs.append((start, x))
        }
        guard !runs.isEmpty else { continue }
        func mean(_ range: Range<Int>) -> Float {
            var sum: Float = 0
            for x in range { sum += image[x, y] }
            return sum / Float(max(1, range.count))
        }
        var total: Float = 0, n = 0
        for r in runs { for x in r.start..<r.end { total += image[x, y]; n += 1 } }
        rowLevel[y] = total / Float(n)
        let first = runs[0], last = runs[runs.count - 1]
        let left = mean(first.start..<min(first.end, first.start + run))
        let right = mean(max(last.start, last.end - run)..<last.end)
        for x in 0..<first.start { image[x, y] = left }
        for x in last.end..<width { image[x, y] = right }
        for (a, b) in zip(runs, runs.dropFirst()) {
            let from = mean(max(a.start, a.end - run)..<a.end), to = mean(b.start..<min(b.end, b.start + run))
            let gap = b.start - a.end
            for x in a.end..<b.start {
                let t = Float(x - a.end + 1) / Float(gap + 1)
                image[x, y] = from + (to - from) * t
            }
        }
    }
    // Rows without sheet pixels: the nearest row's level.
    let levelled = (0..<height).filter { rowLevel[$0] != nil }
    guard !levelled.isEmpty else { return }
    for y in 0..<height where rowLevel[y] == nil {
        let nearest = levelled.min { abs($0 - y) < abs($1 - y) }!
        for x in 0..<width { image[x, y] = rowLevel[nearest]! }
    }
}
