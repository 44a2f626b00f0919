import Foundation

/// Splits regions that hold two (or more) touching or overlapping digits.
///
/// A region is a suspect when it is wider than the line's typical digit (its width against the
/// typical digit width and against its height). Cuts are tried from the columns where the
/// vertical ink profile is thinnest (local minima, nearest to where a digit of typical width would
/// end), each both straight down and as the path from top to bottom that crosses the least ink
/// (`separatingPath`: it bends around the stroke of an overlapping neighbour). Each side of a cut
/// is classified, and the cut whose two sides the classifier is most confident about (highest
/// summed log-probability; the search stops at a cut whose sides both read at 99%) is kept, when
/// the parts read more confidently than the whole by a margin that grows as the region narrows (a
/// narrow region is more likely one wide digit) and vanishes at 1.15× its height (wider regions are split whatever the whole reads as). Parts are
/// cut again while they are still too wide (up to `maximumParts` digits from one region).
func splitTouchingDigits(_ lines: [[DigitSelection]], page: CleanedPage,
                         classify: (DigitImage) -> Prediction) -> [[NumberRegion]] {
    guard lines.contains(where: { !$0.isEmpty }) else { return [] }
    return withoutActuallyEscaping(classify) { classify in
        let splitter = TouchingDigitSplitter(lines: lines, page: page, classify: classify)
        return lines.map { line in line.flatMap { splitter.parts(of: NumberRegion($0), depth: 1) } }
    }
}

/// Most digits one region is split into.
let maximumParts = 4
/// The summed log-confidence of a cut whose two sides each read at 99% or more; the search for a
/// better cut stops there (another could gain at most 0.02 in log-probability).
let certainCutScore: Float = 2 * logf(0.99)

struct TouchingDigitSplitter {
    let page: CleanedPage
    /// Width and height (px) of a typical single digit on this page.
    let expectedWidth: Float
    let typicalHeight: Float
    let classify: (DigitImage) -> Prediction
    /// Whether `bestCut` reads every candidate cut (the plain search, for tests) instead of
    /// stopping early at a near-certain cut and skipping cuts whose left side already scores too low.
    var readsEveryCut = false

    /// The splitter for `lines` (not all empty): the typical digit is the median region's height
    /// and the median width of the regions shaped like one digit.
    init(lines: [[DigitSelection]], page: CleanedPage, classify: @escaping (DigitImage) -> Prediction) {
        let all = lines.flatMap { $0 }
        let heights = all.map(\.boxHeight).sorted()
        let typicalHeight = Float(heights[heights.count / 2])
        let widths = all.filter { Float($0.boxWidth) >= 0.35 * Float($0.boxHeight) && $0.boxWidth <= $0.boxHeight }
            .map(\.boxWidth).sorted()
        self.page = page
        self.typicalHeight = typicalHeight
        self.expectedWidth = widths.count >= 2 ? Float(widths[widths.count / 2]) : 0.7 * typicalHeight
        self.classify = classify
    }

    /// `region` as it should be read: itself, or the parts it splits into, left to right.
    func parts(of region: NumberRegion, depth: Int) -> [NumberRegion] {
        // Against the typical height too: a short, wide digit (a flat 5) is not two digits.
        let box = region.selection
        let width = Float(box.boxWidth), height = max(Float(box.boxHeight), typicalHeight)
        guard depth < maximumParts, width >= 1.3 * expectedWidth, width >= 1.05 * height else { return [region] }
        // Touching digits are one component. A region merged from pieces (a 5 and its bar, or a
        // touching pair with a broken-off stroke end) is split only when too wide for one digit.
        if box.labels.count > 1 && width < 1.15 * height { return [region] }
        guard let best = bestCut(of: region) else { return [region] }
        // The wider the region, the less the parts must outscore the whole (log-probability per
        // digit); from 1.15× its height on, it is split whatever the whole reads as.
        if width < 1.15 * height {
            let margin = 0.3 * (1.15 - width / height) / 0.1
            let wholeScore = logf(max(1e-6, confidence(of: region)))
            guard best.score / 2 > wholeScore + margin else { return [region] }
        }
        return parts(of: best.left, depth: depth + 1) + parts(of: best.right, depth: depth + 1)
    }

    /// Whether a part is tall enough to be a digit (as `segmentDigits` asks of every region), not a
    /// stroke end cut off a digit (a 7's bar, the tail of a 9), which the classifier, shown it
    /// scaled up to 20 px, may well read confidently.
    func isDigitHeight(_ part: NumberRegion) -> Bool {
        Float(part.selection.boxHeight) >= NumberSegmentationRules().minimumHeight * typicalHeight
    }

    /// The classifier's top probability for a region (0 when it holds no ink).
    func confidence(of region: NumberRegion) -> Float {
        guard let digit = normalisedDigit(region, on: page) else { return 0 }
        return classify(digit).confidence
    }

    /// The cut among the candidates whose two sides read best, with their summed log-confidence.
    /// Each candidate column is tried as a straight cut and as the `separatingPath` near it; cuts
    /// that leave a side shorter than a digit are not kept.
    func bestCut(of region: NumberRegion) -> (left: NumberRegion, right: NumberRegion, score: Float)? {
        var best: (left: NumberRegion, right: NumberRegion, score: Float)?
        var tried: [CutPath] = []
        for column in candidateCuts(of: region) {
            let straight = CutPath(straightAt: column, top: region.selection.minY, bottom: region.selection.maxY)
            let bent = separatingPath(through: region, near: column, on: page)
            for path in [straight] + (bent.map { [$0] } ?? []) where !tried.contains(path) {
                tried.append(path)
                guard let (left, right) = cut(region, along: path, on: page),
                      isDigitHeight(left), isDigitHeight(right) else { continue }
                // A side's log-confidence bounds the pair's (the other side's is at most 0): a cut
                // whose left side alone scores no better than the best pair is not read further.
                let leftScore = logf(max(1e-6, confidence(of: left)))
                if let best, leftScore <= best.score, !readsEveryCut { continue }
                let score = leftScore + logf(max(1e-6, confidence(of: right)))
                if best == nil || score > best!.score { best = (left, right, score) }
                // Both sides read with near certainty: no other cut can read much better.
                if score >= certainCutScore && !readsEveryCut { return best }
            }
        }
        return best
    }

    /// Up to ten columns to try: local minima of the (3-column smoothed) ink profile, cheapest
    /// first, the cost being the profile's depth plus the distance from where a typical-width
    /// digit starting at either edge would end.
    func candidateCuts(of region: NumberRegion) -> [Int] {
        let profile = inkProfile(region, on: page)
        let n = profile.count
        let margin = max(2, Int(0.12 * Float(region.selection.boxHeight)))
        guard n > 2 * margin + 1 else { return [] }
        var smooth = profile
        for i in 1..<(n - 1) { smooth[i] = (profile[i - 1] + profile[i] + profile[i + 1]) / 3 }
        let peak = max(1, smooth.max() ?? 1)
        let expected = [expectedWidth, Float(n) - expectedWidth, Float(n) / 2]
        var scored: [(column: Int, cost: Float)] = []
        for i in margin..<(n - margin) {
            let isMinimum = smooth[max(0, i - 2)...min(n - 1, i + 2)].allSatisfy { smooth[i] <= $0 }
            guard isMinimum else { continue }
            let distance = expected.map { abs(Float(i) - $0) }.min()! / max(1, expectedWidth)
            scored.append((i, smooth[i] / peak + 0.5 * distance))
        }
        if scored.isEmpty { scored.append((n / 2, 0)) }
        return scored.sorted { $0.cost < $1.cost }.prefix(10).map { region.selection.minX + $0.column }
    }
}

/// Ink pixels of `region` (its components, inside its box and its cuts) per column of its box.
func inkProfile(_ region: NumberRegion, on page: CleanedPage) -> [Float] {
    let box = region.selection
    var profile = [Float](repeating: 0, count: box.boxWidth)
    let width = page.cleaned.width
    for y in box.minY...box.maxY {
        for x in box.minX...box.maxX where region.contains(x, y) && box.labels.contains(Int(page.labels[y * width + x])) {
            profile[x - box.minX] += 1
        }
    }
    return profile
}

/// `region` cut along `path`: the part left of it and the part from it on, each shrunk to the
/// box of its own ink. `nil` when either side holds no ink.
func cut(_ region: NumberRegion, along path: CutPath, on page: CleanedPage) -> (NumberRegion, NumberRegion)? {
    var left = region, right = region
    left.rightCut = path
    right.leftCut = path
    guard let l = shrunkToInk(left, on: page), let r = shrunkToInk(right, on: page) else { return nil }
    return (l, r)
}

/// `region` with its box shrunk to the ink of its components inside it; `nil` when there is none.
func shrunkToInk(_ region: NumberRegion, on page: CleanedPage) -> NumberRegion? {
    var minX = Int.max, minY = Int.max, maxX = -1, maxY = -1
    let box = region.selection
    let width = page.cleaned.width
    for y in box.minY...box.maxY {
        for x in box.minX...box.maxX where region.contains(x, y) && box.labels.contains(Int(page.labels[y * width + x])) {
            minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
        }
    }
    guard maxX >= 0 else { return nil }
    var shrunk = region
    shrunk.selection.minX = minX; shrunk.selection.maxX = maxX
    shrunk.selection.minY = minY; shrunk.selection.maxY = maxY
    return shrunk
}

