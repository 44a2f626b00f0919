/// One digit's region on a cleaned page: the components and box `segmentDigits` chose, and, for
/// a part of a split region, the cuts that bound it (its ink lies right of `leftCut` and left of
/// `rightCut`, row by row).
struct NumberRegion: Equatable {
    var selection: DigitSelection
    var leftCut: CutPath?
    var rightCut: CutPath?

    init(_ selection: DigitSelection, leftCut: CutPath? = nil, rightCut: CutPath? = nil) {
        self.selection = selection
        self.leftCut = leftCut
        self.rightCut = rightCut
    }

    /// Whether pixel (`x`, `y`) lies between the region's cuts (its box is not checked).
    func contains(_ x: Int, _ y: Int) -> Bool {
        (leftCut.map { x >= $0.firstRightColumn(atRow: y) } ?? true)
            && (rightCut.map { x < $0.firstRightColumn(atRow: y) } ?? true)
    }
}

/// A cut from the top of a region to its bottom: per row, the first column right of the cut
/// (the columns before it are left of the cut). Rows above and below the path continue its ends.
struct CutPath: Equatable {
    /// Page row of `columns[0]`.
    var top: Int
    var columns: [Int]

    /// A straight vertical cut before `column`, rows `top…bottom`.
    init(straightAt column: Int, top: Int, bottom: Int) {
        self.init(top: top, columns: [Int](repeating: column, count: max(1, bottom - top + 1)))
    }

    init(top: Int, columns: [Int]) {
        self.top = top
        self.columns = columns.isEmpty ? [0] : columns
    }

    func firstRightColumn(atRow y: Int) -> Int {
        columns[min(columns.count - 1, max(0, y - top))]
    }
}

/// The cut from the top of `region` to its bottom that severs the least ink: a path that moves at
/// most one column per row and stays within 0.2× the region's height of `column`, crossing ink
/// costs 1 per row (a cut between two ink pixels of the region), each column away from `column`
/// 0.02 (so it runs straight where nothing is in the way). Unlike a straight cut, it slips
/// between two overlapping digits (the 1 leaning over the 6 of a "16"). `nil` for an empty band.
func separatingPath(through region: NumberRegion, near column: Int, on page: CleanedPage) -> CutPath? {
    let box = region.selection
    let reach = max(1, Int(0.2 * Float(box.boxHeight)))
    // A row may be cut at the box's edge (all of it on one side): the foot of an L under its neighbour.
    let lo = max(box.minX, column - reach), hi = min(box.maxX + 1, column + reach)
    guard lo <= hi else { return nil }
    let span = hi - lo + 1, rows = box.boxHeight
    let width = page.cleaned.width
    func ink(_ x: Int, _ y: Int) -> Bool {
        x >= box.minX && x <= box.maxX && region.contains(x, y)
            && box.labels.contains(Int(page.labels[y * width + x]))
    }
    // cost[r][i]: cheapest path ending at row r in column lo + i; from[r][i]: its previous column index.
    var cost = [Float](repeating: 0, count: rows * span)
    var from = [Int](repeating: 0, count: rows * span)
    for r in 0..<rows {
        let y = box.minY + r
        for i in 0..<span {
            let x = lo + i
            let step: Float = (ink(x - 1, y) && ink(x, y) ? 1 : 0) + 0.02 * Float(abs(x - column))
            guard r > 0 else { cost[i] = step; continue }
            var bestPrevious = i, bestCost = cost[(r - 1) * span + i]
            for j in [i - 1, i + 1] where j >= 0 && j < span && cost[(r - 1) * span + j] < bestCost {
                bestPrevious = j; bestCost = cost[(r - 1) * span + j]
            }
            cost[r * span + i] = bestCost + step
            from[r * span + i] = bestPrevious
        }
    }
    var i = (0..<span).min { cost[(rows - 1) * span + $0] < cost[(rows - 1) * span + $1] } ?? 0
    var columns = [Int](repeating: 0, count: rows)
    for r in stride(from: rows - 1, through: 0, by: -1) {
        columns[r] = lo + i
        i = from[r * span + i]
    }
    return CutPath(top: box.minY, columns: columns)
}

/// The 28×28 the classifier sees for one region: its ink through the single-digit normalisation.
/// A part of a split region is extracted from a copy of the page around it in which the ink
/// beyond its cuts is blanked (so neither the components nor their 2 px edge reach over the cut).
func normalisedDigit(_ region: NumberRegion, on page: CleanedPage) -> DigitImage? {
    guard region.leftCut != nil || region.rightCut != nil else {
        return normaliseInk(extractInk(page.cleaned, labels: page.labels, selection: region.selection,
                                       thresholds: page.thresholds))
    }
    let box = region.selection, margin = 2
    let x0 = max(0, box.minX - margin), x1 = min(page.cleaned.width - 1, box.maxX + margin)
    let y0 = max(0, box.minY - margin), y1 = min(page.cleaned.height - 1, box.maxY + margin)
    guard x0 <= x1, y0 <= y1 else { return nil }
    var crop = FloatImage(width: x1 - x0 + 1, height: y1 - y0 + 1)
    var labels = [Int32](repeating: 0, count: crop.count)
    for y in y0...y1 {
        for x in x0...x1 {
            let label = page.labels[y * page.cleaned.width + x]
            let beyondCut = !region.contains(x, y) && box.labels.contains(Int(label))
            let i = (y - y0) * crop.width + (x - x0)
            crop.pixels[i] = beyondCut ? 0 : page.cleaned.pixels[y * page.cleaned.width + x]
            labels[i] = beyondCut ? 0 : label
        }
    }
    var local = box
    local.minX -= x0; local.maxX -= x0; local.minY -= y0; local.maxY -= y0
    return normaliseInk(extractInk(crop, labels: labels, selection: local, thresholds: page.thresholds))
}
